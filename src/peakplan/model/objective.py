"""The objective: modelled race-day readiness, linear in the daily loads.

The day weights come from :func:`peakplan.readiness.day_weights` (the function that also scores
the written plan): banister's c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}, or the pmc model's CTL
weights. A session's load per minute is IF^2 x 100 / 60 (docs/science.md "Load"). The pmc
model's race-day form window is a rule of its own (``constraints/form_window.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import OBJECTIVE_SCALE, objective_coefficient
from peakplan.model.variables import LinearExpr
from peakplan.readiness import baseline, day_weights, start_state


@dataclass(frozen=True)
class Objective:
    offset: float            # readiness of an all-rest plan
    rounding_bound: float    # worst-case |rounding error| of the scaled objective, readiness units


def scaled_load_sum(ctx: BuildContext, weights: Iterable[float]) -> tuple[LinearExpr, float]:
    """sum_{d,s} round(w_d * load_per_minute_s * S) * minutes[d,s], and its worst rounding error
    in readiness units (one session a day, so a day's error is that of one type)."""
    v = ctx.vars
    terms, worst = [], 0.0
    for d, w in enumerate(weights):
        day_worst = 0.0
        for name, kind in v.types.items():
            exact = float(w) * kind.load_per_minute
            if exact == 0:
                continue
            coef = objective_coefficient(exact)
            day_worst = max(day_worst, abs(coef - exact * OBJECTIVE_SCALE) * kind.max_minutes)
            terms.append(coef * v.session_minutes(d, name))
        worst += day_worst
    return sum(terms), worst / OBJECTIVE_SCALE


def add_objective(ctx: BuildContext) -> Objective:
    model, race_day = ctx.scenario.readiness, ctx.calendar.race_day
    expr, worst = scaled_load_sum(ctx, day_weights(model, race_day))
    ctx.model.maximize(expr)
    return Objective(offset=baseline(model, race_day, start_state(ctx.scenario.athlete)), rounding_bound=worst)
