"""phases: a session type may only be planned in the phases its catalogue entry lists.

Rest is always allowed. Phase labels come from the independent calendar (docs/rules.md "Phases
and deloads"); which sessions suit which phase follows the block shape of docs/science.md "Block shape"
(base without hard intensity, build adds tempo and hills, race-specific adds race-pace work,
peak adds fast repeats), as listed in models/catalogue.yaml.
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.plan_days import session_type
from peakplan.validate.violation import Tally

NAME = "phases"


def check(ctx: PlanContext, out: Tally) -> None:
    for d in range(ctx.cal.race_day):
        name = ctx.days.session[d]
        kind = session_type(ctx.catalogue, name)
        if kind is None or name == "rest":
            continue  # unknown types are reported by sessions
        phase = ctx.cal.phase_of_day(d)
        out.expect(phase in kind.phases, ctx.cal.date(d).isoformat(), f"{name} in the {phase} phase",
                   f"A {name} session belongs to {', '.join(kind.phases)}, not to the {phase} phase.")
