"""phases: a session type only in the phases its catalogue entry lists (base, build, ...)."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario

NO_QUOTAS = {"quotas": {"enabled": False}}  # the strides quota of the base week would break too


def test_intervals_allowed_in_race_specific_not_in_base():
    scenario = make_scenario(rules=NO_QUOTAS)
    assert validate(scenario, build_plan(scenario, BASE_WEEKS)) == []  # week 3 (race_specific) has intervals
    weeks = edit(BASE_WEEKS, 1, "strides:40", "intervals:45")  # week 1 Wednesday, base phase
    found = validate(scenario, build_plan(scenario, weeks))
    assert [(v.rule, v.where, v.amount) for v in found] == [("phases", "2027-01-06", "intervals in the base phase")]


def test_repetitions_are_for_peak_and_taper_only():
    scenario = make_scenario(rules=NO_QUOTAS)
    weeks = edit(BASE_WEEKS, 3, "intervals:45", "repetitions:45")
    found = validate(scenario, build_plan(scenario, weeks))
    assert [(v.rule, v.where) for v in found] == [("phases", "2027-01-19")]


def test_switched_off_rule_is_not_checked():
    scenario = make_scenario(rules=NO_QUOTAS | {"phases": {"enabled": False}})
    weeks = edit(BASE_WEEKS, 1, "strides:40", "intervals:45")
    assert validate(scenario, build_plan(scenario, weeks)) == []
