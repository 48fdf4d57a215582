"""quotas: the key sessions of each phase, counted per week and over the phase.

In every week of phase ``p``, for each ``per_phase[p]`` entry ``k: {min, max, max_per_phase}``:
the training days with session ``k`` (any hard session for ``k = any_hard``) number ≤ ``max``
(absent: no bound) and, in normal weeks that are not tune-up weeks, ≥ ``min``; over all weeks of
phase ``p`` they number ≤ ``max_per_phase``, reported at the week whose session passes it
(docs/rules.md; docs/science.md "Session quotas").
"""

from __future__ import annotations

from collections import Counter

from peakplan.scenario.schema import Bounds
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where
from peakplan.vocabulary import ANY_HARD

NAME = "quotas"


def count_sessions(ctx: PlanContext, week: int, key: str) -> int:
    days = ctx.cal.training_days_of_week(week)
    if key == ANY_HARD:
        return sum(1 for d in days if ctx.days.hard[d])
    return sum(1 for d in days if ctx.days.session[d] == key)


def _label(key: str) -> str:
    return "hard sessions" if key == ANY_HARD else f"{key} sessions"


def _check_week(ctx: PlanContext, w: int, key: str, bounds: Bounds, count: int, out: Tally) -> None:
    phase, label = ctx.cal.week_phase[w - 1], _label(key)
    if bounds.max is not None:
        out.expect(count <= bounds.max, week_where(w), f"{count} {label}, {count - bounds.max} too many",
                   f"A {phase} week holds at most {bounds.max} {label}; this one has {count}.")
    if ctx.cal.is_normal(w) and not ctx.cal.is_tune_up_week(w):
        out.expect(count >= bounds.min, week_where(w), f"{count} {label}, {bounds.min - count} short",
                   f"A normal {phase} week needs at least {bounds.min} {label}; this one has {count}.")


def check(ctx: PlanContext, out: Tally) -> None:
    quotas = ctx.scenario.rules.quotas
    in_phase: Counter[tuple[str, str]] = Counter()
    for w in range(1, ctx.cal.n_weeks + 1):
        phase = ctx.cal.week_phase[w - 1]
        for key, bounds in quotas.of_phase(phase).items():
            count = count_sessions(ctx, w, key)
            _check_week(ctx, w, key, bounds, count, out)
            if bounds.max_per_phase is None:
                continue
            before = in_phase[phase, key]
            in_phase[phase, key] = total = before + count
            if count:  # reported once, at the week whose sessions pass the phase's total
                out.expect(total <= bounds.max_per_phase or before > bounds.max_per_phase, week_where(w),
                           f"{total} {_label(key)} in the {phase} phase, {total - bounds.max_per_phase} too many",
                           f"The {phase} phase holds at most {bounds.max_per_phase} {_label(key)} in all.")
