"""Shared test helpers: tiny scenarios and a solve that always runs the independent validator."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from peakplan.planner import solve
from peakplan.result import Result
from peakplan.scenario import scenario_from_dict

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))

BASE_SCENARIO: dict[str, Any] = {
    "name": "tiny 10K",
    "start_date": "2027-01-04",          # a Monday
    "race": {"distance": "10k", "date": "2027-01-31"},   # a Sunday: 4 full weeks
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
    "availability": {"max_minutes": {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60, "sun": 100},
                     "long_run_day": "sun"},
    "solver": {"time_limit_s": 30, "workers": 1, "seed": 0},
}


def scenario(**overrides: Any):
    """BASE_SCENARIO with dotted-path overrides, e.g. scenario(**{"rules.deload.enabled": False})."""
    data = copy.deepcopy(BASE_SCENARIO)
    for dotted, value in overrides.items():
        node = data
        *parents, last = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return scenario_from_dict(data)


def validated(result: Result) -> Result:
    """Every plan a test produces goes through the independent validator."""
    if result.has_plan:
        try:
            from peakplan.validate import validate
        except ImportError:  # pragma: no cover - the validator package is part of the suite
            pytest.fail("peakplan.validate is missing: every plan must be validated")
        violations = validate(result.scenario, result.plan)
        assert violations == [], "\n".join(str(v) for v in violations)
    return result


def solve_checked(sc) -> Result:
    return validated(solve(sc))


@pytest.fixture(scope="session")
def shipped_results() -> dict[str, Result]:
    from peakplan.scenario import load_scenario

    return {p.stem: solve(load_scenario(p)) for p in SCENARIOS}
