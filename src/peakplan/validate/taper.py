"""taper: volume comes down in an exponential band before the race, frequency is kept.

``n = weeks + 1`` (the race week is taper week ``n``), ``ref = REF(R)``. Taper week ``j = 1…n``
(week ``R + j``): ``cap_j = (1 − volume_reduction)^(j/n)``, ``floor_j = max(0, cap_j − floor_band)``,
``floor_j·ref ≤ E(R+j) ≤ cap_j·ref``. If ``keep_frequency``: running days in each taper week ≥
running days in week ``R`` − 1 when week ``R`` is full (docs/rules.md). Sources: volume −41…−60 %, intensity and
frequency kept (Bosquet et al. 2007 meta-analysis), fast exponential decay (Banister, Carter &
Zarkadas 1999), length by distance (Smyth & Lawlor 2021), docs/science.md "Taper".
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, falls_short, fmt_minutes, fmt_num, week_where

NAME = "taper"


def _check_volume(ctx: PlanContext, j: int, n: int, out: Tally) -> None:
    rule = ctx.scenario.rules.taper
    r = ctx.cal.loading_weeks
    ref_minutes = ctx.REF(r)
    cap = (1.0 - rule.volume_reduction) ** (j / n)
    floor = max(0.0, cap - rule.floor_band)
    w = r + j
    e_minutes = ctx.E(w)
    cap_minutes, floor_minutes = cap * ref_minutes, floor * ref_minutes
    out.expect(not exceeds(e_minutes, cap_minutes), week_where(w),
               f"+{fmt_minutes(e_minutes - cap_minutes)} over the taper cap",
               f"Taper week {j} of {n} may hold at most {fmt_num(100 * cap)} % of week {r} "
               f"({fmt_minutes(cap_minutes)}); it has {fmt_minutes(e_minutes)}.")
    out.expect(not falls_short(e_minutes, floor_minutes), week_where(w),
               f"{fmt_minutes(floor_minutes - e_minutes)} under the taper floor",
               f"Taper week {j} of {n} should keep at least {fmt_num(100 * floor)} % of week {r} "
               f"({fmt_minutes(floor_minutes)}); it has only {fmt_minutes(e_minutes)}.")


def check(ctx: PlanContext, out: Tally) -> None:
    rule = ctx.scenario.rules.taper
    n = rule.weeks + 1
    r = ctx.cal.loading_weeks
    reference_days = int(ctx.weeks.running_days[r - 1])
    for j in range(1, n + 1):
        _check_volume(ctx, j, n, out)
        if rule.keep_frequency and ctx.cal.week_length(r) == 7:
            running = int(ctx.weeks.running_days[r + j - 1])
            out.expect(running >= reference_days - 1, week_where(r + j),
                       f"{reference_days - 1 - running} running day(s) short",
                       f"The taper keeps the running frequency: at least {reference_days - 1} running days "
                       f"(week {r} had {reference_days}); this week has {running}.")
