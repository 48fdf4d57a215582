"""The report's "model against your races" chart: the plan's readiness model over a history.

The curve uses the plan's k1, k2 and time constants on the history's daily loads (0 before its
first day, as `peakplan fit` assumes) with the level p0 that fits the history's races best, so a
model fitted by `peakplan fit` is drawn exactly as fitted and the shipped default shows how well
its shape matches the athlete's races (docs/history.md "The fit").
"""

from __future__ import annotations

from html import escape

import numpy as np

from peakplan.errors import InputError
from peakplan.history.model import History
from peakplan.modelfiles import BanisterModel
from peakplan.plan.file import PlanFile


def model_fit_html(plan: PlanFile, history: History, source: str) -> str:
    """A <figure> with the chart, or a note saying why there is none."""
    from peakplan.fitting import Params, evaluate, fit_chart_svg, series_from_history
    from peakplan.fitting.banister import curve

    model = plan.scenario.readiness
    if not isinstance(model, BanisterModel) or model.unit != "vdot":
        return '<p class="note">The plan\'s readiness model is not in VDOT, so it cannot be drawn against races.</p>'
    try:
        series = series_from_history(history, source)
    except InputError as exc:
        return f'<p class="note">{escape(str(exc))}</p>'
    shape = Params(model.k1, model.k2, model.tau_fitness_days, model.tau_fatigue_days, 0.0)
    response = curve(shape, np.asarray(series.loads, float), "excluded")[np.asarray(series.days, int)]
    p0 = float(np.mean(series.values - response))   # the least-squares level for this shape
    result = evaluate(series, Params(shape.k1, shape.k2, shape.tau1, shape.tau2, p0))
    title = (f"The plan's readiness model against the {result.n_tests} races of {source}: "
             f"RMSE {result.rmse:.2f} VDOT (level p0 {p0:.1f} fitted to the races)")
    return f'<figure class="chart" id="model-fit-chart">{fit_chart_svg(result, title)}</figure>'
