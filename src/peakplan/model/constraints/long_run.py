"""long_run: one long run a week on the preferred day, capped as a share of the week and in
minutes, and no run longer than (1 + max_growth) x the longest run so far.

Sources: long run <= 25-30 % of weekly volume and <= 150 min (Daniels); single-run spikes over
the longest recent run raise injury risk (Nielsen et al.; docs/science.md "Long run"); preferred long-run
day (docs/science.md "Availability").
"""

from __future__ import annotations

from collections.abc import Sequence

from peakplan.explain.knobs import Knob, disable, int_knob, share_knob, switch
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio
from peakplan.model.variables import LinearExpr
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import MAX_DAY_MINUTES

NAME = "long_run"


def _allowed_days(ctx: BuildContext, week: int) -> Sequence[int]:
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
    longest: LinearExpr = ctx.scenario.athlete.longest_recent_run_minutes
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
        slack = 0 if required else MAX_DAY_MINUTES * (1 - count)  # vacuous in a week without one
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


def describe(scenario: Scenario, where: str) -> str:
    r, a = scenario.rules.long_run, scenario.athlete
    return (f"one long run a week on {scenario.availability.long_run_day} (or another day if unavailable), the "
            f"week's longest run, at most {r.max_share_of_week:.0%} of the week and {r.max_minutes} min, growing at "
            f"most {r.max_growth:.0%} over the longest run so far ({a.longest_recent_run_minutes} min before the block)")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.long_run
    found = [share_knob("rules.long_run.max_share_of_week", r.max_share_of_week, 1.0),
             int_knob("rules.long_run.max_minutes", r.max_minutes, 400, 5),
             share_knob("rules.long_run.max_growth", r.max_growth, 1.0),
             switch("rules.long_run.required_weekly", r.required_weekly)]
    return [k for k in found if k is not None] + [disable(NAME)]
