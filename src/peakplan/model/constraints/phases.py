"""phases: each session type only in the phases its catalogue entry allows.

Base before intensity: base has strides and drills but no hard work; build adds tempo, pickups
and hills; race-specific adds race-pace work; peak short repeats; taper keeps intensity; race
week is light and sharp (seed article; docs/science.md "Block shape").
"""

from __future__ import annotations

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob, disable, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.modelfiles import Catalogue
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import REST

NAME = "phases"


def impossible(cal: Calendar, catalogue: Catalogue) -> set[tuple[int, str]]:
    """(day, session type) pairs this family forbids outright: built without variables."""
    if not cal.scenario.rules.phases.enabled:
        return set()
    return {(d, name) for d in cal.training_days for name, kind in catalogue.sessions.items()
            if cal.phase_of_day(d) not in kind.phases}


def add(ctx: BuildContext) -> None:
    if not ctx.scenario.rules.phases.enabled:
        return
    cal, v = ctx.calendar, ctx.vars
    for d in cal.training_days:
        phase = cal.phase_of_day(d)
        for name, kind in v.types.items():
            if name != REST and phase not in kind.phases:
                ctx.rules.add(NAME, f"week {cal.week_of(d)}", v.session(d, name) == 0)


def describe(scenario: Scenario, where: str) -> str:
    week = week_of(where)
    phase = Calendar(scenario).phase_by_week.get(week) if week is not None else None
    return f"only the session types the catalogue allows in the {phase} phase"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    return [disable(NAME)]
