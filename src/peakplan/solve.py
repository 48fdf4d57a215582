"""Solve a scenario: build the CP-SAT model, run it, and turn the answer into a Result."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from peakplan.model.build import build
from peakplan.model.calendar import Calendar
from peakplan.model.readiness import start_state
from peakplan.model.solver import RawSolution, readiness_bound
from peakplan.model.solver import solve as run_solver
from peakplan.modelfiles import BanisterModel, Catalogue, ReadinessModel, load_catalogue, load_readiness
from peakplan.pmc import PMC_TAU_ATL_DAYS, PMC_TAU_CTL_DAYS, ewma
from peakplan.result import PlanDay, PlanWeek, Result, TightRule
from peakplan.scenario.loader import ScenarioError
from peakplan.scenario.schema import Scenario

RACE = "race"
DEFAULT_THRESHOLD_PACE_S_PER_KM = 300.0  # 5:00/km when no race result sets the paces (assumption)


def load_models(scenario: Scenario) -> tuple[Catalogue, ReadinessModel]:
    """The catalogue and readiness model the scenario names, with clear errors."""
    from pydantic import ValidationError

    out = []
    for field, loader in (("catalogue", load_catalogue), ("readiness", load_readiness)):
        name = getattr(scenario.model, field)
        try:
            out.append(loader(name))
        except FileNotFoundError:
            raise ScenarioError(f"model.{field} = {name!r}: no such file. Name a file in models/ "
                                "(catalogue, banister, pmc) or give a path to your own YAML file.") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ScenarioError(f"model.{field} = {name!r}: field `{where}`: {first['msg']}. Fix that file.") from None
        except Exception as exc:  # malformed YAML and the like
            raise ScenarioError(f"model.{field} = {name!r} cannot be read ({exc}). Fix that file.") from None
    catalogue, readiness = out
    _check_quota_names(scenario, catalogue)
    return catalogue, readiness


def _check_quota_names(scenario: Scenario, catalogue: Catalogue) -> None:
    if not scenario.rules.quotas.enabled:
        return
    for phase, quota in scenario.rules.quotas.per_phase.items():
        for key in quota:
            if key != "any_hard" and key not in catalogue.sessions:
                raise ScenarioError(
                    f"rules.quotas.per_phase.{phase}.{key}: the catalogue has no session type {key!r} "
                    f"(it has {', '.join(catalogue.sessions)}). Rename the quota, or set rules.quotas.enabled: false.")


def solve(scenario: Scenario) -> Result:
    """Solve to proven optimality (or the time limit). Never raises for infeasibility."""
    catalogue, readiness = load_models(scenario)
    ctx, objective = build(scenario, catalogue, readiness)
    raw = run_solver(ctx, objective, scenario.solver)
    result = Result(status=raw.status, scenario=scenario, solve_time_s=raw.wall_time_s)
    if not result.has_plan:
        return result
    cal = Calendar(scenario)
    result.days = plan_days(scenario, cal, catalogue, raw)
    result.weeks = plan_weeks(cal, catalogue, result.days)
    result.readiness = readiness_summary(scenario, cal, readiness, result.days, start_state(ctx))
    result.objective = result.readiness["race_day"]
    bound = result.objective if raw.status == "OPTIMAL" else max(result.objective, readiness_bound(raw, objective))
    baseline = readiness.p0 if isinstance(readiness, BanisterModel) else objective.offset
    result.bound = bound
    result.gap = (bound - result.objective) / max(abs(result.objective - baseline), 1e-9)
    result.tight_rules = [TightRule(*t) for t in raw.tight]
    return result


def plan_days(scenario: Scenario, cal: Calendar, catalogue: Catalogue, raw: RawSolution) -> list[PlanDay]:
    sessions = [*raw.sessions, RACE]
    minutes = [*raw.minutes, scenario.race_session.minutes]
    loads = [round(m * _load_per_minute(scenario, catalogue, s), 3) for s, m in zip(sessions, minutes, strict=True)]
    ctl, atl = _pmc_series(scenario, np.array(loads))
    days = []
    for d, (name, mins, load) in enumerate(zip(sessions, minutes, loads, strict=True)):
        kind = catalogue.sessions.get(name)
        prev_ctl = ctl[d - 1] if d else ctl_start(scenario)[0]
        prev_atl = atl[d - 1] if d else ctl_start(scenario)[1]
        days.append(PlanDay(
            date=cal.date(d), weekday=cal.weekday(d), week=cal.week_of(d), phase=cal.phase_of_day(d),
            session=name, minutes=mins, km=_km(scenario, name, kind, mins), load=load,
            hard=name == RACE or bool(kind and kind.hard),
            ctl=round(float(ctl[d]), 3), atl=round(float(atl[d]), 3), tsb=round(float(prev_ctl - prev_atl), 3)))
    return days


def _load_per_minute(scenario: Scenario, catalogue: Catalogue, name: str) -> float:
    if name == RACE:
        return scenario.race_session.intensity_factor**2 * 100.0 / 60.0
    kind = catalogue.sessions.get(name)
    return kind.load_per_minute if kind else 0.0


def _km(scenario: Scenario, name: str, kind, minutes: int) -> float:
    if name == RACE:
        return round(scenario.race.distance_km, 3)
    if not minutes or kind is None or kind.intensity_factor == 0:
        return 0.0
    pace_s_per_km = DEFAULT_THRESHOLD_PACE_S_PER_KM / kind.intensity_factor
    return round(minutes * 60.0 / pace_s_per_km, 2)


def ctl_start(scenario: Scenario) -> tuple[float, float]:
    from peakplan.pmc import steady_state_load

    default = steady_state_load(scenario.athlete.current_weekly_minutes)
    a = scenario.athlete
    return (a.ctl if a.ctl is not None else default, a.atl if a.atl is not None else default)


def _pmc_series(scenario: Scenario, loads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ctl0, atl0 = ctl_start(scenario)
    return ewma(loads, PMC_TAU_CTL_DAYS, ctl0), ewma(loads, PMC_TAU_ATL_DAYS, atl0)


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
