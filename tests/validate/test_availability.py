"""availability: cap(d) from weekday caps, date caps and blackout dates; running days; race day."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, CAPS, found, make_scenario, only


def test_base_plan_keeps_every_rule(base):
    scenario, plan = base
    assert validate(scenario, plan) == []


def test_weekday_cap_just_inside_and_just_past():
    # The longest Sunday is the 80 min long run of the peak week, 2027-02-14.
    assert found(make_scenario(availability={"max_minutes": CAPS | {"sun": 80}}), BASE_WEEKS) == []
    assert found(make_scenario(availability={"max_minutes": CAPS | {"sun": 79}}), BASE_WEEKS) == [
        ("availability", "2027-02-14", "+1 min over the sun limit")]


def test_date_cap_lowers_one_day():
    assert found(make_scenario(availability={"date_caps": {"2027-02-14": 80}}), BASE_WEEKS) == []
    assert found(make_scenario(availability={"date_caps": {"2027-02-14": 79}}), BASE_WEEKS) == [
        ("availability", "2027-02-14", "+1 min over the date cap of 2027-02-14")]


def test_date_cap_zero_makes_a_rest_day():
    # Tuesday 2027-01-05 holds an easy 40; a date cap of 0 leaves no time that day.
    assert found(make_scenario(availability={"date_caps": {"2027-01-05": 0}}), BASE_WEEKS) == [
        ("availability", "2027-01-05", "easy 40 min on a date without running time (date_caps)")]


def test_day_off_must_be_rest():
    # Wednesday becomes a day off; every week but the deload week 3 runs on Wednesday.
    scenario = make_scenario(availability={"max_minutes": CAPS | {"wed": 0}})
    assert [where for _, where, _ in found(scenario, BASE_WEEKS)] == [
        "2027-01-06", "2027-01-13", "2027-01-27", "2027-02-03", "2027-02-10", "2027-02-17", "2027-02-24"]


def test_blackout_date_on_a_running_day_and_on_a_rest_day():
    assert found(make_scenario(availability={"blackout_dates": ["2027-01-08"]}), BASE_WEEKS) == []  # a Friday rest day
    assert found(make_scenario(availability={"blackout_dates": ["2027-01-05"]}), BASE_WEEKS) == [
        ("availability", "2027-01-05", "easy 40 min on a blackout date")]


def test_running_days_per_week():
    # Weeks 1, 2 and 4-7 run on 5 days, the deload week 3 and the race week on 4 (the race is no running day).
    assert found(make_scenario(availability={"max_running_days_per_week": 5}), BASE_WEEKS) == []
    past = make_scenario(availability={"max_running_days_per_week": 4})
    assert found(past, BASE_WEEKS) == [("availability", f"week {w}", "5 running days, 1 over the limit")
                                       for w in (1, 2, 4, 5, 6, 7)]


def test_race_day_must_hold_the_race(base):
    scenario, plan = base
    plan["days"][-1]["session"] = "easy"
    assert [v.where for v in only(validate(scenario, plan), "availability")] == ["2027-02-28"]
