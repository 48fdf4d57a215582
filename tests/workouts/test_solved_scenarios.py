"""Workouts of real solver plans for every shipped scenario sum to the planned minutes and read as a coach writes.

The workouts are the ones the plan file stores (``PlanDay.workout``, None on rest days). Reuses
the suite's session-wide ``shipped_results`` fixture (tests/conftest.py) when it is there, so the
scenarios are solved once per run; otherwise solves each scenario here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peakplan.plan.io import plan_from_json
from peakplan.scenario import load_scenario
from peakplan.workouts import Repeat, Step

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _result(request: pytest.FixtureRequest, path: Path):
    try:
        return request.getfixturevalue("shipped_results")[path.stem]
    except (pytest.FixtureLookupError, KeyError):
        from conftest import solve_checked

        return solve_checked(load_scenario(path))


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


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_solved_plan_workouts_are_round_and_capped(request: pytest.FixtureRequest, path: Path) -> None:
    """Steps of their own in whole minutes, warm-ups and cool-downs in 5-minute steps, at most 8 strides,
    pickups or intervals and 16 reps of any kind: the coach review's "11 x 20 s strides" and "0:52 easy jog" cannot come back."""
    result = _result(request, path)
    if not getattr(result, "has_plan", True):
        pytest.skip(f"{path.name} has no plan ({result.status})")
    for day in result.plan.days:
        if day.workout is None:
            continue
        for block in day.workout.blocks:
            if isinstance(block, Step):
                assert block.duration_s % 60 == 0, (day.date, day.workout.title, block.label)
                if block.label in ("warm-up", "cool-down"):
                    assert block.duration_s % 300 == 0, (day.date, day.workout.title, block.label)
            elif isinstance(block, Repeat):
                cap = 8 if block.work_step.label in ("stride", "pickup", "interval") else 16
                assert block.times <= cap and sum(s.duration_s for s in block.steps) % 60 == 0, (day.date, day.workout.title)
