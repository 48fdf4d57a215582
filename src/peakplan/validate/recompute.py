"""Race-day readiness and the PMC trajectory, recomputed in numpy from the plan's loads.

- Load of a day (docs/rules.md "Calendar"; TSS convention, Coggan, docs/science.md "Load"):
  ``minutes · IF² · 100 / 60``, rounded to 3 decimals as in the plan file.
- Banister impulse-response (Banister et al. 1975; form of Clarke & Skiba 2013):
  ``p(T) = p0 + Σ_{d<T} load_d · (k1·e^{−(T−d)/τ1} − k2·e^{−(T−d)/τ2})``.
- PMC (Coggan; TrainingPeaks; docs/science.md "Readiness"), exponential EWMA variant
  ``λ = 1 − e^{−1/τ}``: ``CTL(d) = CTL(d−1) + λ_ctl · (load_d − CTL(d−1))``, same for ATL;
  ``CTL(−1)``/``ATL(−1)`` = athlete.ctl/atl, or the steady state of the current volume run easy
  ``current_weekly_minutes / 7 · 0.70² · 100 / 60``. TSB on day ``d`` = ``CTL(d−1) − ATL(d−1)``.
  PMC readiness = ``CTL(T−1)``; race-day TSB = ``CTL(T−1) − ATL(T−1)``. Constants 42/7 are used
  for the per-day trajectory when the readiness model is banister.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.scenario.schema import Scenario
from peakplan.validate.plan_context import PlanContext

LOAD_ABS_TOL = 2e-3  # loads, ctl, atl, tsb are written rounded to 3 decimals
EASY_IF = 0.70  # intensity of the default CTL/ATL start (docs/rules.md "Readiness")
DEFAULT_TAU_CTL_DAYS, DEFAULT_TAU_ATL_DAYS = 42.0, 7.0  # Coggan PMC


def load_of(minutes: np.ndarray | float, intensity_factor: np.ndarray | float) -> np.ndarray:
    """Unrounded load: hours × IF² × 100."""
    return np.asarray(minutes, dtype=float) * np.asarray(intensity_factor, dtype=float) ** 2 * 100.0 / 60.0


def recomputed_loads(ctx: PlanContext) -> np.ndarray:
    """Each day's load from its minutes and session type (race day from race_session), rounded."""
    loads = load_of(ctx.days.minutes, ctx.days.intensity_factor)
    race = ctx.scenario.race_session
    loads[ctx.cal.race_day] = float(load_of(race.minutes, race.intensity_factor))
    return np.round(loads, 3)


def effective_loads(ctx: PlanContext) -> np.ndarray:
    """The plan's stated (rounded) loads where they agree with the recomputation, else ours.

    The plan's readiness is computed from its own rounded loads (docs/plan-format.md), so those
    are used; a stated load that disagrees is reported by plan_consistency and replaced here.
    """
    loads = recomputed_loads(ctx)
    for d, entry in enumerate(ctx.days.entries):
        stated = entry.get("load") if isinstance(entry, dict) else None
        if isinstance(stated, int | float) and not isinstance(stated, bool) and abs(stated - loads[d]) <= LOAD_ABS_TOL:
            loads[d] = float(stated)
    return loads


def initial_ctl_atl(scenario: Scenario) -> tuple[float, float]:
    steady = scenario.athlete.current_weekly_minutes / 7.0 * EASY_IF**2 * 100.0 / 60.0
    ctl = scenario.athlete.ctl if scenario.athlete.ctl is not None else steady
    atl = scenario.athlete.atl if scenario.athlete.atl is not None else steady
    return float(ctl), float(atl)


def pmc_lambda(tau_days: float) -> float:
    return 1.0 - float(np.exp(-1.0 / tau_days))


def ewma(loads: np.ndarray, start: float, tau_days: float) -> np.ndarray:
    """``x(d) = x(d−1) + λ·(load_d − x(d−1))`` for every day, ``x(−1) = start``."""
    lam = pmc_lambda(tau_days)
    out = np.empty(len(loads))
    value = start
    for d, load in enumerate(loads):
        value = value + lam * (load - value)
        out[d] = value
    return out


@dataclass(frozen=True)
class Pmc:
    ctl: np.ndarray  # CTL(d)
    atl: np.ndarray  # ATL(d)
    tsb: np.ndarray  # CTL(d−1) − ATL(d−1)
    ctl0: float
    atl0: float

    @property
    def race_ctl(self) -> float:
        return float(self.ctl[-2])

    @property
    def race_atl(self) -> float:
        return float(self.atl[-2])

    @property
    def race_tsb(self) -> float:
        return float(self.tsb[-1])


def pmc_trajectory(ctx: PlanContext, loads: np.ndarray) -> Pmc:
    model = ctx.readiness_model
    taus = (model.tau_ctl_days, model.tau_atl_days) if isinstance(model, PmcModel) else \
        (DEFAULT_TAU_CTL_DAYS, DEFAULT_TAU_ATL_DAYS)
    ctl0, atl0 = initial_ctl_atl(ctx.scenario)
    ctl, atl = ewma(loads, ctl0, taus[0]), ewma(loads, atl0, taus[1])
    tsb = np.concatenate(([ctl0 - atl0], ctl[:-1] - atl[:-1]))
    return Pmc(ctl, atl, tsb, ctl0, atl0)


def banister_readiness(model: BanisterModel, loads: np.ndarray) -> float:
    """p(T) from the loads of days ``d < T`` (the last element is the race day)."""
    n_before = np.arange(len(loads) - 1, 0, -1, dtype=float)  # T − d for d = 0 … T−1
    fitness = model.k1 * np.exp(-n_before / model.tau_fitness_days)
    weight = fitness - model.k2 * np.exp(-n_before / model.tau_fatigue_days)
    return float(model.p0 + np.dot(loads[:-1], weight))


def race_day_readiness(ctx: PlanContext, loads: np.ndarray) -> float:
    model = ctx.readiness_model
    if isinstance(model, BanisterModel):
        return banister_readiness(model, loads)
    return pmc_trajectory(ctx, loads).race_ctl
