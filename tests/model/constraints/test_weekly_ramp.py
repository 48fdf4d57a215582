"""weekly_ramp: loading week w (not a deload): E(1) <= (1+r) current_weekly_minutes, E(w) <= (1+r) E(p)
with p the latest earlier non-deload loading week; every week E(w) <= peak_weekly_minutes.

Base scenario (tests/model/support.py): R = 3 loading weeks (10K, no taper weeks), race week 4;
current 200 min, peak 300 min, max_increase .10. One session type `run` (IF .70, 1-600 min) and
the FLAT readiness, so every minute helps and each week is filled up to its cap.
"""

from __future__ import annotations

import math

import pytest

from ..support import FLAT, assert_infeasible, catalogue, only, readiness, solve_checked, week_minutes

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}
# All minimum quotas of the 10K defaults zeroed but base strides >= 1 (catalogue min 30 min).
STRIDES_ONLY = {"rules.quotas.per_phase": {"build": {"tempo": {"min": 0}},
                                           "race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                           "race_week": {"race_pace": {"min": 0}}}}


@pytest.fixture
def flat_run(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT)}


def test_feasible():
    assert solve_checked(only("weekly_ramp")).status == "OPTIMAL"


def test_ramp_binds_every_loading_week(flat_run):
    # V(1) = floor(1.10 * 200 * 7/7) = 220; V(2) = floor(1.10 * 220) = 242;
    # V(3) = floor(1.10 * 242) = floor(266.2) = 266. Race week is no loading week: only the
    # peak ceiling (300) and availability (Mon-Sat 270) limit it -> 270.
    result = solve_checked(only("weekly_ramp", **flat_run))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 242, 266, 270]
    assert [w.minutes for w in result.weeks] == [220, 242, 266, 270]


def test_partial_first_week_compared_as_full_week_equivalent(flat_run):
    # Start Wed 2027-01-06: week 1 has 5 days (Wed-Sun). E(1) = V(1) * 7/5 <= 220 ->
    # V(1) <= 157.14 -> 157 (E = 219.8). Week 3: V(3) <= floor(1.10 * 220) = 242.
    result = solve_checked(only("weekly_ramp", **flat_run, start_date="2027-01-06"))
    assert result.weeks[0].days == 5
    # Week 2 ramps from REF(1) = the athlete's current 200 (a partial week is no reference): 220.
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [157, 220, 242, 270]
    assert week_minutes(result, 1) == math.floor(1.10 * 200 * 5 / 7)


def test_peak_ceiling_binds_every_week(flat_run):
    # peak 250: weeks 1, 2 as before (220, 242), week 3 min(266, 250) = 250, race week
    # min(270, 250) = 250 (the ceiling holds in every week, race week included).
    result = solve_checked(only("weekly_ramp", **flat_run, **{"athlete.peak_weekly_minutes": 250}))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 242, 250, 250]


def test_past_the_edge_ramp_below_a_required_session(tmp_path):
    # Default catalogue; the base week needs one strides session (>= 30 min). current 28 ->
    # cap 1.1 * 28 = 30.8 -> week 1 holds exactly the 30-min strides run, and the weeks after
    # ramp from it: floor(1.1 * 30) = 33, floor(1.1 * 33) = 36. current 27 -> cap 29.7 < 30: infeasible.
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    inside = solve_checked(only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY,
                                **{"athlete.current_weekly_minutes": 28}))
    assert [week_minutes(inside, w) for w in (1, 2, 3)] == [30, 33, 36]
    assert [d.session for d in inside.days[:7] if d.minutes] == ["strides"]
    past = only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY, **{"athlete.current_weekly_minutes": 27})
    assert assert_infeasible(past, "weekly_ramp") == {"weekly_ramp", "quotas"}


def test_past_the_edge_peak_ceiling_below_a_required_session(tmp_path):
    # peak_weekly_minutes 30 leaves room for the 30-min strides run; 29 does not.
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    inside = solve_checked(only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY,
                                **{"athlete.peak_weekly_minutes": 30}))
    assert max(w.minutes for w in inside.weeks) == 30
    past = only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY, **{"athlete.peak_weekly_minutes": 29})
    assert assert_infeasible(past, "weekly_ramp") == {"weekly_ramp", "quotas"}


def test_switched_off_weeks_fill_availability(flat_run):
    on = solve_checked(only("weekly_ramp", **flat_run))
    off = solve_checked(only(**flat_run))
    # no ramp and no peak ceiling: 370 every full week (over peak 300), 270 in race week
    assert [week_minutes(off, w) for w in (1, 2, 3, 4)] == [370, 370, 370, 270]
    assert all(week_minutes(off, w) >= week_minutes(on, w) for w in (1, 2, 3, 4))
    assert off.objective > on.objective
