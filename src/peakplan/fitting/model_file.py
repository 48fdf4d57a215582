"""A fit as a readiness model file (the format of ``models/banister.yaml``), with the fit in comments.

The file says what it is, how it was fitted (variant, convention, data, date) and how well
(error, intervals, warnings), so a scenario's ``model: {readiness: my-model.yaml}`` can point to
it and a reader can judge it. Only a fit with the solver's convention (day's own load excluded)
and a positive fitness gain can be written: anything else would be scored differently from how
it was fitted, or would say training does not help.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from peakplan.errors import InputError
from peakplan.fitting.banister import influence_days
from peakplan.fitting.fit import FitResult

RUNNER_TSB_SHARE = (0.10, 0.35)   # models/runner.yaml's tsb_share_min and tsb_share_max

CONVENTION_TEXT = {
    "excluded": "performance on day t is predicted from the loads of the days before t (the day's own load "
                "excluded), the convention the solver scores race day with (docs/science.md \"Readiness\")",
    "included": "performance on day t includes the load of day t itself (as Clarke & Skiba 2013 and Morton 1990 fit)",
}


def number(value: float) -> str:
    """Six significant digits, positional (YAML 1.1 reads '5e-05' as a string)."""
    return np.format_float_positional(value, precision=6, unique=False, fractional=False, trim="0")


def _header(result: FitResult, data_name: str, fitted_on: dt.date) -> list[str]:
    s = result.series
    span = ""
    if s.first_date is not None:
        dates = [s.first_date + dt.timedelta(days=int(d)) for d in (s.days.min(), s.days.max())]
        span = f" from {dates[0]} to {dates[1]}"
    variant = ("all five parameters free" if result.variant == "free" else
               f"k1, k2 and p0 fitted, time constants fixed at {number(result.params.tau1)}/"
               f"{number(result.params.tau2)} days (GoldenCheetah's way)")
    lines = [f"Banister fitness-fatigue model fitted by `peakplan fit` on {fitted_on} (docs/history.md \"The fit\").",
             f"Data: {data_name}, {result.n_tests} tests ({s.unit}){span}; daily load: {s.load_unit}.",
             f"Variant: {variant}; least squares with bounds.",
             f"Convention: {CONVENTION_TEXT[result.convention]}.",
             f"Fit: RMSE {result.rmse:.3g} {s.unit}, R^2 {result.r2:.3f} (1 - SSE/SST) over {result.n_tests} tests."]
    if result.intervals:
        spans = "  ".join(f"{k} [{number(a)}, {number(b)}]" for k, (a, b) in result.intervals.items())
        lines += [f"95 % bootstrap intervals ({result.draws} draws of the tests, seed {result.seed}, "
                  f"{result.draws_used} used): {spans}"]
    n_zero, n_peak = influence_days(result.params)
    if n_zero is not None and n_peak is not None:
        lines += [f"Shape: a day's load lowers performance for {n_zero:.1f} days, helps most {n_peak:.1f} days later."]
    lines += ["Warnings: " + ("none" if not result.warnings else "")] + [f"  - {w}" for w in result.warnings]
    return lines


def model_yaml(result: FitResult, data_name: str, fitted_on: dt.date) -> str:
    """The model file's text; InputError when the fit cannot serve as the solver's model."""
    p = result.params
    if result.convention != "excluded":
        raise InputError("a model fitted with the day's own load included would be scored by the solver with it "
                         "excluded; fit with the default convention to write a model file.")
    if p.k1 <= 0:
        raise InputError(f"{data_name}: the fit found no positive effect of training (k1 = 0): these tests do not "
                         "show a training response. Keep the default model, or add tests over a longer period.")
    unit = result.series.unit
    body = ["kind: banister",
            f"k1: {number(p.k1)}    # fitness gain, {unit} per unit of load",
            f"k2: {number(p.k2)}    # fatigue gain, {unit} per unit of load",
            f"tau_fitness_days: {number(p.tau1)}",
            f"tau_fatigue_days: {number(p.tau2)}",
            f"p0: {number(p.p0)}    # {unit} without training"]
    if unit == "VDOT":
        body += ["unit: vdot",
                 "# Planning: p0 again from the athlete's current VDOT and the loads before the block (the fit above",
                 "# assumed no training before the history began), and the runner model's guard rail on race-day form",
                 "# (models/runner.yaml, docs/science.md \"Form window\").",
                 "baseline: athlete",
                 f"tsb_share_min: {RUNNER_TSB_SHARE[0]}",
                 f"tsb_share_max: {RUNNER_TSB_SHARE[1]}"]
    return "\n".join([*(f"# {line}".rstrip() for line in _header(result, data_name, fitted_on)), *body]) + "\n"
