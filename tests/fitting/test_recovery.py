"""A synthetic athlete: history from known parameters plus noise; the fitter recovers them within its intervals."""

from __future__ import annotations

import numpy as np
import pytest

from peakplan.fitting import Params, Series, curve, fit_series

TRUE = Params(k1=0.0044, k2=0.0089, tau1=45.0, tau2=11.0, p0=40.0)   # docs/science.md "Readiness" defaults, VDOT
NOISE_VDOT = 0.25


def athlete(seed: int, test_every_days: int = 7, days: int = 400) -> Series:
    """A year of running (3-week builds and a recovery week, five days a week, rising volume) and a test a week."""
    rng = np.random.default_rng(seed)
    week = np.array([0, 1.0, 0.6, 1.2, 0, 0.8, 1.8])
    day = np.arange(days)
    loads = week[day % 7] * (40 + 25 * ((day // 7) % 4)) * (0.6 + 0.6 * np.minimum(1, day / 200))
    loads = loads * rng.uniform(0.8, 1.2, days)
    test_days = np.arange(30, days, test_every_days)
    values = curve(TRUE, loads, "excluded")[test_days] + rng.normal(0, NOISE_VDOT, len(test_days))
    return Series(loads, test_days, values)


@pytest.fixture(scope="module")
def free_fit():
    return fit_series(athlete(7), "free", "excluded", draws=100, seed=1)


def test_five_parameters_recovered_within_their_intervals(free_fit) -> None:
    for name in ("k1", "k2", "tau1", "tau2", "p0"):
        low, high = free_fit.intervals[name]
        assert low <= getattr(TRUE, name) <= high, (name, low, high)
    assert free_fit.params.tau1 == pytest.approx(45, rel=0.3) and free_fit.params.tau2 == pytest.approx(11, rel=0.3)
    assert free_fit.rmse == pytest.approx(NOISE_VDOT, rel=0.25)
    print(f"\nrecovered: {free_fit.params}; intervals {free_fit.intervals}; warnings {free_fit.warnings}")


def test_fixed_tau_intervals_cover_the_truth_at_about_their_rate() -> None:
    """30 synthetic athletes (a test every two weeks): each 95 % interval holds the true gain in >= 85 % of them."""
    covered = {"k1": 0, "k2": 0, "p0": 0}
    athletes = 30
    for seed in range(100, 100 + athletes):
        fit = fit_series(athlete(seed, test_every_days=14), "fixed_tau", "excluded", taus=(45.0, 11.0), seed=0)
        for name in covered:
            low, high = fit.intervals[name]
            covered[name] += low <= getattr(TRUE, name) <= high
    print(f"\nfixed-tau coverage of the truth over {athletes} athletes: {covered}")
    assert all(count >= 0.85 * athletes for count in covered.values()), covered


def test_fit_is_deterministic() -> None:
    first, again = (fit_series(athlete(8), "free", "excluded", draws=8, seed=2) for _ in range(2))
    assert again.params == first.params and again.intervals == first.intervals and again.band is not None
    assert first.band is not None and np.array_equal(first.band[0], again.band[0])


def test_too_few_tests_are_flagged() -> None:
    series = athlete(7)
    few = series.subset(np.array([5, 20, 40, 50]))
    fit = fit_series(few, "free", "excluded", draws=20)
    assert any("not identifiable" in w for w in fit.warnings)
