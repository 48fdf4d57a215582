"""Race-day readiness and the PMC trajectory of a plan's daily loads: the product's one copy.

The CP-SAT objective takes its coefficients from :func:`day_weights`, and a plan's stated
readiness comes from :func:`race_day_value`, so the solver and the plan file cannot disagree.
The independent validator recomputes all of it in ``validate/recompute.py`` on purpose.

Conventions (docs/rules.md "Readiness"; sources in docs/science.md "Readiness"):
- days ``d = 0 .. T`` with race day ``T``; only training days ``d < T`` carry load that counts;
- banister: ``p(T) = p0 + sum_{d<T} load_d (k1 e^{-(T-d)/tau1} - k2 e^{-(T-d)/tau2})``;
- pmc: ``lambda = 1 - e^{-1/tau}``, ``X(d) = X(d-1) + lambda (load_d - X(d-1))``; readiness is
  ``CTL(T-1)``, race-day form ``TSB(T) = CTL(T-1) - ATL(T-1)``;
- per-day CTL/ATL/TSB in plans use the pmc model's constants, or Coggan's 42/7 days under banister.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from peakplan.modelfiles import BanisterModel, PmcModel

if TYPE_CHECKING:
    from peakplan.scenario.schema import Athlete

PMC_TAU_CTL_DAYS = 42.0  # Coggan PMC chronic training load time constant (docs/science.md "Readiness")
PMC_TAU_ATL_DAYS = 7.0   # Coggan PMC acute training load time constant
EASY_INTENSITY_FACTOR = 0.70  # easy running, IF 0.65-0.75 (docs/science.md "Load"): the default start CTL

AnyReadiness = BanisterModel | PmcModel


def decay(tau_days: float) -> float:
    """lambda = 1 - e^{-1/tau}: the exact daily step of an exponential decay with time constant tau."""
    return 1.0 - math.exp(-1.0 / tau_days)


def steady_state_load(weekly_minutes: float) -> float:
    """Daily load of ``weekly_minutes`` run easy (hours x IF^2 x 100): the default start CTL and ATL."""
    return weekly_minutes / 7.0 * EASY_INTENSITY_FACTOR**2 * 100.0 / 60.0


def start_state(athlete: Athlete) -> tuple[float, float]:
    """CTL and ATL at block start: the athlete's, else the steady state of the current volume."""
    default = steady_state_load(athlete.current_weekly_minutes)
    return (athlete.ctl if athlete.ctl is not None else default,
            athlete.atl if athlete.atl is not None else default)


def ewma(loads: np.ndarray, tau_days: float, start: float) -> np.ndarray:
    """X(d) = X(d-1) + lambda (load_d - X(d-1)), X(-1) = start; returns X(0..n-1)."""
    lam = decay(tau_days)
    out = np.empty(len(loads))
    value = start
    for i, load in enumerate(loads):
        value = value + lam * (load - value)
        out[i] = value
    return out


def pmc_taus(model: AnyReadiness) -> tuple[float, float]:
    """(tau_ctl, tau_atl) of the per-day trajectory: the pmc model's own, else Coggan's 42/7."""
    if isinstance(model, PmcModel):
        return model.tau_ctl_days, model.tau_atl_days
    return PMC_TAU_CTL_DAYS, PMC_TAU_ATL_DAYS


def day_weights(model: AnyReadiness, race_day: int) -> np.ndarray:
    """Readiness gained per unit of load on each training day ``d < race_day`` (linear models)."""
    days_before = race_day - np.arange(race_day, dtype=float)
    if isinstance(model, BanisterModel):
        return model.k1 * np.exp(-days_before / model.tau_fitness_days) \
            - model.k2 * np.exp(-days_before / model.tau_fatigue_days)
    lam = decay(model.tau_ctl_days)
    return lam * (1 - lam) ** (days_before - 1)


def form_weights(model: PmcModel, race_day: int) -> np.ndarray:
    """Race-day TSB gained per unit of load on each training day (CTL weight minus ATL weight)."""
    days_before = race_day - np.arange(race_day, dtype=float)
    lc, la = decay(model.tau_ctl_days), decay(model.tau_atl_days)
    return lc * (1 - lc) ** (days_before - 1) - la * (1 - la) ** (days_before - 1)


def baseline(model: AnyReadiness, race_day: int, start: tuple[float, float]) -> float:
    """Readiness of an all-rest block: p0 (banister), or the start CTL decayed to race day (pmc)."""
    if isinstance(model, BanisterModel):
        return model.p0
    return start[0] * (1 - decay(model.tau_ctl_days)) ** race_day


def form_baseline(model: PmcModel, race_day: int, start: tuple[float, float]) -> float:
    """Race-day TSB of an all-rest block."""
    return start[0] * (1 - decay(model.tau_ctl_days)) ** race_day - start[1] * (1 - decay(model.tau_atl_days)) ** race_day


def race_day_value(model: AnyReadiness, training_loads: np.ndarray, start: tuple[float, float]) -> float:
    """Readiness on race day from the loads of the training days (race day excluded)."""
    weights = day_weights(model, len(training_loads))
    return baseline(model, len(training_loads), start) + float(weights @ np.asarray(training_loads, dtype=float))


@dataclass(frozen=True)
class Trajectory:
    """CTL/ATL after each day, and TSB on each day (CTL - ATL of the day before)."""

    ctl: np.ndarray
    atl: np.ndarray
    tsb: np.ndarray


def trajectory(model: AnyReadiness, loads: np.ndarray, start: tuple[float, float]) -> Trajectory:
    """The PMC trajectory over every day of ``loads`` (race day included)."""
    tau_ctl, tau_atl = pmc_taus(model)
    ctl, atl = ewma(loads, tau_ctl, start[0]), ewma(loads, tau_atl, start[1])
    tsb = np.concatenate(([start[0] - start[1]], ctl[:-1] - atl[:-1]))
    return Trajectory(ctl, atl, tsb)
