"""phases: a session type only in the phases its catalogue entry lists (base, build, ...)."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, make_scenario

NO_QUOTAS = {"quotas": {"enabled": False}}  # the quotas of the changed weeks would break too


def test_intervals_allowed_in_race_specific_not_in_base():
    scenario = make_scenario(rules=NO_QUOTAS)
    assert found(scenario, BASE_WEEKS) == []  # weeks 4-7 (race_specific, peak, taper) hold intervals
    weeks = edit(BASE_WEEKS, 1, "strides:40", "intervals:45")  # week 1 Wednesday, base phase
    assert found(scenario, weeks) == [("phases", "2027-01-06", "intervals in the base phase")]


def test_repetitions_are_for_peak_and_taper_only():
    scenario = make_scenario(rules=NO_QUOTAS)
    assert found(scenario, edit(BASE_WEEKS, 6, "intervals:45", "repetitions:45")) == []  # peak week
    assert found(scenario, edit(BASE_WEEKS, 5, "intervals:45", "repetitions:45")) == [
        ("phases", "2027-02-02", "repetitions in the race_specific phase")]


def test_switched_off_rule_is_not_checked():
    scenario = make_scenario(rules=NO_QUOTAS | {"phases": {"enabled": False}})
    assert found(scenario, edit(BASE_WEEKS, 1, "strides:40", "intervals:45")) == []
