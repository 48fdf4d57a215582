"""weekly_ramp: weekly volume grows in small steps and never passes the athlete's peak.

Loading week ``w`` that is not a deload: ``E(1) ≤ (1+max_increase)·current_weekly_minutes``; for
``w > 1``, ``E(w) ≤ (1+max_increase)·REF(p)`` with ``p`` the latest earlier loading week that is not
a deload. Every week: ``E(w) ≤ peak_weekly_minutes`` (docs/rules.md). Source: the "10 % rule"
(folklore); > 30 % increases linked to injury in novices (Nielsen et al. 2014; Buist et al.
2008), docs/science.md "Weekly ramp".
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, fmt_minutes, fmt_num, week_where

NAME = "weekly_ramp"


def _check_ramp(ctx: PlanContext, out: Tally) -> None:
    rise = ctx.scenario.rules.weekly_ramp.max_increase
    reference_minutes = float(ctx.scenario.athlete.current_weekly_minutes)
    reference_name = "the athlete's current volume"
    for w in range(1, ctx.cal.loading_weeks + 1):
        if ctx.cal.week_deload[w - 1]:
            continue
        cap_minutes = (1.0 + rise) * reference_minutes
        e_minutes = ctx.E(w)
        out.expect(not exceeds(e_minutes, cap_minutes), week_where(w),
                   f"+{fmt_minutes(e_minutes - cap_minutes)} over the ramp cap",
                   f"This week's {fmt_minutes(e_minutes)} is more than {fmt_num(100 * rise)} % above "
                   f"{reference_name} ({fmt_minutes(reference_minutes)}).")
        reference_minutes = ctx.REF(w)
        reference_name = f"week {w}" if ctx.cal.week_length(w) == 7 else "the athlete's current volume"


def check(ctx: PlanContext, out: Tally) -> None:
    _check_ramp(ctx, out)
    peak_minutes = float(ctx.scenario.athlete.peak_weekly_minutes)
    for w in range(1, ctx.cal.n_weeks + 1):
        e_minutes = ctx.E(w)
        out.expect(not exceeds(e_minutes, peak_minutes), week_where(w),
                   f"+{fmt_minutes(e_minutes - peak_minutes)} over the peak weekly volume",
                   f"The athlete handles at most {fmt_minutes(peak_minutes)} a week; this week has "
                   f"{fmt_minutes(e_minutes)}.")
