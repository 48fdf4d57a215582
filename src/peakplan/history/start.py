"""The athlete's real state on the first day of a block, from the history (what a scenario starts from).

- CTL and ATL are Coggan's 42/7-day PMC (:func:`peakplan.readiness.ewma`, docs/science.md
  "Readiness") over the history's daily loads, both 0 on the history's first day, taken after
  the day before ``start_date``: the values the planner's start tuple means. A history shorter
  than about three CTL time constants understates CTL (:func:`short_history_warning`).
- Days between the history's last day and ``start_date`` count as rest days.
- ``weekly_minutes_last_4``: minutes of each of the four 7-day weeks before ``start_date``, oldest
  first (the week-1 ramp reference); ``longest_run_minutes_last_30_days``: the longest session.
- ``vdot``: the best test of the ``RECENT_RACE_DAYS`` before ``start_date``, else the VDOT the
  history's loads were computed with, else None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from peakplan.errors import InputError
from peakplan.history.model import History, Test
from peakplan.history.races import RECENT_RACE_DAYS
from peakplan.readiness import PMC_TAU_ATL_DAYS, PMC_TAU_CTL_DAYS, ewma

LONGEST_RUN_DAYS = 30
WEEKS = 4
SHORT_HISTORY_DAYS = int(3 * PMC_TAU_CTL_DAYS)


@dataclass(frozen=True)
class StartState:
    ctl: float
    atl: float
    weekly_minutes_last_4: list[float]
    longest_run_minutes_last_30_days: float
    vdot: float | None
    loads_before: np.ndarray      # daily loads from ``first_date`` to the day before the block
    first_date: dt.date

    @property
    def tsb(self) -> float:
        """Form on the block's first day, in the project's convention (CTL - ATL of the day before)."""
        return self.ctl - self.atl


def pmc(loads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CTL and ATL after each day, from 0 on the first day."""
    return ewma(loads, PMC_TAU_CTL_DAYS, 0.0), ewma(loads, PMC_TAU_ATL_DAYS, 0.0)


def weekly_minutes(minutes: np.ndarray, weeks_back: int) -> float:
    """Minutes of the 7-day week ending ``7 * weeks_back`` days before the end of ``minutes``."""
    end = max(0, len(minutes) - 7 * weeks_back)
    return float(minutes[max(0, end - 7):end].sum())


def best_recent_test(tests: tuple[Test, ...], before: dt.date) -> Test | None:
    recent = [t for t in tests if 0 < (before - t.date).days <= RECENT_RACE_DAYS]
    return max(recent, key=lambda t: (t.vdot, t.date), default=None)


def start_state(history: History, start_date: dt.date) -> StartState:
    """The state on ``start_date`` (the block's first day) from the history of the days before it."""
    if start_date <= history.first_date:
        raise InputError(f"the block starts on {start_date}, but the history begins on {history.first_date}: "
                         "there is no training before the block. Start later or give an older history.")
    end = start_date - dt.timedelta(days=1)
    loads = history.daily_loads(history.first_date, end)
    minutes = history.daily_minutes(history.first_date, end)
    ctl, atl = pmc(loads)
    weeks = [weekly_minutes(minutes, k) for k in range(WEEKS)]
    since = start_date - dt.timedelta(days=LONGEST_RUN_DAYS)
    longest = max((s.minutes for d in history.days if since <= d.date <= end for s in d.sessions), default=0.0)
    best = best_recent_test(history.tests, start_date)
    return StartState(ctl=float(ctl[-1]), atl=float(atl[-1]), weekly_minutes_last_4=weeks[::-1],
                      longest_run_minutes_last_30_days=float(longest),
                      vdot=best.vdot if best else history.vdot, loads_before=loads, first_date=history.first_date)


def short_history_warning(history: History, start_date: dt.date | None = None) -> str | None:
    days = ((start_date or history.last_date + dt.timedelta(days=1)) - history.first_date).days
    if days >= SHORT_HISTORY_DAYS:
        return None
    return (f"the history covers only {days} days; CTL starts at 0 on its first day and needs about "
            f"{SHORT_HISTORY_DAYS} days to forget that start, so it is understated")
