"""The fitter's parts: responses in both conventions, the bounded linear solve, the model file, the chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy.optimize import lsq_linear

from peakplan.errors import InputError
from peakplan.fitting import Params, Series, fit_chart_svg, fit_series, model_yaml
from peakplan.fitting.banister import influence_days, response
from peakplan.fitting.linear import solve_one, solve_weighted
from peakplan.fitting.model_file import number
from peakplan.modelfiles import BanisterModel, load_readiness

RNG = np.random.default_rng(11)
LOADS = RNG.uniform(0, 120, 90) * (RNG.uniform(size=90) > 0.3)


@pytest.mark.parametrize("tau", [3.0, 11.0, 45.0])
def test_responses_equal_the_sums_they_stand_for(tau: float) -> None:
    days = np.arange(len(LOADS))
    excluded = [sum(LOADS[d] * np.exp(-(t - d) / tau) for d in range(t)) for t in days]
    included = [sum(LOADS[d] * np.exp(-(t - d) / tau) for d in range(t + 1)) for t in days]
    np.testing.assert_allclose(response(LOADS, tau, "excluded"), excluded, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(response(LOADS, tau, "included"), included, rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("case", range(25))
def test_bounded_linear_solve_matches_scipy(case: int) -> None:
    rng = np.random.default_rng(case)
    n = int(rng.integers(4, 30))
    g1, g2 = rng.uniform(0, 500, n), rng.uniform(0, 300, n)
    y = 50 + rng.normal(0, 5, n) + rng.choice([-1, 1]) * 0.02 * g1 - rng.choice([-1, 1]) * 0.03 * g2
    w = rng.integers(0, 3, n).astype(float)
    w[:3] += 1
    coef, sse = solve_one(g1, g2, y, w)
    root = np.sqrt(w)
    reference = lsq_linear(root[:, None] * np.column_stack([np.ones(n), g1, -g2]), root * y,
                           bounds=([-np.inf, 0, 0], [np.inf, np.inf, np.inf]), tol=1e-12, lsmr_tol="auto")
    assert sse == pytest.approx(2 * reference.cost, rel=1e-6, abs=1e-8)
    np.testing.assert_allclose(coef, reference.x, rtol=1e-5, atol=1e-7)
    batch = solve_weighted(g1, g2, y, np.vstack([w, np.ones(n)]))
    np.testing.assert_allclose(batch[0], coef, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(batch[1], solve_one(g1, g2, y)[0], rtol=1e-9, atol=1e-12)


def test_influence_days_of_the_runner_default() -> None:
    """docs/science.md "Readiness": n_zero = 10.1 d and n_peak = 30.6 d for tau 45/11 and k2 = 2 k1."""
    n_zero, n_peak = influence_days(Params(0.0044, 0.0088, 45.0, 11.0, 40.0))
    assert n_zero == pytest.approx(10.1, abs=0.05) and n_peak == pytest.approx(30.6, abs=0.05)


def _small_fit() -> Series:
    days = np.arange(10, 90, 8)
    values = 40 + 0.004 * response(LOADS, 45, "excluded")[days] - 0.008 * response(LOADS, 11, "excluded")[days]
    return Series(LOADS, days, values + RNG.normal(0, 0.1, len(days)), first_date=dt.date(2026, 1, 1))


def test_model_file_loads_as_a_readiness_model(tmp_path: Path) -> None:
    fit = fit_series(_small_fit(), "fixed_tau", taus=(45.0, 11.0), draws=50)
    path = tmp_path / "my-model.yaml"
    path.write_text(model_yaml(fit, "history.json", dt.date(2026, 4, 1)))
    model = load_readiness(str(path))
    assert isinstance(model, BanisterModel)
    assert model.k1 == pytest.approx(fit.params.k1, rel=1e-5) and model.p0 == pytest.approx(fit.params.p0, rel=1e-5)
    assert "2026-04-01" in path.read_text() and "day's own load excluded" in path.read_text()
    # a VDOT fit plans like the runner model: p0 from the athlete's VDOT at block start, same guard rail
    assert (model.unit, model.baseline, model.tsb_share_min, model.tsb_share_max) == ("vdot", "athlete", 0.10, 0.35)


@pytest.mark.parametrize("value", [5e-05, 0.0044, 262.0, -3.25e-7, 1234567.0])
def test_numbers_are_yaml_floats(value: float) -> None:
    assert yaml.safe_load(f"x: {number(value)}")["x"] == pytest.approx(value, rel=1e-5)


def test_fits_that_cannot_be_the_solvers_model_are_refused() -> None:
    series = _small_fit()
    included = fit_series(series, "fixed_tau", "included", taus=(45.0, 11.0), draws=0)
    with pytest.raises(InputError, match="excluded"):
        model_yaml(included, "h.json", dt.date(2026, 4, 1))
    falling = Series(series.loads, series.days, 50 - np.linspace(0, 3, len(series.days)))
    no_gain = fit_series(falling, "fixed_tau", taus=(45.0, 11.0), draws=0)
    assert no_gain.params.k1 == 0
    with pytest.raises(InputError, match="no positive effect"):
        model_yaml(no_gain, "h.json", dt.date(2026, 4, 1))


def test_chart_is_deterministic_svg() -> None:
    fit = fit_series(_small_fit(), "fixed_tau", taus=(45.0, 11.0), draws=30)
    first, second = fit_chart_svg(fit), fit_chart_svg(fit)
    assert first == second and first.startswith("<svg") and f"tests ({fit.n_tests})" in first


def test_evaluate_scores_a_given_model_without_fitting() -> None:
    from peakplan.fitting import evaluate

    series = _small_fit()
    fit = fit_series(series, "fixed_tau", taus=(45.0, 11.0), draws=0)
    scored = evaluate(series, fit.params)
    assert scored.sse == pytest.approx(fit.sse) and scored.band is None
    assert fit_chart_svg(scored, title="the scenario's model").startswith("<svg")
