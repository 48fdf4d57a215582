"""intensity_mix: at least ``min_low_intensity_share`` of each week's minutes at low intensity.

A session's low-intensity minutes are (1 - quality_fraction) x minutes: warm-up, cool-down
and recoveries count as easy. Sources: >= 75-80 % of training time at low intensity
(Stoeggl & Sperlich 2015; Munoz et al. 2014; Seiler; docs/science.md "Intensity mix").
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, share_knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import floor_ratio
from peakplan.scenario.schema import Scenario

NAME = "intensity_mix"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.intensity_mix
    if not rule.enabled:
        return
    cal, v = ctx.calendar, ctx.vars
    share = floor_ratio(rule.min_low_intensity_share)
    for w in cal.weeks:
        low = sum(v.low_intensity_minutes_bp(d) for d in cal.training_days_of_week(w))
        ctx.rules.add_ge(NAME, f"week {w}", low, share * v.week_minutes(w),
                         f">= {rule.min_low_intensity_share:.0%} of minutes easy")


def describe(scenario: Scenario, where: str) -> str:
    return f"at least {scenario.rules.intensity_mix.min_low_intensity_share:.0%} of minutes at low intensity"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    share = scenario.rules.intensity_mix.min_low_intensity_share
    return [share_knob("rules.intensity_mix.min_low_intensity_share", share, 0.0), disable(NAME)]
