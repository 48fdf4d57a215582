"""fixed_days: in a re-planned block (``scenario.replan``) the days before ``from_date`` are what
the athlete actually ran: each holds its recorded session type and minutes, whatever else a rule
would want there. The past is not negotiable, so it has no relaxations.

Source: re-planning keeps what was done (docs/science.md "Re-planning").
"""

from __future__ import annotations

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob
from peakplan.model.rulebook import BuildContext
from peakplan.modelfiles import Catalogue
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import REST

NAME = "fixed_days"


def fixed_by_day(cal: Calendar) -> dict[int, tuple[str, int]]:
    """Day index -> (session, minutes) of the fixed days (none outside a re-plan)."""
    replan = cal.scenario.replan
    if replan is None:
        return {}
    first = cal.scenario.start_date
    return {(f.date - first).days: (f.session, f.minutes) for f in replan.fixed_days}


def impossible(cal: Calendar, catalogue: Catalogue) -> set[tuple[int, str]]:
    """Every other session type on a fixed day."""
    return {(d, n) for d, (session, _) in fixed_by_day(cal).items() for n in catalogue.sessions if n != session}


def add(ctx: BuildContext) -> None:
    cal, v = ctx.calendar, ctx.vars
    for d, (session, minutes) in fixed_by_day(cal).items():
        where = cal.date(d).isoformat()
        ctx.rules.add(NAME, where, v.session(d, session) == 1)
        if session != REST:
            ctx.rules.add(NAME, where, v.session_minutes(d, session) == minutes)


def describe(scenario: Scenario, where: str) -> str:
    done = {f.date.isoformat(): f for f in scenario.replan.fixed_days} if scenario.replan else {}
    f = done.get(where)
    if f is None:
        return "the days already run are kept as they were done"
    return f"{where} was run already: {f.session}" + (f" {f.minutes} min" if f.minutes else "") + f" ({f.note})"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    return []
