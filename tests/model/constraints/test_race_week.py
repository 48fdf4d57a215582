"""race_week: in the race week hard training days <= max_hard_sessions, no hard session in the
easy_days_before_race days before the race, no long run.

Race week of the base scenario (tests/model/support.py): Mon 25 .. Sat 30 (Friday 0 min), race
Sunday 31. Default catalogue, phases off, FLAT readiness: the solver wants a hard session
(intervals, IF .95) on every day the rules leave.
"""

from __future__ import annotations

import pytest

from ..support import FLAT, assert_infeasible, catalogue, only, readiness, sessions_of, solve_checked, week_days

# Only race week keeps a minimum quota: race_pace >= 1 (10K default; race_pace is hard).
RACE_PACE_ONLY = {"rules.quotas.per_phase": {"base": {"strides": {"min": 0}}, "build": {"tempo": {"min": 0}},
                                             "race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                             "peak": {"race_pace": {"min": 0}, "tempo": {"min": 0}},
                                             "taper": {"tempo": {"min": 0}}}}


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT)}


def hard_weekdays(result) -> list[str]:
    return [d.weekday for d in week_days(result, 4) if d.hard]


def test_feasible():
    result = solve_checked(only("race_week"))
    assert result.weeks[3].hard_sessions <= 1


def test_one_hard_session_and_none_in_the_last_two_days(flat):
    # defaults: max_hard_sessions 1, easy_days_before_race 2. Exactly one hard session (the
    # cap binds), not on Fri/Sat; the other race-week days take strides (best non-hard type).
    result = solve_checked(only("race_week", **flat))
    assert result.weeks[3].hard_sessions == 1
    assert len(hard_weekdays(result)) == 1 and hard_weekdays(result)[0] in {"mon", "tue", "wed", "thu"}
    assert not result.days[-2].hard and not result.days[-3].hard
    assert [w.hard_sessions for w in result.weeks[:3]] == [6, 6, 6]  # the rule is race week only


@pytest.mark.parametrize(("easy_days", "hard"), [(2, ["mon", "tue", "wed", "thu"]), (3, ["mon", "tue", "wed"])])
def test_easy_days_before_race_bind(flat, easy_days, hard):
    # No cap on hard sessions (6): every race-week day is hard except the last `easy_days`
    # days before the race (Sat 30, Fri 29 and, for 3, Thu 28); Friday is 0 min anyway.
    result = solve_checked(only("race_week", **flat, **{"rules.race_week.max_hard_sessions": 6,
                                                       "rules.race_week.easy_days_before_race": easy_days}))
    assert hard_weekdays(result) == hard


def test_no_long_run_in_race_week(tmp_path, flat):
    # A catalogue whose long run (IF .80) beats the easy run (IF .70): every week is all long
    # runs (the long_run family is off) but race week, which gets easy runs only.
    sessions = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False},
                "long": {"intensity_factor": 0.80, "min_minutes": 0, "max_minutes": 600, "hard": False, "long": True}}
    result = solve_checked(only("race_week", **flat, **{"model.catalogue": catalogue(tmp_path, sessions)}))
    assert set(sessions_of(result, 3)) == {"long", "rest"}
    assert set(sessions_of(result, 4)) == {"easy", "rest"}


def test_past_the_edge_race_pace_pushed_out_of_the_week(flat):
    # race_pace >= 1 in race week. easy_days_before_race 5: Monday (6 days before) may still be
    # hard -> race_pace on Monday. 6: every race-week day is too close -> infeasible.
    inside = solve_checked(only("race_week", "quotas", **flat, **RACE_PACE_ONLY,
                                **{"rules.race_week.easy_days_before_race": 5}))
    assert hard_weekdays(inside) == ["mon"] and week_days(inside, 4)[0].session == "race_pace"
    past = only("race_week", "quotas", **flat, **RACE_PACE_ONLY, **{"rules.race_week.easy_days_before_race": 6})
    assert assert_infeasible(past, "race_week") == {"race_week", "quotas"}


def test_past_the_edge_no_hard_session_allowed(flat):
    inside = solve_checked(only("race_week", "quotas", **flat, **RACE_PACE_ONLY))
    assert inside.weeks[3].hard_sessions == 1  # max_hard_sessions 1: the race_pace session
    past = only("race_week", "quotas", **flat, **RACE_PACE_ONLY, **{"rules.race_week.max_hard_sessions": 0})
    assert assert_infeasible(past, "race_week") == {"race_week", "quotas"}


def test_switched_off_race_week_as_hard_as_any(flat):
    on = solve_checked(only("race_week", **flat))
    off = solve_checked(only(**flat))
    assert hard_weekdays(off) == ["mon", "tue", "wed", "thu", "sat"]
    assert off.days[-2].hard  # hard session the day before the race
    assert off.weeks[3].hard_sessions == 5 > on.weeks[3].hard_sessions
    assert off.objective > on.objective
