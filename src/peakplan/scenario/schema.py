"""The scenario: pure data describing a goal race, an athlete, availability and rules.

Frozen pydantic v2 models with ``extra="forbid"``; no solver code here. Rule defaults live in
``models/defaults.yaml`` and the model files the scenario names are read by
:mod:`peakplan.scenario.loader`, so a resolved scenario carries every value a plan is made
from: the rules, the session catalogue and the readiness model.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from peakplan.modelfiles import BanisterModel, Catalogue, PmcModel
from peakplan.vocabulary import (
    DEFAULT_READINESS,
    DISTANCE_KM,
    MAX_DAY_MINUTES,
    MAX_RACE_MINUTES,
    WEEKDAYS,
    LoadingPhase,
    Phase,
    Weekday,
    distance_class,
)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RaceResult(Frozen):
    distance: Literal["1500m", "mile", "3k", "5k", "10k", "15k", "half", "marathon"] | float = Field(
        description="distance of the race: 1500m, mile, 3k, 5k, 10k, 15k, half, marathon, or km")
    time: str = Field(description="finishing time, h:mm:ss or mm:ss (sets the training paces)")


class TuneUp(Frozen):
    date: dt.date = Field(description="the tune-up race's day, YYYY-MM-DD, inside the block")
    distance: Literal["5k", "10k", "15k", "half"] | float = Field(description="5k, 10k, 15k, half, or km")

    @property
    def distance_km(self) -> float:
        return TUNE_UP_KM[self.distance] if isinstance(self.distance, str) else float(self.distance)


TUNE_UP_KM = {**DISTANCE_KM, "15k": 15.0}


class Race(Frozen):
    distance: Literal["5k", "10k", "half", "marathon"] | float = Field(
        description="5k, 10k, half, marathon, or any distance in km")
    date: dt.date = Field(description="race day, YYYY-MM-DD: the last day of the block")
    goal_time: str | None = Field(default=None, description="goal finishing time, h:mm:ss (or mm:ss for short "
                                  "races); sets the race-day duration, and the paces when there is no recent_race")
    tune_ups: tuple[TuneUp, ...] = Field(default=(), description="B or C races inside the block, each with a "
                                                                 "mini-taper")

    @property
    def distance_km(self) -> float:
        return DISTANCE_KM[self.distance] if isinstance(self.distance, str) else float(self.distance)

    @property
    def distance_class(self) -> str:
        """Nearest standard distance, used to pick distance-specific defaults."""
        if isinstance(self.distance, str):
            return self.distance
        return distance_class(float(self.distance))


class Athlete(Frozen):
    current_weekly_minutes: int = Field(ge=0, le=2000, description="running minutes a week before the block, "
                                        "minutes (the start of the weekly ramp; or give current_weekly_km / "
                                        "current_weekly_miles)")
    peak_weekly_minutes: int = Field(gt=0, le=2000, description="highest weekly volume the athlete can handle, "
                                     "minutes (or peak_weekly_km / peak_weekly_miles)")
    longest_recent_run_minutes: int = Field(ge=0, le=400, description="longest run of the last weeks, minutes "
                                            "(the long run grows from it; or longest_recent_run_km / "
                                            "longest_recent_run_miles)")
    level: Literal["novice", "intermediate", "advanced", "masters"] = Field(
        default="intermediate", description="novice: a beginner's defaults (run-walk, at most one quality session); "
                                            "masters: two easy days between hard days; derived from current "
                                            "volume (novice or intermediate) when not given")
    ctl: float | None = Field(default=None, ge=0, le=300, description="CTL (fitness) at block start, load/day; "
                              "derived from the loads before the block if absent")
    atl: float | None = Field(default=None, ge=0, le=400, description="ATL (fatigue) at block start, load/day; "
                              "derived from the loads before the block if absent")
    recent_race: RaceResult | None = Field(default=None, description="a recent race result: sets the training "
                                           "paces and the current VDOT (Daniels)")
    vdot: float | None = Field(default=None, ge=15, le=90,
                               description="current VDOT (Daniels), ml/kg/min; else from recent_race, else the goal time")
    history: str | None = Field(default=None, description="a history file written by `peakplan history` (a path, "
                                "relative to the scenario): the block starts from its real daily loads, and it "
                                "fills in current_weekly_minutes, longest_recent_run_minutes and recent_race "
                                "when they are not given")
    loads_before: tuple[Annotated[float, Field(ge=0, le=2000)], ...] = Field(
        default=(), max_length=5000, description="daily loads (hours x IF^2 x 100) of the days before start_date, "
        "oldest first, the last one the day before; filled in from athlete.history. Empty: the athlete's "
        "current volume run easy, steadily")


class Availability(Frozen):
    max_minutes: dict[Weekday, int] = Field(description="max running minutes per weekday (all seven: mon .. sun), "
                                            "minutes; 0 = no running that day")
    blackout_dates: tuple[dt.date, ...] = Field(default=(), description="dates without running (travel, "
                                                "illness), YYYY-MM-DD, inside the block")
    easy_only_dates: tuple[dt.date, ...] = Field(default=(), description="dates with easy running only: no hard "
                                                 "session and no long run (the return from an illness), YYYY-MM-DD")
    date_caps: dict[dt.date, int] = Field(default_factory=dict,
                                          description="dates with their own minutes available, fewer or more than "
                                                      "their weekday's (travel days, a free holiday), minutes")
    interrupted_below: float = Field(default=0.75, gt=0, le=1,
                                     description="a week with fewer available minutes than this share of a normal "
                                                 "week is interrupted (holiday): it is no reference for later "
                                                 "weeks, share")
    long_run_day: Weekday = Field(default="sun", description="preferred weekday of the long run")
    max_running_days_per_week: int | None = Field(default=None, ge=1, le=7, description="at most this many "
                                                  "running days a week, days; none: no limit")

    @model_validator(mode="after")
    def _all_weekdays(self) -> Availability:
        missing = [d for d in WEEKDAYS if d not in self.max_minutes]
        if missing:
            raise ValueError(f"max_minutes needs all seven weekdays; missing {', '.join(missing)}")
        if any(not 0 <= m <= MAX_DAY_MINUTES for m in (*self.max_minutes.values(), *self.date_caps.values())):
            raise ValueError(f"minutes of a day (max_minutes, date_caps) must be between 0 and {MAX_DAY_MINUTES}")
        return self


class Rule(Frozen):
    enabled: bool = Field(default=True, description="false switches the rule off")


class WeeklyRamp(Rule):
    max_increase: float = Field(ge=0, le=1, description="largest growth of weekly volume over the last normal "
                                "loading week, share (0.10 = +10 %)")
    after_break_factor: float = Field(
        default=0.75, gt=0, le=1.5, description="the first week after an interrupted week at most this share of "
                                                "the last normal loading week, share")


class Deload(Rule):
    every_weeks: int = Field(ge=2, le=12, description="at most this many weeks from one recovery week to the next, "
                             "weeks")
    volume_factor: float = Field(gt=0, le=1, description="a recovery week at most this share of the week before, "
                                 "share")
    at_phase_ends: bool = Field(default=True, description="recovery weeks at the ends of the loading phases")
    return_factor: float = Field(default=1.0, gt=0, le=1.5,
                                 description="the week after a recovery week at most this share of the week before "
                                             "it, share")


class HardEasy(Rule):
    min_easy_days_between: int = Field(ge=0, le=3, description="easy days at least between two hard days, days")
    long_run_counts_as_hard: bool = Field(
        default=True, description="the long run needs the same easy days around it as a hard session "
                                  "(it still does not count toward max_hard_per_week)")
    back_to_back_per_week: int = Field(ge=0, le=3, description="hard days on consecutive days allowed per week, "
                                       "pairs")
    max_hard_per_week: int = Field(ge=0, le=7, description="hard sessions a week at most (race and long run "
                                   "excluded), sessions")


class LongRun(Rule):
    max_share_by_days: dict[int, float] = Field(
        description="long run at most this share of the week, by running days available in the week (3..7), share")
    max_minutes: int = Field(gt=0, le=400, description="longest long run, minutes")
    max_growth: float = Field(ge=0, le=1, description="no run more than (1 + this) x the longest run so far, share")
    required_weekly: bool = Field(description="one long run in every full, normal week but race week")
    min_peak_share_of_race: float = Field(
        default=0.0, ge=0, le=3, description="the block's longest run at least this share of the race's duration, "
                                             "share")
    min_peak_cap_minutes: int = Field(default=0, ge=0, le=400,
                                      description="... but the minimum never asks for more than this many minutes")

    @model_validator(mode="after")
    def _shares(self) -> LongRun:
        if not self.max_share_by_days or any(not 1 <= k <= 7 or not 0 < v <= 1 for k, v in self.max_share_by_days.items()):
            raise ValueError("max_share_by_days maps running days 1..7 to a share in (0, 1]")
        return self

    def share_for(self, running_days: int) -> float:
        """The long-run share for a week with ``running_days`` days available: the entry for that
        many days, else the nearest one written."""
        days = min(self.max_share_by_days, key=lambda k: (abs(k - running_days), -k))
        return self.max_share_by_days[days]


class LongRunBuild(Rule):
    min_share_of_longest: float = Field(ge=0, le=1, description="outside recovery weeks the long run is at least this "
                                                                "share of the longest long run of the block so far, "
                                                                "share")


class IntensityMix(Rule):
    min_low_intensity_share: float = Field(ge=0, le=1, description="at least this share of each week's minutes at "
                                           "low intensity, share")


class QualityCaps(Rule):
    threshold_share: float = Field(ge=0, le=1, description="a threshold main set at most this share of the week, "
                                   "share")
    intervals_share: float = Field(ge=0, le=1, description="an interval main set at most this share of the week, "
                                   "share")
    repetitions_share: float = Field(ge=0, le=1, description="a repetition main set at most this share of the week, "
                                     "share")
    marathon_pace_max_minutes: int = Field(ge=0, le=400, description="a marathon-pace main set at most this long, "
                                           "minutes")


class Taper(Rule):
    weeks: int = Field(ge=0, le=4, description="taper weeks before race week, weeks")
    volume_bands: tuple[tuple[float, float], ...] = Field(
        description="per taper week and then race week: (lowest, highest) volume as a share of the peak loading "
                    "week, shares")
    long_run_bands: tuple[tuple[float, float], ...] = Field(
        default=(), description="per taper week: (lowest, highest) long run as a share of the block's longest run, "
                                "shares")
    keep_frequency: bool = Field(description="running days in each taper week at least those of the peak week minus one")

    @model_validator(mode="after")
    def _bands(self) -> Taper:
        if len(self.volume_bands) != self.weeks + 1:
            raise ValueError(f"volume_bands needs {self.weeks + 1} (low, high) pairs: one per taper week and race week")
        if len(self.long_run_bands) not in (0, self.weeks):
            raise ValueError(f"long_run_bands needs {self.weeks} (low, high) pairs, one per taper week, or none")
        for low, high in (*self.volume_bands, *self.long_run_bands):
            if not 0 <= low <= high <= 1.5:
                raise ValueError(f"a band ({low}, {high}) must have 0 <= low <= high <= 1.5")
        return self


class RaceWeek(Rule):
    max_hard_sessions: int = Field(ge=0, le=7, description="hard sessions in race week at most, sessions")
    easy_days_before_race: int = Field(ge=0, le=6, description="no hard session in this many days before the race, "
                                       "days")


class Phases(Rule):
    shares: dict[LoadingPhase, float] = Field(description="share of the loading weeks in each phase (base, build, "
                                              "race_specific, peak), shares (normalised)")

    @model_validator(mode="after")
    def _shares(self) -> Phases:
        if any(s < 0 for s in self.shares.values()) or sum(self.shares.values()) <= 0:
            raise ValueError("phase shares must be >= 0 and not all zero")
        return self


class Acwr(Rule):
    max_ratio: float = Field(gt=0, le=5, description="ATL / CTL at most this on every day after the warm-up")
    warmup_days: int = Field(ge=0, le=420, description="days at the start of the block the ratio is not checked")


class CtlRamp(Rule):
    max_per_week: float = Field(gt=0, le=100, description="CTL points gained per week at most")


class AtlCap(Rule):
    max_atl: float = Field(gt=0, le=1000, description="ATL (load per day, 7-day average) at most")


class Progression(Rule):
    phase_ceilings: dict[LoadingPhase, float] = Field(
        description="weekly volume in each loading phase at most this share of athlete.peak_weekly_minutes")
    one_change_per_week: bool = Field(description="volume and quality minutes never both rise in the same week")
    key_sessions_grow: bool = Field(
        description="a session type a phase requires every week never gets shorter from one loading week to the next")


class Bounds(Frozen):
    min: int = Field(default=0, ge=0, le=7, description="at least this many sessions a week, sessions")
    max: int | None = Field(default=None, ge=0, le=7, description="at most this many sessions a week, sessions; "
                            "none: no upper bound")
    max_per_phase: int | None = Field(default=None, ge=0, le=60, description="at most this many sessions in the "
                                      "whole phase, sessions")


class Quotas(Rule):
    per_phase: dict[Phase, dict[str, Bounds]] = Field(default_factory=dict, description="per phase, per session "
                                                      "type of the catalogue (or any_hard): sessions a week")

    def of_phase(self, phase: str | None) -> dict[str, Bounds]:
        """The quota entries of ``phase`` (none for an unknown or missing phase)."""
        return self.per_phase.get(phase, {}) if phase else {}  # type: ignore[call-overload]


class Rules(Frozen):
    weekly_ramp: WeeklyRamp = Field(description="weekly volume grows at most max_increase (docs/rules.md)")
    deload: Deload = Field(description="a recovery week at least every every_weeks weeks")
    hard_easy: HardEasy = Field(description="hard days spaced by easy days, hard sessions per week capped")
    long_run: LongRun = Field(description="one long run a week, capped by share, minutes and growth")
    long_run_build: LongRunBuild = Field(description="the long run holds near the longest so far outside recovery "
                                                     "weeks")
    intensity_mix: IntensityMix = Field(description="mostly easy minutes every week")
    quality_caps: QualityCaps = Field(description="Daniels' caps on one session's main set")
    taper: Taper = Field(description="volume and long run inside bands over the taper weeks and race week")
    race_week: RaceWeek = Field(description="a light, sharp race week")
    phases: Phases = Field(description="the split of the loading weeks into phases")
    quotas: Quotas = Field(description="sessions per week of each type, by phase")
    progression: Progression = Field(description="phase volume ceilings, one change a week, key sessions grow")
    acwr: Acwr = Field(description="acute:chronic workload ratio capped (off by default)")
    ctl_ramp: CtlRamp = Field(description="fitness (CTL) gain per week capped (off by default)")
    atl_cap: AtlCap = Field(description="fatigue (ATL) capped (off by default)")


class RaceSession(Frozen):
    minutes: int = Field(gt=0, le=MAX_RACE_MINUTES, description="race duration, minutes (default: the goal time, "
                         "else predicted from recent_race, else models/defaults.yaml race)")
    intensity_factor: float = Field(gt=0, le=1.5, description="race intensity factor (1.0 = threshold)")


class ModelChoice(Frozen):
    readiness: str = Field(default=DEFAULT_READINESS,
                           description="name in models/ (runner, pmc, banister) or a path to a YAML file")
    catalogue: str = Field(default="catalogue", description="name in models/ or a path to a YAML file")


class Solver(Frozen):
    preset: str | None = Field(default=None, description="CP-SAT settings by name from models/solver-presets.yaml: "
                               "proof (the default: one worker, deterministic) or fast (two workers)")
    time_limit_s: float = Field(default=60.0, gt=0, le=86400, description="solver time limit, seconds")
    workers: int | None = Field(default=None, ge=1, le=64, description="CP-SAT workers; default: the preset's "
                                "(proof: 1, fast: 2)")
    seed: int = Field(default=0, ge=0, le=2**31 - 1, description="CP-SAT random seed (same seed, same plan)")


class FixedDay(Frozen):
    date: dt.date = Field(description="a day already run, YYYY-MM-DD")
    session: str = Field(description="the session type the day counts as ('rest' for a day without running)")
    minutes: int = Field(ge=0, le=MAX_DAY_MINUTES, description="running minutes actually done")
    note: Literal["as planned", "shorter", "longer", "moved", "extra", "missed", "rest", "as done"] = Field(
        default="as done", description="how the day compares with the original plan")
    planned_session: str | None = Field(default=None, description="the original plan's session type on this day")
    planned_minutes: int | None = Field(default=None, ge=0, le=MAX_DAY_MINUTES,
                                        description="the original plan's minutes on this day")


class Replan(Frozen):
    """A re-planned block: the days already run are fixed, and the rest may not catch up."""

    original_plan_id: str = Field(description="id of the plan this one re-plans (PlanFile.id)")
    from_date: dt.date = Field(description="first day that is planned again; the days before it are fixed")
    fixed_days: tuple[FixedDay, ...] = Field(description="every training day before from_date, as done")
    week_caps: dict[int, int] = Field(default_factory=dict, description="no catch-up: week number -> the original "
                                      "plan's minutes for that week (weeks counted back from race day)")
    excused: tuple[tuple[str, str], ...] = Field(
        default=(), description="rule instances (rule, where) of the weeks already under way that the days done "
                                "already break: not enforced")


class Scenario(Frozen):
    name: str = Field(default="", description="a name for the block, shown in plans and reports")
    start_date: dt.date = Field(description="first day of the block, YYYY-MM-DD")
    race: Race = Field(description="the goal race")
    athlete: Athlete = Field(description="the runner's current training")
    availability: Availability = Field(description="when and how long the runner can run")
    rules: Rules = Field(description="the coaching rules; each has defaults by race distance and level "
                                     "(models/defaults.yaml)")
    race_session: RaceSession = Field(description="the race day as a session: duration and intensity")
    model: ModelChoice = Field(default=ModelChoice(), description="the model files: readiness model and session "
                               "catalogue")
    solver: Solver = Field(default=Solver(), description="CP-SAT settings")
    units: Literal["km", "mi"] = Field(default="km", description="units of distances and paces in the output")
    replan: Replan | None = Field(default=None, description="set by `peakplan replan`: the fixed days and the "
                                                             "no-catch-up caps")
    catalogue: Catalogue = Field(description="the session catalogue model.catalogue names, as read")
    readiness: BanisterModel | PmcModel = Field(discriminator="kind",
                                                description="the readiness model model.readiness names, as read")

    @model_validator(mode="after")
    def _dates(self) -> Scenario:
        days = (self.race.date - self.start_date).days
        if days < 7:
            raise ValueError("race.date must be at least 7 days after start_date")
        if days > 7 * 60:
            raise ValueError("the block is longer than 60 weeks; move start_date closer to race.date")
        weeks = -(-self.n_days // 7)
        if weeks < self.rules.taper.weeks + 2:
            raise ValueError(
                f"the block has {weeks} weeks, too short for a {self.rules.taper.weeks}-week taper plus race week"
                " and one loading week; move start_date earlier or lower rules.taper.weeks")
        for d in (*self.availability.blackout_dates, *self.availability.easy_only_dates, *self.availability.date_caps,
                  *(t.date for t in self.race.tune_ups)):
            if not self.start_date <= d < self.race.date:
                raise ValueError(f"date {d} (a blackout, easy-only date, date cap or tune-up race) is outside the block "
                                 f"({self.start_date} to the day before the race)")
        return self

    @property
    def n_days(self) -> int:
        """Days from start_date to race day inclusive."""
        return (self.race.date - self.start_date).days + 1
