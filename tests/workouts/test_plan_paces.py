"""plan_paces, the plan file's paces and workouts, km_for and phase progress: what the plan pipeline
(peakplan.plan.build) uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from peakplan.calendar import Calendar
from peakplan.paces import paces_from_race
from peakplan.plan.build import build_plan, plan_paces
from peakplan.plan.io import plan_from_json
from peakplan.scenario import load_scenario
from peakplan.scenario.schema import Scenario
from peakplan.workouts import build_workout, km_for

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


def _rest_plan(scenario: Scenario):
    """The plan file of an all-rest block, read back from its JSON text."""
    n = scenario.n_days - 1
    return plan_from_json(build_plan(scenario, ["rest"] * n, [0] * n).to_json())


def test_the_plan_file_carries_the_plan_paces() -> None:
    scenario = _marathon()
    assert _rest_plan(scenario).paces == plan_paces(scenario)
    no_race = _without(scenario, race=True, goal=False)
    assert _rest_plan(no_race).paces.race_time_s(42.195) == pytest.approx(12600, abs=0.5)
    assert _rest_plan(_without(scenario, race=True, goal=True)).paces is None


def test_km_for_matches_the_workout() -> None:
    scenario = _marathon()
    paces, catalogue = plan_paces(scenario), scenario.catalogue
    w = build_workout("intervals", 60, "peak", paces, race_km=42.195, progress=0.0, catalogue=catalogue)
    assert km_for("intervals", 60, paces, phase="peak", race_km=42.195, progress=0.0, catalogue=catalogue) == round(w.km, 2)
    assert km_for("race", 210, paces, race_km=42.195, catalogue=catalogue) == 42.2
    assert km_for("rest", 0, paces, catalogue=catalogue) == 0.0
    assert 5 < km_for("easy", 45, None, catalogue=catalogue) < 10  # estimated for a VDOT-40 runner


def test_easy_km_is_time_over_mid_easy_pace() -> None:
    paces = paces_from_race("10k", "50:00")
    slow, fast = paces.easy_s_per_km
    assert km_for("easy", 60, paces, catalogue=_marathon().catalogue) == pytest.approx(3600 / ((slow + fast) / 2), abs=0.01)


def test_phase_progress_runs_0_to_1_within_each_phase() -> None:
    # marathon-16w: base 1-4, build 5-7, race_specific 8-11, peak 12-13, taper 14-15, race week 16
    cal = Calendar(_marathon())
    assert [cal.phase_by_week[w] for w in cal.weeks] == ["base"] * 4 + ["build"] * 3 + ["race_specific"] * 4 + \
        ["peak"] * 2 + ["taper"] * 2 + ["race_week"]
    third = 1 / 3
    expected = {1: 0.0, 2: third, 3: 2 * third, 4: 1.0, 5: 0.0, 6: 0.5, 7: 1.0, 8: 0.0, 9: third, 10: 2 * third,
                11: 1.0, 12: 0.0, 13: 1.0, 14: 0.0, 15: 1.0, 16: 0.5}   # a one-week phase: 0.5
    assert {w: cal.progress_in_phase(w) for w in cal.weeks} == pytest.approx(expected)


def test_plan_workouts_use_the_plan_paces() -> None:
    scenario = _marathon()
    cal = Calendar(scenario)
    day = next(d for d in cal.training_days if cal.phase_of_day(d) == "build")
    sessions, minutes = ["rest"] * cal.race_day, [0] * cal.race_day
    sessions[day], minutes[day] = "tempo", 50
    plan = build_plan(scenario, sessions, minutes)
    w = plan.days[day].workout
    assert w is not None and w.phase == "build"
    assert w.total_s == 3000 and any(s.target.s_per_km for s in w.flat_steps())
