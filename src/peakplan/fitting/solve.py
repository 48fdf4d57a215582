"""Least-squares fits of the Banister model: five free parameters, or k1, k2, p0 with tau fixed.

Five parameters (docs/history.md "The fit"): the profile over a log-spaced grid of (tau1, tau2)
with ``tau2 < tau1`` (each point solved exactly, :mod:`.linear`) gives the starts; the best
``STARTS`` well-separated grid points are refined by :func:`scipy.optimize.least_squares` (trust
region, box bounds) on all five parameters; the best refined fit with ``tau2 < tau1`` wins.
Fixed time constants (GoldenCheetah's way): the linear problem solved exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import least_squares

from peakplan.fitting.banister import Convention, Params, gradient, predict, responses
from peakplan.fitting.linear import solve_grid, solve_one

MAX_GAIN = 100.0        # the model files' limit on k1, k2 (peakplan.modelfiles.store)
GRID_TAU1 = 40
GRID_TAU2 = 32
STARTS = 4
SEPARATION = 3          # grid cells between two starts
MAX_EVALUATIONS = 200   # along a flat ridge the refinement crawls; the identifiability checks report it


@dataclass(frozen=True)
class Bounds:
    """Box bounds of the time constants, days: published fits span about 4-61 days for either
    (docs/science.md "Readiness"; Vermeire et al. 2022, Turner et al. 2017), with margin."""

    tau1: tuple[float, float] = (7.0, 120.0)
    tau2: tuple[float, float] = (1.0, 60.0)


@dataclass(frozen=True)
class Data:
    loads: np.ndarray        # daily load, day 0 first
    days: np.ndarray         # day index of each test
    values: np.ndarray       # performance at each test
    convention: Convention


@dataclass(frozen=True)
class Solution:
    params: Params
    sse: float
    jacobian: np.ndarray     # d prediction / d free parameter at the solution (n_tests x n_free)


def fit_fixed(data: Data, tau1: float, tau2: float, weights: np.ndarray | None = None) -> Solution:
    g1 = responses(data.loads, np.array([tau1]), data.days, data.convention)[0]
    g2 = responses(data.loads, np.array([tau2]), data.days, data.convention)[0]
    (p0, k1, k2), sse = solve_one(g1, g2, data.values, weights)
    jacobian = np.column_stack([g1, -g2, np.ones_like(g1)])  # k1, k2, p0
    return Solution(Params(float(k1), float(k2), tau1, tau2, float(p0)), sse, jacobian)


def _grid_starts(data: Data, bounds: Bounds, weights: np.ndarray | None, starts: int) -> list[np.ndarray]:
    tau1s = np.geomspace(*bounds.tau1, GRID_TAU1)
    tau2s = np.geomspace(*bounds.tau2, GRID_TAU2)
    coef, sse = solve_grid(responses(data.loads, tau1s, data.days, data.convention),
                           responses(data.loads, tau2s, data.days, data.convention), data.values, weights)
    sse = np.where(tau2s[None, :] < tau1s[:, None], sse, np.inf)
    chosen: list[tuple[int, int]] = []
    for flat in np.argsort(sse, axis=None):
        i, j = np.unravel_index(flat, sse.shape)
        if not np.isfinite(sse[i, j]) or len(chosen) == starts:
            break
        if all(max(abs(i - a), abs(j - b)) > SEPARATION for a, b in chosen):
            chosen.append((int(i), int(j)))
    return [np.array([coef[i, j, 1], coef[i, j, 2], tau1s[i], tau2s[j], coef[i, j, 0]]) for i, j in chosen]


def _residuals(x: np.ndarray, data: Data, root_w: np.ndarray) -> np.ndarray:
    return root_w * (predict(Params.of(x), data.loads, data.days, data.convention) - data.values)


def _jac(x: np.ndarray, data: Data, root_w: np.ndarray) -> np.ndarray:
    return root_w[:, None] * gradient(Params.of(x), data.loads, data.days, data.convention)


def fit_free(data: Data, bounds: Bounds = Bounds(), weights: np.ndarray | None = None,
             starts: int = STARTS, evaluations: int = MAX_EVALUATIONS) -> Solution:
    root_w = np.sqrt(np.ones(len(data.values)) if weights is None else np.asarray(weights, dtype=float))
    low = np.array([0.0, 0.0, bounds.tau1[0], bounds.tau2[0], -np.inf])
    high = np.array([MAX_GAIN, MAX_GAIN, bounds.tau1[1], bounds.tau2[1], np.inf])
    best: tuple[float, np.ndarray] | None = None
    for x0 in _grid_starts(data, bounds, weights, starts):
        start = x0.copy()  # strictly inside the box, as least_squares requires
        start[:4] = np.clip(x0[:4], low[:4] + 1e-9 * (1 + low[:4]), high[:4] - 1e-9 * (1 + high[:4]))
        result = least_squares(_residuals, start, jac=_jac, bounds=(low, high), args=(data, root_w),
                               x_scale="jac", method="trf", max_nfev=evaluations)
        for x in (result.x, x0):  # the grid point itself when refining did not help
            sse = float(np.sum(_residuals(x, data, root_w) ** 2))
            if x[3] < x[2] and (best is None or sse < best[0] - 1e-12):
                best = (sse, np.array(x, dtype=float))
    assert best is not None, "the grid always has a finite point"
    return Solution(Params.of(best[1]), best[0], jacobian(best[1], data))


def jacobian(x: np.ndarray, data: Data) -> np.ndarray:
    """d prediction / d (k1, k2, tau1, tau2, p0) at ``x``."""
    return gradient(Params.of(x), data.loads, data.days, data.convention)
