"""Race-day readiness and the PMC trajectory of a plan's daily loads: the product's one copy.

The CP-SAT objective takes its coefficients from :func:`day_weights`, and a plan's stated
readiness comes from :func:`race_day_value`, so the solver and the plan file cannot disagree.
The independent validator recomputes all of it in ``validate/recompute.py`` on purpose.

Conventions (docs/rules.md "Readiness"; sources in docs/science.md "Readiness"):
- days ``d = 0 .. T`` with race day ``T``; only training days ``d < T`` carry load that counts;
- banister: ``p(T) = p0 + sum_{d<T} load_d (k1 e^{-(T-d)/tau1} - k2 e^{-(T-d)/tau2})``, the sum
  running over the days before the block too (``pre_block`` loads, oldest first);
- pmc: ``lambda = 1 - e^{-1/tau}``, ``X(d) = X(d-1) + lambda (load_d - X(d-1))``; readiness is
  ``CTL(T-1)``, race-day form ``TSB(T) = CTL(T-1) - ATL(T-1)``;
- per-day CTL/ATL/TSB in plans use the pmc model's constants, or Coggan's 42/7 days under banister.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.modelfiles.readiness_models import BussoModel

PMC_TAU_CTL_DAYS = 42.0  # Coggan PMC chronic training load time constant (docs/science.md "Readiness")
PMC_TAU_ATL_DAYS = 7.0   # Coggan PMC acute training load time constant

AnyReadiness = BanisterModel | PmcModel


def decay(tau_days: float) -> float:
    """lambda = 1 - e^{-1/tau}: the exact daily step of an exponential decay with time constant tau."""
    return 1.0 - math.exp(-1.0 / tau_days)


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


def influence(model: BanisterModel, days_before: np.ndarray) -> np.ndarray:
    """c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}: performance gained on a day per unit load n days before."""
    return model.k1 * np.exp(-days_before / model.tau_fitness_days) \
        - model.k2 * np.exp(-days_before / model.tau_fatigue_days)


def day_weights(model: AnyReadiness, race_day: int) -> np.ndarray:
    """Readiness gained per unit of load on each training day ``d < race_day`` (linear models)."""
    days_before = race_day - np.arange(race_day, dtype=float)
    if isinstance(model, BanisterModel):
        return influence(model, days_before)
    lam = decay(model.tau_ctl_days)
    return lam * (1 - lam) ** (days_before - 1)


def ctl_weights(tau_ctl_days: float, race_day: int) -> np.ndarray:
    """CTL(T-1) gained per unit of load on each training day."""
    days_before = race_day - np.arange(race_day, dtype=float)
    lam = decay(tau_ctl_days)
    return lam * (1 - lam) ** (days_before - 1)


def form_weights(model: AnyReadiness, race_day: int) -> np.ndarray:
    """Race-day TSB gained per unit of load on each training day (CTL weight minus ATL weight)."""
    tau_ctl, tau_atl = pmc_taus(model)
    return ctl_weights(tau_ctl, race_day) - ctl_weights(tau_atl, race_day)


def carried(model: BanisterModel, pre_block: np.ndarray, day: int) -> float:
    """What the training before the block contributes to performance on block day ``day``."""
    days_before = day + np.arange(len(pre_block), 0, -1, dtype=float)  # oldest first
    return float(influence(model, days_before) @ pre_block)


def baseline(model: AnyReadiness, race_day: int, start: tuple[float, float], pre_block: np.ndarray) -> float:
    """Readiness of an all-rest block: p0 plus what earlier training carries to race day
    (banister), or the start CTL decayed to race day (pmc)."""
    if isinstance(model, BanisterModel):
        return model.p0 + carried(model, pre_block, race_day)
    return start[0] * (1 - decay(model.tau_ctl_days)) ** race_day


def start_ctl_atl_baseline(model: AnyReadiness, race_day: int, start: tuple[float, float]) -> tuple[float, float]:
    """CTL(T-1) and ATL(T-1) of an all-rest block: the start values decayed."""
    tau_ctl, tau_atl = pmc_taus(model)
    return start[0] * (1 - decay(tau_ctl)) ** race_day, start[1] * (1 - decay(tau_atl)) ** race_day


def race_day_value(model: AnyReadiness, training_loads: np.ndarray, start: tuple[float, float],
                   pre_block: np.ndarray) -> float:
    """Readiness on race day from the loads of the training days (race day excluded)."""
    weights = day_weights(model, len(training_loads))
    return baseline(model, len(training_loads), start, pre_block) + float(weights @ np.asarray(training_loads, float))


def untrained_p0(model: BanisterModel, vdot_now: float, pre_block: np.ndarray) -> float:
    """p0 of a VDOT model: performance on day 0 (current VDOT) minus what earlier training carries to it."""
    return vdot_now - carried(model, pre_block, 0)


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


def busso_performance(model: BussoModel, loads: np.ndarray, day: int) -> float:
    """Busso (2003) performance on index ``day`` of ``loads`` (the days before it count, oldest
    first): p0 + k1 sum w_i e^{-(t-i)/tau1} - sum k2(i) w_i e^{-(t-i)/tau2}, with the fatigue gain
    k2(i) = k3 sum_{j<=i} w_j e^{-(i-j)/tau3} (docs/science.md "Readiness")."""
    w = np.asarray(loads[:day], dtype=float)
    memory, decay3 = np.empty(len(w)), math.exp(-1.0 / model.tau_gain_days)
    running = 0.0
    for i, load in enumerate(w):
        running = running * decay3 + load
        memory[i] = running
    before = day - np.arange(len(w), dtype=float)
    fitness = model.k1 * float(w @ np.exp(-before / model.tau_fitness_days))
    fatigue = model.k3 * float((memory * w) @ np.exp(-before / model.tau_fatigue_days))
    return model.p0 + fitness - fatigue


def busso_baseline_p0(model: BussoModel, vdot_now: float, pre_block: np.ndarray) -> float:
    """p0 of a Busso model in VDOT: current VDOT minus what the training before carries to day 0."""
    return vdot_now - (busso_performance(model.model_copy(update={"p0": 0.0}), pre_block, len(pre_block)))


def state_weights(tau_days: float, day: int, n_days: int) -> np.ndarray:
    """d X(day) / d load_i for i = 0 .. n_days-1 of the EWMA X (CTL or ATL after ``day``): λ(1-λ)^(day-i)
    for i <= day, 0 after."""
    lam = decay(tau_days)
    i = np.arange(n_days, dtype=float)
    return np.where(i <= day, lam * (1 - lam) ** np.maximum(day - i, 0), 0.0)


def state_offset(tau_days: float, day: int, start: float) -> float:
    """X(day) of an all-rest block: the start value decayed over day + 1 days."""
    return start * (1 - decay(tau_days)) ** (day + 1)
