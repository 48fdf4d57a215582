"""How far to trust a fit: bootstrap intervals over the tests, and identifiability warnings.

Intervals are percentile bootstrap intervals (95 %) over the tests: the tests are drawn with
replacement ``n`` times (the loads stay as they are), the model is refitted to each draw, and
each parameter's 2.5th and 97.5th percentiles are reported. A draw with too few distinct tests
to fit is not used (the number used is reported). The fit is seeded: the same data and seed
give the same intervals.

Warnings (docs/history.md "Reading the uncertainty"): too few tests for the number of
parameters; an estimate at a bound; a 95 % interval wider than the estimate itself (a flat
ridge: the data cannot pin the parameter down); two estimates correlated beyond
``STRONG_CORRELATION`` (from the Jacobian at the optimum: the data cannot tell them apart);
time constants that nearly coincide (the fitness and fatigue terms are not separated).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

MIN_SPARE_TESTS = 3            # tests beyond the number of parameters before a fit is worth checking
STRONG_CORRELATION = 0.95
SAME_TAU_RATIO = 1.25
LEVEL = 0.95
ParamFit = Callable[[np.ndarray], np.ndarray]   # test weights -> fitted parameter vector


def draw_weights(n_tests: int, n_free: int, draws: int, seed: int) -> np.ndarray:
    """The usable bootstrap draws as test multiplicities: shape (used, n_tests)."""
    rng = np.random.default_rng(seed)
    rows = [np.bincount(rng.integers(0, n_tests, n_tests), minlength=n_tests) for _ in range(draws)]
    usable = [row for row in rows if np.count_nonzero(row) >= n_free + 1]
    return np.array(usable, dtype=float).reshape(len(usable), n_tests)


def bootstrap(fit_weights: ParamFit, weights: np.ndarray) -> np.ndarray:
    """Fitted parameter vectors, one per draw: shape (used, n_params)."""
    samples = [fit_weights(row) for row in weights]
    return np.array(samples).reshape(len(samples), -1) if samples else np.empty((0, 0))


def intervals(samples: np.ndarray, names: Sequence[str]) -> dict[str, tuple[float, float]]:
    if samples.size == 0:
        return {}
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail], axis=0)
    return {name: (float(a), float(b)) for name, a, b in zip(names, low, high, strict=True)}


def correlations(jacobian: np.ndarray, names: Sequence[str]) -> dict[tuple[str, str], float]:
    """Correlation of the estimates from (J^T J)^-1 (the residual variance cancels)."""
    if jacobian.size == 0:
        return {}
    cov = np.linalg.pinv(jacobian.T @ jacobian)
    sd = np.sqrt(np.clip(np.diag(cov), 1e-300, None))
    corr = cov / np.outer(sd, sd)
    return {(names[i], names[j]): float(corr[i, j]) for i in range(len(names)) for j in range(i + 1, len(names))}


def warnings_for(estimates: dict[str, float], bounds: dict[str, tuple[float, float]], n_tests: int,
                 spans: dict[str, tuple[float, float]], corr: dict[tuple[str, str], float]) -> list[str]:
    """The identifiability warnings (see the module docstring); ``bounds`` are the free parameters'."""
    out = []
    n_free = len(bounds)
    if n_tests < n_free + MIN_SPARE_TESTS:
        out.append(f"only {n_tests} tests for {n_free} parameters: at least {n_free + MIN_SPARE_TESTS} are needed "
                   "before the fit says more than the tests themselves; the parameters are not identifiable")
    for name, (low, high) in bounds.items():
        value = estimates[name]
        if any(np.isfinite(b) and abs(value - b) <= 1e-6 * (1 + abs(b)) for b in (low, high)):
            out.append(f"{name} = {value:.4g} is at its bound; the best fit lies outside the allowed range")
    for name, (low, high) in spans.items():
        if name in bounds and name != "p0" and high - low > abs(estimates[name]):
            out.append(f"{name}'s 95 % interval [{low:.4g}, {high:.4g}] is wider than its value {estimates[name]:.4g}: "
                       "a flat ridge, the tests do not pin it down")
    strong = [f"{a}~{b} {r:+.3f}" for (a, b), r in corr.items() if abs(r) > STRONG_CORRELATION]
    if strong:
        out.append(f"strongly correlated estimates (|r| > {STRONG_CORRELATION}: {', '.join(strong)}): the tests cannot "
                   "tell these parameters apart, only their combination")
    if "tau1" in bounds and estimates["tau1"] < SAME_TAU_RATIO * estimates["tau2"]:
        out.append(f"tau1 {estimates['tau1']:.1f} d and tau2 {estimates['tau2']:.1f} d nearly coincide: fitness and "
                   "fatigue are not separated, so k1 and k2 mean little on their own")
    return out
