"""form_window: race-day form stays in the readiness model's window. The pmc model states it in
TSB points (tsb_min..tsb_max); a banister model may state it as a share of race-day CTL
(tsb_share_min..tsb_share_max): TSB(T) = CTL(T-1) - ATL(T-1) >= share x CTL(T-1). Bounds are
shrunk by the rounding error so that a plan the model accepts keeps the window as written.

Source: arrive fresh but not detrained; practitioners' race-day window +5...+15 TSB; a published
marathon taper arrives at about 29 % of CTL (docs/science.md "Form window").
"""

from __future__ import annotations

import math

import numpy as np

from peakplan.athlete import start_state
from peakplan.explain.knobs import Knob, ints, shares
from peakplan.model.objective import scaled_load_sum
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import objective_coefficient
from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.readiness import ctl_weights, form_weights, pmc_taus, start_ctl_atl_baseline
from peakplan.scenario.schema import Scenario

NAME = "form_window"


def _bounded(ctx: BuildContext, weights: np.ndarray, offset: float, low: float | None, high: float | None,
             text: str) -> None:
    """low <= sum weights x load + offset <= high, with the rounding error kept inside."""
    expr, worst = scaled_load_sum(ctx, weights)
    if low is not None:
        ctx.rules.add_ge(NAME, "race day", expr, objective_coefficient(low - offset + worst) + 1, text.format(">=", low))
    if high is not None:
        ctx.rules.add_le(NAME, "race day", expr, objective_coefficient(high - offset - worst) - 1, text.format("<=", high))


def add(ctx: BuildContext) -> None:
    model, race_day = ctx.scenario.readiness, ctx.calendar.race_day
    ctl0, atl0 = start_ctl_atl_baseline(model, race_day, start_state(ctx.scenario))
    form = form_weights(model, race_day)
    if isinstance(model, PmcModel):
        _bounded(ctx, form, ctl0 - atl0, model.tsb_min, model.tsb_max, "race-day TSB {} {:+g}")
        return
    assert isinstance(model, BanisterModel)
    ctl = ctl_weights(pmc_taus(model)[0], race_day)
    for share, is_min in ((model.tsb_share_min, True), (model.tsb_share_max, False)):
        if share is None:
            continue
        weights, offset = form - share * ctl, (ctl0 - atl0) - share * ctl0
        text = f"race-day TSB {{}} {share:.0%} of CTL"
        _bounded(ctx, weights, offset, 0.0 if is_min else None, None if is_min else 0.0, text)


def describe(scenario: Scenario, where: str) -> str:
    model = scenario.readiness
    if isinstance(model, PmcModel):
        return f"race-day TSB between {model.tsb_min:+g} and {model.tsb_max:+g} (form window of the readiness model)"
    low = "" if model.tsb_share_min is None else f"at least {model.tsb_share_min:.0%}"
    high = "" if model.tsb_share_max is None else f"at most {model.tsb_share_max:.0%}"
    return f"race-day TSB {' and '.join(x for x in (low, high) if x)} of race-day CTL (form window of the readiness model)"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    """A wider window (the readiness model's own values, set in the scenario's resolved model)."""
    model = scenario.readiness
    where = f" (readiness model {scenario.model.readiness})"
    if isinstance(model, PmcModel):
        low, high = model.tsb_min, model.tsb_max
        lower = tuple(float(v) for v in ints(math.ceil(low), math.floor(low) - 100) if v < low)
        higher = tuple(float(v) for v in ints(math.floor(high), math.ceil(high) + 100) if v > high)
        return [Knob("readiness.tsb_min", low, lower, "number", "tsb_min" + where),
                Knob("readiness.tsb_max", high, higher, "number", "tsb_max" + where)]
    out = []
    if model.tsb_share_min is not None:
        out.append(Knob("readiness.tsb_share_min", model.tsb_share_min, shares(model.tsb_share_min, -1.0), "share",
                        "tsb_share_min" + where))
    if model.tsb_share_max is not None:
        out.append(Knob("readiness.tsb_share_max", model.tsb_share_max, shares(model.tsb_share_max, 1.0), "share",
                        "tsb_share_max" + where))
    return out
