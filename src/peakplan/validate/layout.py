"""The block's calendar, recomputed from the scenario alone (docs/rules.md "Calendar"); independent
of the product's ``peakplan.calendar`` on purpose.

- Days ``d = 0 … N−1``, race day ``T = N − 1``; ``W = ceil(N / 7)`` weeks counted back from race
  day: day ``d`` is in week ``W − (T − d) // 7`` (1-based), so only week 1 may be partial.
- ``cap(d)``: ``date_caps[date]`` when listed, else ``max_minutes[weekday]``; 0 on a
  blackout date (docs/science.md "Availability").
- Week ``w < W`` is *interrupted* when ``avail(w) / (its training days) < interrupted_below ·
  Σ max_minutes / 7``; a *normal* week is full and not interrupted (docs/science.md
  "Interrupted weeks"). ``days_avail(w)``: training days with ``cap > 0``, at most
  ``max_running_days_per_week``.
- Phases and deloads: validate/phase_layout.py. ``ref(w)``: the latest week ``u < min(w, R+1)``
  that is a loading week, normal and not a deload (``None`` when there is none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

import numpy as np

from peakplan.scenario.schema import Scenario
from peakplan.validate.phase_layout import deload_weeks, week_phases
from peakplan.vocabulary import WEEKDAYS, Weekday


@dataclass(frozen=True)
class Layout:
    start_date: dt.date
    n_days: int
    n_weeks: int  # W
    loading_weeks: int  # R
    taper_weeks: int
    week_of_day: np.ndarray  # (N,) 1-based week of each day
    cap_minutes: np.ndarray  # (N,) cap(d); 0 on race day
    week_phase: tuple[str, ...]  # index w-1
    week_deload: tuple[bool, ...]  # index w-1
    week_interrupted: tuple[bool, ...]  # index w-1
    max_running_days: int | None
    tune_up_km: dict[int, float]  # day index of each tune-up race -> its distance

    @property
    def race_day(self) -> int:
        return self.n_days - 1

    def date(self, day: int) -> dt.date:
        return self.start_date + dt.timedelta(days=day)

    def where(self, day: int) -> str:
        return self.date(day).isoformat()

    def weekday(self, day: int) -> Weekday:
        return cast("Weekday", WEEKDAYS[self.date(day).weekday()])

    def days_of_week(self, week: int) -> range:
        """Day indices of ``week`` (1-based), race day included for the race week."""
        last = self.race_day - 7 * (self.n_weeks - week)
        return range(max(0, last - 6), last + 1)

    def week_length(self, week: int) -> int:
        return len(self.days_of_week(week))

    def training_days_of_week(self, week: int) -> range:
        days = self.days_of_week(week)
        return range(days.start, min(days.stop, self.race_day))

    def phase_of_day(self, day: int) -> str:
        return self.week_phase[int(self.week_of_day[day]) - 1]

    def is_loading(self, week: int) -> bool:
        return 1 <= week <= self.loading_weeks

    def is_normal(self, week: int) -> bool:
        return self.week_length(week) == 7 and not self.week_interrupted[week - 1]

    def is_deload(self, week: int) -> bool:
        return self.week_deload[week - 1]

    def is_tune_up_week(self, week: int) -> bool:
        return any(d in self.tune_up_km for d in self.days_of_week(week))

    def days_avail(self, week: int) -> int:
        count = sum(1 for d in self.training_days_of_week(week) if self.cap_minutes[d] > 0)
        return count if self.max_running_days is None else min(count, self.max_running_days)

    def ref(self, week: int) -> int | None:
        """The reference week of ``week``: the latest loading, normal, non-deload week before it."""
        for u in range(min(week, self.loading_weeks + 1) - 1, 0, -1):
            if self.is_normal(u) and not self.is_deload(u):
                return u
        return None


def day_caps(scenario: Scenario, n_days: int) -> np.ndarray:
    """cap(d) for every training day (the race day holds 0)."""
    av = scenario.availability
    caps = np.zeros(n_days, dtype=np.int64)
    for d in range(n_days - 1):
        date = scenario.start_date + dt.timedelta(days=d)
        cap = av.max_minutes[WEEKDAYS[date.weekday()]]  # type: ignore[index]
        if date in av.date_caps:
            cap = av.date_caps[date]
        caps[d] = 0 if date in av.blackout_dates else cap
    return caps


def interrupted_weeks(scenario: Scenario, days_of: list[range], caps: np.ndarray) -> tuple[bool, ...]:
    """Weeks ``w < W`` whose mean available minutes per day fall under the share of a normal week's."""
    av = scenario.availability
    share, normal_total = Fraction(str(av.interrupted_below)), sum(av.max_minutes.values())
    flags = []
    for w, days in enumerate(days_of, start=1):
        avail = int(caps[days.start:days.stop].sum())
        # avail / len < share · total / 7, compared exactly in integers and fractions
        flags.append(w < len(days_of) and avail * 7 < share * normal_total * len(days))
    return tuple(flags)


def build_layout(scenario: Scenario) -> Layout:
    n_days = scenario.n_days
    n_weeks, race_day = -(-n_days // 7), n_days - 1
    week_of_day = (n_weeks - (race_day - np.arange(n_days)) // 7).astype(int)
    taper_weeks = scenario.rules.taper.weeks
    loading = n_weeks - 1 - taper_weeks
    caps = day_caps(scenario, n_days)
    days_of = [range(max(0, race_day - 7 * (n_weeks - w) - 6), race_day - 7 * (n_weeks - w) + 1)
               for w in range(1, n_weeks + 1)]
    training_days_of = [range(r.start, min(r.stop, race_day)) for r in days_of]
    interrupted = interrupted_weeks(scenario, training_days_of, caps)
    phases = week_phases(loading, taper_weeks, {str(p): s for p, s in scenario.rules.phases.shares.items()})
    deloads = deload_weeks(scenario.rules.deload, phases, interrupted, loading)
    tune_ups = {(t.date - scenario.start_date).days: t.distance_km for t in scenario.race.tune_ups}
    return Layout(scenario.start_date, n_days, n_weeks, loading, taper_weeks, week_of_day, caps, phases, deloads,
                  interrupted, scenario.availability.max_running_days_per_week, tune_ups)
