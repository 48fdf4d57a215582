"""A history's tests and daily loads as a :class:`Series` for the fitter."""

from __future__ import annotations

import numpy as np

from peakplan.errors import InputError
from peakplan.fitting.fit import Series
from peakplan.history.model import History


def series_from_history(history: History, source: str = "history") -> Series:
    """Every calendar day of the history (rest days 0) and each test's VDOT on its day."""
    if not history.tests:
        raise InputError(f"{source}: has no races or time trials, so there is nothing to fit the model to. Mark "
                         "races in the activity names or in a CSV `race` column (docs/history.md \"Tests\") and "
                         "re-run `peakplan history`.")
    days = np.array([(t.date - history.first_date).days for t in history.tests], dtype=int)
    values = np.array([t.vdot for t in history.tests], dtype=float)
    return Series(loads=history.daily_loads(), days=days, values=values, first_date=history.first_date,
                  unit="VDOT", load_unit="rTSS-like load (hours x IF^2 x 100)", source=source)
