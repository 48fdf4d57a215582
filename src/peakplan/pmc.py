"""Performance Management Chart arithmetic (Coggan; TrainingPeaks), shared by reports and the
model's objective. The validator has its own copy on purpose.

EWMA variant: lambda = 1 - exp(-1/tau) (SCIENCE.md section 2 names both variants; this one is
the exact discretisation of an exponential decay with time constant tau days).
"""

from __future__ import annotations

import math

import numpy as np

PMC_TAU_CTL_DAYS = 42.0  # Coggan PMC chronic training load time constant
PMC_TAU_ATL_DAYS = 7.0   # Coggan PMC acute training load time constant
EASY_INTENSITY_FACTOR = 0.70  # SCIENCE.md section 2: easy 0.65-0.75, used to derive start CTL


def decay(tau_days: float) -> float:
    """lambda = 1 - e^{-1/tau}."""
    return 1.0 - math.exp(-1.0 / tau_days)


def steady_state_load(weekly_minutes: float) -> float:
    """Daily load of ``weekly_minutes`` run easy (hours x IF^2 x 100): the start CTL and ATL
    when the scenario gives none (docs/rules.md)."""
    return weekly_minutes / 7.0 * EASY_INTENSITY_FACTOR**2 * 100.0 / 60.0


def start_state(athlete) -> tuple[float, float]:
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
