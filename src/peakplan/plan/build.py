"""From a day-by-day choice of sessions to a complete plan file: the one plan pipeline.

The solver (or a benchmark's template, or a test) gives one session name and its minutes per
training day; :func:`build_plan` adds everything a plan file states: each day's workout, km,
load and CTL/ATL/TSB, the weekly totals, race-day readiness, the paces. Readiness comes from
:mod:`peakplan.readiness`, the same functions the CP-SAT objective is built from.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from peakplan import __version__
from peakplan.calendar import Calendar
from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.paces import Paces, paces_from_race
from peakplan.plan.file import PlanDay, PlanFile, PlanStatus, PlanWeek, RaceInfo, Readiness, TightRule
from peakplan.readiness import baseline, race_day_value, start_state, trajectory
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import RACE, REST
from peakplan.workouts import Workout, build_workout

LOAD_DECIMALS = 3  # loads, CTL, ATL and TSB are written to 3 decimals; readiness uses the written loads


def plan_paces(scenario: Scenario) -> Paces | None:
    """Paces from the athlete's recent race, else from the race goal time, else None (effort names).

    Daniels sets paces from current fitness (a recent race); a goal time is the fallback.
    """
    result = scenario.athlete.recent_race
    if result is not None:
        return paces_from_race(result.distance, result.time)
    if scenario.race.goal_time:
        return paces_from_race(scenario.race.distance_km, scenario.race.goal_time)
    return None


def session_loads(scenario: Scenario, sessions: Sequence[str], minutes: Sequence[int]) -> np.ndarray:
    """Each day's load (training days, then the race), rounded as the plan file writes it."""
    race = scenario.race_session
    loads = []
    for name, mins in zip(sessions, minutes, strict=True):
        kind = scenario.catalogue.type_of(name)
        loads.append(round(mins * kind.load_per_minute, LOAD_DECIMALS) if kind is not None else 0.0)
    loads.append(round(race.minutes * race.intensity_factor**2 * 100.0 / 60.0, LOAD_DECIMALS))
    return np.array(loads)


def build_plan(scenario: Scenario, sessions: Sequence[str], minutes: Sequence[int], *,
               status: PlanStatus = "FEASIBLE", bound: float | None = None,
               tight_rules: Sequence[TightRule] = ()) -> PlanFile:
    """The plan file of a day-by-day plan (race day excluded from ``sessions``/``minutes``).

    ``bound`` is the solver's proven bound on readiness (None: the plan's own readiness, as for a
    plan nobody proved anything about); the gap is derived from it.
    """
    cal = Calendar(scenario)
    paces = plan_paces(scenario)
    loads = session_loads(scenario, sessions, minutes)
    start = start_state(scenario.athlete)
    days = _days(scenario, cal, paces, [*sessions, RACE], [*minutes, scenario.race_session.minutes], loads, start)
    readiness = _readiness(scenario, loads, start, days)
    objective = readiness.race_day
    bound = objective if bound is None else max(bound, objective)
    rest = baseline(scenario.readiness, cal.race_day, start)
    return PlanFile(
        peakplan_version=__version__, status=status, objective=objective, bound=bound,
        gap=(bound - objective) / max(abs(objective - rest), 1e-9),
        race=RaceInfo(date=scenario.race.date, distance_km=scenario.race.distance_km),
        readiness=readiness, paces=paces, weeks=tuple(_weeks(scenario, cal, days)), days=tuple(days),
        tight_rules=tuple(tight_rules), scenario=scenario)


def _days(scenario: Scenario, cal: Calendar, paces: Paces | None, sessions: list[str], minutes: list[int],
          loads: np.ndarray, start: tuple[float, float]) -> list[PlanDay]:
    path = trajectory(scenario.readiness, loads, start)
    race_km = scenario.race.distance_km
    days = []
    for d, (name, mins) in enumerate(zip(sessions, minutes, strict=True)):
        kind, phase, week = scenario.catalogue.type_of(name), cal.phase_of_day(d), cal.week_of(d)
        workout: Workout | None = None
        if name != REST and mins > 0:
            workout = build_workout(name, mins, phase, paces, race_km=race_km, progress=cal.progress_in_phase(week),
                                    catalogue=scenario.catalogue)
        days.append(PlanDay(
            date=cal.date(d), weekday=cal.weekday(d), week=week, phase=phase, session=name, minutes=mins,
            km=round(race_km if name == RACE else (workout.km if workout else 0.0), 2), load=float(loads[d]),
            hard=name == RACE or bool(kind and kind.hard), ctl=_r(path.ctl[d]), atl=_r(path.atl[d]),
            tsb=_r(path.tsb[d]), workout=workout))
    return days


def _r(value: float) -> float:
    return round(float(value), LOAD_DECIMALS)


def _weeks(scenario: Scenario, cal: Calendar, days: Sequence[PlanDay]) -> list[PlanWeek]:
    sessions = scenario.catalogue.sessions
    weeks = []
    for w in cal.weeks:
        train = [days[d] for d in cal.training_days_of_week(w)]
        total = sum(d.minutes for d in train)
        low = sum((1 - sessions[d.session].quality_fraction) * d.minutes for d in train if d.session in sessions)
        weeks.append(PlanWeek(
            week=w, phase=cal.phase_by_week[w], deload=w in cal.deload_weeks, days=cal.week_length(w),
            minutes=total, load=round(sum(d.load for d in train), LOAD_DECIMALS),
            low_intensity_share=round(low / total, 4) if total else 1.0,
            hard_sessions=sum(d.hard for d in train),
            long_run_minutes=max((d.minutes for d in train if d.session in sessions and sessions[d.session].long),
                                 default=0)))
    return weeks


def _readiness(scenario: Scenario, loads: np.ndarray, start: tuple[float, float],
               days: Sequence[PlanDay]) -> Readiness:
    model = scenario.readiness
    race_day = len(loads) - 1
    value = race_day_value(model, loads[:race_day], start)
    params: dict[str, float]
    if isinstance(model, BanisterModel):
        params = {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                  "tau_fatigue_days": model.tau_fatigue_days, "p0": model.p0}
    else:
        assert isinstance(model, PmcModel)
        params = {"tau_ctl_days": model.tau_ctl_days, "tau_atl_days": model.tau_atl_days,
                  "tsb_min": model.tsb_min, "tsb_max": model.tsb_max, "ctl0": start[0], "atl0": start[1]}
    path = trajectory(model, loads[:race_day], start)
    ctl, atl = float(path.ctl[-1]), float(path.atl[-1])
    return Readiness(model=model.kind, race_day=value, params=params, ctl=_r(ctl), atl=_r(atl), tsb=_r(ctl - atl))
