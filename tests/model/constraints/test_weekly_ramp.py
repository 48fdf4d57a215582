"""weekly_ramp (docs/rules.md): loading week w that is not a deload, u = ref(w) (the latest
normal, non-deload loading week before it; none: REF = athlete.current_weekly_minutes): with no
interrupted week strictly between u (or 0) and w, E(w) <= (1 + max_increase) * REF(u); after one,
E(w) <= after_break_factor * REF(u) or E(w) <= (1 + max_increase) * E(w-1), either suffices.
Every week: E(w) <= athlete.peak_weekly_minutes.

Base scenario (tests/model/support.py) with THREE_LOADING_WEEKS: R = 3 loading weeks (base,
build, race_specific), race week 4; current 200 min, peak 300 min, max_increase .10. One session
type `run` (IF .70, 0-600 min) and the FLAT readiness, so every minute helps and each week is
filled up to its cap.
"""

from __future__ import annotations

import math

import pytest

from ..support import (
    FLAT,
    THREE_LOADING_WEEKS,
    assert_infeasible,
    catalogue,
    only,
    readiness,
    solve_checked,
    week_minutes,
)

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}
# All minimum quotas of the 10K defaults zeroed but base strides >= 1 (catalogue min 30 min).
STRIDES_ONLY = {"rules.quotas.per_phase": {"build": {"tempo": {"min": 0}},
                                           "race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                           "race_week": {"race_pace": {"min": 0}}}}


@pytest.fixture
def flat_run(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT),
            **THREE_LOADING_WEEKS}


def test_feasible():
    assert solve_checked(only("weekly_ramp")).status == "OPTIMAL"


def test_ramp_binds_every_loading_week(flat_run):
    # V(1) = floor(1.10 * 200 * 7/7) = 220; V(2) = floor(1.10 * 220) = 242;
    # V(3) = floor(1.10 * 242) = floor(266.2) = 266. Race week is no loading week: only the
    # peak ceiling (300) and availability (Mon-Sat 270) limit it -> 270.
    result = solve_checked(only("weekly_ramp", **flat_run))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 242, 266, 270]
    assert [w.minutes for w in result.weeks] == [220, 242, 266, 270]


def test_a_taper_week_is_no_loading_week(tmp_path):
    # The 10K default taper (1 week): R = 2. Weeks 1, 2 ramp (220, 242); taper week 3 is not a
    # loading week, so only the peak ceiling (300 < 370 available) limits it; race week 270.
    flat = {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT)}
    result = solve_checked(only("weekly_ramp", **flat))
    assert [w.phase for w in result.weeks] == ["base", "race_specific", "taper", "race_week"]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 242, 300, 270]


def test_after_an_interrupted_week_the_restart_factor_binds(flat_run):
    # Week 2 blacked out but for Monday (45 min): 45 / 7 = 6.4 a day < 0.75 * 370 / 7 = 39.6, so
    # week 2 is interrupted; it ramps from week 1 (no break before it): V(2) = 45 (availability).
    # Week 3: u = ref(3) = week 1 (week 2 is not normal), a break in between, so
    # E(3) <= max(0.75 * 220, 1.1 * 45) = max(165, 49.5) = 165.
    blackouts = {"availability.blackout_dates": [f"2027-01-{d}" for d in range(12, 18)]}
    result = solve_checked(only("weekly_ramp", **flat_run, **blackouts))
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [220, 45, 165]


def test_after_an_interrupted_week_the_ramp_from_it_may_bind_instead(flat_run):
    # Week 2 blacked out Fri-Sun: Mon-Thu 45 + 60 + 45 + 60 = 210 available, 30 a day < 39.6:
    # interrupted; V(2) = 210 (ramp cap 242). Week 3: E(3) <= max(0.75 * 220, 1.1 * 210)
    # = max(165, 231) = 231: the other branch suffices.
    blackouts = {"availability.blackout_dates": ["2027-01-15", "2027-01-16", "2027-01-17"]}
    result = solve_checked(only("weekly_ramp", **flat_run, **blackouts))
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [220, 210, 231]


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
    # (level intermediate: under 150 min a week the athlete would be planned as a novice.)
    flat = {"model.readiness": readiness(tmp_path, FLAT), **THREE_LOADING_WEEKS, "athlete.level": "intermediate"}
    inside = solve_checked(only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY,
                                **{"athlete.current_weekly_minutes": 28}))
    assert [week_minutes(inside, w) for w in (1, 2, 3)] == [30, 33, 36]
    assert [d.session for d in inside.days[:7] if d.minutes] == ["strides"]
    past = only("weekly_ramp", "quotas", **flat, **STRIDES_ONLY, **{"athlete.current_weekly_minutes": 27})
    assert assert_infeasible(past, "weekly_ramp") == {"weekly_ramp", "quotas"}


def test_past_the_edge_peak_ceiling_below_a_required_session(tmp_path):
    # peak_weekly_minutes 30 leaves room for the 30-min strides run; 29 does not.
    flat = {"model.readiness": readiness(tmp_path, FLAT), **THREE_LOADING_WEEKS}
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
