"""iCalendar export (RFC 5545, via ``icalendar``): one all-day event per running day."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar as ICalendar
from icalendar import Event

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.workouts import Workout, workout_lines

PRODID = "-//peakplan//training plan//EN"


def _event(plan: PlanFile, day: PlanDay, workout: Workout, stamp: dt.datetime) -> Event:
    race = plan.race
    event = Event()
    event.add("uid", f"{day.date.isoformat()}-{race.date.isoformat()}-{race.distance_km:g}km@peakplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + dt.timedelta(days=1))
    event.add("summary", f"{workout.title} ({day.minutes} min)")
    week = f"Week {day.week}, {day.phase.replace('_', ' ')}"
    event.add("description", "\n".join([week, *workout_lines(workout)]))
    event.add("categories", ["running", day.session])
    event.add("transp", "TRANSPARENT")  # a plan entry does not block the runner's calendar
    return event


def to_ics(plan: PlanFile, now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes; ``now`` (UTC) stamps the events, for reproducible output in tests."""
    stamp = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = ICalendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.title)
    for day in plan.days:
        if day.workout is not None and day.minutes > 0:
            calendar.add_component(_event(plan, day, day.workout, stamp))
    return calendar.to_ical()
