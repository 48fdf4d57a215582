"""Everything the families read: scenario, catalogue, calendar, plan days and weekly sums.

Weekly numbers follow docs/rules.md "Calendar": ``V(w)`` = training minutes of week ``w`` (the race
excluded), ``E(w) = V(w) · 7 / len(w)`` its full-week equivalent, a running day is a training
day with minutes > 0, ``L(w)`` the minutes of the week's long session (0 if none), ``Q(w)`` the
week's quality minutes (``quality_fraction · minutes`` of sessions whose ``quality_kind`` is not
``none``). ``REF(u)`` = ``E(u)`` of a reference week, the athlete's current weekly minutes
without one (docs/rules.md "Phases and deloads").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peakplan.modelfiles import BanisterModel, Catalogue, PmcModel
from peakplan.paces import Paces
from peakplan.scenario.schema import Scenario
from peakplan.validate.layout import Layout, build_layout
from peakplan.validate.plan_days import PlanDays, read_days
from peakplan.validate.session_load import athlete_paces


class PlanFormatError(ValueError):
    """The plan is not a JSON object with a ``days`` list: nothing can be checked."""


@dataclass(frozen=True)
class WeekSums:
    """Arrays indexed by ``w − 1``."""

    volume_minutes: np.ndarray  # V(w)
    length_days: np.ndarray  # len(w)
    equivalent_minutes: np.ndarray  # E(w)
    running_days: np.ndarray
    hard_training_days: np.ndarray
    long_minutes: np.ndarray  # L(w)
    low_intensity_minutes: np.ndarray  # sum of (1 - quality_fraction) * minutes
    quality_minutes: np.ndarray  # Q(w)


@dataclass(frozen=True)
class PlanContext:
    scenario: Scenario
    plan: dict
    catalogue: Catalogue
    readiness_model: BanisterModel | PmcModel
    cal: Layout
    days: PlanDays
    weeks: WeekSums
    paces: Paces | None  # the athlete's Daniels paces, recomputed (validate/session_load.py)

    def E(self, week: int) -> float:  # noqa: N802 - the name used in docs/rules.md
        return float(self.weeks.equivalent_minutes[week - 1])

    def V(self, week: int) -> float:  # noqa: N802 - the name used in docs/rules.md
        return float(self.weeks.volume_minutes[week - 1])

    def L(self, week: int) -> float:  # noqa: N802 - the name used in docs/rules.md
        return float(self.weeks.long_minutes[week - 1])

    def Q(self, week: int) -> float:  # noqa: N802 - the name used in docs/rules.md
        return float(self.weeks.quality_minutes[week - 1])

    def REF(self, reference: int | None) -> float:  # noqa: N802 - the name used in docs/rules.md
        """The volume a reference week stands for: E(u), or the athlete's current volume without one."""
        if reference is None:
            return float(self.scenario.athlete.current_weekly_minutes)
        return self.E(reference)

    def ref_name(self, reference: int | None) -> str:
        return "the athlete's current volume" if reference is None else f"week {reference}"

    def running_days(self, week: int) -> int:
        return int(self.weeks.running_days[week - 1])


def _week_sums(cal: Layout, days: PlanDays) -> WeekSums:
    week_index = cal.week_of_day - 1
    n_weeks = cal.n_weeks
    training = np.arange(cal.n_days) < cal.race_day

    def per_week(values: np.ndarray) -> np.ndarray:
        return np.bincount(week_index, weights=values.astype(float), minlength=n_weeks)

    minutes = days.minutes.astype(float)
    quality = np.array([kind != "none" for kind in days.quality_kind])
    volume = per_week(minutes)
    length = np.bincount(week_index, minlength=n_weeks).astype(float)
    long_minutes = np.zeros(n_weeks)
    np.maximum.at(long_minutes, week_index, np.where(days.long, minutes, 0.0))
    return WeekSums(
        volume_minutes=volume,
        length_days=length,
        equivalent_minutes=volume * 7.0 / length,
        running_days=per_week(training & (days.minutes > 0)),
        hard_training_days=per_week(training & days.hard),
        long_minutes=long_minutes,
        low_intensity_minutes=per_week((1.0 - days.quality_fraction) * minutes),
        quality_minutes=per_week(np.where(quality, days.quality_fraction * minutes, 0.0)),
    )


def build_context(scenario: Scenario, plan: object) -> PlanContext:
    if not isinstance(plan, dict) or not isinstance(plan.get("days"), list):
        raise PlanFormatError("a plan must be a JSON object with a `days` list (see docs/plan-format.md)")
    catalogue, readiness_model = scenario.catalogue, scenario.readiness
    cal = build_layout(scenario)
    paces = athlete_paces(scenario)
    days = read_days(plan["days"], cal, catalogue, paces, scenario.race.distance_km)
    return PlanContext(scenario, plan, catalogue, readiness_model, cal, days, _week_sums(cal, days), paces)
