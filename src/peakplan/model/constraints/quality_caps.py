"""quality_caps: Daniels' caps on one session's main set: threshold <= 10 %, intervals <= 8 %,
repetitions <= 5 % of the week's volume, marathon-pace run <= 110 min.

Source: Daniels' Running Formula (docs/science.md "Quality caps"). Main set = quality_fraction x minutes.
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, int_knob, share_knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio, floor_ratio
from peakplan.scenario.schema import Scenario

NAME = "quality_caps"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.quality_caps
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    shares = {"threshold": rule.threshold_share, "intervals": rule.intervals_share,
              "repetitions": rule.repetitions_share}
    for d in cal.training_days:
        w = cal.week_of(d)
        where = cal.date(d).isoformat()
        for name, kind in v.types.items():
            if kind.quality_kind == "none" or kind.quality_fraction == 0:
                continue
            main_bp = floor_ratio(kind.quality_fraction) * v.session_minutes(d, name)
            if kind.quality_kind == "marathon_pace":
                book.add_le(NAME, where, main_bp, rule.marathon_pace_max_minutes * RATIO_SCALE,
                            f"M-pace <= {rule.marathon_pace_max_minutes} min")
            else:
                cap = cap_ratio(shares[kind.quality_kind])
                book.add_le(NAME, where, main_bp * cal.week_length(w), cap * 7 * v.week_minutes(w),
                            f"{kind.quality_kind} main set <= {shares[kind.quality_kind]:.0%} of the week")


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.quality_caps
    return (f"main sets capped: threshold {r.threshold_share:.0%}, intervals {r.intervals_share:.0%}, "
            f"repetitions {r.repetitions_share:.0%} of the week, marathon pace {r.marathon_pace_max_minutes} min")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.quality_caps
    return [share_knob("rules.quality_caps.threshold_share", r.threshold_share, 1.0),
            share_knob("rules.quality_caps.intervals_share", r.intervals_share, 1.0),
            share_knob("rules.quality_caps.repetitions_share", r.repetitions_share, 1.0),
            int_knob("rules.quality_caps.marathon_pace_max_minutes", r.marathon_pace_max_minutes, 400, 5),
            disable(NAME)]
