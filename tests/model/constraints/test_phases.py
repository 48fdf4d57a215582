"""phases: a session type may only be planned in the phases its catalogue entry lists (rest always).

Base scenario with THREE_LOADING_WEEKS (tests/model/support.py): week 1 base, 2 build,
3 race_specific, 4 race_week.
Readiness FLAT (every minute of load helps), so each day gets the highest-load session the
rules leave: without phases that is always `intervals` (IF .95, 45-75 min; 75 min on Sunday
beats marathon_pace 100 min: 75 x .9025 = 67.7 > 100 x .6724 = 67.2).
"""

from __future__ import annotations

import pytest

from peakplan.modelfiles import load_catalogue

from ..support import (
    FLAT,
    THREE_LOADING_WEEKS,
    assert_infeasible,
    only,
    readiness,
    sessions_of,
    solve_checked,
    week_days,
)

CATALOGUE = load_catalogue("catalogue").sessions


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT), **THREE_LOADING_WEEKS}


def test_feasible():
    result = solve_checked(only("phases"))
    assert result.status == "OPTIMAL"
    for day in result.days[:-1]:
        assert day.session == "rest" or day.phase in CATALOGUE[day.session].phases


def test_each_phase_gets_its_strongest_allowed_session(flat):
    # The rule binds: the load-maximal session of each day is the best one the phase allows.
    #   base (week 1): recovery, easy, long, strides, run_walk -> strides (IF .74, up to 60 min) on
    #     the 45/60-min days; Sunday 100 min: long 100 (100 x .5184 = 51.8 > strides 60 x .5476 = 32.9).
    #   build (week 2): + hills, tempo, medium_long -> tempo (IF .88, 40-80): 45, 60, ..., Sunday
    #     tempo 80 (80 x .7744 = 62.0 > medium_long or long 100 x .5184 = 51.8).
    #   race_specific (week 3): + intervals, race_pace, marathon_pace, long_mp -> intervals (as
    #     without the rule).
    #   race_week (week 4): recovery, easy, strides, race_pace, run_walk -> race_pace (IF .86, 30-90).
    result = solve_checked(only("phases", **flat))
    expected = {1: ["strides"] * 4 + ["rest", "strides", "long"],
                2: ["tempo"] * 4 + ["rest", "tempo", "tempo"],
                3: ["intervals"] * 4 + ["rest", "intervals", "intervals"],
                4: ["race_pace"] * 4 + ["rest", "race_pace"]}
    for w, sessions in expected.items():
        assert sessions_of(result, w) == sessions
    assert [d.minutes for d in week_days(result, 1)] == [45, 60, 45, 60, 0, 60, 100]
    assert [d.minutes for d in week_days(result, 2)][-1] == 80  # tempo max 80 < 100 available
    assert result.weeks[0].hard_sessions == 0  # base before intensity


def test_past_the_edge_quota_for_a_type_the_phase_forbids(flat):
    # intervals are allowed in race_specific, peak, taper. A quota of one intervals session in
    # race_specific (week 3) is feasible; the same quota in build (week 2) cannot be met.
    inside = solve_checked(only("phases", "quotas", **flat,
                                **{"rules.quotas.per_phase": {"race_specific": {"intervals": {"min": 1}}}}))
    assert "intervals" in sessions_of(inside, 3)
    past = only("phases", "quotas", **flat, **{"rules.quotas.per_phase": {"build": {"intervals": {"min": 1}}}})
    assert assert_infeasible(past, "phases") == {"phases", "quotas"}


def test_switched_off_allows_hard_work_in_base(flat):
    on = solve_checked(only("phases", **flat))
    off = solve_checked(only(**flat))
    # without the rule every phase gets intervals, base included
    assert off.weeks[0].hard_sessions == 6 > on.weeks[0].hard_sessions == 0
    assert any(d.phase not in CATALOGUE[d.session].phases for d in off.days[:-1] if d.session != "rest")
    assert set(sessions_of(off, 4)) == {"intervals", "rest"}
    assert off.objective > on.objective
