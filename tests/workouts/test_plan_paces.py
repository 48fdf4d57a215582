"""plan_paces, paces_for_plan, km_for and phase progress: the functions the solver side calls."""

from __future__ import annotations

from pathlib import Path

import pytest

import peakplan.scenario  # noqa: F401  (first: modelfiles and scenario import each other)
from peakplan.paces import paces_from_race
from peakplan.scenario import load_scenario
from peakplan.scenario.schema import Scenario
from peakplan.workouts import build_workout, km_for, paces_for_plan, phase_progress, plan_paces, workouts_for_plan

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _marathon() -> Scenario:
    return load_scenario(SCENARIOS / "marathon-16w.yaml")


def _without(scenario: Scenario, *, race: bool, goal: bool) -> Scenario:
    athlete = scenario.athlete if not race else scenario.athlete.model_copy(update={"recent_race": None})
    target = scenario.race if not goal else scenario.race.model_copy(update={"goal_time": None})
    return scenario.model_copy(update={"athlete": athlete, "race": target})


def test_recent_race_comes_first() -> None:
    paces = plan_paces(_marathon())  # half in 1:40:00, goal 3:30:00
    assert paces is not None and paces.vdot == pytest.approx(paces_from_race("half", "1:40:00").vdot)


def test_goal_time_is_the_fallback() -> None:
    paces = plan_paces(_without(_marathon(), race=True, goal=False))
    assert paces is not None and paces.race_time_s(42.195) == pytest.approx(3.5 * 3600, abs=0.5)


def test_no_race_and_no_goal_gives_none() -> None:
    assert plan_paces(_without(_marathon(), race=True, goal=True)) is None


def test_paces_for_plan_reads_the_plan_scenario() -> None:
    scenario = _marathon()
    plan = {"race": {"distance_km": 42.195}, "scenario": scenario.model_dump(mode="json")}
    assert paces_for_plan(plan) == plan_paces(scenario)
    plan["scenario"]["athlete"]["recent_race"] = None
    assert paces_for_plan(plan).race_time_s(42.195) == pytest.approx(12600, abs=0.5)
    assert paces_for_plan({"race": {"distance_km": 10}, "scenario": {}}) is None


def test_km_for_matches_the_workout() -> None:
    paces = plan_paces(_marathon())
    w = build_workout("intervals", 60, "peak", paces, race_km=42.195, progress=0.0)
    assert km_for("intervals", 60, paces, phase="peak", race_km=42.195, progress=0.0) == round(w.km, 2)
    assert km_for("race", 210, paces, race_km=42.195) == 42.2
    assert km_for("rest", 0, paces) == 0.0
    assert 5 < km_for("easy", 45, None) < 10  # estimated for a VDOT-40 runner


def test_easy_km_is_time_over_mid_easy_pace() -> None:
    paces = paces_from_race("10k", "50:00")
    slow, fast = paces.easy_s_per_km
    assert km_for("easy", 60, paces) == pytest.approx(3600 / ((slow + fast) / 2), abs=0.01)


def test_phase_progress_runs_0_to_1_within_each_phase() -> None:
    days = [{"week": w, "phase": p} for w, p in [(1, "base"), (2, "base"), (3, "base"), (4, "build"), (5, "peak"),
                                                 (6, "peak")]]
    assert phase_progress(days) == {1: 0.0, 2: 0.5, 3: 1.0, 4: 0.5, 5: 0.0, 6: 1.0}


def test_workouts_for_plan_uses_the_plan_paces() -> None:
    scenario = _marathon()
    plan = {"race": {"distance_km": 42.195}, "scenario": scenario.model_dump(mode="json"),
            "days": [{"date": "2027-01-01", "week": 1, "phase": "build", "session": "tempo", "minutes": 50}]}
    (w,) = workouts_for_plan(plan)
    assert w.total_s == 3000 and any(s.target.s_per_km for s in w.flat_steps())
