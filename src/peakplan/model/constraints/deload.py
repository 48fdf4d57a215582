"""deload: every ``every_weeks``-th loading week is a recovery week at most ``volume_factor``
times the week before.

Source: coaching convention, every 3rd-4th week at 0.6-0.8 x volume; recovery weeks keep a
stimulus (seed article; docs/science.md "Recovery weeks").
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, share_knob, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio
from peakplan.scenario.schema import Scenario

NAME = "deload"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.deload
    if not rule.enabled:
        return
    cal, v = ctx.calendar, ctx.vars
    factor = cap_ratio(rule.volume_factor)
    for w in sorted(cal.deload_weeks):
        ref_minutes, ref_days = v.reference(w - 1)
        ctx.rules.add_le(NAME, f"week {w}", v.week_minutes(w) * ref_days * RATIO_SCALE,
                         factor * cal.week_length(w) * ref_minutes,
                         f"recovery week <= {rule.volume_factor:.2f} x week {w - 1}")


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.deload
    return f"recovery week: at most {r.volume_factor:.0%} of week {(week_of(where) or 1) - 1}, every {r.every_weeks} weeks"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    return [share_knob("rules.deload.volume_factor", scenario.rules.deload.volume_factor, 1.0), disable(NAME)]
