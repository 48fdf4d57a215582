"""The plan file: the written contract of a plan (``peakplan solve --out plan.json``).

Every field carries its unit and meaning; ``docs/plan-file.schema.json`` is generated from these
models (``peakplan schema --plan``) and a test checks every written plan against it. The file is
self-contained: it embeds the resolved scenario (rules, session catalogue, readiness model), the
paces and each day's structured workout, so validate, export, report and compare need nothing
else. It holds no timings: the same scenario and seed give a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peakplan.paces import Paces
from peakplan.scenario.schema import Scenario
from peakplan.workouts.model import Workout

FORMAT_VERSION = 2
PlanStatus = Literal["OPTIMAL", "FEASIBLE"]


class _Record(BaseModel):
    # Strict: a plan says 30, not "30" or 30.0; dates are the one exception (JSON has no date type).
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


IsoDate = dt.date


class RaceInfo(_Record):
    date: IsoDate = Field(strict=False, description="race day, YYYY-MM-DD")
    distance_km: float = Field(gt=0, description="race distance, km")


class Readiness(_Record):
    model: str = Field(description="readiness model kind: banister or pmc")
    race_day: float = Field(description="modelled readiness on race day, in the model's unit (= objective)")
    params: dict[str, float] = Field(description="the model's parameters (pmc: also the start CTL0/ATL0)")
    ctl: float = Field(description="fitness (CTL) entering race day: CTL of the day before, load/day")
    atl: float = Field(description="fatigue (ATL) entering race day, load/day")
    tsb: float = Field(description="form on race day: CTL - ATL of the day before, load/day")


class Prediction(_Record):
    """Race-day performance in runners' units (readiness models with ``unit: vdot``)."""

    unit: Literal["vdot"] = Field(description="performance unit: VDOT (Daniels & Gilbert)")
    current_vdot: float = Field(description="the athlete's VDOT at block start")
    current_source: str = Field(description="where the current VDOT comes from")
    race_day_vdot: float = Field(description="predicted VDOT on race day with this plan (= readiness.race_day)")
    race_time_s: float | None = Field(description="predicted finish time of the goal race with this plan, seconds")
    current_race_time_s: float | None = Field(description="finish time of the goal race at the current VDOT, seconds")
    no_training_vdot: float = Field(description="predicted race-day VDOT if the athlete stopped training now")
    keep_training_vdot: float = Field(description="predicted race-day VDOT if the athlete kept training as now "
                                                  "(the daily load before the block, every day)")

    @property
    def gain_over_no_training(self) -> float:
        return self.race_day_vdot - self.no_training_vdot

    @property
    def gain_over_keep_training(self) -> float:
        return self.race_day_vdot - self.keep_training_vdot


class PlanWeek(_Record):
    week: int = Field(ge=1, description="week number, 1-based; weeks are counted back from race day")
    phase: str = Field(description="phase of the week: base, build, race_specific, peak, taper, race_week")
    deload: bool = Field(description="a recovery week")
    days: int = Field(ge=1, le=7, description="days in the week (7 except perhaps week 1)")
    minutes: int = Field(ge=0, description="training minutes of the week, race excluded")
    load: float = Field(ge=0, description="sum of the week's training loads (race excluded)")
    low_intensity_share: float = Field(ge=0, le=1, description="share of the minutes at low intensity")
    hard_sessions: int = Field(ge=0, description="hard training sessions (race excluded)")
    long_run_minutes: int = Field(ge=0, description="minutes of the week's long run (0 without one)")


class PlanDay(_Record):
    date: IsoDate = Field(strict=False, description="YYYY-MM-DD")
    weekday: str = Field(description="mon .. sun")
    week: int = Field(ge=1, description="week number of the day")
    phase: str = Field(description="phase of the day's week")
    session: str = Field(description="session type from the catalogue, 'rest', or 'race' on race day")
    minutes: int = Field(ge=0, description="running minutes (race day: the race's predicted duration)")
    km: float = Field(ge=0, description="estimated distance: sum over the workout's steps of time / pace, km")
    load: float = Field(ge=0, description="training load: hours x IF^2 x 100 (1 h at threshold = 100)")
    hard: bool = Field(description="a hard day (hard session type, or the race)")
    ctl: float = Field(description="fitness (CTL) after this day, load/day")
    atl: float = Field(description="fatigue (ATL) after this day, load/day")
    tsb: float = Field(description="form on this day: CTL - ATL of the day before, load/day")
    workout: Workout | None = Field(description="the structured workout; null on rest days")


class TightRule(_Record):
    rule: str = Field(description="rule family (docs/rules.md)")
    where: str = Field(description="the rule instance: a date, 'week N' or 'race day'")
    detail: str = Field(description="the bound that holds with equality")


class PlanChanges(_Record):
    """What a re-plan changed (``peakplan replan``), counted over the days from ``from_date`` on."""

    original_plan_id: str = Field(description="id of the plan that was re-planned")
    from_date: IsoDate = Field(strict=False, description="first re-planned day; the days before it are as run")
    tolerance: float = Field(ge=0, description="readiness given up for fewer changes, at most this share of the "
                                               "best re-plan's gain over stopping now")
    best_readiness: float = Field(description="race-day readiness of the best re-plan (changes not counted)")
    changed_days: int = Field(ge=0, description="days whose session type differs from the original plan")
    minutes_moved: int = Field(ge=0, description="sum over the days of |minutes - the original's minutes|")
    best_changed_days: int = Field(ge=0, description="changed_days of the best re-plan (a from-scratch re-solve)")
    best_minutes_moved: int = Field(ge=0, description="minutes_moved of the best re-plan")
    original_race_time_s: float | None = Field(description="the original plan's predicted finish, seconds")
    original_week_minutes: tuple[int, ...] = Field(
        default=(), description="per week of this plan, the original plan's minutes for the week as far from "
                                "race day (0 where it had none)")


class PlanFile(_Record):
    format: int = Field(default=FORMAT_VERSION, description="version of this file format")
    id: str = Field(default="", description="the plan's id: a hash of its scenario and its days")
    peakplan_version: str = Field(description="version of peakplan that wrote the file")
    status: PlanStatus = Field(description="OPTIMAL: proven best for the model; FEASIBLE: best found in the time limit")
    objective: float = Field(description="race-day readiness of this plan (readiness.race_day)")
    bound: float = Field(description="proven upper bound on race-day readiness (>= objective)")
    gap: float = Field(ge=0, description="(bound - objective) / |objective - readiness without training|")
    race: RaceInfo
    readiness: Readiness
    prediction: Prediction | None = Field(description="predicted race-day VDOT and finish time; null for "
                                                     "readiness models not in VDOT")
    paces: Paces | None = Field(description="training paces the workouts use; null when no race result or goal")
    weeks: tuple[PlanWeek, ...]
    days: tuple[PlanDay, ...] = Field(description="every day from start_date to race day, in order")
    tight_rules: tuple[TightRule, ...] = Field(description="rule instances that hold with equality: what drives the plan")
    scenario: Scenario = Field(strict=False, description="the resolved scenario the plan was made for")
    changes: PlanChanges | None = Field(default=None, description="a re-plan's changes to the plan it re-plans")

    def to_json(self) -> str:
        """The canonical text of the file (field order fixed, so equal plans are equal bytes)."""
        return json.dumps(self.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"

    @property
    def plan_id(self) -> str:
        """The file's id, or one made now for a file written without it."""
        return self.id or plan_id(self.scenario, [(d.session, d.minutes) for d in self.days])

    @property
    def title(self) -> str:
        """'Marathon in 16 weeks: 42.195 km race on 2027-04-18'."""
        return f"{self.scenario.name or 'Training plan'}: {self.race.distance_km:g} km race on {self.race.date}"

    @property
    def training_days(self) -> tuple[PlanDay, ...]:
        return self.days[:-1]

    @property
    def race_day(self) -> PlanDay:
        return self.days[-1]


def plan_id(scenario: Scenario, days: list[tuple[str, int]]) -> str:
    """16 hex digits of SHA-256 over the scenario and each day's session and minutes."""
    import hashlib

    text = json.dumps({"scenario": scenario.model_dump(mode="json"), "days": days}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
