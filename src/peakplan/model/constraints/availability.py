"""availability: the athlete's week. Minutes per weekday, blackout dates, running days per week,
and easy-only dates (no hard session, no long run: the return from an illness).

Source: what every planner users like offers (docs/science.md "Availability").
"""

from __future__ import annotations

import datetime as dt

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob, int_knob, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.modelfiles import Catalogue
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import MAX_DAY_MINUTES, REST, WEEKDAYS, Weekday, weekday_of

NAME = "availability"


def impossible(cal: Calendar, catalogue: Catalogue) -> set[tuple[int, str]]:
    """(day, session type) pairs this family forbids outright (a day off, or a cap below the
    type's shortest session): built without variables."""
    out = set()
    for d in cal.training_days:
        cap = cal.max_minutes(d)
        out |= {(d, name) for name, kind in catalogue.sessions.items() if max(1, kind.min_minutes) > cap}
    easy = set(cal.scenario.availability.easy_only_dates)
    out |= {(d, name) for d in cal.training_days if cal.date(d) in easy
            for name, kind in catalogue.sessions.items() if kind.hard or kind.long}
    return out


def add(ctx: BuildContext) -> None:
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    easy = set(ctx.scenario.availability.easy_only_dates)
    for d in cal.training_days:
        cap = cal.max_minutes(d)
        where = cal.date(d).isoformat()
        if cap == 0:
            book.add(NAME, where, v.session(d, REST) == 1)
        else:
            book.add_le(NAME, where, v.minutes(d), cap, f"{cap} min available on {cal.weekday(d)}")
        if cal.date(d) in easy:
            book.add(NAME, where, v.is_hard_or_long(d) == 0)
    limit = ctx.scenario.availability.max_running_days_per_week
    if limit is not None:
        for w in cal.weeks:
            book.add_le(NAME, f"week {w}", v.week_running_days(w), limit, f"at most {limit} running days")


def describe(scenario: Scenario, where: str) -> str:
    av = scenario.availability
    if week_of(where) is not None:
        return f"at most {av.max_running_days_per_week} running days a week"
    try:
        date = dt.date.fromisoformat(where)
    except ValueError:
        return "the athlete's available days and minutes"
    day = weekday_of(date)
    if date in av.blackout_dates:
        return f"{day} {date} is a blackout date (no running)"
    if date in av.easy_only_dates:
        return f"{day} {date} is an easy-only date (no hard session, no long run)"
    cap = av.max_minutes[day]
    return f"no running on {day} (max_minutes.{day} = 0)" if cap == 0 else f"at most {cap} min on {day}"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    """More running days, a blackout dropped, more minutes on the weekdays that bind most often."""
    av, out, weekdays = scenario.availability, [], dict[Weekday, int]()
    for where in wheres:
        if week_of(where) is not None:
            out.append(int_knob("availability.max_running_days_per_week", av.max_running_days_per_week or 7, 7))
            continue
        try:
            date = dt.date.fromisoformat(where)
        except ValueError:
            continue
        if date in av.blackout_dates:
            out.append(Knob("availability.blackout_dates", av.blackout_dates,
                            (tuple(d for d in av.blackout_dates if d != date),), "drop"))
        elif date in av.easy_only_dates:
            out.append(Knob("availability.easy_only_dates", av.easy_only_dates,
                            (tuple(d for d in av.easy_only_dates if d != date),), "drop"))
        else:
            day = weekday_of(date)
            weekdays[day] = weekdays.get(day, 0) + 1
    for day in sorted(weekdays, key=lambda d: (-weekdays[d], WEEKDAYS.index(d))):
        out.append(int_knob(f"availability.max_minutes.{day}", av.max_minutes[day], MAX_DAY_MINUTES, 5))
    unique = {(k.field, repr(k.candidates[-1])): k for k in out if k.candidates}
    return list(unique.values())
