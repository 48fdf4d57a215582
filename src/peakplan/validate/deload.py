"""deload: a recovery week cuts volume against the week before.

Deload week ``w`` (loading weeks with ``w % every_weeks == 0`` and ``w < R``):
``E(w) ≤ volume_factor · REF(w−1)`` (docs/rules.md). Source: recovery week every 3rd–4th week at
0.6–0.8 of the volume (coaching practice, docs/science.md "Recovery weeks").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, fmt_minutes, fmt_num, week_where

NAME = "deload"


def check(ctx: PlanContext, out: Tally) -> None:
    factor = ctx.scenario.rules.deload.volume_factor
    for w in range(2, ctx.cal.n_weeks + 1):
        if not ctx.cal.week_deload[w - 1]:
            continue
        cap_minutes = factor * ctx.REF(w - 1)
        e_minutes = ctx.E(w)
        out.expect(not exceeds(e_minutes, cap_minutes), week_where(w),
                   f"+{fmt_minutes(e_minutes - cap_minutes)} over the deload cap",
                   f"A recovery week may hold at most {fmt_num(100 * factor)} % of the week before "
                   f"({fmt_minutes(cap_minutes)}); this one has {fmt_minutes(e_minutes)}.")
