"""The load-state rules acwr, ctl_ramp and atl_cap, recomputed from the plan's loads
(docs/rules.md, families table; docs/science.md "Load state"). CTL/ATL after each day follow the
PMC recursion of docs/rules.md "Readiness"; tolerance 1e-3 for the rounding of the written loads."""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import effective_loads, pmc_trajectory
from peakplan.validate.violation import Tally, fmt_num

TOL = 1e-3


def check_acwr(ctx: PlanContext, out: Tally) -> None:
    rule, pmc = ctx.scenario.rules.acwr, pmc_trajectory(ctx, effective_loads(ctx))
    for d in range(rule.warmup_days, ctx.cal.race_day):
        ctl, atl = float(pmc.ctl[d]), float(pmc.atl[d])
        out.expect(atl <= rule.max_ratio * ctl + TOL, ctx.cal.date(d).isoformat(),
                   f"ATL/CTL {fmt_num(atl / ctl, 3) if ctl else 'infinite'} over {rule.max_ratio:g}",
                   f"Fatigue {atl:.1f} is more than {rule.max_ratio:g} x fitness {ctl:.1f} on this day.")


def check_ctl_ramp(ctx: PlanContext, out: Tally) -> None:
    rule, pmc = ctx.scenario.rules.ctl_ramp, pmc_trajectory(ctx, effective_loads(ctx))
    before = pmc.ctl0
    for w in range(1, ctx.cal.n_weeks + 1):
        days = ctx.cal.training_days_of_week(w)
        if not len(days):
            continue
        end = float(pmc.ctl[days[-1]])
        limit = rule.max_per_week * ctx.cal.week_length(w) / 7
        out.expect(end - before <= limit + TOL, f"week {w}",
                   f"CTL +{fmt_num(end - before, 2)} over +{fmt_num(limit, 2)}",
                   f"Fitness rises from {before:.1f} to {end:.1f} this week, more than {rule.max_per_week:g} a week.")
        before = end


def check_atl_cap(ctx: PlanContext, out: Tally) -> None:
    rule, pmc = ctx.scenario.rules.atl_cap, pmc_trajectory(ctx, effective_loads(ctx))
    for d in range(ctx.cal.race_day):
        atl = float(pmc.atl[d])
        out.expect(atl <= rule.max_atl + TOL, ctx.cal.date(d).isoformat(),
                   f"ATL +{fmt_num(atl - rule.max_atl, 2)} over the cap",
                   f"Fatigue {atl:.1f} is over the cap of {rule.max_atl:g}.")
