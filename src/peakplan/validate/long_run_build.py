"""long_run_build: outside recovery weeks the long run stays near the longest one so far.

*Building weeks*: loading weeks ``w ≥ 2`` that are normal, not deloads, not tune-up weeks, and
whose week ``w−1`` is not interrupted. ``B(w)`` = the largest ``L(v)`` over loading weeks ``v < w``
after the last interrupted week before ``w`` (a break restarts the build);
in every building week ``L(w) ≥ min_share_of_longest · B(w)`` (``L(w) = 0`` without a long run).
Checked only while long_run is on (docs/rules.md; docs/science.md "Long run").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, week_where

NAME = "long_run_build"


def is_building_week(ctx: PlanContext, w: int) -> bool:
    cal = ctx.cal
    return (2 <= w <= cal.loading_weeks and cal.is_normal(w) and not cal.is_deload(w)
            and not cal.is_tune_up_week(w) and not cal.week_interrupted[w - 2])


def check(ctx: PlanContext, out: Tally) -> None:
    share = ctx.scenario.rules.long_run_build.min_share_of_longest
    for w in range(2, ctx.cal.loading_weeks + 1):
        if not is_building_week(ctx, w):
            continue
        since = max((v for v in range(1, w) if ctx.cal.week_interrupted[v - 1]), default=0)
        longest = max(ctx.L(v) for v in range(since + 1, w))
        floor_minutes, long_minutes = share * longest, ctx.L(w)
        out.floor(long_minutes, floor_minutes, week_where(w),
                  f"long run {fmt_minutes(floor_minutes - long_minutes)} short of {fmt_minutes(floor_minutes)}",
                  f"Outside recovery weeks the long run keeps at least {fmt_num(100 * share)} % of the longest so "
                  f"far ({fmt_minutes(longest)}); this week's is {fmt_minutes(long_minutes)}.", tol_base=longest)
