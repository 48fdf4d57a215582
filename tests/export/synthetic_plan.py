"""A synthetic plan in the format of the plan file (peakplan.plan.file), built without the solver.

Weeks, phases and deloads follow the layout of docs/rules.md; sessions come from a fixed weekly
template per phase, fitted to the availability and the catalogue bounds; load, CTL/ATL/TSB,
weekly totals and Banister readiness are computed with the formulas of docs/rules.md. Each day's
structured workout (and its km) comes from the product's workout builder with the plan's paces.
It is not optimal and not checked against every rule: it only has the shape the exports read.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from peakplan.calendar import Calendar
from peakplan.modelfiles import load_catalogue, load_readiness
from peakplan.plan.build import plan_paces
from peakplan.plan.file import FORMAT_VERSION, PlanFile
from peakplan.plan.io import plan_from_data
from peakplan.scenario import load_scenario
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import WEEKDAYS
from peakplan.workouts import build_workout, km_for

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
# Weekday -> session per phase (rest on days without availability); "Q" picks by distance.
TEMPLATE = {
    "base": ("easy", "strides", "easy", "easy", "rest", "recovery", "long"),
    "build": ("easy", "tempo", "easy", "hills", "rest", "strides", "long"),
    "race_specific": ("easy", "Q1", "easy", "Q2", "rest", "easy", "long"),
    "peak": ("easy", "Q3", "easy", "Q2", "rest", "strides", "long"),
    "taper": ("easy", "race_pace", "easy", "strides", "rest", "easy", "long"),
    "race_week": ("easy", "race_pace", "easy", "strides", "rest", "recovery", "easy"),
}
QUALITY = {"Q1": {"marathon": "race_pace", "half": "race_pace"}, "Q2": {"marathon": "marathon_pace", "half": "tempo"},
           "Q3": {"marathon": "race_pace", "half": "race_pace"}}
QUALITY_SHORT = {"Q1": "intervals", "Q2": "tempo", "Q3": "repetitions"}
BASE_MINUTES = {"easy": 40, "recovery": 30, "strides": 40, "tempo": 50, "hills": 50, "intervals": 55,
                "repetitions": 45, "race_pace": 50, "marathon_pace": 70, "long": 90}


def week_phases(scenario: Scenario) -> tuple[int, dict[int, str], set[int]]:
    """W, week -> phase and the deload weeks, as docs/rules.md lays them out."""
    n_weeks = -(-scenario.n_days // 7)
    loading = n_weeks - 1 - scenario.rules.taper.weeks
    shares = scenario.rules.phases.shares
    names = ("base", "build", "race_specific", "peak")
    quotas = {p: loading * shares.get(p, 0) / sum(shares.values()) for p in names}
    counts = {p: math.floor(q) for p, q in quotas.items()}
    tie_order = ("peak", "race_specific", "build", "base")
    for p in sorted(tie_order, key=lambda p: -(quotas[p] - counts[p]))[: loading - sum(counts.values())]:
        counts[p] += 1
    phases: dict[int, str] = {}
    week = 1
    for p in names:
        for _ in range(counts[p]):
            phases[week], week = p, week + 1
    for w in range(loading + 1, n_weeks):
        phases[w] = "taper"
    phases[n_weeks] = "race_week"
    deload = scenario.rules.deload
    deloads = {w for w in range(1, loading) if deload.enabled and w % deload.every_weeks == 0}
    return n_weeks, phases, deloads


def _session(phase: str, weekday_index: int, race_class: str) -> str:
    name = TEMPLATE[phase][weekday_index]
    if name.startswith("Q"):
        return QUALITY[name].get(race_class, QUALITY_SHORT[name])
    return name


def _minutes(session: str, scale: float, cap: int, catalogue) -> tuple[str, int]:
    if session == "rest" or cap == 0:
        return "rest", 0
    spec = catalogue.sessions[session]
    minutes = min(spec.max_minutes, cap, round(BASE_MINUTES[session] * scale / 5) * 5)
    if minutes >= spec.min_minutes:
        return session, minutes
    easy = catalogue.sessions["easy"]
    return ("easy", min(cap, easy.min_minutes)) if cap >= easy.min_minutes else ("rest", 0)


def _scale(week: int, phase: str, loading: int, deloads: set[int]) -> float:
    if phase == "race_week":
        return 0.6
    if phase == "taper":
        return 0.8
    ramp = 1.0 + 0.6 * (week - 1) / max(1, loading - 1)
    return ramp * (0.75 if week in deloads else 1.0)


def _pmc(loads: list[float], start: float) -> list[tuple[float, float, float]]:
    """(ctl, atl, tsb) per day: lambda = 1 - e^(-1/tau), tau 42/7, TSB(d) = CTL(d-1) - ATL(d-1)."""
    l_ctl, l_atl = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    ctl = atl = start
    out = []
    for load in loads:
        tsb = ctl - atl
        ctl += l_ctl * (load - ctl)
        atl += l_atl * (load - atl)
        out.append((round(ctl, 3), round(atl, 3), round(tsb, 3)))
    return out


def _days(scenario: Scenario) -> list[dict[str, Any]]:
    catalogue = load_catalogue(scenario.model.catalogue)
    n_weeks, phases, deloads = week_phases(scenario)
    loading = n_weeks - 1 - scenario.rules.taper.weeks
    race_day = scenario.n_days - 1
    days = []
    for d in range(scenario.n_days):
        date = scenario.start_date + dt.timedelta(days=d)
        weekday = WEEKDAYS[date.weekday()]
        week = n_weeks - (race_day - d) // 7
        phase = phases[week]
        if d == race_day:
            session, minutes, factor = "race", scenario.race_session.minutes, scenario.race_session.intensity_factor
        else:
            wanted = _session(phase, date.weekday(), scenario.race.distance_class)
            session, minutes = _minutes(wanted, _scale(week, phase, loading, deloads),
                                        scenario.availability.max_minutes[weekday], catalogue)
            factor = catalogue.sessions[session].intensity_factor
        hard = session == "race" or catalogue.sessions[session].hard
        days.append({"date": date.isoformat(), "weekday": weekday, "week": week, "phase": phase, "session": session,
                     "minutes": minutes, "km": 0.0, "load": round(minutes * factor**2 * 100 / 60, 3), "hard": hard})
    return days


def _weeks(days: list[dict[str, Any]], deloads: set[int]) -> list[dict[str, Any]]:
    catalogue = load_catalogue("catalogue")
    out = []
    for week in sorted({d["week"] for d in days}):
        train = [d for d in days if d["week"] == week and d["session"] != "race"]
        minutes = sum(d["minutes"] for d in train)
        low = sum((1 - catalogue.sessions[d["session"]].quality_fraction) * d["minutes"] for d in train)
        out.append({"week": week, "phase": train[0]["phase"] if train else "race_week", "deload": week in deloads,
                    "days": len([d for d in days if d["week"] == week]), "minutes": minutes,
                    "load": round(sum(d["load"] for d in train), 3),
                    "low_intensity_share": round(low / minutes, 3) if minutes else 1.0,
                    "hard_sessions": sum(d["hard"] for d in train),
                    "long_run_minutes": max((d["minutes"] for d in train if d["session"] == "long"), default=0)})
    return out


def make_plan(scenario: Scenario) -> dict[str, Any]:
    """A plan dict with every key of the plan file (peakplan.plan.file.PlanFile), in its order."""
    days = _days(scenario)
    paces = plan_paces(scenario)
    catalogue = load_catalogue(scenario.model.catalogue)
    progress = Calendar(scenario).progress_in_phase
    for day in days:
        shape = {"phase": day["phase"], "race_km": scenario.race.distance_km, "progress": progress(day["week"]),
                 "catalogue": catalogue}
        day["km"] = km_for(day["session"], day["minutes"], paces, **shape)
        day["workout"] = None if day["minutes"] == 0 else \
            build_workout(day["session"], day["minutes"], paces=paces, **shape).model_dump(mode="json")
    start = scenario.athlete.current_weekly_minutes / 7 * 0.70**2 * 100 / 60
    for day, (ctl, atl, tsb) in zip(days, _pmc([d["load"] for d in days], start), strict=True):
        day.update(ctl=ctl, atl=atl, tsb=tsb, workout=day.pop("workout"))
    model = load_readiness(scenario.model.readiness)
    race_day = len(days) - 1

    def weight(n: int) -> float:  # c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}, n days before the race
        return model.k1 * math.exp(-n / model.tau_fitness_days) - model.k2 * math.exp(-n / model.tau_fatigue_days)

    readiness = model.p0 + sum(d["load"] * weight(race_day - i) for i, d in enumerate(days[:-1]))
    last = days[-2]
    return {
        "format": FORMAT_VERSION, "peakplan_version": "0.1.0", "status": "FEASIBLE", "objective": round(readiness, 3),
        "bound": round(readiness + 10, 3),
        "gap": (round(readiness + 10, 3) - readiness) / abs(readiness - model.p0),  # without training: p0
        "race": {"date": scenario.race.date.isoformat(), "distance_km": scenario.race.distance_km},
        "readiness": {"model": "banister", "race_day": round(readiness, 3),
                      "params": model.model_dump(exclude={"kind"}),
                      "ctl": last["ctl"], "atl": last["atl"], "tsb": round(last["ctl"] - last["atl"], 3)},
        "paces": paces.model_dump(mode="json") if paces is not None else None,
        "weeks": _weeks(days, week_phases(scenario)[2]),
        "days": days,
        "tight_rules": [],
        "scenario": scenario.model_dump(mode="json"),
    }


@lru_cache(maxsize=8)
def _shipped_plan_json(name: str) -> str:
    return json.dumps(make_plan(load_scenario(SCENARIOS / name)))


def shipped_plan(name: str = "marathon-16w.yaml") -> dict[str, Any]:
    """A fresh copy of the synthetic plan of a shipped scenario (built once per run)."""
    return json.loads(_shipped_plan_json(name))


def plan_file(plan: dict[str, Any]) -> PlanFile:
    """A plan dict as the PlanFile the exporters take (read with the one plan reader)."""
    return plan_from_data(plan)


def write_plan_file(folder: Path, name: str = "marathon-16w.yaml") -> Path:
    path = folder / "plan.json"
    path.write_text(_shipped_plan_json(name), encoding="utf-8")
    return path
