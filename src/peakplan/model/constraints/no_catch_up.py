"""no_catch_up: in a re-planned block no week holds more minutes than the original plan gave it
(``replan.week_caps``), so missed training is never made up by piling it on later. The ramp from
the load actually run is the weekly_ramp rule's, with the fixed days as its reference weeks.

Source: missed sessions are dropped, not made up (docs/science.md "Re-planning").
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.scenario.schema import Scenario

NAME = "no_catch_up"


def add(ctx: BuildContext) -> None:
    replan = ctx.scenario.replan
    if replan is None:
        return
    for week, cap in sorted(replan.week_caps.items()):
        if week in ctx.calendar.weeks:
            ctx.rules.add_le(NAME, f"week {week}", ctx.vars.week_minutes(week), cap,
                             f"at most the original plan's {cap} min")


def describe(scenario: Scenario, where: str) -> str:
    caps = scenario.replan.week_caps if scenario.replan else {}
    week = week_of(where)
    cap = caps.get(week) if week is not None else None
    if cap is None:
        return "no week above the original plan's minutes for it (missed training is not made up)"
    return f"week {week} at most the original plan's {cap} min (missed training is not made up)"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    """The original weeks' minutes raised 5 % at a time (up to 30 %)."""
    if scenario.replan is None or not scenario.replan.week_caps:
        return []
    caps = scenario.replan.week_caps
    raised = tuple({w: round(c * (1 + 0.05 * k)) for w, c in caps.items()} for k in range(1, 7))
    return [Knob("replan.week_caps", caps, raised, "mapping")]
