"""iCalendar export (RFC 5545, via ``icalendar``): one all-day event per running day.

One-line properties (calendar name, summary, categories, uid) get :func:`one_line` text: a
plan file may put line breaks or control characters in a name, which RFC 5545 content lines
cannot hold. The description keeps its lines (icalendar escapes them).
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar as ICalendar
from icalendar import Event

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.workouts import Workout, workout_lines

PRODID = "-//peakplan//training plan//EN"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters turned into spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _event(plan: PlanFile, day: PlanDay, workout: Workout, stamp: dt.datetime) -> Event:
    race = plan.race
    event = Event()
    event.add("uid", f"{day.date.isoformat()}-{race.date.isoformat()}-{race.distance_km:g}km@peakplan")  # no user text
    event.add("dtstamp", stamp)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + dt.timedelta(days=1))
    event.add("summary", one_line(f"{workout.title} ({day.minutes} min)"))
    week = one_line(f"Week {day.week}, {day.phase.replace('_', ' ')}")
    event.add("description", "\n".join([week, *workout_lines(workout)]))
    event.add("categories", ["running", one_line(day.session).replace(",", " ")])
    event.add("transp", "TRANSPARENT")  # a plan entry does not block the runner's calendar
    return event


def to_ics(plan: PlanFile, now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes; ``now`` (UTC) stamps the events, for reproducible output in tests."""
    stamp = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = ICalendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(plan.title))
    for day in plan.days:
        if day.workout is not None and day.minutes > 0:
            calendar.add_component(_event(plan, day, day.workout, stamp))
    return calendar.to_ical()
