"""hard_easy: hard days (hard training sessions and the race day) d < e with e - d <= min_easy_days_between
are a violation, except adjacent pairs counted against back_to_back_per_week (pair belongs to the
week of its first day; never three in a row); hard training days per week <= max_hard_per_week.

Base scenario (tests/model/support.py), default catalogue, phases off (so any hard type may go
anywhere) and the FLAT readiness: hard sessions carry the most load (intervals IF .95), so the
solver plans as many hard days as the rule lets it.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from ..support import FLAT, assert_infeasible, only, readiness, solve_checked


@pytest.fixture
def flat(tmp_path):
    return {"model.readiness": readiness(tmp_path, FLAT)}


def hard_days(result) -> list[int]:
    """Day indices of hard days, the race day included."""
    return [i for i, d in enumerate(result.days) if d.hard]


def pairs_per_week(result) -> Counter:
    hard = set(hard_days(result))
    return Counter(result.days[d].week for d in hard if d + 1 in hard)


def test_feasible():
    result = solve_checked(only("hard_easy"))
    assert result.status == "OPTIMAL"
    assert result.days[-1].hard  # the race day counts as hard


def test_weekly_cap_and_one_easy_day_between(flat):
    # defaults: min_easy_days_between 1, back_to_back 0, max_hard_per_week 2. The cap binds in
    # every week (2 hard training days), no two hard days are adjacent, so Saturday before the
    # race (adjacent to the hard race day) is never hard.
    result = solve_checked(only("hard_easy", **flat))
    assert [w.hard_sessions for w in result.weeks] == [2, 2, 2, 2]
    days = hard_days(result)
    assert min(e - d for d, e in pairwise(days)) >= 2
    assert not result.days[-2].hard


def test_two_easy_days_between(flat):
    # min_easy_days_between 2 and no weekly cap (7): consecutive hard days are >= 3 days apart,
    # and the spacing binds somewhere (exactly 3 apart).
    result = solve_checked(only("hard_easy", **flat, **{"rules.hard_easy.min_easy_days_between": 2,
                                                        "rules.hard_easy.max_hard_per_week": 7}))
    days = hard_days(result)
    gaps = [e - d for d, e in pairwise(days)]
    assert min(gaps) == 3
    assert not result.days[-2].hard and not result.days[-3].hard  # 2 easy days before the race


def test_back_to_back_pairs(flat):
    # back_to_back_per_week 1, no weekly cap. The available days of a week are Mon-Thu and
    # Sat-Sun (Friday 0). Without pairs at most 2 + 1 = 3 hard days fit; one pair a week (never
    # three in a row) allows 4: that is what the load-maximal plan takes in every full week,
    # and 3 in race week (its Sunday is the hard race, so a hard Saturday uses the week's pair).
    without = solve_checked(only("hard_easy", **flat, **{"rules.hard_easy.max_hard_per_week": 7}))
    result = solve_checked(only("hard_easy", **flat, **{"rules.hard_easy.back_to_back_per_week": 1,
                                                        "rules.hard_easy.max_hard_per_week": 7}))
    assert [w.hard_sessions for w in without.weeks] == [3, 3, 3, 2]
    assert not pairs_per_week(without)
    assert [w.hard_sessions for w in result.weeks] == [4, 4, 4, 3]
    assert pairs_per_week(result) == Counter({1: 1, 2: 1, 3: 1, 4: 1})
    days = set(hard_days(result))
    assert not any(d in days and d + 1 in days and d + 2 in days for d in days)


def test_past_the_edge_race_week_spacing(flat):
    # Quota: two hard training days in race week (Mon 25 .. Sat 30, race Sun 31, hard).
    # min_easy_days_between 2: Mon 25 and Thu 28 (3 apart, Thu -> race 3 apart) fit.
    # min_easy_days_between 3: a hard day must be <= Wed 27 (4 before the race), two of them in
    # Mon-Wed are <= 2 apart -> infeasible, hard_easy and quotas named.
    quota = {"rules.quotas.per_phase": {"race_week": {"any_hard": {"min": 2}}}}
    inside = solve_checked(only("hard_easy", "quotas", **flat, **quota,
                                **{"rules.hard_easy.min_easy_days_between": 2}))
    assert [d.date.day for d in inside.days if d.week == 4 and d.hard] == [25, 28, 31]
    past = only("hard_easy", "quotas", **flat, **quota, **{"rules.hard_easy.min_easy_days_between": 3})
    assert assert_infeasible(past, "hard_easy") == {"hard_easy", "quotas"}


def test_past_the_edge_weekly_cap(flat):
    # Quota: three hard sessions in the race-specific week (week 2 of the base layout).
    # max_hard_per_week 3 fits, 2 (the default) does not.
    quota = {"rules.quotas.per_phase": {"race_specific": {"any_hard": {"min": 3}}}}
    inside = solve_checked(only("hard_easy", "quotas", **flat, **quota, **{"rules.hard_easy.max_hard_per_week": 3}))
    assert inside.weeks[1].hard_sessions == 3
    past = only("hard_easy", "quotas", **flat, **quota)
    assert assert_infeasible(past, "hard_easy") == {"hard_easy", "quotas"}


def test_switched_off_hard_days_pile_up(flat):
    on = solve_checked(only("hard_easy", **flat))
    off = solve_checked(only(**flat))
    assert all(w_off.hard_sessions > w_on.hard_sessions for w_off, w_on in zip(off.weeks, on.weeks))
    assert pairs_per_week(off)  # back-to-back hard days appear
    assert off.days[-2].hard  # Saturday before the race too
    assert off.objective > on.objective


def _next_to_long(result) -> int:
    """Hard training days right before or after a long run."""
    days = result.days
    return sum(1 for i, d in enumerate(days) if d.session == "long"
               for j in (i - 1, i + 1) if 0 <= j < len(days) - 1 and days[j].hard)


def test_long_run_gets_easy_days_around_it_by_default(flat):
    """long_run_counts_as_hard (default true): the long run is spaced like a hard day, so no hard
    session sits the day before or after it; switched off, the FLAT objective puts them there."""
    common = {"rules.hard_easy.max_hard_per_week": 3, "rules.long_run.required_weekly": True, **flat}
    on = solve_checked(only("hard_easy", "long_run", **common))
    off = solve_checked(only("hard_easy", "long_run", **common, **{"rules.hard_easy.long_run_counts_as_hard": False}))
    assert any(d.session == "long" for d in on.days)
    assert _next_to_long(on) == 0
    assert _next_to_long(off) > 0
    assert off.objective >= on.objective
