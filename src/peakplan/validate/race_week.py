"""race_week: a light, sharp last week.

In the race week: hard training days ≤ ``max_hard_sessions``; no hard session in the
``easy_days_before_race`` days before the race; no long run (docs/rules.md). Sources: light,
sharp race week (seed article; docs/science.md "Race week"); last easy days (practice).
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where

NAME = "race_week"


def check(ctx: PlanContext, out: Tally) -> None:
    rule = ctx.scenario.rules.race_week
    w, t = ctx.cal.n_weeks, ctx.cal.race_day
    count = int(ctx.weeks.hard_training_days[w - 1])
    out.cap(count, rule.max_hard_sessions, week_where(w), f"{count} hard sessions, {count - rule.max_hard_sessions} "
            f"over the limit", f"Race week allows at most {rule.max_hard_sessions} hard session(s); the plan has "
            f"{count}.", tol_base=0)
    for d in range(max(0, t - rule.easy_days_before_race), t):
        out.expect(not ctx.days.hard[d], ctx.cal.date(d).isoformat(), f"hard session {t - d} day(s) before the race",
                   f"The last {rule.easy_days_before_race} day(s) before the race stay easy to arrive fresh.")
    for d in ctx.cal.training_days_of_week(w):
        out.expect(not ctx.days.long[d], ctx.cal.date(d).isoformat(), "long run in race week",
                   "A long run in race week only adds fatigue before the race.")
