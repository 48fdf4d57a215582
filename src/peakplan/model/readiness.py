"""The objective: modelled race-day readiness, linear in the daily loads.

banister: p(T) = p0 + sum_{d<T} load_d (k1 e^{-(T-d)/tau1} - k2 e^{-(T-d)/tau2})
(Banister et al. 1975; Clarke & Skiba 2013). pmc: maximise CTL(T-1) with race-day TSB =
CTL(T-1) - ATL(T-1) in [tsb_min, tsb_max] (Coggan; SCIENCE.md section 2, R15). Load per minute
of a session type is IF^2 x 100 / 60.
"""

from __future__ import annotations

from dataclasses import dataclass

from peakplan.model.context import BuildContext
from peakplan.model.scale import OBJECTIVE_SCALE, objective_coefficient
from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.pmc import decay, start_state

FORM_WINDOW = "form_window"


@dataclass(frozen=True)
class Objective:
    offset: float            # readiness of an all-rest plan
    rounding_bound: float    # worst-case |rounding error| of the scaled objective, readiness units


def day_weights(ctx: BuildContext) -> list[float]:
    """Readiness gained per unit load on each training day."""
    model, T = ctx.readiness, ctx.calendar.race_day
    if isinstance(model, BanisterModel):
        return [model.day_weight(T - d) for d in range(T)]
    lam = decay(model.tau_ctl_days)
    return [lam * (1 - lam) ** (T - 1 - d) for d in range(T)]


def _scaled(ctx: BuildContext, weights: list[float]):
    """Scaled linear expression sum_{d,s} round(w_d * load_per_minute_s * S) * minutes[d,s]."""
    v = ctx.vars
    terms, worst = [], 0.0
    for d, w in enumerate(weights):
        day_worst = 0.0  # one session a day, so the day's error is that of one type
        for name, kind in v.types.items():
            exact = w * kind.load_per_minute
            if exact == 0:
                continue
            coef = objective_coefficient(exact)
            day_worst = max(day_worst, abs(coef - exact * OBJECTIVE_SCALE) * kind.max_minutes)
            terms.append(coef * v.session_minutes(d, name))
        worst += day_worst
    return sum(terms), worst / OBJECTIVE_SCALE


def add_objective(ctx: BuildContext) -> Objective:
    expr, worst = _scaled(ctx, day_weights(ctx))
    ctx.model.maximize(expr)
    model = ctx.readiness
    if isinstance(model, BanisterModel):
        return Objective(offset=model.p0, rounding_bound=worst)
    ctl0, atl0 = start_state(ctx.scenario.athlete)
    T = ctx.calendar.race_day
    offset = ctl0 * (1 - decay(model.tau_ctl_days)) ** T
    _add_form_window(ctx, model, ctl0, atl0)
    return Objective(offset=offset, rounding_bound=worst)


def _add_form_window(ctx: BuildContext, model: PmcModel, ctl0: float, atl0: float) -> None:
    """TSB(T) = CTL(T-1) - ATL(T-1) within the window; bounds shrunk by the rounding error."""
    T = ctx.calendar.race_day
    lc, la = decay(model.tau_ctl_days), decay(model.tau_atl_days)
    weights = [lc * (1 - lc) ** (T - 1 - d) - la * (1 - la) ** (T - 1 - d) for d in range(T)]
    expr, worst = _scaled(ctx, weights)
    offset = ctl0 * (1 - lc) ** T - atl0 * (1 - la) ** T
    low = objective_coefficient(model.tsb_min - offset + worst) + 1
    high = objective_coefficient(model.tsb_max - offset - worst) - 1
    ctx.rules.add_ge(FORM_WINDOW, "race day", expr, low, f"race-day TSB >= {model.tsb_min:+g}")
    ctx.rules.add_le(FORM_WINDOW, "race day", expr, high, f"race-day TSB <= {model.tsb_max:+g}")
