"""availability (always on, docs/rules.md): on a training day minutes <= cap(d), where cap(d) is
max_minutes[weekday], lowered to date_caps[date] when the date is listed, and 0 on a blackout
date; a day with cap 0 is rest; running days per week <= max_running_days_per_week; race day = race.

Calendar of the base scenario: see tests/model/support.py (4 full weeks Mon 2027-01-04 .. race
Sun 2027-01-31; availability mon 45, tue 60, wed 45, thu 60, fri 0, sat 60, sun 100).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ..support import (
    BASE_AVAILABILITY,
    FLAT,
    assert_infeasible,
    catalogue,
    only,
    readiness,
    running_days,
    solve_checked,
    week_days,
    week_minutes,
)

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}


@pytest.fixture
def flat_run(tmp_path):
    """One session type that fits any cap, and a readiness where every minute helps: the only
    limit on each day is then availability, so every cap is met exactly."""
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT)}


def test_feasible():
    result = solve_checked(only())  # every switchable family off, default catalogue and readiness
    assert result.status == "OPTIMAL"
    for day in result.days[:-1]:
        assert day.minutes <= BASE_AVAILABILITY[day.weekday]
    assert result.days[-1].session == "race"
    assert result.days[-1].minutes == result.scenario.race_session.minutes  # 10K race session: 50 min


def test_every_daily_cap_is_met_exactly(flat_run):
    # Nothing but availability limits a day and more load is always better, so every training
    # day holds exactly max_minutes[weekday]; Fridays (0) are rest; the race day is the race.
    result = solve_checked(only(**flat_run))
    assert result.status == "OPTIMAL"
    for day in result.days[:-1]:
        assert day.minutes == BASE_AVAILABILITY[day.weekday], day
        assert (day.session == "rest") == (day.weekday == "fri")
    # full week: 45 + 60 + 45 + 60 + 0 + 60 + 100 = 370; race week Mon-Sat: 370 - 100 = 270
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 370, 370, 270]
    assert (result.days[-1].session, result.days[-1].minutes) == ("race", 50)


def test_blackout_date_is_rest(flat_run):
    blackouts = ["2027-01-05", "2027-01-17", "2027-01-30"]  # a Tuesday, a Sunday, race-week Saturday
    result = solve_checked(only(**flat_run, **{"availability.blackout_dates": blackouts}))
    for day in result.days[:-1]:
        expected = 0 if day.date.isoformat() in blackouts else BASE_AVAILABILITY[day.weekday]
        assert day.minutes == expected, day
        assert (day.session == "rest") == (expected == 0)
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370 - 60, 370 - 100, 370, 270 - 60]


def test_date_caps_replace_their_weekday_cap(flat_run):
    # Tue 2027-01-05 capped at 20 (60 otherwise), Sun 2027-01-17 at 0 (rest), Mon 2027-01-25 at 90:
    # a date cap replaces its weekday's, so that Monday (45 otherwise) runs 90 (a free day).
    caps = {"2027-01-05": 20, "2027-01-17": 0, "2027-01-25": 90}
    result = solve_checked(only(**flat_run, **{"availability.date_caps": caps}))
    minutes = {d.date.isoformat(): d.minutes for d in result.days[:-1]}
    assert (minutes["2027-01-05"], minutes["2027-01-17"], minutes["2027-01-25"]) == (20, 0, 90)
    assert result.days[13].session == "rest"
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370 - 40, 370 - 100, 370, 270 + 45]


def test_running_days_cap_binds(flat_run):
    # At most 4 running days a week: the four longest days are kept. Full weeks: sun 100 + tue,
    # thu, sat 60 = 280 min. Race week (Mon-Sat, Sunday is the race): tue, thu, sat 60 + one
    # 45-min day (mon or wed) = 225 min.
    result = solve_checked(only(**flat_run, **{"availability.max_running_days_per_week": 4}))
    for w in (1, 2, 3, 4):
        assert running_days(result, w) == 4
    for w in (1, 2, 3):
        assert {d.weekday for d in week_days(result, w) if d.minutes} == {"tue", "thu", "sat", "sun"}
        assert week_minutes(result, w) == 280
    assert week_minutes(result, 4) == 225


def test_past_the_edge_long_run_longer_than_the_day_allows():
    # The long run (catalogue min 45 min) is required every full week but race week and must be
    # on Sunday while Sunday is available at all. Sunday 45 min: the long run fits exactly.
    # Sunday 44 min: no long run fits -> infeasible; availability and long_run conflict.
    inside = solve_checked(only("long_run", **{"availability.max_minutes": {**BASE_AVAILABILITY, "sun": 45}}))
    assert inside.status == "OPTIMAL"
    for w in (1, 2, 3):
        sundays = [d for d in week_days(inside, w) if d.weekday == "sun"]
        assert [(d.session, d.minutes) for d in sundays] == [("long", 45)]
    past = only("long_run", **{"availability.max_minutes": {**BASE_AVAILABILITY, "sun": 44}})
    named = assert_infeasible(past, "availability")
    assert named == {"availability", "long_run"}


def test_past_the_edge_day_cap_below_a_required_session():
    # Race week needs a race_pace session (10K default quota; catalogue min 30 min). Every
    # race-week day but Monday is blacked out, so Monday carries it: Monday 30 min fits it
    # exactly, Monday 29 min does not -> infeasible, availability and quotas named.
    race_week = [dt.date(2027, 1, 26) + dt.timedelta(days=i) for i in range(5)]  # Tue 26 .. Sat 30
    blackouts = {"availability.blackout_dates": [d.isoformat() for d in race_week]}
    inside = solve_checked(only("quotas", **blackouts, **{"availability.max_minutes": {**BASE_AVAILABILITY, "mon": 30}}))
    assert [(d.session, d.minutes) for d in week_days(inside, 4) if d.minutes] == [("race_pace", 30)]
    past = only("quotas", **blackouts, **{"availability.max_minutes": {**BASE_AVAILABILITY, "mon": 29}})
    assert assert_infeasible(past, "availability") == {"availability", "quotas"}


def test_relaxing_availability_gives_more_training(flat_run):
    # availability cannot be switched off; its optional part can: without the running-days cap
    # every available day runs (6 a week; Friday is 0), and the weekly minutes grow.
    capped = solve_checked(only(**flat_run, **{"availability.max_running_days_per_week": 4}))
    free = solve_checked(only(**flat_run))
    for w in (1, 2, 3, 4):
        assert running_days(free, w) == (6 if w < 4 else 5)
        assert week_minutes(free, w) > week_minutes(capped, w)
    assert free.objective > capped.objective
