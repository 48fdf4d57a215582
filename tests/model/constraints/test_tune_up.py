"""tune_up (always on, docs/rules.md): on a tune-up day (race.tune_ups) the session is `tune_up`
with minutes = round(the Daniels time of its distance at the current VDOT, in minutes) + 25; no
hard session and no long run on the 2 days before, no hard session on the day after;
E(week) <= 0.90 * REF(ref(week)). No `tune_up` session on any other day. A tune-up week needs no
long run (long_run) and no minimum quota (quotas).

Scenario: the base 4-week block (tests/model/support.py: R = 2, week 1 base, 2 race_specific,
3 taper, race week 4) with athlete.vdot 50. Daniels & Gilbert (and Daniels' table): a 5K at
VDOT 50 takes 19:56 -> round(19.93) = 20 min, so a 5K tune-up day is 20 + 25 = 45 min; a 10K
41:20 -> 41 + 25 = 66 min. Default catalogue (it has the `tune_up` type), phases off, FLAT
readiness: every minute helps, and hard sessions (intervals) carry the most load.
"""

from __future__ import annotations

import pytest

from ..support import COSTLY, FLAT, assert_infeasible, only, readiness, solve_checked, week_minutes

VDOT_50 = {"athlete.vdot": 50.0}
SAT_5K = {"race.tune_ups": [{"date": "2027-01-16", "distance": "5k"}]}   # Saturday of week 2


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT), **VDOT_50}


def day(result, iso: str):
    return next(d for d in result.days if d.date.isoformat() == iso)


def test_feasible():
    result = solve_checked(only(**VDOT_50, **SAT_5K))
    assert (day(result, "2027-01-16").session, day(result, "2027-01-16").minutes) == ("tune_up", 45)


def test_the_tune_up_day_and_its_mini_taper(flat):
    # The tune-up day: 45 min of tune_up. Thu 14 and Fri 15 (the 2 days before): no hard session,
    # no long run; Sun 17 (the day after): no hard session. Week 2 <= 0.90 * REF(ref(2)) =
    # 0.90 * V(1) = 0.9 * 370 = 333 (exact), and no tune_up on any other day.
    result = solve_checked(only(**flat, **SAT_5K))
    kinds = result.scenario.catalogue.sessions
    assert (day(result, "2027-01-16").session, day(result, "2027-01-16").minutes) == ("tune_up", 45)
    for iso in ("2027-01-14", "2027-01-15", "2027-01-17"):
        d = day(result, iso)
        assert not d.hard, d
        assert iso == "2027-01-17" or not (d.session in kinds and kinds[d.session].long), d
    assert [d.date.isoformat() for d in result.days if d.session == "tune_up"] == ["2027-01-16"]
    assert (week_minutes(result, 1), week_minutes(result, 2)) == (370, 333)
    # without the tune-up the same week is hard on Thursday and Sunday and fills its 370
    plain = solve_checked(only(**flat))
    assert day(plain, "2027-01-14").hard and day(plain, "2027-01-17").hard
    assert week_minutes(plain, 2) == 370 and plain.objective > result.objective


def test_the_tune_up_minutes_follow_its_distance(flat):
    # A 10K tune-up takes 66 min: on Sunday 2027-01-17 (100 min available). On Saturday (60 min) it
    # cannot be held: infeasible, tune_up and availability named.
    result = solve_checked(only(**flat, **{"race.tune_ups": [{"date": "2027-01-17", "distance": "10k"}]}))
    assert (day(result, "2027-01-17").session, day(result, "2027-01-17").minutes) == ("tune_up", 66)
    past = only(**flat, **{"race.tune_ups": [{"date": "2027-01-16", "distance": "10k"}]})
    assert {"tune_up", "availability"} <= assert_infeasible(past, "tune_up")


def test_a_tune_up_week_needs_no_long_run_and_no_minimum_quota(tmp_path):
    # Every minute costs (COSTLY): the floors are met exactly. Week 2 would need a long run
    # (long_run, required) and tempo and intervals (10K race_specific quotas); as a tune-up week it
    # holds the 45-min tune-up alone. Week 1 keeps its long run (45 min), its strides (30 min) and
    # the week the long-run share needs (45 <= .36 E -> E >= 125).
    result = solve_checked(only("long_run", "quotas", **VDOT_50, **SAT_5K,
                                **{"model.readiness": readiness(tmp_path, COSTLY)}))
    assert [(d.session, d.minutes) for d in result.days if d.week == 2 and d.minutes] == [("tune_up", 45)]
    week1 = [(d.session, d.minutes) for d in result.days if d.week == 1 and d.minutes]
    assert ("long", 45) in week1 and ("strides", 30) in week1 and week_minutes(result, 1) == 125


def test_past_the_edge_tune_up_week_cap(tmp_path):
    # A 5K tune-up on Saturday 2027-01-09, in week 1: no reference week yet, so the week holds at most
    # 0.90 x current_weekly_minutes. current 50: 45, the tune-up alone fits; current 49: 44.1 < 45,
    # infeasible, the tune_up rule alone. (level intermediate: under 150 min a week the athlete would
    # be planned as a novice.)
    base = {"model.readiness": readiness(tmp_path, FLAT), **VDOT_50, "athlete.level": "intermediate",
            "race.tune_ups": [{"date": "2027-01-09", "distance": "5k"}]}
    inside = solve_checked(only(**base, **{"athlete.current_weekly_minutes": 50}))
    assert [(d.session, d.minutes) for d in inside.days if d.week == 1 and d.minutes] == [("tune_up", 45)]
    past = only(**base, **{"athlete.current_weekly_minutes": 49})
    assert assert_infeasible(past, "tune_up") == {"tune_up"}
