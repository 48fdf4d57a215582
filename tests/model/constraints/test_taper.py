"""taper (docs/rules.md): P = ref(R+1), the peak week. E(w) <= E(P) for every loading week w.
Taper week j = 1 .. weeks+1 (week R+j, race week last) with volume_bands[j] = (lo, hi):
lo * REF(P) <= E(R+j) <= hi * REF(P). keep_frequency: running days of each taper week >= running
days of P - 1. With long_run_bands: L(w) <= L(P) for every loading week, and taper week j <= weeks:
lo * L(P) <= L(R+j) <= hi * L(P).

Scenario: the base 4-week block (tests/model/support.py) with the 10K default taper: weeks 1,
volume_bands (0.70, 0.90) and (0.45, 0.70). W = 4, R = 2: week 3 is taper week 1, race week 4 is
taper week 2; P = ref(3) = week 2 (normal, no deload). Readiness RACE_WEEK_REST (support.py):
loads up to 7 days before the race gain readiness, race-week loads cost it. So week 3 is filled up
to its cap and race week kept down to its floor. One session type `run` (IF .70).
"""

from __future__ import annotations

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


def run_type(min_minutes: int) -> dict:
    return {"run": {"intensity_factor": 0.70, "min_minutes": min_minutes, "max_minutes": 600, "hard": False}}


@pytest.fixture
def shaped(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, run_type(0), "run0"),
            "model.readiness": readiness(tmp_path, RACE_WEEK_REST)}


def test_feasible():
    result = solve_checked(only("taper"))
    assert [w.phase for w in result.weeks] == ["base", "race_specific", "taper", "race_week"]
    peak = week_minutes(result, 2)
    assert week_minutes(result, 1) <= peak
    assert 0.70 * peak <= week_minutes(result, 3) <= 0.90 * peak
    assert 0.45 * peak <= week_minutes(result, 4) <= 0.70 * peak


def test_cap_and_floor_bind(shaped):
    # Weeks 1-2 fill availability: 370 = REF(P). Week 3 <= floor(.90 * 370) = 333.
    # Race week >= ceil(.45 * 370) = ceil(166.5) = 167.
    result = solve_checked(only("taper", **shaped))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 370, 333, 167]


def test_the_peak_week_is_the_biggest_loading_week(shaped):
    # Sunday of week 2 capped at 50 (2027-01-17): week 2 offers 320 (45.7 a day: not interrupted),
    # and week 1 may not exceed the peak week: E(1) <= E(2) = 320 although 370 are available.
    # The bands follow REF(P) = 320: week 3 <= floor(.9 * 320) = 288, race week >= ceil(.45 * 320) = 144.
    result = solve_checked(only("taper", **shaped, **{"availability.date_caps": {"2027-01-17": 50}}))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [320, 320, 288, 144]


def test_keep_frequency_binds(tmp_path):
    # Runs last >= 35 min. P = week 2 has 6 running days, so race week needs >= 5 of them:
    # 5 x 35 = 175 min, more than the volume floor 167. Without keep_frequency race week stays
    # at its floor 167 (at most 4 runs of >= 35 min).
    base = {"model.catalogue": catalogue(tmp_path, run_type(35), "run35"),
            "model.readiness": readiness(tmp_path, RACE_WEEK_REST)}
    kept = solve_checked(only("taper", **base))
    assert running_days(kept, 2) == 6
    assert (running_days(kept, 4), week_minutes(kept, 4)) == (5, 175)
    assert running_days(kept, 3) >= 5
    loose = solve_checked(only("taper", **base, **{"rules.taper.keep_frequency": False}))
    assert week_minutes(loose, 4) == 167 and running_days(loose, 4) <= 4


def test_the_peak_week_gives_way_to_the_race_week_floor(shaped):
    # Race week: Saturday 2027-01-30 blacked out and Thursday 2027-01-28 capped at c: Mon-Wed
    # 45 + 60 + 45 = 150 plus c available. c = 17: the floor ceil(.45 * 370) = 167 fits exactly.
    # c = 16: 166 available, so REF(P) = V(2) <= 166 / .45 = 368.9 -> 368 (week 1 follows it),
    # race week >= ceil(.45 * 368) = ceil(165.6) = 166, week 3 <= floor(.9 * 368) = 331.
    # keep_frequency off: with it, race week's 4 usable days would hold P to 5 running days.
    blackout = {"availability.blackout_dates": ["2027-01-30"], "rules.taper.keep_frequency": False}
    fits = solve_checked(only("taper", **shaped, **blackout, **{"availability.date_caps": {"2027-01-28": 17}}))
    assert [week_minutes(fits, w) for w in (1, 2, 3, 4)] == [370, 370, 333, 167]
    gives = solve_checked(only("taper", **shaped, **blackout, **{"availability.date_caps": {"2027-01-28": 16}}))
    assert [week_minutes(gives, w) for w in (1, 2, 3, 4)] == [368, 368, 331, 166]


def test_past_the_edge_floor_above_the_race_week_availability(tmp_path):
    # Default catalogue, phases off, quotas on: week 2 (race_specific) needs a tempo (>= 40 min) and
    # an intervals session (>= 45 min), so REF(P) = V(2) >= 85; race week needs a race-pace session
    # (>= 30 min). Race week blacked out but for Monday 2027-01-25, capped at m.
    # m = 39: V(4) >= .45 V(2) fits with V(2) <= 86 (.45 * 86 = 38.7 -> 39); V(2) = 86, V(4) = 39.
    # m = 38: V(2) <= 38 / .45 = 84.4 < 85: infeasible, taper and quotas named.
    base = {"model.readiness": readiness(tmp_path, RACE_WEEK_REST),
            "availability.blackout_dates": [f"2027-01-{d}" for d in range(26, 31)]}
    inside = solve_checked(only("taper", "quotas", **base, **{"availability.date_caps": {"2027-01-25": 39}}))
    assert (week_minutes(inside, 2), week_minutes(inside, 4)) == (86, 39)
    past = only("taper", "quotas", **base, **{"availability.date_caps": {"2027-01-25": 38}})
    assert {"taper", "quotas"} <= assert_infeasible(past, "taper")


def test_switched_off_no_taper(shaped):
    on = solve_checked(only("taper", **shaped))
    off = solve_checked(only(**shaped))
    # week 3 back to the full 370, race week down to nothing (its loads only cost readiness)
    assert week_minutes(off, 3) == 370 > week_minutes(on, 3)
    assert week_minutes(off, 4) == 0 < week_minutes(on, 4)
    assert off.objective > on.objective


# --- long-run bands ---------------------------------------------------------------------------
# A `long` type (IF .80, long: true) beside `run` (IF .70): a long minute is worth more, so the
# long run takes every minute its caps allow. The long run goes on Monday, the most valuable day of
# a week under RACE_WEEK_REST (weights fall towards the race), with Monday and Sunday availability
# swapped (Mon 100, Sun 45: still 370 a week). long_run on, loosened so only its structure remains
# (one a week on Monday, required in normal weeks but race week, the week's longest session):
# shares 1.0 whatever the running days (every key 1..7 written: the defaults merge key by key),
# growth 1.0 (<= 140 min in week 1), max 120 (10K default).
LONG_BANDS = {"rules.taper.long_run_bands": [[0.55, 0.80]],
              "rules.long_run.max_share_by_days": dict.fromkeys(range(1, 8), 1.0),
              "rules.long_run.max_growth": 1.0, "availability.long_run_day": "mon",
              "availability.max_minutes": {**BASE_AVAILABILITY, "mon": 100, "sun": 45}}


@pytest.fixture
def with_long(tmp_path):
    sessions = {**run_type(0), "long": {"intensity_factor": 0.80, "min_minutes": 1, "max_minutes": 600,
                                        "hard": False, "long": True}}
    return {"model.catalogue": catalogue(tmp_path, sessions, "run_long"),
            "model.readiness": readiness(tmp_path, RACE_WEEK_REST), **LONG_BANDS}


def long_minutes(result, week: int) -> int:
    return sum(d.minutes for d in result.days if d.week == week and d.session == "long")


def test_long_run_band_cap_binds(with_long):
    # L(P) = L(2) = 100 (Monday). Taper week 3: L(3) <= 0.80 * 100 = 80, the week itself at its
    # volume cap 333 (80 + 253 of the 270 the other days offer).
    result = solve_checked(only("taper", "long_run", **with_long))
    assert [long_minutes(result, w) for w in (1, 2, 3)] == [100, 100, 80]
    assert week_minutes(result, 3) == 333


def test_long_run_of_a_loading_week_at_most_the_peak_weeks(with_long):
    # Monday of week 2 capped at 90 (2027-01-11): L(2) = 90 (week 2 offers 360, 51 a day: normal),
    # and week 1's long run may not be longer: L(1) <= L(P) = 90 (and E(1) <= E(2) = 360).
    # Taper week 3: L(3) <= 0.8 * 90 = 72.
    result = solve_checked(only("taper", "long_run", **with_long, **{"availability.date_caps": {"2027-01-11": 90}}))
    assert [long_minutes(result, w) for w in (1, 2, 3)] == [90, 90, 72]
    assert week_minutes(result, 1) == 360


def test_long_run_band_floor(with_long):
    # Monday of week 3 capped at c (2027-01-18): the taper long run (required, on Monday) is at most
    # c and at least 0.55 L(P). c = 55: L(P) = 100 stays (ceil(55.0) = 55). c = 54: the peak week's
    # long run gives way, L(2) <= 54 / 0.55 = 98.2 -> 98 (and L(1) <= 98); L(3) = 54 >= 53.9.
    fits = solve_checked(only("taper", "long_run", **with_long, **{"availability.date_caps": {"2027-01-18": 55}}))
    assert [long_minutes(fits, w) for w in (1, 2, 3)] == [100, 100, 55]
    gives = solve_checked(only("taper", "long_run", **with_long, **{"availability.date_caps": {"2027-01-18": 54}}))
    assert [long_minutes(gives, w) for w in (1, 2, 3)] == [98, 98, 54]


def test_past_the_edge_long_run_band_floor(with_long):
    # As above, with the block's longest run asked to reach 100 min (min_peak_share_of_race 2.0 x the
    # 50-min race, cap 100): L(P) >= 100 (a loading week reaches it, and none exceeds L(P)), so
    # L(3) >= 55 and c = 54 is infeasible.
    peak = {"rules.long_run.min_peak_share_of_race": 2.0, "rules.long_run.min_peak_cap_minutes": 100}
    inside = solve_checked(only("taper", "long_run", **with_long, **peak,
                                **{"availability.date_caps": {"2027-01-18": 55}}))
    assert long_minutes(inside, 3) == 55
    past = only("taper", "long_run", **with_long, **peak, **{"availability.date_caps": {"2027-01-18": 54}})
    assert {"taper", "long_run"} <= assert_infeasible(past, "taper")
