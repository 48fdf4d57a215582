"""The benchmark's quick subset as a regression test: each case is proven optimal with the stored
objective (benchmarks/optima.json) and its plan passes the validator. No wall-clock assertions:
speed is measured by ``python -m benchmarks``, correctness here.

The solver objective (readiness above the all-rest plan, in 1e-6 units) is an integer that every
optimal plan shares, so it is compared to 1e-6 relative. The plan's readiness, recomputed from
the plan in floating point, may differ between tied optimal plans by the objective's rounding
(at most ``Objective.rounding_bound``), so it gets a looser 1e-4.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.cases import QUICK
from benchmarks.measure import solve_cpsat

OPTIMA = json.loads((ROOT / "benchmarks" / "optima.json").read_text(encoding="utf-8"))


def test_every_quick_case_has_a_stored_optimum():
    assert {c.name for c in QUICK} <= set(OPTIMA)


@pytest.mark.parametrize("case", QUICK, ids=lambda c: c.name)
def test_quick_case_reaches_the_stored_optimum_and_validates(case):
    run, _ = solve_cpsat(case.scenario(), time_limit_s=60.0)
    stored = OPTIMA[case.name]
    if stored.get("status") == "INFEASIBLE":   # proven infeasible under the coach-grade rules (benchmarks/README.md)
        assert run.status == "INFEASIBLE"
        return
    assert run.status == "OPTIMAL"
    assert run.scaled_objective == pytest.approx(stored["objective"], rel=1e-6)
    assert run.readiness == pytest.approx(stored["readiness"], rel=1e-4)
    assert run.violations == 0


def test_the_milp_backend_reaches_the_same_optimum_on_the_same_model():
    """HiGHS on the MILP translation of the CP-SAT model: same optimum, and its plan validates."""
    from benchmarks.measure import solve_milp

    case = QUICK[0]
    run, _ = solve_milp(case.scenario(), time_limit_s=60.0)
    assert run.status == "OPTIMAL"
    assert run.scaled_objective == pytest.approx(OPTIMA[case.name]["objective"], rel=1e-6)
    assert run.violations == 0
