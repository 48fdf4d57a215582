"""intensity_mix: most of each week's running time is at low intensity.

Each week: ``Σ (1 − quality_fraction)·minutes ≥ min_low_intensity_share · V(w)``, the warm-up,
cool-down and recoveries of a quality session counting as low intensity (docs/rules.md;
models/catalogue.yaml). Source: ≥ 75–80 % of time at low intensity (Stöggl & Sperlich 2015;
Muñoz et al. 2014; Seiler), docs/science.md "Intensity mix".
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, week_where

NAME = "intensity_mix"


def check(ctx: PlanContext, out: Tally) -> None:
    share = ctx.scenario.rules.intensity_mix.min_low_intensity_share
    for w in range(1, ctx.cal.n_weeks + 1):
        volume_minutes = float(ctx.weeks.volume_minutes[w - 1])
        low_minutes = float(ctx.weeks.low_intensity_minutes[w - 1])
        floor_minutes = share * volume_minutes
        low_percent = 100 * low_minutes / volume_minutes if volume_minutes else 0.0
        out.floor(low_minutes, floor_minutes, week_where(w), f"{fmt_minutes(floor_minutes - low_minutes)} of easy "
                  f"running short", f"Only {fmt_num(low_percent)} % of the week is easy; at least "
                  f"{fmt_num(100 * share)} % should be.", tol_base=volume_minutes)
