"""long_run: one long run a week, on the chosen day, capped, and grown in small steps.

Long sessions (catalogue ``long: true``): at most one per week; only on
``availability.long_run_day``, unless that weekday's date in the week is not a training day of
the week, is blacked out or has ``max_minutes`` 0 (then any day of that week). If
``required_weekly``, every full week but the race week has one. ``L(w) ≤ max_share_of_week·E(w)``
and ``L(w) ≤ max_minutes``. No session is longer than ``(1+max_growth)·M(w−1)``, ``M(0)`` =
``athlete.longest_recent_run_minutes``, ``M(w)`` = the longest of ``M(w−1)`` and week ``w``'s
sessions (docs/rules.md; the race is not a training session and is left out).
Sources: long run ≤ 25–30 % of weekly volume (Daniels); single-run spike ≤ (1+s) × longest
recent run (Nielsen; Stryd), docs/science.md "Long run".
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, fmt_minutes, fmt_num, week_where

NAME = "long_run"


def _long_run_day_usable(ctx: PlanContext, week: int) -> bool:
    av = ctx.scenario.availability
    if av.max_minutes[av.long_run_day] == 0:
        return False
    for d in ctx.cal.training_days_of_week(week):
        if ctx.cal.weekday(d) == av.long_run_day:
            return ctx.cal.date(d) not in av.blackout_dates
    return False


def _check_week(ctx: PlanContext, w: int, out: Tally) -> None:
    rule, where = ctx.scenario.rules.long_run, week_where(w)
    long_days = [d for d in ctx.cal.training_days_of_week(w) if ctx.days.long[d]]
    out.expect(len(long_days) <= 1, where, f"{len(long_days)} long runs", "A week holds at most one long run.")
    if rule.required_weekly and ctx.cal.week_length(w) == 7 and w < ctx.cal.n_weeks:
        out.expect(bool(long_days), where, "no long run", "Every full week before race week needs its long run.")
    _check_longest(ctx, w, long_days, out)
    long_day_name = ctx.scenario.availability.long_run_day
    usable = _long_run_day_usable(ctx, w)
    for d in long_days:
        date, minutes = ctx.cal.date(d).isoformat(), float(ctx.days.minutes[d])
        if usable:
            out.expect(ctx.cal.weekday(d) == long_day_name, date, f"long run on {ctx.cal.weekday(d)}",
                       f"The long run belongs on {long_day_name}, which is free that week.")
        share_cap = rule.max_share_of_week * ctx.E(w)
        out.expect(not exceeds(minutes, share_cap), date, f"+{fmt_minutes(minutes - share_cap)} over the long-run cap",
                   f"The long run may be at most {fmt_num(100 * rule.max_share_of_week)} % of the week "
                   f"({fmt_minutes(share_cap)}); it is {fmt_minutes(minutes)}.")
        out.expect(minutes <= rule.max_minutes, date,
                   f"+{fmt_minutes(minutes - rule.max_minutes)} over the long-run limit",
                   f"The long run may last at most {rule.max_minutes} min for this race; it is {fmt_minutes(minutes)}.")


def _check_longest(ctx: PlanContext, w: int, long_days: list[int], out: Tally) -> None:
    """In a week with a long run, no session is longer than it."""
    if not long_days:
        return
    long_minutes = max(int(ctx.days.minutes[d]) for d in long_days)
    for d in ctx.cal.training_days_of_week(w):
        minutes = int(ctx.days.minutes[d])
        out.expect(ctx.days.long[d] or minutes <= long_minutes, ctx.cal.date(d).isoformat(),
                   f"+{minutes - long_minutes} min longer than the week's long run",
                   f"This {ctx.days.session[d]} run ({minutes} min) outlasts the week's long run ({long_minutes} min).")


def _check_growth(ctx: PlanContext, out: Tally) -> None:
    growth = ctx.scenario.rules.long_run.max_growth
    longest_minutes = float(ctx.scenario.athlete.longest_recent_run_minutes)
    for w in range(1, ctx.cal.n_weeks + 1):
        cap_minutes = (1.0 + growth) * longest_minutes
        week_days = ctx.cal.training_days_of_week(w)
        for d in week_days:
            minutes = float(ctx.days.minutes[d])
            out.expect(not exceeds(minutes, cap_minutes), ctx.cal.date(d).isoformat(),
                       f"+{fmt_minutes(minutes - cap_minutes)} over the single-run growth cap",
                       f"No run may be more than {fmt_num(100 * growth)} % longer than the longest so far "
                       f"({fmt_minutes(longest_minutes)}); this one is {fmt_minutes(minutes)}.")
        longest_minutes = max([longest_minutes] + [float(ctx.days.minutes[d]) for d in week_days])


def check(ctx: PlanContext, out: Tally) -> None:
    for w in range(1, ctx.cal.n_weeks + 1):
        _check_week(ctx, w, out)
    _check_growth(ctx, out)
