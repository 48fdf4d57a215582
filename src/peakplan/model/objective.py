"""The objective: modelled race-day readiness, linear in the daily loads.

The day weights come from :func:`peakplan.readiness.day_weights` and each session type's load
per minute from :func:`peakplan.athlete.loads_of` (its parts at the athlete's paces), the same
functions that score the written plan: banister's c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}, or the
pmc model's CTL weights (docs/science.md "Readiness", "Load"). The race-day form window is a rule
of its own (``constraints/form_window.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peakplan.athlete import loads_of, pre_block_loads, start_state
from peakplan.loads import LoadTable
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import LOAD_SCALE, OBJECTIVE_SCALE, load_coefficient, objective_coefficient
from peakplan.model.variables import LinearExpr
from peakplan.readiness import baseline, day_weights


@dataclass(frozen=True)
class Objective:
    offset: float            # readiness of an all-rest plan
    rounding_bound: float    # worst-case |rounding error| of the scaled objective, readiness units
    expr: LinearExpr = 0     # the scaled readiness expression the model maximizes


def scaled_load_sum(ctx: BuildContext, weights: Iterable[float],
                    table: LoadTable | None = None) -> tuple[LinearExpr, float]:
    """sum_{d,s} round(w_d * load_per_minute_s * S) * minutes[d,s], and its worst rounding error
    in readiness units (one session a day, so a day's error is that of one type)."""
    v = ctx.vars
    table = table or loads_of(ctx.scenario)
    terms, worst = [], 0.0
    for d, w in enumerate(weights):
        day_worst = 0.0
        for name, kind in v.types.items():
            exact = float(w) * table.on(d, name)
            if exact == 0:
                continue
            coef = objective_coefficient(exact)
            day_worst = max(day_worst, abs(coef - exact * OBJECTIVE_SCALE) * kind.max_minutes)
            terms.append(coef * v.session_minutes(d, name))
        worst += day_worst
    return sum(terms), worst / OBJECTIVE_SCALE


def add_objective(ctx: BuildContext) -> Objective:
    sc = ctx.scenario
    model, race_day, table = sc.readiness, ctx.calendar.race_day, loads_of(sc)
    expr, worst = scaled_load_sum(ctx, day_weights(model, race_day), table)
    ctx.model.maximize(expr)
    offset = baseline(model, race_day, start_state(sc, table), pre_block_loads(sc, table))
    return Objective(offset=offset, rounding_bound=worst, expr=expr)


def day_loads(ctx: BuildContext) -> list[LinearExpr]:
    """One integer variable per training day: its load in milli-units (``scale.LOAD_SCALE``),
    built once and only for the rules that need the load state (acwr, ctl_ramp, atl_cap)."""
    if ctx.day_load_vars is not None:
        return ctx.day_load_vars
    table, v = loads_of(ctx.scenario), ctx.vars
    out: list[LinearExpr] = []
    for d in ctx.calendar.training_days:
        terms = [load_coefficient(table.on(d, n)) * v.session_minutes(d, n) for n in v.types]
        top = sum(load_coefficient(table.on(d, n)) * k.max_minutes for n, k in v.types.items())
        var = ctx.model.new_int_var(0, max(top, 0), f"load_d{d}")
        ctx.model.add(var == sum(terms))
        out.append(var)
    ctx.day_load_vars = out
    return out


def add_linear_bound(ctx: BuildContext, family: str, where: str, weights: Iterable[float], offset: float,
                     low: float | None, high: float | None, detail: str) -> None:
    """``low <= sum_d weights_d x load_d + offset <= high`` as a named rule instance over the day-load
    variables, with the bounds moved inside by the worst rounding error (of the load coefficients and
    of the weights) so a plan the model accepts keeps them as written."""
    loads, w = day_loads(ctx), [float(x) for x in weights]
    day_max = max((k.max_minutes for k in ctx.vars.types.values()), default=0)
    terms, worst = [], 0.0
    for d, weight in enumerate(w):
        if weight == 0:
            continue
        coef = objective_coefficient(weight / LOAD_SCALE)
        terms.append(coef * loads[d])
        worst += abs(weight) * 0.5 / LOAD_SCALE * day_max   # each coefficient off by at most half a milli-unit
        worst += abs(coef - weight / LOAD_SCALE * OBJECTIVE_SCALE) / OBJECTIVE_SCALE * day_max * 5  # load <= 5/min
    expr = sum(terms)
    if low is not None:
        ctx.rules.add_ge(family, where, expr, objective_coefficient(low - offset + worst) + 1, detail)
    if high is not None:
        ctx.rules.add_le(family, where, expr, objective_coefficient(high - offset - worst) - 1, detail)
