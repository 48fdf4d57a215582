"""long_run, second half: single runs grow in small steps, and the block reaches a peak long run.

- No training session (the race excluded) of week ``w`` is longer than ``(1+max_growth) · M``,
  with ``M`` the largest of 45 min, the training sessions of weeks ``w−4 .. w−1`` (those inside the
  block) and, while ``w ≤ 4``, ``athlete.longest_recent_run_minutes``.
- Some loading week has ``L(w) ≥ min(ceil(min_peak_share_of_race · race_session.minutes),
  min_peak_cap_minutes, max_minutes)`` when that minimum is > 0; reported for the loading weeks
  as a whole ("weeks 1-R").
(docs/rules.md, long_run; docs/science.md "Long run".)
"""

from __future__ import annotations

import math
from fractions import Fraction

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num

NAME = "long_run"


def check_growth(ctx: PlanContext, out: Tally) -> None:
    growth = ctx.scenario.rules.long_run.max_growth
    week_max: dict[int, float] = {}
    for w in range(1, ctx.cal.n_weeks + 1):
        window = [week_max[u] for u in range(max(1, w - 4), w) if u in week_max]
        before = [float(ctx.scenario.athlete.longest_recent_run_minutes)] if w <= 4 else []
        longest_minutes = max([45.0, *window, *before])
        cap_minutes = (1.0 + growth) * longest_minutes
        week_days = ctx.cal.training_days_of_week(w)
        for d in week_days:
            minutes = float(ctx.days.minutes[d])
            out.cap(minutes, cap_minutes, ctx.cal.where(d), f"+{fmt_minutes(minutes - cap_minutes)} over the "
                    f"single-run growth cap", f"No run may be more than {fmt_num(100 * growth)} % longer than the "
                    f"longest of the last four weeks ({fmt_minutes(longest_minutes)}); this one is "
                    f"{fmt_minutes(minutes)}.", tol_base=longest_minutes, at=f"week {w}")
        if week_days:
            week_max[w] = max(float(ctx.days.minutes[d]) for d in week_days)


def peak_minimum_minutes(ctx: PlanContext) -> int:
    rule = ctx.scenario.rules.long_run
    # the share is read as the decimal written, so 0.65 · 240 is exactly 156, not 156.00000000000003
    share_minutes = math.ceil(Fraction(str(rule.min_peak_share_of_race)) * ctx.scenario.race_session.minutes)
    return min(share_minutes, rule.min_peak_cap_minutes, rule.max_minutes, _carried_minutes(ctx))


def _carried_minutes(ctx: PlanContext) -> int:
    """0.9 x the long-run share (running days of a normal week) of min(peak weekly minutes, current
    weekly minutes x (1 + max_increase) ^ (loading weeks // 2)), rounded down (docs/rules.md)."""
    sc = ctx.scenario
    av, athlete = sc.availability, sc.athlete
    days = min(len([m for m in av.max_minutes.values() if m > 0]), av.max_running_days_per_week or 7)
    share = sc.rules.long_run.max_share_by_days
    nearest = min(share, key=lambda k: (abs(k - max(days, 1)), -k))
    volume = min(float(athlete.peak_weekly_minutes), athlete.current_weekly_minutes
                 * (1 + sc.rules.weekly_ramp.max_increase) ** (ctx.cal.loading_weeks // 2))
    return math.floor(0.9 * share[nearest] * volume)


def check_peak_minimum(ctx: PlanContext, out: Tally) -> None:
    need = peak_minimum_minutes(ctx)
    r = ctx.cal.loading_weeks
    if need <= 0:
        return
    longest = max(ctx.L(w) for w in range(1, r + 1))
    out.expect(longest >= need, f"weeks 1-{r}", f"longest long run {fmt_minutes(need - longest)} short of {need} min",
               f"The block's longest long run in the loading weeks is {fmt_minutes(longest)}; the race asks for "
               f"one of at least {need} min before the taper.")
