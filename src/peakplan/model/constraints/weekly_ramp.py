"""weekly_ramp: weekly volume grows by at most ``max_increase`` over the last loading week,
and never exceeds the athlete's peak weekly volume. A partial week 1 counts as the athlete's
current volume when it is the reference (docs/rules.md, REF).

Sources: the 10 % rule is folklore; > 30 % weekly increases are linked to injury in novices
(Nielsen et al. 2014, 873 runners; Buist et al. 2008 RCT); ramp tied to recent real load
(docs/science.md "Weekly ramp"). Weeks are compared as full-week equivalents E = V * 7 / days.
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, int_knob, share_knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio
from peakplan.scenario.schema import Scenario

NAME = "weekly_ramp"


def add(ctx: BuildContext) -> None:
    rule, athlete = ctx.scenario.rules.weekly_ramp, ctx.scenario.athlete
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    up = cap_ratio(1 + rule.max_increase)
    previous: int | None = None
    for w in range(1, cal.loading_weeks + 1):
        if w in cal.deload_weeks:
            continue
        n = cal.week_length(w)
        detail = f"volume <= {1 + rule.max_increase:.2f} x "
        if previous is None:
            book.add_le(NAME, f"week {w}", v.week_minutes(w) * 7 * RATIO_SCALE,
                        up * athlete.current_weekly_minutes * n, detail + "current weekly volume")
        else:
            ref_minutes, ref_days = v.reference(previous)
            book.add_le(NAME, f"week {w}", v.week_minutes(w) * ref_days * RATIO_SCALE,
                        up * n * ref_minutes, detail + f"week {previous}")
        previous = w
    for w in cal.weeks:
        book.add_le(NAME, f"week {w} ceiling", v.week_minutes(w) * 7,
                    athlete.peak_weekly_minutes * cal.week_length(w), "athlete's peak weekly volume")


def describe(scenario: Scenario, where: str) -> str:
    a = scenario.athlete
    if where.endswith("ceiling"):
        return f"weekly volume at most {a.peak_weekly_minutes} min (athlete.peak_weekly_minutes)"
    return (f"weekly volume grows at most {scenario.rules.weekly_ramp.max_increase:.0%} over the last loading week "
            f"(from {a.current_weekly_minutes} min a week before the block)")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    out = []
    if any(w.endswith("ceiling") for w in wheres):
        out.append(int_knob("athlete.peak_weekly_minutes", scenario.athlete.peak_weekly_minutes, 2000, 10))
    if any(not w.endswith("ceiling") for w in wheres):
        out.append(share_knob("rules.weekly_ramp.max_increase", scenario.rules.weekly_ramp.max_increase, 1.0))
    return [*out, disable(NAME)]
