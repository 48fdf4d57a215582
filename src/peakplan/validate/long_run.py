"""long_run: one long run a week, on the chosen day, as a share of the week, grown in small steps.

Long sessions (catalogue ``long: true``): at most one per week; only on
``availability.long_run_day``, unless that weekday's date is not a training day of the week or
has ``cap = 0`` (then any day of that week). If ``required_weekly``, every normal week but the
race week and tune-up weeks has one. In a week with a long run, no session is longer than it.
``L(w) ≤ share(days_avail(w)) · E(w)`` (``max_share_by_days``, else the nearest key, the larger on
a tie) and ``L(w) ≤ max_minutes``. Growth and the peak minimum: validate/long_run_growth.py
(docs/rules.md; docs/science.md "Long run").
"""

from __future__ import annotations

from peakplan.validate.long_run_growth import check_growth, check_peak_minimum
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, tight_tolerance, week_where

NAME = "long_run"


def share_for(shares: dict[int, float], running_days: int) -> float:
    """The share for ``running_days`` days available: its entry, else the nearest key (the larger on a tie)."""
    key = min(shares, key=lambda k: (abs(k - running_days), -k))
    return shares[key]


def _long_run_day_usable(ctx: PlanContext, week: int) -> bool:
    day_name = ctx.scenario.availability.long_run_day
    return any(ctx.cal.weekday(d) == day_name and ctx.cal.cap_minutes[d] > 0
               for d in ctx.cal.training_days_of_week(week))


def _check_longest(ctx: PlanContext, w: int, long_minutes: int, out: Tally) -> None:
    """In a week with a long run, no session is longer than it."""
    for d in ctx.cal.training_days_of_week(w):
        minutes = int(ctx.days.minutes[d])
        out.expect(ctx.days.long[d] or minutes <= long_minutes, ctx.cal.where(d),
                   f"+{minutes - long_minutes} min longer than the week's long run",
                   f"This {ctx.days.session[d]} run ({minutes} min) outlasts the week's long run ({long_minutes} min).")


def _check_caps(ctx: PlanContext, w: int, d: int | None, out: Tally) -> None:
    """The long run on day ``d`` against the week's caps; without one (``d`` None) only the margins
    of L(w) = 0 are recorded (the bounds hold, and bind in a week without running)."""
    rule, at = ctx.scenario.rules.long_run, week_where(w)
    n_days = ctx.cal.days_avail(w)
    share = share_for(rule.max_share_by_days, n_days)
    share_cap = share * ctx.E(w)
    if d is None:
        out.note(at, share_cap, tight_tolerance(0.0, share_cap, ctx.E(w)))
        out.note(at, rule.max_minutes, tight_tolerance(0.0, rule.max_minutes, 0))
        return
    where, minutes = ctx.cal.where(d), float(ctx.days.minutes[d])
    out.cap(minutes, share_cap, where, f"+{fmt_minutes(minutes - share_cap)} over the long-run cap",
            f"With {n_days} running days available the long run may be at most {fmt_num(100 * share)} % of the "
            f"week ({fmt_minutes(share_cap)}); it is {fmt_minutes(minutes)}.", tol_base=ctx.E(w), at=at)
    out.cap(minutes, rule.max_minutes, where, f"+{fmt_minutes(minutes - rule.max_minutes)} over the long-run limit",
            f"The long run may last at most {rule.max_minutes} min for this race; it is {fmt_minutes(minutes)}.",
            tol_base=0, at=at)


def _check_week(ctx: PlanContext, w: int, out: Tally) -> None:
    rule, cal, where = ctx.scenario.rules.long_run, ctx.cal, week_where(w)
    long_days = [d for d in cal.training_days_of_week(w) if ctx.days.long[d]]
    out.expect(len(long_days) <= 1, where, f"{len(long_days)} long runs", "A week holds at most one long run.")
    if rule.required_weekly and cal.is_normal(w) and w < cal.n_weeks and not cal.is_tune_up_week(w):
        out.expect(bool(long_days), where, "no long run", "Every normal week before race week needs its long run.")
    if not long_days:
        _check_caps(ctx, w, None, out)
        return
    _check_longest(ctx, w, int(ctx.L(w)), out)
    day_name, usable = ctx.scenario.availability.long_run_day, _long_run_day_usable(ctx, w)
    for d in long_days:
        if usable:
            out.expect(cal.weekday(d) == day_name, cal.where(d), f"long run on {cal.weekday(d)}",
                       f"The long run belongs on {day_name}, which is free that week.")
        _check_caps(ctx, w, d, out)


def check(ctx: PlanContext, out: Tally) -> None:
    for w in range(1, ctx.cal.n_weeks + 1):
        _check_week(ctx, w, out)
    check_growth(ctx, out)
    check_peak_minimum(ctx, out)
