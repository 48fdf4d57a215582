"""iCalendar export (RFC 5545, via ``icalendar``): one all-day event per running day."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from peakplan.export.plan_io import PlanView
from peakplan.workouts import workout_lines

PRODID = "-//peakplan//training plan//EN"


def _event(view: PlanView, index: int, stamp: dt.datetime) -> Event:
    day = view.days[index]
    race = view.plan["race"]
    event = Event()
    event.add("uid", f"{day.date.isoformat()}-{race['date']}-{race['distance_km']:g}km@peakplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + dt.timedelta(days=1))
    event.add("summary", f"{day.workout.title} ({day.fields['minutes']} min)")
    week = f"Week {day.fields['week']}, {day.fields['phase'].replace('_', ' ')}"
    event.add("description", "\n".join([week, *workout_lines(day.workout)]))
    event.add("categories", ["running", day.fields["session"]])
    event.add("transp", "TRANSPARENT")  # a plan entry does not block the runner's calendar
    return event


def to_ics(view: PlanView, now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes; ``now`` (UTC) stamps the events, for reproducible output in tests."""
    stamp = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", view.title)
    for index, day in enumerate(view.days):
        if day.fields["session"] != "rest" and day.fields["minutes"] > 0:
            calendar.add_component(_event(view, index, stamp))
    return calendar.to_ical()
