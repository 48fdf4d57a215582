"""Fitting the Banister model to an athlete's tests: the result, its error and its uncertainty.

Two variants (docs/history.md "The fit"):
- ``free``: all five parameters (k1, k2, tau1, tau2, p0), :func:`peakplan.fitting.solve.fit_free`;
- ``fixed_tau``: k1, k2 and p0 with the time constants fixed (GoldenCheetah's way; the default
  time constants are the shipped model's), an exact linear fit.

Error: RMSE and R^2 = 1 - SSE/SST over the tests, and the residual (observed - predicted) of
each. Uncertainty: :mod:`peakplan.fitting.uncertainty` (bootstrap over the tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from peakplan.fitting.banister import NAMES, Convention, Params, curve, responses
from peakplan.fitting.linear import solve_weighted
from peakplan.fitting.solve import Bounds, Data, Solution, fit_fixed, fit_free
from peakplan.fitting.uncertainty import bootstrap, correlations, draw_weights, intervals, warnings_for

Variant = Literal["free", "fixed_tau"]
VARIANTS: tuple[Variant, ...] = ("free", "fixed_tau")
DRAWS = 200
BOOTSTRAP_STARTS, BOOTSTRAP_EVALUATIONS = 1, 25  # each draw refines its best grid point only
FIXED_FREE = ("k1", "k2", "p0")


@dataclass(frozen=True)
class Series:
    """Daily loads and the tests: day index (0 = ``first_date``) and performance of each."""

    loads: np.ndarray
    days: np.ndarray
    values: np.ndarray
    first_date: dt.date | None = None
    unit: str = "VDOT"
    load_unit: str = "rTSS-like load"
    source: str = ""

    def subset(self, keep: np.ndarray) -> Series:
        """The same loads with only the tests at positions ``keep``."""
        return replace(self, days=self.days[keep], values=self.values[keep])


@dataclass(frozen=True)
class FitResult:
    variant: Variant
    convention: Convention
    params: Params
    free: tuple[str, ...]
    series: Series
    predicted: np.ndarray
    sse: float
    intervals: dict[str, tuple[float, float]]
    correlations: dict[tuple[str, str], float]
    warnings: tuple[str, ...]
    draws_used: int
    draws: int
    seed: int
    curve: np.ndarray                                  # predicted performance on every day
    band: tuple[np.ndarray, np.ndarray] | None = field(default=None)  # 95 % bootstrap band of the curve

    @property
    def n_tests(self) -> int:
        return len(self.series.values)

    @property
    def residuals(self) -> np.ndarray:
        return self.series.values - self.predicted

    @property
    def rmse(self) -> float:
        return float(np.sqrt(self.sse / self.n_tests))

    @property
    def r2(self) -> float:
        total = float(np.sum((self.series.values - self.series.values.mean()) ** 2))
        return 1.0 - self.sse / total if total > 0 else float("nan")

    def estimate(self, name: str) -> float:
        return float(getattr(self.params, name))


def _solve(data: Data, variant: Variant, taus: tuple[float, float], bounds: Bounds,
           weights: np.ndarray | None = None, bootstrap_draw: bool = False) -> Solution:
    if variant == "fixed_tau":
        return fit_fixed(data, taus[0], taus[1], weights)
    if bootstrap_draw:
        return fit_free(data, bounds, weights, BOOTSTRAP_STARTS, BOOTSTRAP_EVALUATIONS)
    return fit_free(data, bounds, weights)


def _fixed_draws(data: Data, taus: tuple[float, float], weights: np.ndarray) -> np.ndarray:
    """All bootstrap draws of the fixed-tau fit in one batch: rows (k1, k2, tau1, tau2, p0)."""
    if len(weights) == 0:
        return np.empty((0, 0))
    g1 = responses(data.loads, np.array([taus[0]]), data.days, data.convention)[0]
    g2 = responses(data.loads, np.array([taus[1]]), data.days, data.convention)[0]
    coef = solve_weighted(g1, g2, data.values, weights)
    return np.column_stack([coef[:, 1], coef[:, 2], np.full(len(coef), taus[0]), np.full(len(coef), taus[1]), coef[:, 0]])


def _free_bounds(variant: Variant, bounds: Bounds) -> dict[str, tuple[float, float]]:
    gains = {"k1": (0.0, 100.0), "k2": (0.0, 100.0), "p0": (-np.inf, np.inf)}
    return gains if variant == "fixed_tau" else {**gains, "tau1": bounds.tau1, "tau2": bounds.tau2}


def fit_series(series: Series, variant: Variant = "free", convention: Convention = "excluded",
               taus: tuple[float, float] = (45.0, 11.0), bounds: Bounds = Bounds(),  # noqa: B008 - frozen
               draws: int = DRAWS, seed: int = 0) -> FitResult:
    """Fit, bootstrap and check; ``taus`` are the fixed time constants of the ``fixed_tau`` variant."""
    if len(series.values) == 0:
        raise ValueError("no tests to fit")
    data = Data(np.asarray(series.loads, float), np.asarray(series.days, int), np.asarray(series.values, float),
                convention)
    best = _solve(data, variant, taus, bounds)
    free = FIXED_FREE if variant == "fixed_tau" else NAMES
    columns = [NAMES.index(n) for n in free] if variant == "free" else [0, 1, 2]
    jacobian = best.jacobian[:, columns] if best.jacobian.size else best.jacobian
    weights = draw_weights(len(data.values), len(free), draws, seed)
    samples = _fixed_draws(data, taus, weights) if variant == "fixed_tau" else \
        bootstrap(lambda w: _solve(data, variant, taus, bounds, w, True).params.vector(), weights)
    spans = intervals(samples, NAMES) if samples.size else {}
    spans = {k: v for k, v in spans.items() if k in free}
    corr = correlations(jacobian, free)
    estimates = {n: float(getattr(best.params, n)) for n in NAMES}
    warnings = warnings_for(estimates, _free_bounds(variant, bounds), len(data.values), spans, corr)
    if draws and len(samples) < 0.8 * draws:
        warnings.append(f"only {len(samples)} of {draws} bootstrap draws had enough distinct tests to fit")
    daily = curve(best.params, data.loads, convention)
    band = None
    if len(samples):
        curves = np.array([curve(Params.of(s), data.loads, convention) for s in samples])
        band = (np.percentile(curves, 2.5, axis=0), np.percentile(curves, 97.5, axis=0))
    predicted = daily[data.days]
    return FitResult(variant, convention, best.params, free, series, predicted,
                     float(np.sum((data.values - predicted) ** 2)), spans, corr, tuple(warnings), len(samples), draws,
                     seed, daily, band)


def evaluate(series: Series, params: Params, convention: Convention = "excluded") -> FitResult:
    """A model's fit to the tests without refitting (e.g. a scenario's model file, for the report's chart)."""
    daily = curve(params, np.asarray(series.loads, float), convention)
    predicted = daily[np.asarray(series.days, int)]
    sse = float(np.sum((np.asarray(series.values, float) - predicted) ** 2))
    return FitResult("free", convention, params, (), series, predicted, sse, {}, {}, (), 0, 0, 0, daily, None)
