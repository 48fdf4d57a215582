"""long_run_build: outside recovery weeks the long run holds, near the longest of the block so far.

In a *building week* (a normal loading week after the first that is not a recovery week, not a
tune-up week and does not follow an interrupted week) the long run is at least
``min_share_of_longest`` times the longest long run of the earlier loading weeks since the last
interrupted week (a break restarts the build: the long run comes back with the volume, at the
pace long_run's growth cap allows).

Source: Pfitzinger & Douglas, Advanced Marathoning 18/55: outside its recovery weeks (6, 9-10,
14) the long run is 0.85-1.0 of the longest so far (12, 13, 14, 15, 16, -, 18, 20, -, -, 20, 17,
18, -, 20 mi); docs/science.md "Long run".
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, share_knob, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, floor_ratio
from peakplan.scenario.schema import Scenario

NAME = "long_run_build"


def building_weeks(ctx: BuildContext) -> list[int]:
    cal = ctx.calendar
    return [w for w in range(2, cal.loading_weeks + 1) if cal.is_normal(w) and w not in cal.deload_weeks
            and w not in cal.tune_up_weeks and w - 1 not in cal.interrupted_weeks]


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.long_run_build
    if not rule.enabled or not ctx.scenario.rules.long_run.enabled:
        return
    cal, v, model = ctx.calendar, ctx.vars, ctx.model
    share = floor_ratio(rule.min_share_of_longest)
    building = set(building_weeks(ctx))
    longest = None   # the longest long run of the loading weeks so far
    for w in range(1, cal.loading_weeks + 1):
        if w in cal.interrupted_weeks:
            longest = None      # the build restarts after the break
            continue
        minutes = sum(v.long_minutes(d) for d in cal.training_days_of_week(w))
        if w in building and longest is not None:
            ctx.rules.add_ge(NAME, f"week {w}", minutes * RATIO_SCALE, share * longest,
                             f"long run >= {rule.min_share_of_longest:.0%} of the longest so far")
        biggest = model.new_int_var(0, 24 * 60, f"{NAME}_longest_w{w}")
        model.add_max_equality(biggest, [minutes] if longest is None else [longest, minutes])
        longest = biggest


def describe(scenario: Scenario, where: str) -> str:
    share = scenario.rules.long_run_build.min_share_of_longest
    return (f"week {week_of(where)}: outside recovery weeks the long run stays at least {share:.0%} of the longest "
            "long run of the block so far")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    return [share_knob("rules.long_run_build.min_share_of_longest", scenario.rules.long_run_build.min_share_of_longest,
                       0.0), disable(NAME)]
