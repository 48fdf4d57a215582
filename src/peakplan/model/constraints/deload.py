"""deload: every ``every_weeks``-th loading week is a recovery week at most ``volume_factor``
times the week before.

Source: coaching convention, every 3rd-4th week at 0.6-0.8 x volume (SCIENCE.md R8); recovery
weeks keep a stimulus (seed article).
"""

from __future__ import annotations

from peakplan.model.context import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio

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
