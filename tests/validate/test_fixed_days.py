"""fixed_days (re-plans only): each fixed day holds exactly its recorded session and minutes.

Base plan: tests/validate/plan_builder.py's 8-week 5K; week 1's Tuesday 2027-01-05 is easy 40 in it.
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, found, make_scenario, with_week

REPLAN = {"original_plan_id": "0123456789abcdef", "from_date": "2027-01-11"}


WEEK_1 = [("2027-01-04", "rest", 0), ("2027-01-05", "easy", 40), ("2027-01-06", "strides", 40),
          ("2027-01-07", "easy", 40), ("2027-01-08", "rest", 0), ("2027-01-09", "easy", 30), ("2027-01-10", "long", 60)]


def _scenario(*fixed: tuple[str, str, int], excused: tuple[tuple[str, str], ...] = ()):
    """Week 1 fixed as the base plan runs it (every day before from_date must be), except ``fixed``."""
    changed = {date: (date, session, minutes) for date, session, minutes in fixed}
    days = [{"date": date, "session": session, "minutes": minutes, "note": "as done"}
            for date, session, minutes in (changed.get(d[0], d) for d in WEEK_1)]
    return make_scenario(replan={**REPLAN, "fixed_days": days, "excused": [list(e) for e in excused]})


def test_a_day_as_recorded_passes_and_a_minute_off_does_not():
    assert [f for f in found(_scenario(("2027-01-05", "easy", 40)), BASE_WEEKS) if f[0] == "fixed_days"] == []
    off = [f for f in found(_scenario(("2027-01-05", "easy", 41)), BASE_WEEKS) if f[0] == "fixed_days"]
    assert [(rule, where) for rule, where, _ in off] == [("fixed_days", "2027-01-05")]


def test_another_session_type_is_caught():
    moved = with_week(BASE_WEEKS, 1, "rest strides:40 strides:40 easy:40 rest easy:30 long:60")
    caught = [f for f in found(_scenario(("2027-01-05", "easy", 40)), moved) if f[0] == "fixed_days"]
    assert [(rule, where) for rule, where, _ in caught] == [("fixed_days", "2027-01-05")]


def test_a_missed_day_is_rest():
    missed = with_week(BASE_WEEKS, 1, "rest rest strides:40 easy:40 rest easy:30 long:60")
    assert [f for f in found(_scenario(("2027-01-05", "rest", 0)), missed) if f[0] == "fixed_days"] == []
    assert [f[:2] for f in found(_scenario(("2027-01-05", "rest", 0)), BASE_WEEKS)
            if f[0] == "fixed_days"] == [("fixed_days", "2027-01-05")]


def test_an_excused_rule_is_accepted_only_where_named():
    # Week 1 run at 300 min breaks the ramp (cap 220). Excused in week 1 it is accepted; a rule
    # excused for another week excuses nothing here.
    big = with_week(BASE_WEEKS, 1, "rest easy:60 strides:60 easy:60 rest easy:60 long:60")
    fixed = [("2027-01-05", "easy", 60), ("2027-01-06", "strides", 60), ("2027-01-07", "easy", 60),
             ("2027-01-09", "easy", 60)]
    ramp = [f for f in found(_scenario(*fixed), big) if f[0] == "weekly_ramp" and f[1] == "week 1"]
    assert ramp
    assert not [f for f in found(_scenario(*fixed, excused=(("weekly_ramp", "week 1"),)), big)
                if f[0] == "weekly_ramp" and f[1] == "week 1"]
    assert [f for f in found(_scenario(*fixed, excused=(("weekly_ramp", "week 3"),)), big)
            if f[0] == "weekly_ramp" and f[1] == "week 1"] == ramp
