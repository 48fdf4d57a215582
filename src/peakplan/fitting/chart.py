"""The fitted performance curve against the tests, as inline SVG for the HTML report.

Top: the predicted performance on every day (line), its 95 % bootstrap band, and the tests
(points, with a stem to the curve: the residual). Bottom: the daily load. Object API only, as
:mod:`peakplan.report.charts` (no pyplot, no GUI backend); equal fits give equal SVG text.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib import rc_context
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure

from peakplan.fitting.fit import FitResult
from peakplan.report.charts import RC, to_svg


def _x(result: FitResult, index: np.ndarray) -> list[dt.date] | np.ndarray:
    start = result.series.first_date
    return index if start is None else [start + dt.timedelta(days=int(i)) for i in index]


def fit_chart_svg(result: FitResult, title: str | None = None) -> str:
    """An <svg> element: curve, band and tests above, daily load below."""
    series = result.series
    every = np.arange(len(result.curve))
    with rc_context(RC):
        fig = Figure(figsize=(10, 4.6))
        top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
        if result.band is not None:
            top.fill_between(_x(result, every), result.band[0], result.band[1], color="#9ecae1", alpha=0.5,
                             linewidth=0, label="95 % bootstrap band")
        top.plot(_x(result, every), result.curve, color="#1f77b4", linewidth=1.6, label="fitted performance")
        test_x = _x(result, series.days)
        top.vlines(test_x, result.predicted, series.values, color="#d62728", linewidth=0.8)
        top.plot(test_x, series.values, "o", color="#d62728", markersize=4, label=f"tests ({len(series.values)})")
        bottom.bar(_x(result, every), series.loads, width=1.0, color="#bdbdbd")
        top.set_ylabel(series.unit)
        bottom.set_ylabel("load / day")
        for ax in (top, bottom):
            ax.grid(alpha=0.3)
        top.legend(loc="upper left", frameon=False, fontsize=8, ncol=3)
        if series.first_date is not None:
            bottom.xaxis.set_major_formatter(DateFormatter("%d %b %y"))
        else:
            bottom.set_xlabel("day")
        variant = "5 parameters" if result.variant == "free" else "fixed time constants"
        top.set_title(title or f"Fitted Banister model ({variant}): RMSE {result.rmse:.2f} {series.unit}, "
                      f"R\u00b2 {result.r2:.2f}", loc="left", fontweight="bold")
        return to_svg(fig)
