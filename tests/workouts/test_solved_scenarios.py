"""Workouts of real solver plans for every shipped scenario sum to the planned minutes.

The workouts are the ones the plan file stores (``PlanDay.workout``, None on rest days). Reuses
the suite's session-wide ``shipped_results`` fixture (tests/conftest.py) when it is there, so the
scenarios are solved once per run; otherwise solves each scenario here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peakplan.plan.io import plan_from_json
from peakplan.scenario import load_scenario

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _result(request: pytest.FixtureRequest, path: Path):
    try:
        return request.getfixturevalue("shipped_results")[path.stem]
    except (pytest.FixtureLookupError, KeyError):
        from peakplan.planner import solve

        return solve(load_scenario(path))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_solved_plan_workouts_sum_to_minutes(request: pytest.FixtureRequest, path: Path) -> None:
    result = _result(request, path)
    if not getattr(result, "has_plan", True):
        pytest.skip(f"{path.name} has no plan ({result.status})")
    plan = plan_from_json(result.plan.to_json())   # the workouts as the plan file stores them
    assert len(plan.days) == len(result.days)
    for day in plan.days:
        if day.workout is None:
            assert day.session == "rest" and day.minutes == 0, day
        else:
            assert day.workout.session == day.session and day.workout.minutes == day.minutes, day
            assert day.workout.total_s == 60 * day.minutes, day
