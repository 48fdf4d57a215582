"""deload: recovery weeks (at the ends of the loading phases, and at least every ``every_weeks``
weeks: Calendar.deload_weeks) hold at most ``volume_factor`` times the last normal loading week,
and the week after one returns to at most ``return_factor`` times that level, not above it.

Source: coaching convention, a recovery week every 3rd-4th week at 0.6-0.8 x volume, closing a
block of loading; volume and intensity do not jump together out of it (seed article; Pfitzinger's
plans; docs/science.md "Recovery weeks").
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
    for w in sorted(cal.deload_weeks):
        ref = cal.reference_week(w)
        source = f"week {ref}" if ref is not None else "the current weekly volume"
        ctx.rules.add_le(NAME, f"week {w}", v.week_minutes(w) * 7 * RATIO_SCALE,
                         cap_ratio(rule.volume_factor) * cal.week_length(w) * v.reference(ref),
                         f"recovery week <= {rule.volume_factor:.2f} x {source}")
        after = w + 1
        if after <= cal.loading_weeks and after not in cal.deload_weeks:
            ctx.rules.add_le(NAME, f"week {after}", v.week_minutes(after) * 7 * RATIO_SCALE,
                             cap_ratio(rule.return_factor) * cal.week_length(after) * v.reference(ref),
                             f"after the recovery week <= {rule.return_factor:.2f} x {source}")


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.deload
    return (f"recovery week {week_of(where)}: at most {r.volume_factor:.0%} of the last normal week, and the week "
            f"after it back to at most {r.return_factor:.0%} of that level (a recovery week every {r.every_weeks} "
            "weeks at most)")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.deload
    return [share_knob("rules.deload.volume_factor", r.volume_factor, 1.0),
            share_knob("rules.deload.return_factor", r.return_factor, 1.5), disable(NAME)]
