"""quotas (docs/rules.md): in every week of phase p, for each per_phase[p] entry k: {min, max,
max_per_phase}, the number of training days with session k (any hard session for k = any_hard)
is <= max and, in normal weeks that are not tune-up weeks, >= min; over all weeks of phase p the
sessions k number <= max_per_phase.

Base scenario with THREE_LOADING_WEEKS (tests/model/support.py): week 1 base, 2 build,
3 race_specific, 4 race_week. 10K default quotas: strides <= 2 and long_mp, medium_long,
run_walk = 0 in every phase; base strides >= 1; build tempo >= 1; race_specific tempo >= 1 and
intervals >= 1; race_week race_pace >= 1 and intervals = 0. Phases on, FLAT readiness (each day
gets the highest-load session the rules leave, see test_phases.py).
"""

from __future__ import annotations

import pytest

from ..support import (
    FLAT,
    THREE_LOADING_WEEKS,
    assert_infeasible,
    conflicts,
    only,
    readiness,
    sessions_of,
    solve_checked,
)


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT), **THREE_LOADING_WEEKS}


def count(result, week: int, session: str) -> int:
    return sessions_of(result, week).count(session)


def test_feasible():
    result = solve_checked(only("phases", "quotas", **THREE_LOADING_WEEKS))
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


def test_partial_week_keeps_the_max_but_not_the_min(flat):
    # Start Wed 2027-01-06: week 1 (base) has 5 days, not a normal week. base recovery >= 3 (a type
    # never chosen for its own sake): in the full week it would take 3 days; the partial week needs
    # none. strides <= 2 still holds there: strides on 2 of the three 45/60-min days (Wed, Thu, Sat).
    quota = {"rules.quotas.per_phase": {"base": {"recovery": {"min": 3}}}}
    result = solve_checked(only("phases", "quotas", **flat, **quota, start_date="2027-01-06"))
    assert result.weeks[0].days == 5
    assert (count(result, 1, "recovery"), count(result, 1, "strides")) == (0, 2)
    full = solve_checked(only("phases", "quotas", **flat, **quota))
    assert (count(full, 1, "recovery"), count(full, 1, "strides")) == (3, 2)


def test_interrupted_week_has_no_min(flat):
    # build tempo >= 2; week 2 (build) blacked out but for Monday (45 / 7 a day < .75 * 370 / 7:
    # interrupted). One running day cannot hold 2 tempo runs, but the minimum does not apply in an
    # interrupted week: feasible, Monday takes the best build type, a tempo.
    blackouts = {"availability.blackout_dates": [f"2027-01-{d}" for d in range(12, 18)]}
    quota = {"rules.quotas.per_phase": {"build": {"tempo": {"min": 2}}}}
    result = solve_checked(only("phases", "quotas", **flat, **blackouts, **quota))
    assert [s for s in sessions_of(result, 2) if s != "rest"] == ["tempo"]


def test_max_per_phase(tmp_path):
    # Start Mon 2026-12-28: W = 5, R = 4; shares base .5, build .5 -> base weeks 1-2, build 3-4.
    # Tempo (IF .88) is the best build type on every day (see test_phases.py); build tempo
    # max_per_phase 1: one tempo in weeks 3 and 4 together, hills (IF .82) on the other days.
    base = {"model.readiness": readiness(tmp_path, FLAT), **THREE_LOADING_WEEKS, "start_date": "2026-12-28",
            "rules.phases.shares": {"base": 0.5, "build": 0.5, "race_specific": 0.0, "peak": 0.0}}
    free = solve_checked(only("phases", "quotas", **base))
    assert [w.phase for w in free.weeks] == ["base", "base", "build", "build", "race_week"]
    assert count(free, 3, "tempo") + count(free, 4, "tempo") == 12
    capped = solve_checked(only("phases", "quotas", **base,
                                **{"rules.quotas.per_phase": {"build": {"tempo": {"min": 0, "max_per_phase": 1}}}}))
    assert count(capped, 3, "tempo") + count(capped, 4, "tempo") == 1
    # a minimum of 1 tempo a week in both build weeks cannot be met with one in the phase
    past = only("phases", "quotas", **base, **{"rules.quotas.per_phase": {"build": {"tempo": {"min": 1, "max_per_phase": 1}}}})
    assert assert_infeasible(past, "quotas") == {"quotas"}


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
