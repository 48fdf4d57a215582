"""no_catch_up (on in a re-planned block): ``V(w) ≤ replan.week_caps[w]`` for every week listed
(docs/rules.md; docs/science.md "Re-planning").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, week_where

NAME = "no_catch_up"


def check(ctx: PlanContext, out: Tally) -> None:
    replan = ctx.scenario.replan
    if replan is None:
        return
    for week, cap in sorted(replan.week_caps.items()):
        if not 1 <= week <= ctx.cal.n_weeks:
            continue
        volume = ctx.V(week)
        out.cap(volume, cap, week_where(week), f"+{fmt_minutes(volume - cap)} over the original week",
                f"Missed training is not made up: week {week} holds at most the original plan's {cap} min, "
                f"this plan gives it {fmt_minutes(volume)}.", tol_base=0)
