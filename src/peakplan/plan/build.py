"""From a day-by-day choice of sessions to a complete plan file: the one plan pipeline.

The solver (or a benchmark's template, or a test) gives one session name and its minutes per
training day; :func:`build_plan` adds everything a plan file states: each day's workout, km,
load and CTL/ATL/TSB, the weekly totals, race-day readiness and, for a VDOT model, the predicted
finish time. Loads come from :mod:`peakplan.athlete` and readiness from :mod:`peakplan.readiness`,
the same functions the CP-SAT objective is built from.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from peakplan import __version__
from peakplan.athlete import current_fitness, loads_of, plan_paces, pre_block_loads, start_state, steady_daily_load
from peakplan.calendar import Calendar
from peakplan.loads import LoadTable
from peakplan.modelfiles import BanisterModel, PmcModel
from peakplan.paces import Paces, race_time_s
from peakplan.plan.file import PlanDay, PlanFile, PlanStatus, PlanWeek, Prediction, RaceInfo, Readiness, TightRule, plan_id
from peakplan.readiness import baseline, race_day_value, trajectory
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import RACE, REST
from peakplan.workouts import Workout, build_workout

LOAD_DECIMALS = 3  # loads, CTL, ATL and TSB are written to 3 decimals; readiness uses the written loads
__all__ = ["build_plan", "plan_paces", "session_loads"]


def session_loads(scenario: Scenario, sessions: Sequence[str], minutes: Sequence[int],
                  table: LoadTable | None = None) -> np.ndarray:
    """Each day's load (training days, then the race), rounded as the plan file writes it."""
    table = table or loads_of(scenario)
    loads = [round(table.of(name, mins, d), LOAD_DECIMALS) for d, (name, mins) in enumerate(zip(sessions, minutes,
                                                                                                strict=True))]
    loads.append(round(scenario.race_session.minutes * table.race_per_minute, LOAD_DECIMALS))
    return np.array(loads)


def build_plan(scenario: Scenario, sessions: Sequence[str], minutes: Sequence[int], *,
               status: PlanStatus = "FEASIBLE", bound: float | None = None,
               tight_rules: Sequence[TightRule] = ()) -> PlanFile:
    """The plan file of a day-by-day plan (race day excluded from ``sessions``/``minutes``).

    ``bound`` is the solver's proven bound on readiness (None: the plan's own readiness, as for a
    plan nobody proved anything about); the gap is derived from it.
    """
    cal, paces, table = Calendar(scenario), plan_paces(scenario), loads_of(scenario)
    loads = session_loads(scenario, sessions, minutes, table)
    start, before = start_state(scenario, table), pre_block_loads(scenario, table)
    days = _days(scenario, cal, paces, [*sessions, RACE], [*minutes, scenario.race_session.minutes], loads, start)
    readiness = _readiness(scenario, loads, start, before)
    objective = readiness.race_day
    bound = objective if bound is None else max(bound, objective)
    rest = baseline(scenario.readiness, cal.race_day, start, before)
    return PlanFile(
        id=plan_id(scenario, [(d.session, d.minutes) for d in days]),
        peakplan_version=__version__, status=status, objective=objective, bound=bound,
        gap=(bound - objective) / max(abs(objective - rest), 1e-9),
        race=RaceInfo(date=scenario.race.date, distance_km=scenario.race.distance_km),
        readiness=readiness, prediction=_prediction(scenario, objective, rest, start, before, table),
        paces=paces, weeks=tuple(_weeks(scenario, cal, days)), days=tuple(days),
        tight_rules=tuple(tight_rules), scenario=scenario)


def _days(scenario: Scenario, cal: Calendar, paces: Paces | None, sessions: list[str], minutes: list[int],
          loads: np.ndarray, start: tuple[float, float]) -> list[PlanDay]:
    path = trajectory(scenario.readiness, loads, start)
    race_km, tune_ups = scenario.race.distance_km, cal.tune_up_days
    days = []
    for d, (name, mins) in enumerate(zip(sessions, minutes, strict=True)):
        kind, phase, week = scenario.catalogue.type_of(name), cal.phase_of_day(d), cal.week_of(d)
        workout: Workout | None = None
        if name != REST and mins > 0:
            workout = build_workout(name, mins, phase, paces, race_km=tune_ups.get(d, race_km),
                                    progress=cal.progress_in_phase(week), week_in_phase=cal.week_in_phase(week),
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


def _readiness(scenario: Scenario, loads: np.ndarray, start: tuple[float, float], before: np.ndarray) -> Readiness:
    model = scenario.readiness
    race_day = len(loads) - 1
    value = race_day_value(model, loads[:race_day], start, before)
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


def _finish_s(vdot: float, distance_km: float) -> float | None:
    try:
        return round(race_time_s(vdot, distance_km * 1000.0), 1)
    except ValueError:  # a VDOT the equations do not cover
        return None


def _prediction(scenario: Scenario, objective: float, no_training: float, start: tuple[float, float],
                before: np.ndarray, table: LoadTable) -> Prediction | None:
    """Race-day VDOT and finish time, against stopping now and against training on as now."""
    model = scenario.readiness
    if not isinstance(model, BanisterModel) or model.unit != "vdot":
        return None
    race_day = Calendar(scenario).race_day
    fitness = current_fitness(scenario)
    steady = np.full(race_day, steady_daily_load(scenario, table))
    keep = race_day_value(model, steady, start, before)
    km = scenario.race.distance_km
    return Prediction(unit="vdot", current_vdot=round(fitness.vdot, 6), current_source=fitness.source,
                      race_day_vdot=objective, race_time_s=_finish_s(objective, km),
                      current_race_time_s=_finish_s(fitness.vdot, km), no_training_vdot=round(no_training, 6),
                      keep_training_vdot=round(keep, 6))
