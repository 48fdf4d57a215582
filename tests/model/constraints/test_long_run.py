"""long_run (docs/rules.md): long sessions (catalogue long: true) at most one a week, on
availability.long_run_day unless that day is not usable in the week; required (required_weekly) in
every normal week but race week and tune-up weeks; no session of the week longer than it.
L(w) <= share(days_avail(w)) * E(w) (max_share_by_days, nearest key) and L(w) <= max_minutes; no
training session longer than (1 + max_growth) * M(w-1), M(0) = longest_recent_run_minutes,
M(w) = max(M(w-1), week w's sessions). Some loading week has
L(w) >= min(ceil(min_peak_share_of_race * race minutes), min_peak_cap_minutes, max_minutes).

Base scenario (tests/model/support.py): R = 2 loading weeks, taper week 3 (a normal week: it needs
a long run), race week 4. Long run day Sunday (100 min available), other days 45/60/45/60/0/60 =
270 min, 6 running days available: share(6) = .36; longest recent run 70 min; 10K defaults
max_growth .10, max_minutes 120, required weekly. Default catalogue (long 45-210 min and long_mp
90-210 min are the long types), phases off.
"""

from __future__ import annotations

import math

import pytest

from ..support import (
    COSTLY,
    FLAT,
    assert_infeasible,
    catalogue,
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


@pytest.fixture
def costly(tmp_path):
    """Every minute of load costs: each floor of the rule is met exactly."""
    return {"model.readiness": readiness(tmp_path, COSTLY)}


def longs(result) -> list[tuple[int, str, int]]:
    """(week, weekday, minutes) of every long session (a catalogue type with long: true)."""
    kinds = result.scenario.catalogue.sessions
    return [(d.week, d.weekday, d.minutes) for d in result.days if d.session in kinds and kinds[d.session].long]


def longest(result, week: int) -> int:
    return max(d.minutes for d in week_days(result, week))


def test_feasible_and_share_as_a_floor(costly):
    # Every minute costs, but a long run of >= 45 min (catalogue) is required in weeks 1-3 and may
    # be at most .36 of its week: 45 * 7 * 1e4 <= 3600 * 7 * V -> V >= 125. So each of weeks 1-3
    # holds exactly 125 min with a 45-min Sunday long run; race week (no long run required) rests.
    result = solve_checked(only("long_run", **costly))
    assert longs(result) == [(1, "sun", 45), (2, "sun", 45), (3, "sun", 45)]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [125, 125, 125, 0]


def test_growth_binds(flat):
    # M(0) = 70: week 1 sessions <= floor(1.1 * 70) = 77; M(1) = 77 -> <= floor(84.7) = 84;
    # M(2) = 84 -> <= floor(92.4) = 92. The Sunday long run takes each cap (share: 92 <= .36 * 362).
    result = solve_checked(only("long_run", **flat))
    assert longs(result) == [(1, "sun", 77), (2, "sun", 84), (3, "sun", 92)]
    assert [longest(result, w) for w in (1, 2, 3)] == [77, 84, 92]
    # the long run is the week's longest run: the other days keep their availability
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [270 + 77, 270 + 84, 270 + 92]


def test_share_of_week_binds(flat):
    # share .20 at every number of days: L <= 0.2 * (270 + L) -> 0.8 L <= 54 -> L <= 67.5 -> 67.
    shares = {"rules.long_run.max_share_by_days": dict.fromkeys(range(1, 8), 0.2)}
    result = solve_checked(only("long_run", **flat, **shares))
    assert longs(result) == [(w, "sun", 67) for w in (1, 2, 3)]
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [337, 337, 337]


def test_share_follows_the_running_days_available(flat):
    # share .25 on 5 days, .20 otherwise; Tuesday 2027-01-12 blacked out: week 2 has 5 days available
    # (310 min, 44 a day: a normal week). L(2) <= .25 * (45 + 45 + 60 + 60 + L) -> .75 L <= 52.5
    # -> L <= 70 (growth allows floor(1.1 * 67) = 73). Weeks 1 and 3 (6 days): 67 as above.
    shares = {"rules.long_run.max_share_by_days": {**dict.fromkeys(range(1, 8), 0.2), 5: 0.25}}
    result = solve_checked(only("long_run", **flat, **shares, **{"availability.blackout_dates": ["2027-01-12"]}))
    assert longs(result) == [(1, "sun", 67), (2, "sun", 70), (3, "sun", 67)]


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
    # longest session of the week (<= 60, the most any other day offers). Week 2 offers 270 min,
    # 38.6 a day: under .75 * 370 / 7 = 39.6 it would be interrupted (no long run required), so
    # interrupted_below is lowered to .5 to keep it a normal week.
    result = solve_checked(only("long_run", **flat, **{"availability.blackout_dates": ["2027-01-17"],
                                                      "availability.interrupted_below": 0.5}))
    week2 = [(day, minutes) for w, day, minutes in longs(result) if w == 2]
    assert len(week2) == 1 and week2[0][0] != "sun"
    assert week2[0][1] == longest(result, 2) == 60


def test_an_interrupted_week_needs_no_long_run(costly):
    # Week 2 blacked out but for Monday (45 / 7 = 6.4 a day < .75 * 370 / 7 = 39.6: interrupted):
    # no long run is required there, so (every minute costing) week 2 rests; weeks 1 and 3 keep theirs.
    blackouts = {"availability.blackout_dates": [f"2027-01-{d}" for d in range(12, 18)]}
    result = solve_checked(only("long_run", **costly, **blackouts))
    assert longs(result) == [(1, "sun", 45), (3, "sun", 45)]
    assert week_minutes(result, 2) == 0


def test_peak_long_run_minimum(costly):
    # min(ceil(3.0 * 50), 84, 120) = 84: some loading week (1 or 2) has L >= 84. Week 1 sessions
    # <= 77 (growth from 70), so it is week 2, and week 1 must hold a 77-min session to let week 2
    # grow to floor(1.1 * 77) = 84: the long run (the week's longest). Shares: E(1) >= 77 / .36 =
    # 213.9 -> 214, E(2) >= 84 / .36 = 233.3 -> 234; week 3 keeps the plain floor 125.
    # The athlete at 300 min a week (peak 400) carries a long run of floor(.9 * .36 * min(400, 300 *
    # 1.1)) = 106 min, so that limit does not bind here.
    peak = {"rules.long_run.min_peak_share_of_race": 3.0, "rules.long_run.min_peak_cap_minutes": 84,
            "athlete.current_weekly_minutes": 300, "athlete.peak_weekly_minutes": 400}
    result = solve_checked(only("long_run", **costly, **peak))
    assert longs(result) == [(1, "sun", 77), (2, "sun", 84), (3, "sun", 45)]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [214, 234, 125, 0]
    # 85: week 2 can grow to 84 at most: infeasible, the rule alone
    past = only("long_run", **costly, **{**peak, "rules.long_run.min_peak_cap_minutes": 85})
    assert assert_infeasible(past, "long_run") == {"long_run"}


def test_peak_minimum_is_what_the_athletes_volume_can_carry(costly):
    # The base athlete (200 min a week, peak 300) over R = 2 loading weeks carries
    # floor(.9 * .36 * min(300, 200 * 1.1 ** 1)) = floor(71.28) = 71 min: the minimum asks for 71, not 84.
    peak = {"rules.long_run.min_peak_share_of_race": 3.0, "rules.long_run.min_peak_cap_minutes": 84}
    result = solve_checked(only("long_run", **costly, **peak))
    assert max(minutes for _, _, minutes in longs(result)) == 71


def test_past_the_edge_max_minutes_below_the_shortest_long_run(flat):
    # The catalogue's long run lasts >= 45 min and one is required each normal week.
    # max_minutes 45: exactly 45 each week; 44: infeasible, the rule alone conflicts.
    inside = solve_checked(only("long_run", **flat, **{"rules.long_run.max_minutes": 45}))
    assert longs(inside) == [(w, "sun", 45) for w in (1, 2, 3)]
    past = only("long_run", **flat, **{"rules.long_run.max_minutes": 44})
    assert assert_infeasible(past, "long_run") == {"long_run"}


def test_growth_from_a_short_recent_run_starts_at_the_restart_floor():
    # Default readiness. Longest recent run 41: the growth base is max(45, 41) = 45 (RESTART_MINUTES),
    # so week 1 sessions <= floor(1.1 * 45) = 49 and the shortest long run (45) always fits; with
    # 20 min the same (the floor, not 1.1 * 20 = 22, which no long run would fit).
    for recent in (41, 20):
        result = solve_checked(only("long_run", **{"athlete.longest_recent_run_minutes": recent}))
        assert 45 <= longs(result)[0][2] <= longest(result, 1) <= math.floor(1.1 * 45)


def test_growth_counts_the_last_four_weeks_only():
    # A week's runs are capped by 1.1 x the longest of the four weeks before (and the recent run
    # while the window reaches before the block): in the 4-week block every week sees week 1's run.
    result = solve_checked(only("long_run", **{"athlete.longest_recent_run_minutes": 41}))
    for w in (2, 3, 4):
        base = max([45, *(longest(result, u) for u in range(1, w)), 41])
        assert longest(result, w) <= math.floor(1.1 * base)


def test_switched_off_no_long_runs(flat):
    on = solve_checked(only("long_run", **flat))
    off = solve_checked(only(**flat))
    # without the rule the long types (IF .72, .78) are never worth their minutes: Sunday becomes
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
