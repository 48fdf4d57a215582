"""Workouts of real solver plans for every shipped scenario sum to the planned minutes.

Skipped only while ``src/peakplan/solve.py`` does not exist. Reuses the suite's session-wide
``shipped_results`` fixture (tests/conftest.py) when it is there, so the scenarios are solved
once per run; otherwise solves each scenario here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import peakplan.scenario  # noqa: F401  (first: modelfiles and scenario import each other)
from peakplan.scenario import load_scenario
from peakplan.workouts import workouts_for_plan

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))
HAS_SOLVE = importlib.util.find_spec("peakplan.solve") is not None


def _result(request: pytest.FixtureRequest, path: Path):
    try:
        return request.getfixturevalue("shipped_results")[path.stem]
    except (pytest.FixtureLookupError, KeyError):
        from peakplan.solve import solve

        return solve(load_scenario(path))


@pytest.mark.skipif(not HAS_SOLVE, reason="src/peakplan/solve.py does not exist yet")
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_solved_plan_workouts_sum_to_minutes(request: pytest.FixtureRequest, path: Path) -> None:
    result = _result(request, path)
    if not getattr(result, "has_plan", True):
        pytest.skip(f"{path.name} has no plan ({result.status})")
    plan = result.to_plan_dict()
    workouts = workouts_for_plan(plan)
    assert len(workouts) == len(plan["days"])
    for day, workout in zip(plan["days"], workouts, strict=True):
        assert workout.total_s == 60 * day["minutes"], day
