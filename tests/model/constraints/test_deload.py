"""deload: deload week w (loading weeks with w % every_weeks == 0 and w < R): E(w) <= volume_factor E(w-1).

Base scenario (tests/model/support.py): R = 3 loading weeks. every_weeks 2 makes week 2 the only
deload week (2 % 2 == 0, 2 < 3). One session type `run` (IF .70, 1-600 min) and the FLAT
readiness: every minute helps, so each week is filled up to its cap (370 min a full week).
"""

from __future__ import annotations

import pytest

from ..support import FLAT, assert_infeasible, catalogue, only, readiness, solve_checked, week_minutes

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}
EVERY_2 = {"rules.deload.every_weeks": 2}


@pytest.fixture
def flat_run(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT)}


def test_feasible():
    result = solve_checked(only("deload", **EVERY_2))
    assert result.status == "OPTIMAL"
    assert [w.deload for w in result.weeks] == [False, True, False, False]


def test_default_every_four_weeks_has_no_deload_in_a_three_week_load():
    # every_weeks 4 (default) and R = 3: no loading week w < 3 with w % 4 == 0.
    result = solve_checked(only("deload"))
    assert not any(w.deload for w in result.weeks)


def test_deload_cap_binds(flat_run):
    # Week 1 fills availability: 370. Week 2 (deload): V(2) <= floor(0.75 * 370) = floor(277.5) = 277.
    # Week 3 is back to 370, race week 270 (Mon-Sat availability).
    result = solve_checked(only("deload", **flat_run, **EVERY_2))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 277, 370, 270]
    assert result.weeks[1].deload


def test_ramp_after_a_deload_compares_with_the_last_loading_week(flat_run):
    # With the ramp: V(1) = 220; deload V(2) <= 0.75 * 220 = 165; week 3 ramps from week 1
    # (the latest non-deload loading week), not from the deload: floor(1.1 * 220) = 242 (not 181).
    result = solve_checked(only("deload", "weekly_ramp", **flat_run, **EVERY_2))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 165, 242, 270]


def test_partial_week_before_the_deload(flat_run):
    # Start Wed 2027-01-06: week 1 has 5 days, availability Wed-Sun 45 + 60 + 0 + 60 + 100 = 265.
    # A partial week 1 is no reference (docs/rules.md, REF): it stands for the athlete's current
    # 200 min, so the deload V(2) <= 0.75 * 200 = 150 (not 0.75 * 265 * 7/5 = 278).
    result = solve_checked(only("deload", **flat_run, **EVERY_2, start_date="2027-01-06"))
    assert [week_minutes(result, w) for w in (1, 2)] == [265, 150]


def test_past_the_edge_deload_below_a_required_session(tmp_path):
    # Default catalogue; quotas: build (week 2) needs a tempo session (catalogue min 40 min).
    # Week 1 is blacked out but for Monday (45 min), so V(1) <= 45 and V(2) <= f * 45.
    # f = 0.89: 40.05 -> 40, exactly one 40-min tempo run; f = 0.88: 39.6 < 40 -> infeasible.
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    blackouts = {"availability.blackout_dates": [f"2027-01-{d:02d}" for d in range(5, 11)]}
    inside = solve_checked(only("deload", "quotas", **flat, **EVERY_2, **blackouts,
                                **{"rules.deload.volume_factor": 0.89}))
    assert week_minutes(inside, 1) == 45
    assert [(d.session, d.minutes) for d in inside.days[7:14] if d.minutes] == [("tempo", 40)]
    past = only("deload", "quotas", **flat, **EVERY_2, **blackouts, **{"rules.deload.volume_factor": 0.88})
    assert {"deload", "quotas"} <= assert_infeasible(past, "deload")


def test_switched_off_no_recovery_week(flat_run):
    on = solve_checked(only("deload", **flat_run, **EVERY_2))
    off = solve_checked(only(**flat_run, **EVERY_2))  # deload not listed: enabled false
    assert not any(w.deload for w in off.weeks)
    assert week_minutes(off, 2) == 370 > week_minutes(on, 2) == 277
    assert off.objective > on.objective
