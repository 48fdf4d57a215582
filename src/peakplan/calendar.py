"""Days, weeks, phases and deload weeks of a block (docs/rules.md, "Calendar" and "Phases").

The one calendar of the product side (model, plan, workouts, explanations); the validator
recomputes the same layout from the contract in ``validate/layout.py``, on purpose.

Weeks are counted back from race day so the race week is always whole; only week 1 may be
partial. The phase split follows the shares in ``rules.phases`` with largest-remainder rounding.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import LOADING_PHASES, WEEKDAYS, Weekday

_TIE_ORDER = ("peak", "race_specific", "build", "base")


@dataclass(frozen=True)
class Calendar:
    scenario: Scenario

    # Every query below is asked thousands of times while a model is built: computed once.
    @cached_property
    def n_days(self) -> int:
        return self.scenario.n_days

    @cached_property
    def race_day(self) -> int:
        return self.n_days - 1

    @cached_property
    def training_days(self) -> range:
        return range(self.race_day)

    @cached_property
    def n_weeks(self) -> int:
        return math.ceil(self.n_days / 7)

    @property
    def weeks(self) -> range:
        """1-based week numbers."""
        return range(1, self.n_weeks + 1)

    def date(self, day: int) -> dt.date:
        return self.scenario.start_date + dt.timedelta(days=day)

    def weekday(self, day: int) -> Weekday:
        return WEEKDAYS[(self.scenario.start_date.weekday() + day) % 7]  # type: ignore[return-value]

    def week_of(self, day: int) -> int:
        return self.n_weeks - (self.race_day - day) // 7

    def days_of_week(self, week: int) -> tuple[int, ...]:
        return self._days_by_week[week]

    def training_days_of_week(self, week: int) -> tuple[int, ...]:
        return self._training_days_by_week[week]

    def week_length(self, week: int) -> int:
        return len(self._days_by_week[week])

    @cached_property
    def _days_by_week(self) -> dict[int, tuple[int, ...]]:
        out = {}
        for week in self.weeks:
            last = self.race_day - 7 * (self.n_weeks - week)
            out[week] = tuple(d for d in range(last - 6, last + 1) if d >= 0)
        return out

    @cached_property
    def _training_days_by_week(self) -> dict[int, tuple[int, ...]]:
        return {w: tuple(d for d in days if d < self.race_day) for w, days in self._days_by_week.items()}

    def is_full(self, week: int) -> bool:
        return self.week_length(week) == 7

    @property
    def loading_weeks(self) -> int:
        return self.n_weeks - 1 - self.scenario.rules.taper.weeks

    @cached_property
    def phase_by_week(self) -> dict[int, str]:
        counts = _split(self.loading_weeks, self.scenario.rules.phases.shares)
        phases: list[str] = [p for p in LOADING_PHASES for _ in range(counts[p])]
        phases += ["taper"] * self.scenario.rules.taper.weeks + ["race_week"]
        return dict(zip(self.weeks, phases, strict=True))

    def phase_of_day(self, day: int) -> str:
        return self.phase_by_week[self.week_of(day)]

    @cached_property
    def _progress(self) -> dict[int, float]:
        weeks_by_phase: dict[str, list[int]] = {}
        for week, phase in self.phase_by_week.items():
            weeks_by_phase.setdefault(phase, []).append(week)
        out = {}
        for weeks in weeks_by_phase.values():
            for i, week in enumerate(weeks):
                out[week] = i / (len(weeks) - 1) if len(weeks) > 1 else 0.5
        return out

    def week_in_phase(self, week: int) -> int:
        """The week's index among its phase's weeks (0 for the first): turns the workouts' rep schemes."""
        return sum(1 for w, p in self.phase_by_week.items() if w < week and p == self.phase_by_week[week])

    def progress_in_phase(self, week: int) -> float:
        """How far ``week`` is through its phase: 0 for the phase's first week, 1 for its last
        (0.5 for a one-week phase); workouts grow their reps with it."""
        return self._progress[week]

    @cached_property
    def deload_weeks(self) -> frozenset[int]:
        """Recovery weeks: the end of each loading phase (with ``at_phase_ends``, after two or more
        loading weeks), and a week whenever ``every_weeks - 1`` loading weeks have passed since the
        last recovery; an interrupted week counts as recovery. Never the last loading week."""
        rule = self.scenario.rules.deload
        if not rule.enabled:
            return frozenset()
        out, since = set(), 0
        for w in range(1, self.loading_weeks):
            if w in self.interrupted_weeks:
                since = 0
                continue
            phase_end = self.phase_by_week[w] != self.phase_by_week[w + 1]
            if since == rule.every_weeks - 1 or (rule.at_phase_ends and phase_end and since >= 2):
                out.add(w)
                since = 0
            else:
                since += 1
        return frozenset(out)

    def available_minutes(self, week: int) -> int:
        """Minutes the athlete can run in ``week`` (its training days' caps)."""
        return sum(self.max_minutes(d) for d in self.training_days_of_week(week))

    @cached_property
    def interrupted_weeks(self) -> frozenset[int]:
        """Weeks before race week whose available minutes, per day, fall under ``interrupted_below`` of a
        normal week's (holidays, travel): no reference for later weeks, no required sessions."""
        av = self.scenario.availability
        normal = sum(av.max_minutes.values()) / 7
        return frozenset(w for w in self.weeks if w < self.n_weeks and normal > 0 and
                         self.available_minutes(w) / len(self.training_days_of_week(w)) < av.interrupted_below * normal)

    def is_normal(self, week: int) -> bool:
        """A full, uninterrupted week."""
        return self.is_full(week) and week not in self.interrupted_weeks

    def reference_week(self, before: int) -> int | None:
        """The latest normal loading week before ``before`` that is not a recovery week: what a week's
        volume is compared with (None: the athlete's current volume stands for it)."""
        for w in range(min(before, self.loading_weeks + 1) - 1, 0, -1):
            if self.is_normal(w) and w not in self.deload_weeks:
                return w
        return None

    @cached_property
    def tune_up_days(self) -> dict[int, float]:
        """Day index -> distance (km) of each tune-up race inside the block."""
        start = self.scenario.start_date
        return {(t.date - start).days: t.distance_km for t in self.scenario.race.tune_ups}

    @cached_property
    def tune_up_weeks(self) -> frozenset[int]:
        return frozenset(self.week_of(d) for d in self.tune_up_days)

    def running_days_available(self, week: int) -> int:
        """Days of ``week`` the athlete can run (capped by max_running_days_per_week)."""
        days = sum(1 for d in self.training_days_of_week(week) if self.max_minutes(d) > 0)
        limit = self.scenario.availability.max_running_days_per_week
        return min(days, limit) if limit is not None else days

    def is_blackout(self, day: int) -> bool:
        return self.date(day) in self._blackouts

    @cached_property
    def _blackouts(self) -> frozenset[dt.date]:
        return frozenset(self.scenario.availability.blackout_dates)

    def max_minutes(self, day: int) -> int:
        """Availability cap of a training day: its date cap if listed, else its weekday's; 0 on a blackout date."""
        if self.is_blackout(day):
            return 0
        av = self.scenario.availability
        cap = av.max_minutes[self.weekday(day)]
        return av.date_caps.get(self.date(day), cap)


def _split(total: int, shares: Mapping[Any, float]) -> dict[str, int]:
    """Largest-remainder split of ``total`` weeks by ``shares``; ties go to later phases.

    Shares are read as the decimals the user wrote (exact fractions), so 0.3 + 0.3 + 0.3 + 0.1
    is exactly 1 and ties are real ties, not float noise.
    """
    decimal = {p: Fraction(str(shares.get(p, 0.0))) for p in LOADING_PHASES}
    weight = sum(decimal.values())
    exact = {p: total * decimal[p] / weight for p in LOADING_PHASES}
    counts = {p: math.floor(exact[p]) for p in LOADING_PHASES}
    left = total - sum(counts.values())
    order = sorted(_TIE_ORDER, key=lambda p: (-(exact[p] - counts[p]), _TIE_ORDER.index(p)))
    for p in order[:left]:
        counts[p] += 1
    return counts
