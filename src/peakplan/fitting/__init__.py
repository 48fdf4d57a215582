"""Fitting the readiness model to an athlete's own tests (docs/history.md "The fit").

``fit_series`` fits the Banister model (five free parameters, or k1, k2, p0 with the time
constants fixed) by bounded least squares with several starts, bootstraps the tests for
intervals and checks identifiability; ``model_yaml`` writes the readiness model file a scenario
can name; ``fit_chart_svg`` draws the fit for the HTML report. Imports scipy: load on demand.
"""

from peakplan.fitting.banister import CONVENTIONS, Convention, Params, curve, predict
from peakplan.fitting.chart import fit_chart_svg
from peakplan.fitting.fit import VARIANTS, FitResult, Series, Variant, evaluate, fit_series
from peakplan.fitting.model_file import model_yaml
from peakplan.fitting.series import series_from_history
from peakplan.fitting.solve import Bounds

__all__ = ["CONVENTIONS", "VARIANTS", "Bounds", "Convention", "FitResult", "Params", "Series", "Variant", "curve",
           "evaluate", "fit_chart_svg", "fit_series", "model_yaml", "predict", "series_from_history"]
