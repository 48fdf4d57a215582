"""Solve a scenario: build the CP-SAT model, run it, and turn the answer into a Result."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from peakplan.model.build import build
from peakplan.model.calendar import Calendar
from peakplan.model.presets import preset_names
from peakplan.model.progress import ProgressHook, Stop
from peakplan.model.solver import RawSolution, readiness_bound
from peakplan.model.solver import solve as run_solver
from peakplan.modelfiles import BanisterModel, Catalogue, ReadinessModel
from peakplan.pmc import PMC_TAU_ATL_DAYS, PMC_TAU_CTL_DAYS, ewma, start_state
from peakplan.result import SOLUTION_PRESENT, PlanDay, PlanWeek, Result, TightRule
from peakplan.scenario.loader import ScenarioError, closest
from peakplan.scenario.schema import Scenario
from peakplan.workouts import build_workout, phase_progress, plan_paces, workout_summary

RACE = "race"


def load_models(scenario: Scenario) -> tuple[Catalogue, ReadinessModel]:
    """The catalogue and readiness model the scenario names; ScenarioError names file, line and fix."""
    from peakplan.scenario.model_files import load_model

    out = [load_model(field, getattr(scenario.model, field)) for field in ("catalogue", "readiness")]
    catalogue, readiness = out
    _check_quota_names(scenario, catalogue)
    _check_long_type(scenario, catalogue)
    if scenario.solver.preset is not None and scenario.solver.preset not in preset_names():
        raise ScenarioError(f"solver.preset = {scenario.solver.preset!r} is not a preset of models/solver-presets.yaml; "
                            f"use one of {', '.join(preset_names())}, or leave it out for the default.")
    return catalogue, readiness


def _check_long_type(scenario: Scenario, catalogue: Catalogue) -> None:
    rule = scenario.rules.long_run
    if rule.enabled and rule.required_weekly and not any(s.long for s in catalogue.sessions.values()):
        raise ScenarioError(
            "rules.long_run.required_weekly is true but the catalogue has no session type with `long: true`. "
            "Add a long session type to the catalogue, or set rules.long_run.required_weekly: false.")


def _check_quota_names(scenario: Scenario, catalogue: Catalogue) -> None:
    if not scenario.rules.quotas.enabled:
        return
    for phase, quota in scenario.rules.quotas.per_phase.items():
        for key in quota:
            if key != "any_hard" and key not in catalogue.sessions:
                close = closest(key, [*catalogue.sessions, "any_hard"])
                hint = f" Did you mean {close!r}?" if close else ""
                raise ScenarioError(
                    f"rules.quotas.per_phase.{phase}.{key}: the catalogue has no session type {key!r} "
                    f"(it has {', '.join(catalogue.sessions)}).{hint} Rename the quota, or set "
                    "rules.quotas.enabled: false.")


def solve(scenario: Scenario, *, on_progress: ProgressHook | None = None, stop: Stop | None = None,
          first_solution: bool = False, models: tuple[Catalogue, ReadinessModel] | None = None) -> Result:
    """Solve to proven optimality (or the time limit). Never raises for infeasibility.

    ``on_progress`` receives a :class:`~peakplan.model.progress.Progress` about every 0.1 s;
    ``stop.request()`` (from a signal handler, say) ends the search and keeps the best plan so far
    (status FEASIBLE); ``first_solution`` stops at the first plan found; ``models`` replaces the
    catalogue and readiness model the scenario names.
    """
    catalogue, readiness = models if models is not None else load_models(scenario)
    ctx, objective = build(scenario, catalogue, readiness)
    raw = run_solver(ctx, objective, scenario.solver, on_progress=on_progress, stop=stop,
                     first_solution=first_solution)
    if raw.status not in SOLUTION_PRESENT:
        return Result(status=raw.status, scenario=scenario, solve_time_s=raw.wall_time_s)
    result = result_from_plan(scenario, raw.sessions, raw.minutes, status=raw.status,
                              models=(catalogue, readiness), solve_time_s=raw.wall_time_s)
    bound = result.objective if raw.status == "OPTIMAL" else max(result.objective, readiness_bound(raw, objective))
    baseline = readiness.p0 if isinstance(readiness, BanisterModel) else objective.offset
    result.bound = bound
    result.gap = (bound - result.objective) / max(abs(result.objective - baseline), 1e-9)
    result.tight_rules = [TightRule(*t) for t in raw.tight]
    return result


def result_from_plan(scenario: Scenario, sessions: Sequence[str], minutes: Sequence[int], *,
                     status: str = "FEASIBLE", models: tuple[Catalogue, ReadinessModel] | None = None,
                     solve_time_s: float = 0.0) -> Result:
    """A Result for a given day-by-day plan (one session name and minutes per training day, race
    day excluded): days with workouts and CTL/ATL/TSB, weeks, race-day readiness. Bound and gap
    are those of a plan nobody proved anything about (bound = objective, gap 0) until the caller
    sets them; ``solve`` does, and so do benchmarks scoring template plans."""
    catalogue, readiness = models if models is not None else load_models(scenario)
    cal = Calendar(scenario)
    result = Result(status=status, scenario=scenario, solve_time_s=solve_time_s)
    raw = RawSolution(status=status, sessions=list(sessions), minutes=list(minutes))
    result.days = plan_days(scenario, cal, catalogue, readiness, raw)
    result.weeks = plan_weeks(cal, catalogue, result.days)
    result.readiness = readiness_summary(scenario, cal, readiness, result.days, start_state(scenario.athlete))
    result.objective = result.bound = result.readiness["race_day"]
    result.gap = 0.0
    return result


def plan_days(scenario: Scenario, cal: Calendar, catalogue: Catalogue, readiness: ReadinessModel,
              raw: RawSolution) -> list[PlanDay]:
    sessions = [*raw.sessions, RACE]
    minutes = [*raw.minutes, scenario.race_session.minutes]
    loads = [round(m * _load_per_minute(scenario, catalogue, s), 3) for s, m in zip(sessions, minutes, strict=True)]
    ctl, atl = _pmc_series(scenario, readiness, np.array(loads))
    paces = plan_paces(scenario)
    progress = phase_progress([{"week": cal.week_of(d), "phase": cal.phase_of_day(d)} for d in range(cal.n_days)])
    start_ctl, start_atl = start_state(scenario.athlete)
    days = []
    for d, (name, mins, load) in enumerate(zip(sessions, minutes, loads, strict=True)):
        kind, phase, week = catalogue.sessions.get(name), cal.phase_of_day(d), cal.week_of(d)
        workout = build_workout(name, mins, phase, paces, race_km=scenario.race.distance_km,
                                progress=progress[week], catalogue=catalogue)
        prev_ctl, prev_atl = (ctl[d - 1], atl[d - 1]) if d else (start_ctl, start_atl)
        days.append(PlanDay(
            date=cal.date(d), weekday=cal.weekday(d), week=week, phase=phase, session=name, minutes=mins,
            km=round(scenario.race.distance_km, 2) if name == RACE else round(workout.km, 2), load=load,
            hard=name == RACE or bool(kind and kind.hard),
            ctl=round(float(ctl[d]), 3), atl=round(float(atl[d]), 3), tsb=round(float(prev_ctl - prev_atl), 3),
            workout=workout_summary(workout) if mins else ""))
    return days


def _load_per_minute(scenario: Scenario, catalogue: Catalogue, name: str) -> float:
    if name == RACE:
        return scenario.race_session.intensity_factor**2 * 100.0 / 60.0
    kind = catalogue.sessions.get(name)
    return kind.load_per_minute if kind else 0.0


def _pmc_series(scenario: Scenario, readiness: ReadinessModel, loads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Daily CTL/ATL: the pmc model's own time constants, else Coggan's 42/7 (docs/rules.md)."""
    ctl0, atl0 = start_state(scenario.athlete)
    if isinstance(readiness, BanisterModel):
        tau_ctl, tau_atl = PMC_TAU_CTL_DAYS, PMC_TAU_ATL_DAYS
    else:
        tau_ctl, tau_atl = readiness.tau_ctl_days, readiness.tau_atl_days
    return ewma(loads, tau_ctl, ctl0), ewma(loads, tau_atl, atl0)


def plan_weeks(cal: Calendar, catalogue: Catalogue, days: Sequence[PlanDay]) -> list[PlanWeek]:
    weeks = []
    for w in cal.weeks:
        train = [days[d] for d in cal.training_days_of_week(w)]
        minutes = sum(d.minutes for d in train)
        low = sum((1 - catalogue.sessions[d.session].quality_fraction) * d.minutes
                  for d in train if d.session in catalogue.sessions)
        weeks.append(PlanWeek(
            week=w, phase=cal.phase_by_week[w], deload=w in cal.deload_weeks, days=cal.week_length(w),
            minutes=minutes, load=round(sum(d.load for d in train), 3),
            low_intensity_share=round(low / minutes, 4) if minutes else 1.0,
            hard_sessions=sum(d.hard for d in train),
            long_run_minutes=max((d.minutes for d in train if catalogue.sessions.get(d.session) and
                                  catalogue.sessions[d.session].long), default=0)))
    return weeks


def readiness_summary(scenario: Scenario, cal: Calendar, model: ReadinessModel,
                      days: Sequence[PlanDay], start: tuple[float, float]) -> dict:
    T = cal.race_day
    loads = np.array([d.load for d in days[:T]])
    n_before = T - np.arange(T)
    if isinstance(model, BanisterModel):
        weights = model.k1 * np.exp(-n_before / model.tau_fitness_days) - model.k2 * np.exp(-n_before / model.tau_fatigue_days)
        value = model.p0 + float(weights @ loads)
        params = {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                  "tau_fatigue_days": model.tau_fatigue_days, "p0": model.p0}
        ctl, atl = days[T - 1].ctl, days[T - 1].atl
    else:
        ctl_series, atl_series = ewma(loads, model.tau_ctl_days, start[0]), ewma(loads, model.tau_atl_days, start[1])
        ctl, atl = float(ctl_series[-1]), float(atl_series[-1])
        value = ctl
        params = {"tau_ctl_days": model.tau_ctl_days, "tau_atl_days": model.tau_atl_days,
                  "tsb_min": model.tsb_min, "tsb_max": model.tsb_max, "ctl0": start[0], "atl0": start[1]}
    return {"model": model.kind, "race_day": value, "params": params,
            "ctl": round(ctl, 3), "atl": round(atl, 3), "tsb": round(ctl - atl, 3)}
