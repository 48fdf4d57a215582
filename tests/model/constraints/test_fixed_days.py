"""fixed_days (re-plans, docs/rules.md): each day before replan.from_date holds its recorded session
and minutes, whatever the objective would rather do there.

Scenario: the base 4-week block (tests/model/support.py), every switchable family off, one session
type `run` (0-600 min) and FLAT readiness: every minute helps, so an unfixed day runs its cap
(mon 45, tue 60, wed 45, thu 60, fri 0, sat 60, sun 100) and a fixed day is visible as less.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ..support import BASE_AVAILABILITY, FLAT, catalogue, only, readiness, solve_checked, week_minutes

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}
START = dt.date(2027, 1, 4)
# week 1 as it was run: Tuesday short (25 of 60), Wednesday missed, Sunday 80 of 100
RAN = {1: ("run", 25), 2: ("rest", 0), 6: ("run", 80)}


def _week_1() -> list[dict]:
    days = []
    for d in range(7):
        date = START + dt.timedelta(days=d)
        cap = BASE_AVAILABILITY[date.strftime("%a").lower()]
        session, minutes = RAN.get(d, ("run", cap) if cap else ("rest", 0))
        days.append({"date": date.isoformat(), "session": session, "minutes": minutes, "note": "as done"})
    return days


@pytest.fixture
def fixed_run(tmp_path):
    replan = {"original_plan_id": "0123456789abcdef", "from_date": "2027-01-11", "fixed_days": _week_1()}
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT), "replan": replan}


def test_fixed_days_hold_what_was_run_and_the_rest_is_solved(fixed_run):
    result = solve_checked(only(**fixed_run))
    by_date = {d.date: (d.session, d.minutes) for d in result.days}
    for day in _week_1():
        assert by_date[dt.date.fromisoformat(day["date"])] == (day["session"], day["minutes"])
    # week 1 = 45 + 25 + 0 + 60 + 0 + 60 + 80 = 270; later weeks run every cap as before
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [270, 370, 370, 270]


def test_a_fixed_day_beats_a_rule_that_would_forbid_it(fixed_run):
    # Wednesday blacked out by availability, but it was run (30 min) before the re-plan: the fixed
    # day wins only if the re-plan raises that date's cap (replan/edits.py does); with the cap
    # left at 0 the two conflict and the scenario is infeasible, and the explanation names fixed_days.
    days = _week_1()
    days[2] = {**days[2], "session": "run", "minutes": 30}
    ok = only(**{**fixed_run, "replan": {**fixed_run["replan"], "fixed_days": days},
                 "availability.date_caps": {"2027-01-06": 30}})
    assert solve_checked(ok).days[2].minutes == 30
    from peakplan import solve

    clash = only(**{**fixed_run, "replan": {**fixed_run["replan"], "fixed_days": days},
                    "availability.blackout_dates": ["2027-01-06"]})
    result = solve(clash)
    assert not result.has_plan
    assert result.explanation is not None and "fixed_days" in {c.rule for c in result.explanation.conflicts}
