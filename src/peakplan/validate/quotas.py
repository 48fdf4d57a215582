"""quotas: the key sessions of each phase appear every full week.

In every full week of phase ``p``, for each ``per_phase[p]`` entry ``k: {min, max}``: the number
of training days with session ``k`` (or with any hard session, for ``k = any_hard``) is in
``[min, max]`` (``max`` absent = no upper bound) (docs/rules.md). Sources: the phase contents of
docs/science.md "Block shape" and the distance emphasis of R16 (Daniels; plan conventions), as set per
distance in models/defaults.yaml.
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where

NAME = "quotas"
ANY_HARD = "any_hard"


def _count(ctx: PlanContext, week: int, key: str) -> int:
    days = ctx.cal.training_days_of_week(week)
    if key == ANY_HARD:
        return sum(1 for d in days if ctx.days.hard[d])
    return sum(1 for d in days if ctx.days.session[d] == key)


def check(ctx: PlanContext, out: Tally) -> None:
    per_phase = ctx.scenario.rules.quotas.per_phase
    for w in range(1, ctx.cal.n_weeks + 1):
        phase = ctx.cal.week_phase[w - 1]
        if ctx.cal.week_length(w) != 7 or phase not in per_phase:
            continue
        for key, bounds in per_phase[phase].items():
            count = _count(ctx, w, key)
            label = "hard sessions" if key == ANY_HARD else f"{key} sessions"
            out.expect(count >= bounds.min, week_where(w), f"{count} {label}, {bounds.min - count} short",
                       f"A full {phase} week needs at least {bounds.min} {label}; this one has {count}.")
            if bounds.max is not None:
                out.expect(count <= bounds.max, week_where(w), f"{count} {label}, {count - bounds.max} too many",
                           f"A full {phase} week holds at most {bounds.max} {label}; this one has {count}.")
