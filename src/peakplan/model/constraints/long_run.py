"""long_run: one long run a week on the preferred day, capped as a share of the week and in
minutes, and no run longer than (1 + max_growth) x the longest run of the last GROWTH_WINDOW_WEEKS
weeks (the athlete's longest recent run counting for the first weeks; never less than
RESTART_MINUTES), so after a break the long run comes back step by step.

Sources: long run <= 25-30 % of weekly volume and <= 150 min (Daniels); single-run spikes over
the longest recent run raise injury risk (Nielsen et al.; docs/science.md "Long run"); preferred long-run
day (docs/science.md "Availability").
"""

from __future__ import annotations

import math
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
    growth = cap_ratio(1 + rule.max_growth)
    week_longest: dict[int, LinearExpr] = {}
    for w in cal.weeks:
        longest = _recent_longest(ctx, w, week_longest)
        where, days = f"week {w}", cal.training_days_of_week(w)
        share_of_week = rule.share_for(cal.running_days_available(w))
        share = cap_ratio(share_of_week)
        allowed = _allowed_days(ctx, w)
        for d in days:
            if d not in allowed:
                book.add(NAME, where, v.is_long(d) == 0)
        count = sum(v.is_long(d) for d in days)
        required = rule.required_weekly and cal.is_normal(w) and w != cal.n_weeks and w not in cal.tune_up_weeks
        book.add(NAME, where, count == 1 if required else count <= 1)
        long_minutes = sum(v.long_minutes(d) for d in days)
        slack = 0 if required else MAX_DAY_MINUTES * (1 - count)  # vacuous in a week without one
        for d in days:  # the long run is the week's longest run
            book.add(NAME, where, v.minutes(d) <= long_minutes + slack)
        book.add_le(NAME, where, long_minutes * cal.week_length(w) * RATIO_SCALE, share * 7 * v.week_minutes(w),
                    f"long run <= {share_of_week:.0%} of the week ({cal.running_days_available(w)} running days)")
        book.add_le(NAME, where, long_minutes, rule.max_minutes, f"long run <= {rule.max_minutes} min")
        for d in days:
            book.add_le(NAME, where, v.minutes(d) * RATIO_SCALE, growth * longest,
                        f"no run over {1 + rule.max_growth:.2f} x the longest of the last 4 weeks")
        if days:
            biggest = model.new_int_var(0, 24 * 60, f"{NAME}_longest_w{w}")
            model.add_max_equality(biggest, [v.minutes(d) for d in days])
            week_longest[w] = biggest
    _min_peak(ctx)


GROWTH_WINDOW_WEEKS = 4   # the longest run of the last four weeks: the cohort's 30 days (docs/science.md "Long run")
RESTART_MINUTES = 45      # ... but never less: a run of 45 min is always allowed (practice)


def _recent_longest(ctx: BuildContext, w: int, week_longest: dict[int, LinearExpr]) -> LinearExpr:
    """M(w-1): the longest run of weeks w-4 .. w-1, with the athlete's longest recent run while the
    window reaches before the block, and at least RESTART_MINUTES."""
    terms = [week_longest[u] for u in range(max(1, w - GROWTH_WINDOW_WEEKS), w) if u in week_longest]
    constants = [RESTART_MINUTES] + ([ctx.scenario.athlete.longest_recent_run_minutes]
                                     if w <= GROWTH_WINDOW_WEEKS else [])
    if not terms:
        return max(constants)
    recent = ctx.model.new_int_var(0, 24 * 60, f"{NAME}_recent_w{w}")
    ctx.model.add_max_equality(recent, [*terms, max(constants)])
    return recent


PEAK_REACH_MARGIN = 0.9   # the minimum leaves a tenth of the reachable long run for holds and rounding


def reachable_long_minutes(scenario: Scenario, loading_weeks: int) -> int:
    """A long run the athlete's volume can carry: the long-run share (of a normal week's running
    days) of the smaller of peak_weekly_minutes and the current volume grown by the ramp over half
    the loading weeks (the others hold or recover), times PEAK_REACH_MARGIN."""
    athlete, rule, av = scenario.athlete, scenario.rules, scenario.availability
    days = sum(1 for m in av.max_minutes.values() if m > 0)
    days = min(days, av.max_running_days_per_week or 7)
    grown = athlete.current_weekly_minutes * (1 + rule.weekly_ramp.max_increase) ** (loading_weeks // 2)
    volume = min(float(athlete.peak_weekly_minutes), grown)
    return math.floor(PEAK_REACH_MARGIN * rule.long_run.share_for(max(days, 1)) * volume)


def min_peak_minutes(scenario: Scenario, loading_weeks: int) -> int:
    """The block's longest run at least this many minutes (0: no minimum): a share of the race's
    duration, never above the cap, the long-run limit, nor what the athlete's volume can carry."""
    rule = scenario.rules.long_run
    wanted = math.ceil(rule.min_peak_share_of_race * scenario.race_session.minutes)
    return min(wanted, rule.min_peak_cap_minutes, rule.max_minutes, reachable_long_minutes(scenario, loading_weeks))


def _min_peak(ctx: BuildContext) -> None:
    """One loading week's long run reaches the minimum (a Boolean per week picks it)."""
    cal, v = ctx.calendar, ctx.vars
    minimum = min_peak_minutes(ctx.scenario, cal.loading_weeks)
    if minimum <= 0:
        return
    picks = []
    for w in range(1, cal.loading_weeks + 1):
        pick = ctx.model.new_bool_var(f"{NAME}_peak_w{w}")
        long_minutes = sum(v.long_minutes(d) for d in cal.training_days_of_week(w))
        ctx.rules.add(NAME, "peak long run", long_minutes >= minimum * pick)
        picks.append(pick)
    ctx.rules.add(NAME, "peak long run", sum(picks) >= 1)


def describe(scenario: Scenario, where: str) -> str:
    r, a = scenario.rules.long_run, scenario.athlete
    if where == "peak long run":
        from peakplan.calendar import Calendar

        minimum = min_peak_minutes(scenario, Calendar(scenario).loading_weeks)
        return (f"the block's longest run at least {minimum} min ({r.min_peak_share_of_race:.0%} of the race's "
                f"{scenario.race_session.minutes} min, at most {r.min_peak_cap_minutes} and what the athlete's "
                "volume can carry)")
    shares = ", ".join(f"{k} days {v:.0%}" for k, v in sorted(r.max_share_by_days.items()) if k >= 3)
    return (f"one long run a week on {scenario.availability.long_run_day} (or another day if unavailable), the "
            f"week's longest run, at most a share of the week by running days ({shares}) and {r.max_minutes} min, "
            f"growing at most {r.max_growth:.0%} over the longest run of the last four weeks (at least 45 min; "
            f"{a.longest_recent_run_minutes} min before the block)")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.long_run
    raised = tuple({k: round(min(1.0, v + 0.02 * step), 2) for k, v in r.max_share_by_days.items()} for step in range(1, 26))
    found = [Knob("rules.long_run.max_share_by_days", r.max_share_by_days, raised, "mapping"),
             int_knob("rules.long_run.max_minutes", r.max_minutes, 400, 5),
             share_knob("rules.long_run.min_peak_share_of_race", r.min_peak_share_of_race, 0.0)
             if r.min_peak_share_of_race > 0 else None,
             int_knob("athlete.longest_recent_run_minutes", scenario.athlete.longest_recent_run_minutes, 400, 5),
             share_knob("rules.long_run.max_growth", r.max_growth, 1.0),
             switch("rules.long_run.required_weekly", r.required_weekly)]
    return [k for k in found if k is not None] + [disable(NAME)]
