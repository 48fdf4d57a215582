"""The fitter on the two published series (../shared/data): Clarke & Skiba 2013 and Turner et al. 2017.

Clarke & Skiba published k1 0.18, k2 0.23, tau 36/21 d, p0 262 W with SSE 20.25 W^2 and R^2 0.979.
Their spreadsheet's convention is settled here by evaluating their parameters both ways: with the
day's own load included the SSE is 21.3 (their rounded parameters), excluded it is 193, so they
included it. Under that convention the five-parameter fit must do at least as well as theirs.
Turner et al.: fitted on the authors' 18 trial tests, scored on the 6 others, against linear fits.
"""

from __future__ import annotations

import numpy as np
import pytest

from peakplan.fitting import Params, fit_series, predict

from .published import (
    CLARKE_SKIBA_PARAMS,
    CLARKE_SKIBA_R2,
    CLARKE_SKIBA_SSE,
    clarke_skiba,
    linear_in_ctl,
    linear_in_time,
    rmse,
    turner,
)


def _sse(params: Params, convention: str) -> float:
    series = clarke_skiba()
    predicted = predict(params, series.loads, series.days, convention)  # type: ignore[arg-type]
    return float(np.sum((predicted - series.values) ** 2))


def test_clarke_skiba_published_parameters_fit_only_with_the_day_included() -> None:
    published = Params(*CLARKE_SKIBA_PARAMS)
    assert _sse(published, "included") == pytest.approx(21.26, abs=0.01)   # 20.25 with their unrounded values
    assert _sse(published, "excluded") > 5 * CLARKE_SKIBA_SSE


def test_clarke_skiba_five_parameter_fit_matches_or_beats_the_published_error() -> None:
    series = clarke_skiba()
    fit = fit_series(series, "free", "included", draws=40)
    print(f"\nClarke & Skiba, day included, 5 parameters: {fit.params}, SSE {fit.sse:.2f}, RMSE {fit.rmse:.3f} W, "
          f"R^2 {fit.r2:.4f}; warnings: {len(fit.warnings)}")
    assert fit.sse <= CLARKE_SKIBA_SSE
    assert fit.r2 >= CLARKE_SKIBA_R2
    assert fit.warnings   # 9 tests, 5 parameters: the fit says it is not identifiable
    excluded = fit_series(series, "free", "excluded", draws=0)
    print(f"Clarke & Skiba, day excluded, 5 parameters: {excluded.params}, SSE {excluded.sse:.2f}, "
          f"R^2 {excluded.r2:.4f}")
    assert excluded.sse > fit.sse   # this series was made with the day included; excluded fits it less well


def test_clarke_skiba_fixed_published_time_constants() -> None:
    series = clarke_skiba()
    fixed = fit_series(series, "fixed_tau", "included", taus=(36.0, 21.0), draws=100)
    print(f"\nClarke & Skiba, tau fixed at 36/21: {fixed.params}, SSE {fixed.sse:.2f}, R^2 {fixed.r2:.4f}")
    assert fixed.sse <= _sse(Params(*CLARKE_SKIBA_PARAMS), "included")   # best gains for their rounded tau
    assert fixed.params.k1 == pytest.approx(0.18, abs=0.01) and fixed.params.k2 == pytest.approx(0.23, abs=0.01)
    for name in ("k1", "k2"):
        low, high = fixed.intervals[name]
        assert low <= getattr(fixed.params, name) <= high


def test_turner_held_out_error_against_linear_fits() -> None:
    """Fit on the authors' 18 trial tests; score on the other 6 (days 39, 43, 99, 418, 445, 462)."""
    series, trial = turner()
    train, held_out = series.subset(trial), series.subset(~trial)
    fit = fit_series(train, "free", "excluded", draws=0)
    banister_held_out = rmse(predict(fit.params, series.loads, held_out.days, "excluded"), held_out.values)
    time_train = rmse(linear_in_time(train, train), train.values)
    time_held_out = rmse(linear_in_time(train, held_out), held_out.values)
    ctl_held_out = rmse(linear_in_ctl(train, held_out), held_out.values)
    mean_held_out = rmse(np.full(len(held_out.values), train.values.mean()), held_out.values)
    print(f"\nTurner: Banister (5 parameters, day excluded) {fit.params}: train RMSE {fit.rmse:.2f}, held-out "
          f"{banister_held_out:.2f}; linear in time: train {time_train:.2f}, held-out {time_held_out:.2f}; "
          f"linear in CTL held-out {ctl_held_out:.2f}; mean {mean_held_out:.2f}")
    assert fit.rmse < time_train                       # the model explains the trial tests far better...
    assert banister_held_out < mean_held_out           # ...and predicts unseen tests better than no model,
    assert banister_held_out < ctl_held_out            # and better than fitness alone (a linear CTL fit),
    assert banister_held_out == pytest.approx(9.46, abs=0.05)   # but not better than the time trend (docs/history.md)
    assert time_held_out == pytest.approx(7.35, abs=0.01)
