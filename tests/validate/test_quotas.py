"""quotas: min/max counts of a session (or any hard session) in every full week of a phase."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario


def _found(scenario, weeks=BASE_WEEKS):
    return [(v.rule, v.where, v.amount) for v in validate(scenario, build_plan(scenario, weeks))]


def test_minimum():
    weeks = edit(BASE_WEEKS, 1, "strides:40", "easy:40")  # base week without strides
    assert _found(make_scenario(), weeks) == [("quotas", "week 1", "0 strides sessions, 1 short")]


def test_any_hard_maximum():
    # Build week 2 holds hills and tempo: two hard sessions.
    ok = make_scenario(rules={"quotas": {"per_phase": {"build": {"any_hard": {"min": 1, "max": 2}}}}})
    assert _found(ok) == []
    past = make_scenario(rules={"quotas": {"per_phase": {"build": {"any_hard": {"min": 1, "max": 1}}}}})
    assert _found(past) == [("quotas", "week 2", "2 hard sessions, 1 too many")]


def test_partial_week_is_not_counted():
    # Start on Wednesday 01-06: week 1 has 5 days and no strides, yet the base quota is not due.
    # (the ramp is off: week 2 would compare with the athlete's current volume, docs/rules.md REF)
    scenario = make_scenario(start_date="2027-01-06", rules={"weekly_ramp": {"enabled": False}})
    weeks = ["easy:30 easy:30 rest easy:30 long:60"] + BASE_WEEKS[1:]
    assert _found(scenario, weeks) == []


def test_switched_off():
    weeks = edit(BASE_WEEKS, 1, "strides:40", "easy:40")
    assert _found(make_scenario(rules={"quotas": {"enabled": False}}), weeks) == []
