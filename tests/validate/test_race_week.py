"""race_week: hard sessions capped, the last days easy, no long run. (The runner model without its
form window: moving race-week sessions moves race-day form too, tested in test_form_window.)"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, found, no_window, with_week


def _found(scenario, week8: str):
    return found(scenario, with_week(BASE_WEEKS, 8, week8))


def test_hard_sessions_in_race_week():
    week8 = "rest race_pace:30 easy:30 race_pace:30 rest strides:30 race"  # two hard days, 120 min
    assert _found(no_window(rules={"race_week": {"max_hard_sessions": 2}}), week8) == []
    assert _found(no_window(), week8) == [("race_week", "week 8", "2 hard sessions, 1 over the limit")]


def test_easy_days_before_the_race():
    # Hard on Thursday 02-25 (3 days out) is fine, on Friday 02-26 (2 days out) it is not.
    assert _found(no_window(), "rest easy:30 easy:30 race_pace:30 rest strides:30 race") == []
    assert _found(no_window(), "rest easy:30 easy:30 rest race_pace:30 strides:30 race") == [
        ("race_week", "2027-02-26", "hard session 2 day(s) before the race")]


def test_no_long_run_in_race_week():
    off = {name: {"enabled": False} for name in ("phases", "long_run", "hard_easy")}
    week8 = "rest race_pace:30 easy:30 easy:30 rest long:45 race"
    assert _found(no_window(rules=off), week8) == [("race_week", "2027-02-27", "long run in race week")]
    assert _found(no_window(rules=off | {"race_week": {"enabled": False}}), week8) == []
