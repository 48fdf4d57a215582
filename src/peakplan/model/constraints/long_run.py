"""long_run: one long run a week on the preferred day, capped as a share of the week and in
minutes, and no run longer than (1 + max_growth) x the longest run so far.

Sources: long run <= 25-30 % of weekly volume and <= 150 min (Daniels); single-run spikes over
the longest recent run raise injury risk (Nielsen et al.; SCIENCE.md R9); preferred long-run
day (SCIENCE.md R17).
"""

from __future__ import annotations

from peakplan.model.context import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio

NAME = "long_run"
_LONGEST_DAY_MINUTES = 600  # availability's upper bound for one day


def _allowed_days(ctx: BuildContext, week: int) -> list[int]:
    cal = ctx.calendar
    days = cal.training_days_of_week(week)
    preferred = [d for d in days if cal.weekday(d) == ctx.scenario.availability.long_run_day and cal.max_minutes(d) > 0]
    return preferred or days


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.long_run
    if not rule.enabled:
        return
    cal, v, book, model = ctx.calendar, ctx.vars, ctx.rules, ctx.model
    share, growth = cap_ratio(rule.max_share_of_week), cap_ratio(1 + rule.max_growth)
    longest = ctx.scenario.athlete.longest_recent_run_minutes
    for w in cal.weeks:
        where, days = f"week {w}", cal.training_days_of_week(w)
        allowed = _allowed_days(ctx, w)
        for d in days:
            if d not in allowed:
                book.add(NAME, where, v.is_long(d) == 0)
        count = sum(v.is_long(d) for d in days)
        required = rule.required_weekly and cal.is_full(w) and w != cal.n_weeks
        book.add(NAME, where, count == 1 if required else count <= 1)
        long_minutes = sum(v.long_minutes(d) for d in days)
        slack = 0 if required else _LONGEST_DAY_MINUTES * (1 - count)  # vacuous in a week without one
        for d in days:  # the long run is the week's longest run
            book.add(NAME, where, v.minutes(d) <= long_minutes + slack)
        book.add_le(NAME, where, long_minutes * cal.week_length(w) * RATIO_SCALE, share * 7 * v.week_minutes(w),
                    f"long run <= {rule.max_share_of_week:.0%} of the week")
        book.add_le(NAME, where, long_minutes, rule.max_minutes, f"long run <= {rule.max_minutes} min")
        for d in days:
            book.add_le(NAME, where, v.minutes(d) * RATIO_SCALE, growth * longest,
                        f"no run over {1 + rule.max_growth:.2f} x the longest so far")
        if days:
            biggest = model.new_int_var(0, 24 * 60, f"{NAME}_longest_w{w}")
            model.add_max_equality(biggest, [longest, *(v.minutes(d) for d in days)])
            longest = biggest
