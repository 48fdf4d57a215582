"""quotas: a session's count per week at most max in every week and at least min in normal,
non-tune-up weeks; over the whole phase at most max_per_phase."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, TUNE_UP, TUNE_UP_WEEK, edit, found, make_scenario, no_window, with_week

NO_STRIDES_WEEK_1 = edit(BASE_WEEKS, 1, "strides:40", "easy:40")


def _quotas(scenario, weeks):
    return [f for f in found(scenario, weeks) if f[0] == "quotas"]


def test_minimum():
    assert found(make_scenario(), NO_STRIDES_WEEK_1) == [("quotas", "week 1", "0 strides sessions, 1 short")]


def test_minimum_is_due_in_a_deload_week():
    # The deload week 3 is a normal week: the build's hills and tempo are still due.
    weeks = edit(BASE_WEEKS, 3, "hills:40", "easy:40")
    assert found(make_scenario(), weeks) == [("quotas", "week 3", "0 hills sessions, 1 short")]


def test_minimum_is_not_due_in_an_interrupted_week():
    # Week 1 blacked out from Tuesday to Thursday (300 of 570 min: interrupted) and run without strides.
    week1 = "rest rest rest rest easy:40 easy:30 long:60"
    blackouts = {"blackout_dates": ["2027-01-05", "2027-01-06", "2027-01-07"]}
    assert _quotas(make_scenario(availability=blackouts), with_week(BASE_WEEKS, 1, week1)) == []
    assert _quotas(make_scenario(), with_week(BASE_WEEKS, 1, week1)) == [
        ("quotas", "week 1", "0 strides sessions, 1 short")]


def test_minimum_is_not_due_in_a_tune_up_week():
    # Taper week 7 holds the 5K tune-up and no intervals (taper minimum 1); the same week with a
    # long run in place of the tune-up is a normal taper week that owes its intervals.
    no_intervals = TUNE_UP_WEEK.replace("intervals:45", "easy:45")
    assert _quotas(no_window(**TUNE_UP), with_week(BASE_WEEKS, 7, no_intervals)) == []
    assert _quotas(no_window(), with_week(BASE_WEEKS, 7, no_intervals.replace("tune_up:47", "long:47"))) == [
        ("quotas", "week 7", "0 intervals sessions, 1 short")]


def test_minimum_is_not_due_in_a_partial_week_but_the_maximum_is():
    # Start on Wednesday 01-06: week 1 has 5 days. No strides: fine; three strides: over the max of 2.
    # (The ramp is off: week 2 would compare with the athlete's current volume, docs/rules.md ref(w).)
    scenario = make_scenario(start_date="2027-01-06", rules={"weekly_ramp": {"enabled": False}})
    assert _quotas(scenario, ["easy:30 easy:30 rest easy:30 long:60"] + BASE_WEEKS[1:]) == []
    assert _quotas(scenario, ["strides:30 strides:30 rest strides:30 long:60"] + BASE_WEEKS[1:]) == [
        ("quotas", "week 1", "3 strides sessions, 1 too many")]


def test_any_hard_maximum():
    # The build week 3 holds hills and tempo: two hard sessions.
    assert found(make_scenario(rules={"quotas": {"per_phase": {"build": {"any_hard": {"max": 2}}}}}), BASE_WEEKS) == []
    assert found(make_scenario(rules={"quotas": {"per_phase": {"build": {"any_hard": {"max": 1}}}}}), BASE_WEEKS) == [
        ("quotas", "week 3", "2 hard sessions, 1 too many")]


def test_max_per_phase():
    # race_specific weeks 4 and 5 each hold one intervals session: 2 in the phase.
    def scenario(limit: int):
        return make_scenario(rules={"quotas": {"per_phase": {"race_specific": {"intervals": {"max_per_phase": limit}}}}})

    assert found(scenario(2), BASE_WEEKS) == []
    assert found(scenario(1), BASE_WEEKS) == [
        ("quotas", "week 5", "2 intervals sessions in the race_specific phase, 1 too many")]


def test_switched_off():
    assert found(make_scenario(rules={"quotas": {"enabled": False}}), NO_STRIDES_WEEK_1) == []
