"""Race-day readiness and the PMC trajectory, recomputed in numpy from the plan's loads.

- Load of a day (docs/rules.md "Load"; docs/science.md "Load"): minutes × the session type's
  load per minute (``validate/session_load.py``), rounded to 3 decimals as in the plan file.
- Banister impulse-response (Banister et al. 1975; form of Clarke & Skiba 2013):
  ``p(T) = p0 + Σ_{d<T} load_d · (k1·e^{−(T−d)/τ1} − k2·e^{−(T−d)/τ2})``, the sum running over
  the 400 days before the block too; with ``baseline: athlete``, ``p0`` = current VDOT − that
  sum's value on day 0 (the day's own load never counts).
- PMC (Coggan; TrainingPeaks; docs/science.md "Readiness"), exponential EWMA variant
  ``λ = 1 − e^{−1/τ}``: ``CTL(d) = CTL(d−1) + λ_ctl · (load_d − CTL(d−1))``, same for ATL;
  ``CTL(−1)``/``ATL(−1)`` = athlete.ctl/atl, or the 42/7-day PMC over the 400 days
  before the block. TSB on day ``d`` = ``CTL(d−1) − ATL(d−1)``.
  PMC readiness = ``CTL(T−1)``; race-day TSB = ``CTL(T−1) − ATL(T−1)``. Constants 42/7 are used
  for the per-day trajectory when the readiness model is banister.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.scenario.schema import Scenario
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.session_load import athlete_paces, athlete_vdot, pre_block, race_per_minute

LOAD_ABS_TOL = 2e-3  # loads, ctl, atl, tsb are written rounded to 3 decimals
DEFAULT_TAU_CTL_DAYS, DEFAULT_TAU_ATL_DAYS = 42.0, 7.0  # Coggan PMC


def load_of(minutes: np.ndarray | float, intensity_factor: np.ndarray | float) -> np.ndarray:
    """Unrounded load: hours × IF² × 100."""
    return np.asarray(minutes, dtype=float) * np.asarray(intensity_factor, dtype=float) ** 2 * 100.0 / 60.0


def recomputed_loads(ctx: PlanContext) -> np.ndarray:
    """Each day's load from its minutes and its session type's load per minute (race day: the race), rounded."""
    loads = ctx.days.minutes.astype(float) * ctx.days.load_per_minute
    loads[ctx.cal.race_day] = ctx.scenario.race_session.minutes * race_per_minute(ctx.scenario, ctx.paces)
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
    """athlete.ctl/atl, else the 42/7-day PMC over the 400 days before the block (from their first day's load)."""
    before = pre_block(scenario, athlete_paces(scenario))
    ctl = scenario.athlete.ctl if scenario.athlete.ctl is not None else ewma(before, before[0], 42.0)[-1]
    atl = scenario.athlete.atl if scenario.athlete.atl is not None else ewma(before, before[0], 7.0)[-1]
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


def _c(model: BanisterModel, n: np.ndarray) -> np.ndarray:
    return model.k1 * np.exp(-n / model.tau_fitness_days) - model.k2 * np.exp(-n / model.tau_fatigue_days)


def banister_readiness(model: BanisterModel, loads: np.ndarray, before: np.ndarray | None = None,
                       p0: float | None = None) -> float:
    """p(T) from the loads of days ``d < T`` (the last element of ``loads`` is the race day) and
    of the days ``before`` the block (oldest first)."""
    race_day = len(loads) - 1
    n_block = np.arange(race_day, 0, -1, dtype=float)  # T − d for d = 0 … T−1
    value = (model.p0 if p0 is None else p0) + float(np.dot(loads[:-1], _c(model, n_block)))
    if before is not None:
        value += float(np.dot(before, _c(model, race_day + np.arange(len(before), 0, -1, dtype=float))))
    return value


def expected_p0(ctx: PlanContext) -> float:
    """p0 as the contract gives it: as written, or (baseline athlete) current VDOT minus the
    fitness the training before the block carries to day 0."""
    model = ctx.readiness_model
    assert isinstance(model, BanisterModel)
    if model.baseline != "athlete":
        return model.p0
    before = pre_block(ctx.scenario, ctx.paces)
    return athlete_vdot(ctx.scenario) - float(np.dot(before, _c(model, np.arange(len(before), 0, -1, dtype=float))))


def race_day_readiness(ctx: PlanContext, loads: np.ndarray) -> float:
    model = ctx.readiness_model
    if isinstance(model, BanisterModel):
        return banister_readiness(model, loads, pre_block(ctx.scenario, ctx.paces), expected_p0(ctx))
    return pmc_trajectory(ctx, loads).race_ctl
