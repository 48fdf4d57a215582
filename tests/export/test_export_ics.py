"""iCalendar export, re-read with icalendar: one all-day event per running day, on its date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar
from synthetic_plan import plan_file, shipped_plan

from peakplan.export import render


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()


def _events(plan: dict[str, Any]) -> list:
    calendar = Calendar.from_ical(render(plan_file(plan), "ics"))
    return list(calendar.walk("VEVENT"))


def test_one_all_day_event_per_running_day(marathon_plan: dict[str, Any]) -> None:
    events = _events(marathon_plan)
    running = [d for d in marathon_plan["days"] if d["session"] != "rest"]
    assert len(events) == len(running)
    for event, day in zip(events, running, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is dt.date and start.isoformat() == day["date"]
        assert end - start == dt.timedelta(days=1)
        assert f"({day['minutes']} min)" in str(event["summary"])
        assert day["session"] in [str(c) for c in event["categories"].cats]


def test_description_lists_the_workout_steps(marathon_plan: dict[str, Any]) -> None:
    tempo_day = next(d for d in marathon_plan["days"] if d["session"] == "tempo")
    event = next(e for e in _events(marathon_plan) if e.decoded("dtstart").isoformat() == tempo_day["date"])
    text = str(event["description"])
    assert "warm-up" in text and "cool-down" in text and "/km" in text
    assert f"Week {tempo_day['week']}" in text


def test_race_day_event_and_unique_uids(marathon_plan: dict[str, Any]) -> None:
    events = _events(marathon_plan)
    assert str(events[-1]["summary"]).startswith("Race day")
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_calendar_header(marathon_plan: dict[str, Any]) -> None:
    calendar = Calendar.from_ical(render(plan_file(marathon_plan), "ics"))
    assert str(calendar["version"]) == "2.0" and "peakplan" in str(calendar["prodid"])
