"""race_week: hard sessions capped, the last days easy, no long run."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def _found(scenario, week4: str):
    plan = build_plan(scenario, BASE_WEEKS[:3] + [week4])
    return [(v.rule, v.where) for v in validate(scenario, plan)]


def test_hard_sessions_in_race_week():
    week4 = "rest race_pace:30 easy:25 race_pace:30 rest strides:30 race"  # two hard days, 115 min
    assert _found(make_scenario(rules={"race_week": {"max_hard_sessions": 2}}), week4) == []
    assert _found(make_scenario(), week4) == [("race_week", "week 4")]


def test_easy_days_before_the_race():
    # Hard on Thursday 01-28 (3 days out) is fine, on Friday 01-29 (2 days out) it is not.
    assert _found(make_scenario(), "rest easy:25 rest race_pace:30 recovery:20 strides:30 race") == []
    assert _found(make_scenario(), "rest easy:25 rest recovery:20 race_pace:30 strides:30 race") == [
        ("race_week", "2027-01-29")]


def test_no_long_run_in_race_week():
    off = {name: {"enabled": False} for name in ("phases", "taper", "long_run", "hard_easy")}
    week4 = "rest race_pace:30 recovery:20 recovery:20 rest long:60 race"
    assert _found(make_scenario(rules=off), week4) == [("race_week", "2027-01-30")]
    assert _found(make_scenario(rules=off | {"race_week": {"enabled": False}}), week4) == []
