"""hard_easy: easy days between hard days, back-to-back pairs, three in a row, weekly cap."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario, only

# Week 2 with tempo moved from Thursday to Wednesday: hills Tue 01-12, tempo Wed 01-13.
ADJACENT = [BASE_WEEKS[0], "rest hills:40 tempo:40 easy:40 rest easy:40 long:65"] + BASE_WEEKS[2:]


def test_adjacent_hard_days_need_a_back_to_back_allowance():
    none_allowed = make_scenario()  # back_to_back_per_week = 0 by default
    found = validate(none_allowed, build_plan(none_allowed, ADJACENT))
    assert [(v.rule, v.where) for v in found] == [("hard_easy", "2027-01-13")]
    one_allowed = make_scenario(rules={"hard_easy": {"back_to_back_per_week": 1}})
    assert validate(one_allowed, build_plan(one_allowed, ADJACENT)) == []


def test_never_three_hard_days_in_a_row():
    weeks = edit(ADJACENT, 2, "easy:40", "tempo:40")  # hills, tempo, tempo on 01-12..01-14
    scenario = make_scenario(rules={"hard_easy": {"back_to_back_per_week": 3, "max_hard_per_week": 3}})
    found = validate(scenario, build_plan(scenario, weeks))
    assert [(v.rule, v.where, v.amount) for v in found] == [("hard_easy", "2027-01-14", "third hard day in a row")]


def test_two_easy_days_between_hard_days():
    # Tue/Thu hard days in weeks 2 and 3 have one easy day between them: enough for 1, not for 2.
    scenario = make_scenario(rules={"hard_easy": {"min_easy_days_between": 2, "long_run_counts_as_hard": False}})
    found = validate(scenario, build_plan(scenario, BASE_WEEKS))
    assert [(v.rule, v.where) for v in found] == [("hard_easy", "2027-01-14"), ("hard_easy", "2027-01-21")]
    assert found[0].amount == "1 easy day(s) after the hard day on 2027-01-12, 2 needed"


def test_weekly_hard_cap_excludes_the_race():
    # Weeks 2 and 3 hold two hard days; race week one hard session plus the race.
    inside = make_scenario(rules={"hard_easy": {"max_hard_per_week": 2}})
    assert validate(inside, build_plan(inside, BASE_WEEKS)) == []
    past = make_scenario(rules={"hard_easy": {"max_hard_per_week": 1}})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where) for v in found] == [("hard_easy", "week 2"), ("hard_easy", "week 3")]


def test_race_day_is_a_hard_day():
    # Race pace on Saturday 01-30 sits back to back with the race on Sunday 01-31.
    weeks = edit(BASE_WEEKS, 4, "strides:30", "race_pace:30")
    scenario = make_scenario(rules={"race_week": {"enabled": False}})
    found = validate(scenario, build_plan(scenario, weeks))
    assert [(v.rule, v.where) for v in found] == [("hard_easy", "2027-01-31")]
    assert only(validate(make_scenario(rules={"race_week": {"enabled": False}, "hard_easy": {"enabled": False}}),
                         build_plan(scenario, weeks)), "hard_easy") == []
