"""long_run: long sessions (catalogue long: true) at most one a week, on availability.long_run_day
unless that day is not usable in the week; required in every full week but race week; the
week's longest session; L(w) <= max_share_of_week * E(w) and <= max_minutes; no session longer
than (1 + max_growth) * M(w-1), M(0) = longest_recent_run_minutes, M(w) = max(M(w-1), week w).

Base scenario (tests/model/support.py): long run day Sunday (100 min available), other days
45/60/45/60/0/60 = 270 min; longest recent run 70 min; 10K defaults: share .30, max_growth .10,
max_minutes 105, required weekly. Default catalogue (long: 45-210 min), phases off.
"""

from __future__ import annotations

import math

import pytest

from ..support import (
    FLAT,
    assert_infeasible,
    catalogue,
    conflicts,
    only,
    readiness,
    solve_checked,
    week_days,
    week_minutes,
)


@pytest.fixture
def flat(tmp_path):
    """Every minute of load helps: each cap of the rule is met exactly."""
    return {"model.readiness": readiness(tmp_path, FLAT)}


def longs(result) -> list[tuple[int, str, int]]:
    return [(d.week, d.weekday, d.minutes) for d in result.days if d.session == "long"]


def longest(result, week: int) -> int:
    return max(d.minutes for d in week_days(result, week))


def test_feasible_and_share_as_a_floor():
    # Default (Banister) readiness: load in the last 12 days before the race costs readiness
    # (t* = 12.35 days, see test_readiness.py), so week 3 is as small as the rule allows: its
    # required long run is >= 45 min (catalogue) and <= 30 % of the week -> V(3) = 45 / 0.30 = 150.
    result = solve_checked(only("long_run"))
    assert [(w, day) for w, day, _ in longs(result)] == [(1, "sun"), (2, "sun"), (3, "sun")]
    assert longs(result)[2][2] == 45
    assert week_minutes(result, 3) == 150


def test_growth_binds(flat):
    # M(0) = 70: week 1 sessions <= floor(1.1 * 70) = 77; M(1) = 77 -> <= floor(84.7) = 84;
    # M(2) = 84 -> <= floor(92.4) = 92. The Sunday long run takes each cap (share: 92 <= .3 * 362).
    result = solve_checked(only("long_run", **flat))
    assert longs(result) == [(1, "sun", 77), (2, "sun", 84), (3, "sun", 92)]
    assert [longest(result, w) for w in (1, 2, 3)] == [77, 84, 92]
    # the long run is the week's longest run: the other days keep their availability
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [270 + 77, 270 + 84, 270 + 92]


def test_share_of_week_binds(flat):
    # share .20: L <= 0.2 * (270 + L) -> 0.8 L <= 54 -> L <= 67.5 -> 67 every full week.
    result = solve_checked(only("long_run", **flat, **{"rules.long_run.max_share_of_week": 0.20}))
    assert longs(result) == [(w, "sun", 67) for w in (1, 2, 3)]
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [337, 337, 337]
    assert all(0.20 * week_minutes(result, w) >= 67 for w in (1, 2, 3))


def test_max_minutes_binds(flat):
    # max_minutes 80 with growth lifted (max_growth 1.0 -> 140 min): 80 every full week.
    result = solve_checked(only("long_run", **flat, **{"rules.long_run.max_minutes": 80,
                                                      "rules.long_run.max_growth": 1.0}))
    assert longs(result) == [(w, "sun", 80) for w in (1, 2, 3)]


def test_long_run_is_the_longest_session_of_its_week(flat):
    # long run day Monday (45 min available): the long run sits there, so no session of that
    # week may be longer than 45 although Tue/Thu/Sat offer 60 and Sunday 100.
    result = solve_checked(only("long_run", **flat, **{"availability.long_run_day": "mon"}))
    assert longs(result) == [(w, "mon", 45) for w in (1, 2, 3)]
    for w in (1, 2, 3):
        assert [d.minutes for d in week_days(result, w)] == [45, 45, 45, 45, 0, 45, 45]
    assert longest(result, 4) == 60  # race week has no long run: availability again


def test_blacked_out_long_run_day_frees_the_week(flat):
    # Sunday 2027-01-17 blacked out: week 2's long run may go on any day, and is then the
    # longest session of the week (<= 60, the most any other day offers).
    result = solve_checked(only("long_run", **flat, **{"availability.blackout_dates": ["2027-01-17"]}))
    week2 = [(day, minutes) for w, day, minutes in longs(result) if w == 2]
    assert len(week2) == 1 and week2[0][0] != "sun"
    assert week2[0][1] == longest(result, 2) == 60


def test_past_the_edge_max_minutes_below_the_shortest_long_run(flat):
    # The catalogue's long run lasts >= 45 min and one is required each full week.
    # max_minutes 45: exactly 45 each week; 44: infeasible, the rule alone conflicts.
    inside = solve_checked(only("long_run", **flat, **{"rules.long_run.max_minutes": 45}))
    assert longs(inside) == [(w, "sun", 45) for w in (1, 2, 3)]
    past = only("long_run", **flat, **{"rules.long_run.max_minutes": 44})
    assert assert_infeasible(past, "long_run") == {"long_run"}


def test_past_the_edge_growth_below_the_shortest_long_run():
    # Default readiness. longest recent run 41: week 1 sessions <= floor(1.1 * 41) = floor(45.1)
    # = 45, just the shortest long run (45); week 2 may grow to floor(1.1 * 45) = 49.
    # longest recent run 40: 1.1 * 40 = 44 < 45 -> no long run fits week 1: infeasible.
    inside = solve_checked(only("long_run", **{"athlete.longest_recent_run_minutes": 41}))
    assert longs(inside)[0] == (1, "sun", 45)
    assert longest(inside, 1) == 45 == math.floor(1.1 * 41)
    assert longest(inside, 2) <= 49
    past = only("long_run", **{"athlete.longest_recent_run_minutes": 40})
    assert assert_infeasible(past, "long_run") == {"long_run"}
    assert conflicts(past) == [("long_run", "week 1")]


def test_switched_off_no_long_runs(flat):
    on = solve_checked(only("long_run", **flat))
    off = solve_checked(only(**flat))
    # without the rule the long type (IF .72) is never worth its minutes: Sunday becomes
    # intervals (75 min, IF .95) and no week holds a long run
    assert longs(off) == []
    assert [d.session for d in off.days if d.weekday == "sun"][:3] == ["intervals"] * 3
    assert off.objective > on.objective


def test_required_long_run_without_a_long_session_type(tmp_path):
    from peakplan.planner import solve
    from peakplan.scenario.loader import ScenarioError

    run = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 100, "hard": False}}
    try:
        sc = only("long_run", **{"model.catalogue": catalogue(tmp_path, run)})  # required_weekly: true (default)
        result = solve(sc)
    except ScenarioError:
        return  # rejecting the scenario (now when it loads) would keep the contract too
    assert result.status == "INFEASIBLE" or not result.has_plan, (
        f"{result.status}: a plan without long runs although every full week needs one: "
        f"{[d.session for d in result.days[:21]]}")
