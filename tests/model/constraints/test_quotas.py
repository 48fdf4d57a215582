"""quotas: in every full week of phase p, for each per_phase[p] entry k: {min, max}, the number of
training days with session k (any hard session for k = any_hard) is in [min, max].

Base scenario (tests/model/support.py): week 1 base, 2 build, 3 race_specific, 4 race_week.
10K default quotas: strides <= 2 in every phase; base strides >= 1; build tempo >= 1;
race_specific tempo >= 1 and intervals >= 1; race_week race_pace >= 1. Phases on, FLAT readiness
(each day gets the highest-load session the rules leave, see test_phases.py).
"""

from __future__ import annotations

import pytest

from ..support import FLAT, assert_infeasible, conflicts, only, readiness, sessions_of, solve_checked


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT)}


def count(result, week: int, session: str) -> int:
    return sessions_of(result, week).count(session)


def test_feasible():
    result = solve_checked(only("phases", "quotas"))
    assert 1 <= count(result, 1, "strides") <= 2
    assert count(result, 2, "tempo") >= 1
    assert count(result, 3, "tempo") >= 1 and count(result, 3, "intervals") >= 1
    assert count(result, 4, "race_pace") >= 1


def test_max_and_min_bind(flat):
    # Base: strides (IF .74) is the best type on the five 45/60-min days, but at most 2 a week
    # -> exactly 2; the other three take long runs (IF .72; the long_run family is off).
    # Race_specific: intervals win every day, but tempo >= 1 -> exactly 1 tempo.
    result = solve_checked(only("phases", "quotas", **flat))
    assert count(result, 1, "strides") == 2
    assert sessions_of(result, 1) == ["long", "long", "long", "strides", "rest", "strides", "long"]
    assert count(result, 3, "tempo") == 1 and count(result, 3, "intervals") == 5


def test_min_of_a_dominated_type_and_any_hard_max(flat):
    # base recovery >= 3 (IF .62, never chosen for its own sake) -> exactly 3;
    # build any_hard <= 1 (tempo would fill the week) -> exactly 1 hard session.
    result = solve_checked(only("phases", "quotas", **flat, **{"rules.quotas.per_phase": {
        "base": {"recovery": {"min": 3}}, "build": {"any_hard": {"max": 1}}}}))
    assert count(result, 1, "recovery") == 3
    assert result.weeks[1].hard_sessions == 1


def test_partial_week_has_no_quota(flat):
    # Start Wed 2027-01-06: week 1 (base) has 5 days and is not a full week -> strides <= 2 does
    # not apply: strides on all three 45/60-min days (Wed, Thu, Sat).
    result = solve_checked(only("phases", "quotas", **flat, start_date="2027-01-06"))
    assert result.weeks[0].days == 5
    assert count(result, 1, "strides") == 3


def test_past_the_edge_more_sessions_than_available_days(flat):
    # strides exactly 6 in base: the six available days (Friday is 0 min) all take strides.
    # strides exactly 7: Friday would have to run -> infeasible, quotas and availability named.
    inside = solve_checked(only("phases", "quotas", **flat,
                                **{"rules.quotas.per_phase": {"base": {"strides": {"min": 6, "max": 6}}}}))
    assert sessions_of(inside, 1) == ["strides"] * 4 + ["rest"] + ["strides"] * 2
    past = only("phases", "quotas", **flat, **{"rules.quotas.per_phase": {"base": {"strides": {"min": 7, "max": 7}}}})
    assert assert_infeasible(past, "quotas") == {"quotas", "availability"}
    assert sorted(conflicts(past)) == [("availability", "2027-01-08"), ("quotas", "week 1")]


def test_switched_off_strides_everywhere_in_base(flat):
    on = solve_checked(only("phases", "quotas", **flat))
    off = solve_checked(only("phases", **flat))
    assert count(off, 1, "strides") == 5 > count(on, 1, "strides")
    assert count(off, 3, "tempo") == 0  # no tempo needed in race_specific
    assert off.objective > on.objective
