"""availability: weekday caps, days off, blackout dates, running days per week, race day."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario, only

CAPS = {"mon": 0, "tue": 90, "wed": 90, "thu": 90, "fri": 90, "sat": 90, "sun": 120}


def test_base_plan_keeps_every_rule(base):
    scenario, plan = base
    assert validate(scenario, plan) == []


def test_weekday_cap_just_inside_and_just_past():
    # The longest Tuesday is the 45 min of intervals on 2027-01-19 (week 3).
    inside = make_scenario(availability={"max_minutes": CAPS | {"tue": 45}})
    assert validate(inside, build_plan(inside, BASE_WEEKS)) == []
    past = make_scenario(availability={"max_minutes": CAPS | {"tue": 44}})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where, v.amount) for v in found] == [("availability", "2027-01-19", "+1 min over the tue limit")]


def test_day_off_must_be_rest():
    # Wednesday becomes a day off, but every week runs on Wednesday.
    scenario = make_scenario(availability={"max_minutes": CAPS | {"wed": 0}})
    found = only(validate(scenario, build_plan(scenario, BASE_WEEKS)), "availability")
    assert [v.where for v in found] == ["2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]


def test_blackout_date_on_a_running_day_and_on_a_rest_day():
    on_rest_day = make_scenario(availability={"blackout_dates": ["2027-01-08"]})  # a Friday rest day
    assert validate(on_rest_day, build_plan(on_rest_day, BASE_WEEKS)) == []
    on_run = make_scenario(availability={"blackout_dates": ["2027-01-05"]})  # Tuesday, easy 40
    found = validate(on_run, build_plan(on_run, BASE_WEEKS))
    assert [(v.rule, v.where) for v in found] == [("availability", "2027-01-05")]
    assert "blackout" in found[0].amount


def test_running_days_per_week():
    # Weeks 1-3 run on 5 days, race week on 4 (the race is not a running day).
    inside = make_scenario(availability={"max_running_days_per_week": 5})
    assert validate(inside, build_plan(inside, BASE_WEEKS)) == []
    past = make_scenario(availability={"max_running_days_per_week": 4})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where) for v in found] == [("availability", f"week {w}") for w in (1, 2, 3)]


def test_race_day_must_hold_the_race(base):
    scenario, plan = base
    plan["days"][-1]["session"] = "easy"
    assert [v.where for v in only(validate(scenario, plan), "availability")] == ["2027-01-31"]
