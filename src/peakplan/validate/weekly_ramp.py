"""weekly_ramp: weekly volume grows in small steps over the reference week, never past the peak.

Loading week ``w`` that is not a deload, ``u = ref(w)`` (the latest loading, normal, non-deload
week before it; none: the athlete's current volume): when no interrupted week lies strictly
between ``u`` (or 0) and ``w``, ``E(w) ≤ (1+max_increase) · REF(u)``; after an interrupted week,
``E(w) ≤ after_break_factor · REF(u)`` or ``E(w) ≤ (1+max_increase) · E(w−1)``, either suffices.
Every week: ``E(w) ≤ peak_weekly_minutes`` (docs/rules.md; docs/science.md "Weekly ramp",
"Interrupted weeks").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, fmt_minutes, fmt_num, week_where

NAME = "weekly_ramp"


def _after_break(ctx: PlanContext, u: int | None, w: int) -> bool:
    return any(ctx.cal.week_interrupted[v - 1] for v in range((u or 0) + 1, w))


def _check_ramp(ctx: PlanContext, w: int, out: Tally) -> None:
    rule, u, e_minutes = ctx.scenario.rules.weekly_ramp, ctx.cal.ref(w), ctx.E(w)
    ramp_minutes = (1.0 + rule.max_increase) * ctx.REF(u)
    if not _after_break(ctx, u, w):
        out.cap(e_minutes, ramp_minutes, week_where(w), f"+{fmt_minutes(e_minutes - ramp_minutes)} over the ramp cap",
                f"This week's {fmt_minutes(e_minutes)} is more than {fmt_num(100 * rule.max_increase)} % above "
                f"{ctx.ref_name(u)} ({fmt_minutes(ctx.REF(u))}).", tol_base=ctx.REF(u))
        return
    back_minutes = rule.after_break_factor * ctx.REF(u)
    step_minutes = (1.0 + rule.max_increase) * ctx.E(w - 1)
    cap_minutes = max(back_minutes, step_minutes)
    out.expect(not exceeds(e_minutes, cap_minutes), week_where(w),
               f"+{fmt_minutes(e_minutes - cap_minutes)} over the ramp cap after a break",
               f"After an interrupted week, a week holds at most {fmt_num(100 * rule.after_break_factor)} % of "
               f"{ctx.ref_name(u)} ({fmt_minutes(back_minutes)}) or {fmt_num(100 * rule.max_increase)} % more than "
               f"the week before ({fmt_minutes(step_minutes)}); this one has {fmt_minutes(e_minutes)}.")


def check(ctx: PlanContext, out: Tally) -> None:
    for w in range(1, ctx.cal.loading_weeks + 1):
        if not ctx.cal.is_deload(w):
            _check_ramp(ctx, w, out)
    peak_minutes = float(ctx.scenario.athlete.peak_weekly_minutes)
    for w in range(1, ctx.cal.n_weeks + 1):
        e_minutes = ctx.E(w)
        out.cap(e_minutes, peak_minutes, week_where(w), f"+{fmt_minutes(e_minutes - peak_minutes)} over the peak "
                f"weekly volume", f"The athlete handles at most {fmt_minutes(peak_minutes)} a week; this week has "
                f"{fmt_minutes(e_minutes)}.", tol_base=0, at=f"{week_where(w)} ceiling")
