"""The block's layout (days, weeks, phases, deloads), recomputed from the scenario alone
(docs/rules.md, "Calendar" and "Phases and deloads"); independent of the product's
``peakplan.calendar`` on purpose.

- Days ``d = 0 … N−1``, race day ``T = N − 1``; ``W = ceil(N / 7)`` weeks counted back from race
  day: day ``d`` is in week ``W − (T − d) // 7`` (1-based), so only week 1 may be partial.
- Race week ``W``; the ``taper.weeks`` weeks before it are taper; loading weeks ``1 … R`` with
  ``R = W − 1 − taper.weeks`` are split into base, build, race_specific, peak by the phase shares
  (largest remainder; ties to peak, race_specific, build, base). Shares are read as the decimals
  the user wrote (``Fraction(str(x))``) so ties are exact ties, not float accidents.
- Deload weeks (when ``deload.enabled``): loading weeks ``w`` with ``w % every_weeks == 0`` and
  ``w < R`` (docs/science.md "Recovery weeks": every 3rd–4th week).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

import numpy as np

from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import WEEKDAYS, Weekday

LOADING_PHASES = ("base", "build", "race_specific", "peak")
TIE_ORDER = ("peak", "race_specific", "build", "base")  # who gets a leftover week first on a tie


@dataclass(frozen=True)
class Layout:
    start_date: dt.date
    n_days: int
    n_weeks: int
    loading_weeks: int  # R
    taper_weeks: int
    week_of_day: np.ndarray  # (N,) 1-based week of each day
    week_phase: tuple[str, ...]  # index w-1
    week_deload: tuple[bool, ...]  # index w-1

    @property
    def race_day(self) -> int:
        return self.n_days - 1

    def date(self, day: int) -> dt.date:
        return self.start_date + dt.timedelta(days=day)

    def weekday(self, day: int) -> Weekday:
        return cast("Weekday", WEEKDAYS[self.date(day).weekday()])

    def days_of_week(self, week: int) -> range:
        """Day indices of ``week`` (1-based), race day included for the race week."""
        t = self.race_day
        last = t - 7 * (self.n_weeks - week)
        return range(max(0, last - 6), last + 1)

    def week_length(self, week: int) -> int:
        return len(self.days_of_week(week))

    def training_days_of_week(self, week: int) -> range:
        days = self.days_of_week(week)
        return range(days.start, min(days.stop, self.race_day))

    def phase_of_day(self, day: int) -> str:
        return self.week_phase[int(self.week_of_day[day]) - 1]


def split_loading_weeks(loading_weeks: int, shares: dict[str, float]) -> dict[str, int]:
    """Weeks per loading phase: floor of each quota, leftovers by largest remainder."""
    exact = {p: Fraction(str(shares.get(p, 0.0))) for p in LOADING_PHASES}
    total = sum(exact.values())
    quota = {p: loading_weeks * exact[p] / total for p in LOADING_PHASES}
    count = {p: math.floor(q) for p, q in quota.items()}
    left = loading_weeks - sum(count.values())
    by_remainder = sorted(TIE_ORDER, key=lambda p: -(quota[p] - count[p]))  # stable: ties keep TIE_ORDER
    for p in by_remainder[:left]:
        count[p] += 1
    return count


def build_layout(scenario: Scenario) -> Layout:
    n_days = scenario.n_days
    n_weeks = -(-n_days // 7)
    race_day = n_days - 1
    week_of_day = n_weeks - (race_day - np.arange(n_days)) // 7
    taper_weeks = scenario.rules.taper.weeks
    loading = n_weeks - 1 - taper_weeks
    counts = split_loading_weeks(loading, {str(p): s for p, s in scenario.rules.phases.shares.items()})
    phases: list[str] = [p for p in LOADING_PHASES for _ in range(counts[p])]
    phases += ["taper"] * taper_weeks + ["race_week"]
    deload = scenario.rules.deload
    deloads = tuple(
        bool(deload.enabled and w % deload.every_weeks == 0 and w < loading)
        for w in range(1, n_weeks + 1)
    )
    return Layout(scenario.start_date, n_days, n_weeks, loading, taper_weeks,
                    week_of_day.astype(int), tuple(phases), deloads)
