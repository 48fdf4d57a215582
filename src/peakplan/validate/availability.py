"""availability (always on): what the athlete can run on each day.

On a training day, minutes ≤ ``cap(d)`` (the date's ``date_caps`` entry, else the
weekday's ``max_minutes``; 0 on a blackout date); a day with ``cap(d) = 0`` is rest; if
``max_running_days_per_week`` is set, running days per week ≤ it; an ``easy_only_dates`` date
holds no hard and no long session; the race day's session is
``race`` (docs/rules.md, "Calendar" and the families table; docs/science.md "Availability").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where

NAME = "availability"


def _why_no_time(ctx: PlanContext, d: int) -> str:
    av, date = ctx.scenario.availability, ctx.cal.date(d)
    if date in av.blackout_dates:
        return "a blackout date"
    if date in av.date_caps and av.date_caps[date] < av.max_minutes[ctx.cal.weekday(d)]:
        return "a date without running time (date_caps)"
    return f"a day off ({ctx.cal.weekday(d)})"


def _limit_name(ctx: PlanContext, d: int) -> str:
    av, date = ctx.scenario.availability, ctx.cal.date(d)
    if date in av.date_caps and av.date_caps[date] < av.max_minutes[ctx.cal.weekday(d)]:
        return f"date cap of {date}"
    return f"{ctx.cal.weekday(d)} limit"


def date_is_easy_only(ctx: PlanContext, d: int) -> bool:
    return ctx.cal.date(d) in ctx.scenario.availability.easy_only_dates


def _check_day(ctx: PlanContext, d: int, out: Tally) -> None:
    where, cap_minutes = ctx.cal.where(d), int(ctx.cal.cap_minutes[d])
    minutes, session = int(ctx.days.minutes[d]), ctx.days.session[d]
    if cap_minutes == 0:
        why = _why_no_time(ctx, d)
        out.expect(session == "rest" and minutes == 0, where, f"{session} {minutes} min on {why}",
                   f"{where} is {why}, so it must be a rest day.")
        return
    if date_is_easy_only(ctx, d):
        session_kind = ctx.scenario.catalogue.sessions.get(session)
        quiet = session_kind is None or not (session_kind.hard or session_kind.long)
        out.expect(quiet, where, f"{session} on an easy-only date",
                   f"{where} is an easy-only date (the return from an illness): easy running at most, not {session}.")
    limit = _limit_name(ctx, d)
    out.cap(minutes, cap_minutes, where, f"+{minutes - cap_minutes} min over the {limit}",
            f"The athlete has at most {cap_minutes} min on {where}, the plan asks for {minutes} min.", tol_base=0)


def check(ctx: PlanContext, out: Tally) -> None:
    for d in range(ctx.cal.race_day):
        _check_day(ctx, d, out)
    limit = ctx.scenario.availability.max_running_days_per_week
    if limit is not None:
        for w in range(1, ctx.cal.n_weeks + 1):
            running = ctx.running_days(w)
            out.cap(running, limit, week_where(w), f"{running} running days, {running - limit} over the limit",
                    f"The athlete runs at most {limit} days a week; this week has {running}.", tol_base=0)
    race_session = ctx.days.session[ctx.cal.race_day]
    out.expect(race_session == "race", ctx.cal.where(ctx.cal.race_day), f"session {race_session!r} on race day",
               "The race day must hold the race itself.")
