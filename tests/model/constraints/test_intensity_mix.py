"""intensity_mix: each week sum (1 - quality_fraction) * minutes >= min_low_intensity_share * V(w).

Base scenario (tests/model/support.py) with the FLAT readiness (every minute of load helps).
"""

from __future__ import annotations

import pytest

from ..support import FLAT, WEEKDAYS, assert_infeasible, catalogue, only, readiness, solve_checked, week_days

# easy: IF .70, 1-60 min, all low intensity. quality: IF .90, exactly 50 min, all of it quality
# (quality_fraction 1). Every day 60 min available (Friday too).
SESSIONS = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 60, "hard": False},
            "quality": {"intensity_factor": 0.90, "min_minutes": 50, "max_minutes": 50, "hard": False,
                        "quality_fraction": 1.0}}
# Default catalogue: only race week keeps a minimum quota of the 10K defaults (race_pace >= 1,
# 30-90 min, quality .35); every other phase's minimum is zeroed.
RACE_PACE_ONLY = {"rules.quotas.per_phase": {"base": {"strides": {"min": 0}}, "build": {"tempo": {"min": 0}},
                                             "race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                             "peak": {"race_pace": {"min": 0}, "tempo": {"min": 0}},
                                             "taper": {"tempo": {"min": 0}}}}
MONDAY_30 = {"availability.max_minutes": {**dict.fromkeys(WEEKDAYS, 0), "mon": 30}}


@pytest.fixture
def two_types(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, SESSIONS), "model.readiness": readiness(tmp_path, FLAT),
            "availability.max_minutes": dict.fromkeys(WEEKDAYS, 60)}


def count(result, week: int, session: str) -> int:
    return sum(d.session == session for d in week_days(result, week))


def test_feasible():
    result = solve_checked(only("intensity_mix"))
    assert all(w.low_intensity_share >= 0.75 for w in result.weeks)


def test_share_binds_exactly(two_types):
    # A quality session (50 min at .81 load/min) beats an easy hour (60 x .49 = 29.4 < 40.5).
    # Full week, k quality days and 7 - k easy hours: quality 50k <= .25 (50k + 60 (7 - k))
    # -> 52.5 k <= 105 -> k <= 2. k = 2: V = 100 + 300 = 400, easy 300 = 0.75 * 400 exactly.
    # Race week (6 training days): 52.5 k <= 90 -> k = 1: V = 50 + 300 = 350, share 300/350.
    result = solve_checked(only("intensity_mix", **two_types))
    for w in (1, 2, 3):
        assert (count(result, w, "quality"), count(result, w, "easy")) == (2, 5)
        easy = sum(d.minutes for d in week_days(result, w) if d.session == "easy")
        total = sum(d.minutes for d in week_days(result, w))
        assert (easy, total) == (300, 400) and easy == 0.75 * total
        assert result.weeks[w - 1].low_intensity_share == 0.75
    assert (count(result, 4, "quality"), sum(d.minutes for d in week_days(result, 4))) == (1, 350)


def test_past_the_edge_a_required_session_alone_in_its_week(tmp_path):
    # Only Monday is available (30 min) and race week must hold a race_pace session (>= 30 min,
    # quality_fraction .35): race week is that 30-min session alone, low share exactly .65.
    # min share .65 -> feasible; .66 -> infeasible (intensity_mix and quotas named).
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    inside = solve_checked(only("intensity_mix", "quotas", **flat, **RACE_PACE_ONLY, **MONDAY_30,
                                **{"rules.intensity_mix.min_low_intensity_share": 0.65}))
    assert [(d.session, d.minutes) for d in week_days(inside, 4) if d.minutes] == [("race_pace", 30)]
    assert inside.weeks[3].low_intensity_share == 0.65
    past = only("intensity_mix", "quotas", **flat, **RACE_PACE_ONLY, **MONDAY_30,
                **{"rules.intensity_mix.min_low_intensity_share": 0.66})
    assert {"intensity_mix", "quotas"} <= assert_infeasible(past, "intensity_mix")


def test_switched_off_quality_everywhere(two_types):
    on = solve_checked(only("intensity_mix", **two_types))
    off = solve_checked(only(**two_types))
    # every day a quality session: 7 x 50 = 350 min a week, nothing at low intensity
    for w in (1, 2, 3):
        assert count(off, w, "quality") == 7
        assert off.weeks[w - 1].low_intensity_share == 0.0 < on.weeks[w - 1].low_intensity_share
    assert off.objective > on.objective
