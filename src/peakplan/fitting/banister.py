"""The Banister impulse-response model on a daily series (docs/science.md "Readiness").

``p(t) = p0 + k1 g1(t) - k2 g2(t)`` with ``g(t) = sum_d load_d e^{-(t-d)/tau}`` over

- ``excluded`` (the default, the solver's convention): days ``d < t``: performance on day t
  is predicted from the loads before it; the day's own training does not count;
- ``included`` (for comparison with published fits, e.g. Clarke & Skiba 2013 and Morton 1990):
  days ``d <= t``.

``g`` is computed for every day by the recursion ``g(t) = a g(t-1) + load_t`` (``a = e^{-1/tau}``,
included) with :func:`scipy.signal.lfilter`; the excluded form is ``a`` times the included one of
the day before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.signal import lfilter

Convention = Literal["excluded", "included"]
CONVENTIONS: tuple[Convention, ...] = ("excluded", "included")
NAMES = ("k1", "k2", "tau1", "tau2", "p0")


@dataclass(frozen=True)
class Params:
    k1: float
    k2: float
    tau1: float   # fitness time constant, days
    tau2: float   # fatigue time constant, days
    p0: float

    def vector(self) -> np.ndarray:
        return np.array([self.k1, self.k2, self.tau1, self.tau2, self.p0])

    @classmethod
    def of(cls, values: np.ndarray) -> Params:
        k1, k2, tau1, tau2, p0 = (float(v) for v in values)
        return cls(k1, k2, tau1, tau2, p0)


def response(loads: np.ndarray, tau: float, convention: Convention) -> np.ndarray:
    """g(t) for every day t of ``loads`` (see the module docstring)."""
    a = float(np.exp(-1.0 / tau))
    included = np.asarray(lfilter([1.0], [1.0, -a], np.asarray(loads, dtype=float)))
    if convention == "included":
        return included
    return np.concatenate(([0.0], a * included[:-1]))


def slope(loads: np.ndarray, tau: float, convention: Convention) -> np.ndarray:
    """d g / d tau for every day: ``h(t) / tau^2`` with ``h(t) = sum_d (t-d) load_d a^{t-d}``.

    ``h(t) = a (h(t-1) + g(t-1))`` with the included g; the day's own term has weight 0, so
    both conventions share h.
    """
    a = float(np.exp(-1.0 / tau))
    included = response(loads, tau, "included")
    shifted = np.concatenate(([0.0], a * included[:-1]))
    return np.asarray(lfilter([1.0], [1.0, -a], shifted)) / (tau * tau)


def gradient(params: Params, loads: np.ndarray, days: np.ndarray, convention: Convention) -> np.ndarray:
    """d prediction / d (k1, k2, tau1, tau2, p0) at the test days: shape (len(days), 5)."""
    g1, g2 = response(loads, params.tau1, convention)[days], response(loads, params.tau2, convention)[days]
    s1, s2 = slope(loads, params.tau1, convention)[days], slope(loads, params.tau2, convention)[days]
    return np.column_stack([g1, -g2, params.k1 * s1, -params.k2 * s2, np.ones(len(days))])


def responses(loads: np.ndarray, taus: np.ndarray, days: np.ndarray, convention: Convention) -> np.ndarray:
    """g at the test ``days`` for each tau: shape (len(taus), len(days))."""
    return np.array([response(loads, float(tau), convention)[days] for tau in taus])


def curve(params: Params, loads: np.ndarray, convention: Convention) -> np.ndarray:
    """Predicted performance on every day of ``loads``."""
    return (params.p0 + params.k1 * response(loads, params.tau1, convention)
            - params.k2 * response(loads, params.tau2, convention))


def predict(params: Params, loads: np.ndarray, days: np.ndarray, convention: Convention) -> np.ndarray:
    return curve(params, loads, convention)[days]


def influence_days(params: Params) -> tuple[float | None, float | None]:
    """(n_zero, n_peak): when a unit of load stops hurting and when it helps most (Fitz-Clarke et al. 1991)."""
    if params.tau1 <= params.tau2 or params.k1 <= 0 or params.k2 <= 0:
        return None, None
    scale = params.tau1 * params.tau2 / (params.tau1 - params.tau2)
    n_zero = scale * np.log(params.k2 / params.k1) if params.k2 > params.k1 else 0.0
    ratio = params.k2 * params.tau1 / (params.k1 * params.tau2)
    return float(n_zero), float(scale * np.log(ratio)) if ratio > 1 else 0.0
