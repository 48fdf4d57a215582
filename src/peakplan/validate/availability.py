"""availability (always on): what the athlete can run on each day.

On a training day, minutes ≤ ``max_minutes[weekday]``; a weekday with 0, or a blackout date, is
rest; if ``max_running_days_per_week`` is set, running days per week ≤ it; the race day's
session is ``race`` (docs/rules.md, families table; docs/science.md "Availability" "availability").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where

NAME = "availability"


def _check_day(ctx: PlanContext, d: int, out: Tally) -> None:
    av = ctx.scenario.availability
    date, weekday = ctx.cal.date(d), ctx.cal.weekday(d)
    minutes, session = int(ctx.days.minutes[d]), ctx.days.session[d]
    cap_minutes = av.max_minutes[weekday]
    if date in av.blackout_dates:
        out.expect(session == "rest" and minutes == 0, date.isoformat(), f"{session} {minutes} min on a blackout date",
                   f"{date} is blacked out, so it must be a rest day.")
    elif cap_minutes == 0:
        out.expect(session == "rest" and minutes == 0, date.isoformat(), f"{session} {minutes} min on a day off",
                   f"The athlete does not run on {weekday}, so this must be a rest day.")
    else:
        out.expect(minutes <= cap_minutes, date.isoformat(), f"+{minutes - cap_minutes} min over the {weekday} limit",
                   f"The athlete has at most {cap_minutes} min on {weekday}, the plan asks for {minutes} min.")


def check(ctx: PlanContext, out: Tally) -> None:
    for d in range(ctx.cal.race_day):
        _check_day(ctx, d, out)
    limit = ctx.scenario.availability.max_running_days_per_week
    if limit is not None:
        for w in range(1, ctx.cal.n_weeks + 1):
            running = int(ctx.weeks.running_days[w - 1])
            out.expect(running <= limit, week_where(w), f"{running} running days, {running - limit} over the limit",
                       f"The athlete runs at most {limit} days a week; this week has {running}.")
    race_session = ctx.days.session[ctx.cal.race_day]
    race_date = ctx.cal.date(ctx.cal.race_day).isoformat()
    out.expect(race_session == "race", race_date, f"session {race_session!r} on race day",
               "The race day must hold the race itself.")
