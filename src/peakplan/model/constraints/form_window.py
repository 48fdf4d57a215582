"""form_window: with the pmc readiness model, race-day form TSB = CTL(T-1) - ATL(T-1) stays in
[tsb_min, tsb_max]; the bounds are shrunk by the objective's rounding error so that a plan the
model accepts keeps the window as written.

Source: practitioners' race-day window +5...+15 (docs/science.md "Form window"); PMC by
Coggan/TrainingPeaks.
"""

from __future__ import annotations

import math

from peakplan.explain.knobs import Knob, ints
from peakplan.model.objective import scaled_load_sum
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import objective_coefficient
from peakplan.modelfiles import PmcModel
from peakplan.readiness import form_baseline, form_weights, start_state
from peakplan.scenario.schema import Scenario

NAME = "form_window"


def add(ctx: BuildContext) -> None:
    model = ctx.scenario.readiness
    if not isinstance(model, PmcModel):
        return
    race_day = ctx.calendar.race_day
    expr, worst = scaled_load_sum(ctx, form_weights(model, race_day))
    offset = form_baseline(model, race_day, start_state(ctx.scenario.athlete))
    low = objective_coefficient(model.tsb_min - offset + worst) + 1
    high = objective_coefficient(model.tsb_max - offset - worst) - 1
    ctx.rules.add_ge(NAME, "race day", expr, low, f"race-day TSB >= {model.tsb_min:+g}")
    ctx.rules.add_le(NAME, "race day", expr, high, f"race-day TSB <= {model.tsb_max:+g}")


def describe(scenario: Scenario, where: str) -> str:
    model = scenario.readiness
    if isinstance(model, PmcModel):
        return f"race-day TSB between {model.tsb_min:+g} and {model.tsb_max:+g} (form window of the readiness model)"
    return "race-day TSB inside the form window of the readiness model"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    """A wider window, one TSB point at a time (the readiness model's own values)."""
    model = scenario.readiness
    if not isinstance(model, PmcModel):
        return []
    low, high = model.tsb_min, model.tsb_max
    lower = tuple(float(v) for v in ints(math.ceil(low), math.floor(low) - 100) if v < low)
    higher = tuple(float(v) for v in ints(math.floor(high), math.ceil(high) + 100) if v > high)
    where = f" (readiness model {scenario.model.readiness})"
    return [Knob("readiness.tsb_min", low, lower, "number", "tsb_min" + where),
            Knob("readiness.tsb_max", high, higher, "number", "tsb_max" + where)]
