"""fixed_days (on in a re-planned block): the days before ``replan.from_date`` are the ones run.

Every training day before ``from_date`` is listed once in ``replan.fixed_days``, and no later
day is; each listed day's plan session and minutes equal the listed ones (rest: 0 minutes)
(docs/rules.md; docs/science.md "Re-planning").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally

NAME = "fixed_days"


def check(ctx: PlanContext, out: Tally) -> None:
    replan = ctx.scenario.replan
    if replan is None:
        return
    listed: dict[int, tuple[str, int]] = {}
    for f in replan.fixed_days:
        d = (f.date - ctx.cal.start_date).days
        out.expect(d not in listed, f.date.isoformat(), "listed twice", f"{f.date} appears twice in replan.fixed_days.")
        listed[d] = (f.session, f.minutes)
    before = range(min((replan.from_date - ctx.cal.start_date).days, ctx.cal.race_day))
    for d in before:
        out.expect(d in listed, ctx.cal.where(d), "a day before from_date not fixed",
                   f"{ctx.cal.where(d)} comes before the re-plan's first day ({replan.from_date}) but is not in "
                   "replan.fixed_days.")
    for d, (session, minutes) in sorted(listed.items()):
        where = ctx.cal.where(d) if 0 <= d < ctx.cal.race_day else str(d)
        if not out.expect(d in before, where, "fixed day outside the days before from_date",
                          f"{where} is listed as done but is not before {replan.from_date}."):
            continue
        planned, planned_minutes = ctx.days.session[d], int(ctx.days.minutes[d])
        out.expect((planned, planned_minutes) == (session, minutes if session != "rest" else 0), where,
                   f"{planned} {planned_minutes} min instead of {session} {minutes} min",
                   f"{where} was run already ({session}, {minutes} min); the plan must keep it as it was.")
