"""availability: the athlete's week. Minutes per weekday, blackout dates, running days per week.

Source: what every planner users like offers (SCIENCE.md R17).
"""

from __future__ import annotations

from peakplan.model.calendar import Calendar
from peakplan.model.context import BuildContext
from peakplan.model.variables import REST
from peakplan.modelfiles import Catalogue

NAME = "availability"


def impossible(cal: Calendar, catalogue: Catalogue) -> set[tuple[int, str]]:
    """(day, session type) pairs this family forbids outright (a day off, or a cap below the
    type's shortest session): built without variables."""
    out = set()
    for d in cal.training_days:
        cap = cal.max_minutes(d)
        out |= {(d, name) for name, kind in catalogue.sessions.items() if max(1, kind.min_minutes) > cap}
    return out


def add(ctx: BuildContext) -> None:
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    for d in cal.training_days:
        cap = cal.max_minutes(d)
        where = cal.date(d).isoformat()
        if cap == 0:
            book.add(NAME, where, v.session(d, REST) == 1)
        else:
            book.add_le(NAME, where, v.minutes(d), cap, f"{cap} min available on {cal.weekday(d)}")
    limit = ctx.scenario.availability.max_running_days_per_week
    if limit is not None:
        for w in cal.weeks:
            book.add_le(NAME, f"week {w}", v.week_running_days(w), limit, f"at most {limit} running days")
