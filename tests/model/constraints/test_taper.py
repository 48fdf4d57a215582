"""taper: n = weeks + 1 (race week = taper week n), ref = E(R). Taper week j (week R + j):
cap_j = (1 - volume_reduction)^(j/n), floor_j = max(0, cap_j - floor_band),
floor_j * ref <= E(R + j) <= cap_j * ref; keep_frequency: running days >= running days of week R - 1.

Scenario: the base 4-week block (tests/model/support.py) with taper.weeks = 1: W = 4, R = 2;
week 3 is taper week 1, race week 4 is taper week 2 (n = 2). Defaults volume_reduction .50,
floor_band .20:  cap_1 = .5^(1/2) = .70711 (7071 bp, rounded down), floor_1 = .50711;
cap_2 = .5, floor_2 = .30.
Readiness RACE_WEEK_REST (support.py): loads up to 7 days before the race gain readiness, race
week loads cost it. So week 3 is filled up to its cap and race week kept down to its floor.
One session type `run` (IF .70).
"""

from __future__ import annotations

import math

import pytest

from ..support import (
    BASE_AVAILABILITY,
    RACE_WEEK_REST,
    assert_infeasible,
    catalogue,
    only,
    readiness,
    running_days,
    solve_checked,
    week_minutes,
)

ONE_TAPER_WEEK = {"rules.taper.weeks": 1}


def run_type(min_minutes: int) -> dict:
    return {"run": {"intensity_factor": 0.70, "min_minutes": min_minutes, "max_minutes": 600, "hard": False}}


@pytest.fixture
def shaped(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, run_type(0), "run0"),
            "model.readiness": readiness(tmp_path, RACE_WEEK_REST), **ONE_TAPER_WEEK}


def test_feasible():
    result = solve_checked(only("taper"))
    assert [w.phase for w in result.weeks] == ["base", "build", "race_specific", "race_week"]
    ref = week_minutes(result, 3)
    assert 0.30 * ref <= week_minutes(result, 4) <= 0.50 * ref


def test_cap_and_floor_bind(shaped):
    # Weeks 1-2 fill availability: 370 = ref. Week 3 <= floor(.70711 * 370) = floor(261.63) = 261.
    # Race week >= ceil(.30 * 370) = ceil(111.0) = 111.
    result = solve_checked(only("taper", **shaped))
    assert [w.phase for w in result.weeks] == ["base", "race_specific", "taper", "race_week"]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 370, 261, 111]
    assert week_minutes(result, 3) == math.floor(0.5 ** 0.5 * 370)
    assert week_minutes(result, 4) == math.ceil(0.30 * 370)


def test_keep_frequency_binds(tmp_path):
    # Runs last >= 30 min. Week 2 has 6 running days, so race week needs >= 5 of them:
    # 5 x 30 = 150 min, more than the volume floor 111. Without keep_frequency race week stays
    # at its floor 111 (at most 3 runs of >= 30 min).
    base = {"model.catalogue": catalogue(tmp_path, run_type(30), "run30"),
            "model.readiness": readiness(tmp_path, RACE_WEEK_REST), **ONE_TAPER_WEEK}
    kept = solve_checked(only("taper", **base))
    assert running_days(kept, 2) == 6
    assert (running_days(kept, 4), week_minutes(kept, 4)) == (5, 150)
    loose = solve_checked(only("taper", **base, **{"rules.taper.keep_frequency": False}))
    assert week_minutes(loose, 4) == 111 and running_days(loose, 4) <= 3


def test_past_the_edge_floor_above_the_race_week_availability():
    # Default 10K taper (weeks 0, race week = taper week 1: cap .5, floor .3 of E(3)). Quotas
    # keep tempo (>= 40 min) and intervals (>= 45 min) in week 3, so E(3) >= 85 and race week
    # needs >= .3 * 85 = 25.5 -> 26 min. Race week is blacked out but for Monday.
    # Monday 26 min: week 3 = 85 and race week = 26 exactly (default readiness prefers rest late).
    # Monday 25 min: infeasible, taper named.
    quotas = {"rules.quotas.per_phase": {"base": {"strides": {"min": 0}}, "build": {"tempo": {"min": 0}},
                                         "race_week": {"race_pace": {"min": 0}}}}
    blackouts = {"availability.blackout_dates": [f"2027-01-{d}" for d in range(26, 31)]}
    inside = solve_checked(only("taper", "quotas", **quotas, **blackouts,
                                **{"availability.max_minutes": {**BASE_AVAILABILITY, "mon": 26}}))
    assert (week_minutes(inside, 3), week_minutes(inside, 4)) == (85, 26)
    past = only("taper", "quotas", **quotas, **blackouts,
                **{"availability.max_minutes": {**BASE_AVAILABILITY, "mon": 25}})
    assert {"taper", "quotas"} <= assert_infeasible(past, "taper")


def test_switched_off_no_taper(shaped):
    on = solve_checked(only("taper", **shaped))
    off = solve_checked(only(**shaped))
    # week 3 back to the full 370, race week down to nothing (its loads only cost readiness)
    assert week_minutes(off, 3) == 370 > week_minutes(on, 3)
    assert week_minutes(off, 4) == 0 < week_minutes(on, 4)
    assert off.objective > on.objective
