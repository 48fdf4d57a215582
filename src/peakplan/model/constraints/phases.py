"""phases: each session type only in the phases its catalogue entry allows.

Base before intensity: base has strides and drills but no hard work; build adds tempo, pickups
and hills; race-specific adds race-pace work; peak short repeats; taper keeps intensity; race
week is light and sharp (seed article; SCIENCE.md section 1).
"""

from __future__ import annotations

from peakplan.model.context import BuildContext
from peakplan.model.variables import REST

NAME = "phases"


def add(ctx: BuildContext) -> None:
    if not ctx.scenario.rules.phases.enabled:
        return
    cal, v = ctx.calendar, ctx.vars
    for d in cal.training_days:
        phase = cal.phase_of_day(d)
        for name, kind in v.types.items():
            if name != REST and phase not in kind.phases:
                ctx.rules.add(NAME, f"week {cal.week_of(d)}", v.session(d, name) == 0)
