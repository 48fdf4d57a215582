"""A synthetic plan in the format of the plan file (peakplan.plan.file), built without the solver.

Weeks, phases and deloads follow the layout of docs/rules.md; sessions come from a fixed weekly
template per phase, fitted to the availability and the catalogue bounds; loads (each part of a
session at its pace), CTL/ATL/TSB, weekly totals, Banister readiness in VDOT and the prediction
are computed with the formulas of docs/rules.md. Each day's structured workout (and its km) comes
from the product's workout builder with the plan's paces.
It is not optimal and not checked against every rule: it only has the shape the exports read.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from peakplan.calendar import Calendar
from peakplan.paces import Paces, distance_m, race_time_s, vdot_from_race
from peakplan.plan.build import plan_paces
from peakplan.plan.file import FORMAT_VERSION, PlanFile
from peakplan.plan.io import plan_from_data
from peakplan.scenario import load_scenario
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import parse_duration_s
from peakplan.vocabulary import WEEKDAYS
from peakplan.workouts import build_workout

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


def _caps(scenario: Scenario) -> list[int]:
    """cap(d) of each training day (docs/rules.md "Calendar"): the weekday's minutes, lowered by a
    date cap, 0 on a blackout date."""
    av = scenario.availability
    out = []
    for d in range(scenario.n_days - 1):
        date = scenario.start_date + dt.timedelta(days=d)
        cap = av.max_minutes[WEEKDAYS[date.weekday()]]
        cap = min(cap, av.date_caps[date]) if date in av.date_caps else cap
        out.append(0 if date in av.blackout_dates else cap)
    return out


def week_phases(scenario: Scenario) -> tuple[int, dict[int, str], set[int]]:
    """W, week -> phase and the deload weeks, as docs/rules.md lays them out."""
    n_weeks = -(-scenario.n_days // 7)
    loading = n_weeks - 1 - scenario.rules.taper.weeks
    shares = {p: Fraction(str(v)) for p, v in scenario.rules.phases.shares.items()}
    names = ("base", "build", "race_specific", "peak")
    quotas = {p: loading * shares.get(p, Fraction(0)) / sum(shares.values()) for p in names}
    counts = {p: math.floor(q) for p, q in quotas.items()}
    tie_order = ("peak", "race_specific", "build", "base")
    by_remainder = sorted(tie_order, key=lambda p: (-(quotas[p] - counts[p]), tie_order.index(p)))
    for p in by_remainder[: loading - sum(counts.values())]:
        counts[p] += 1
    phases: dict[int, str] = {}
    week = 1
    for p in names:
        for _ in range(counts[p]):
            phases[week], week = p, week + 1
    for w in range(loading + 1, n_weeks):
        phases[w] = "taper"
    phases[n_weeks] = "race_week"
    return n_weeks, phases, _deloads(scenario, n_weeks, loading, phases)


def _deloads(scenario: Scenario, n_weeks: int, loading: int, phases: dict[int, str]) -> set[int]:
    """The counter walk of docs/rules.md: k = loading weeks since the last recovery; an interrupted
    week resets it; a deload when k = every_weeks - 1, or at a phase's last week once k >= 2."""
    rule, av = scenario.rules.deload, scenario.availability
    if not rule.enabled:
        return set()
    caps, race_day = _caps(scenario), scenario.n_days - 1
    normal = sum(av.max_minutes.values()) / 7
    out, k = set(), 0
    for w in range(1, loading):
        days = [d for d in range(race_day) if n_weeks - (race_day - d) // 7 == w]
        if sum(caps[d] for d in days) / len(days) < av.interrupted_below * normal:
            k = 0
            continue
        phase_end = phases[w] != phases[w + 1]
        if k == rule.every_weeks - 1 or (rule.at_phase_ends and phase_end and k >= 2):
            out.add(w)
            k = 0
        else:
            k += 1
    return out


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


def _f(paces: Paces, pace_s_per_km: float) -> float:
    """Load of one minute at a pace: (T / p)^2 x 100 / 60 (docs/rules.md "Load")."""
    return (paces.threshold_s_per_km / pace_s_per_km) ** 2 * 100 / 60


def _zone_s_per_km(zone: str, paces: Paces, race_km: float) -> float:
    slow, fast = paces.easy_s_per_km
    return {"easy": (slow + fast) / 2, "recovery": 1.08 * slow, "marathon": paces.marathon_s_per_km,
            "threshold": paces.threshold_s_per_km, "interval": paces.interval_s_per_km,
            "hill": paces.interval_s_per_km, "repetition": paces.repetition_s_per_km,
            "stride": paces.repetition_s_per_km, "race": paces.race_s_per_km(race_km)}[zone]


def per_minute(session: str, scenario: Scenario, paces: Paces | None) -> float:
    """A session type's load per minute: its easy part at base_pace and its main set at work_pace,
    or the catalogue's IF without paces (docs/rules.md "Load")."""
    kind = scenario.catalogue.sessions[session]
    if paces is None:
        return kind.intensity_factor**2 * 100 / 60
    if kind.max_minutes == 0:
        return 0.0
    km = scenario.race.distance_km
    q = kind.quality_fraction if kind.work_pace is not None else 0.0
    base = _f(paces, _zone_s_per_km(kind.base_pace, paces, km))
    work = _f(paces, _zone_s_per_km(kind.work_pace, paces, km)) if kind.work_pace is not None else 0.0
    return (1 - q) * base + q * work


def _race_load(scenario: Scenario, paces: Paces | None) -> float:
    race = scenario.race_session
    if paces is None:
        return race.minutes * race.intensity_factor**2 * 100 / 60
    return race.minutes * _f(paces, paces.race_s_per_km(scenario.race.distance_km))


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


def _days(scenario: Scenario, paces: Paces | None) -> list[dict[str, Any]]:
    catalogue = scenario.catalogue
    n_weeks, phases, deloads = week_phases(scenario)
    loading = n_weeks - 1 - scenario.rules.taper.weeks
    race_day, caps = scenario.n_days - 1, _caps(scenario)
    days = []
    for d in range(scenario.n_days):
        date = scenario.start_date + dt.timedelta(days=d)
        weekday = WEEKDAYS[date.weekday()]
        week = n_weeks - (race_day - d) // 7
        phase = phases[week]
        if d == race_day:
            session, minutes, load = "race", scenario.race_session.minutes, _race_load(scenario, paces)
        else:
            wanted = _session(phase, date.weekday(), scenario.race.distance_class)
            session, minutes = _minutes(wanted, _scale(week, phase, loading, deloads), caps[d], catalogue)
            load = minutes * per_minute(session, scenario, paces)
        hard = session == "race" or catalogue.sessions[session].hard
        days.append({"date": date.isoformat(), "weekday": weekday, "week": week, "phase": phase, "session": session,
                     "minutes": minutes, "km": 0.0, "load": round(load, 3), "hard": hard})
    return days


def _weeks(scenario: Scenario, days: list[dict[str, Any]], deloads: set[int]) -> list[dict[str, Any]]:
    catalogue = scenario.catalogue
    out = []
    for week in sorted({d["week"] for d in days}):
        train = [d for d in days if d["week"] == week and d["session"] != "race"]
        minutes = sum(d["minutes"] for d in train)
        low = sum((1 - catalogue.sessions[d["session"]].quality_fraction) * d["minutes"] for d in train)
        out.append({"week": week, "phase": train[0]["phase"] if train else "race_week", "deload": week in deloads,
                    "days": len([d for d in days if d["week"] == week]), "minutes": minutes,
                    "load": round(sum(d["load"] for d in train), 3),
                    "low_intensity_share": round(low / minutes, 4) if minutes else 1.0,
                    "hard_sessions": sum(d["hard"] for d in train),
                    "long_run_minutes": max((d["minutes"] for d in train if catalogue.sessions[d["session"]].long),
                                            default=0)})
    return out


def _banister(model, loads: list[float], before: float) -> float:
    """p(T) = p0 + sum_{d<T} load_d c(T-d) + sum_{m=1}^{400} pre_m c(T+m) (docs/rules.md "Readiness")."""
    T = len(loads)

    def c(n: int) -> float:  # k1 e^{-n/tau1} - k2 e^{-n/tau2}, n days before the race
        return model.k1 * math.exp(-n / model.tau_fitness_days) - model.k2 * math.exp(-n / model.tau_fatigue_days)

    return model.p0 + sum(load * c(T - i) for i, load in enumerate(loads)) + before * sum(c(T + m) for m in range(1, 401))


def _finish_s(vdot: float, km: float) -> float:
    return round(race_time_s(vdot, km * 1000.0), 1)


def _prediction(scenario: Scenario, readiness: float, before: float, n_training: int) -> dict[str, Any]:
    """What a VDOT model predicts (docs/rules.md "Readiness"): race-day VDOT, finish times, and the
    readiness of an all-rest block and of a block at the daily load before it."""
    model, km, recent = scenario.readiness, scenario.race.distance_km, scenario.athlete.recent_race
    current = vdot_from_race(distance_m(recent.distance), parse_duration_s(recent.time))
    return {"unit": "vdot", "current_vdot": round(current, 6), "current_source": f"recent race: {recent.distance} in "
            f"{recent.time}", "race_day_vdot": readiness, "race_time_s": _finish_s(readiness, km),
            "current_race_time_s": _finish_s(current, km),
            "no_training_vdot": round(_banister(model, [0.0] * n_training, before), 6),
            "keep_training_vdot": round(_banister(model, [before] * n_training, before), 6)}


def make_plan(scenario: Scenario) -> dict[str, Any]:
    """A plan dict with every key of the plan file (peakplan.plan.file.PlanFile), in its order."""
    paces = plan_paces(scenario)
    days = _days(scenario, paces)
    catalogue = scenario.catalogue
    calendar = Calendar(scenario)
    for day in days:
        week = calendar.week_of((dt.date.fromisoformat(day["date"]) - scenario.start_date).days)
        shape = {"phase": day["phase"], "race_km": scenario.race.distance_km,
                 "progress": calendar.progress_in_phase(week), "week_in_phase": calendar.week_in_phase(week),
                 "catalogue": catalogue}
        workout = None if day["minutes"] == 0 else build_workout(day["session"], day["minutes"], paces=paces, **shape)
        day["km"] = round(scenario.race.distance_km if day["session"] == "race" else
                          (workout.km if workout is not None else 0.0), 2)
        day["workout"] = workout.model_dump(mode="json") if workout is not None else None
    # the load before the block: the current weekly minutes run easy (athlete.ctl is not given)
    before = scenario.athlete.current_weekly_minutes / 7 * per_minute("easy", scenario, paces)
    for day, (ctl, atl, tsb) in zip(days, _pmc([d["load"] for d in days], before), strict=True):
        day.update(ctl=ctl, atl=atl, tsb=tsb, workout=day.pop("workout"))
    model = scenario.readiness   # the scenario's resolved model (runner: p0 from the athlete's VDOT)
    training = [d["load"] for d in days[:-1]]
    readiness = _banister(model, training, before)
    rest = _banister(model, [0.0] * len(training), before)
    last = days[-2]
    return {
        "format": FORMAT_VERSION, "id": "", "peakplan_version": "0.1.0", "status": "FEASIBLE",
        "objective": readiness, "bound": readiness + 10,
        "gap": 10 / abs(readiness - rest),  # rest: the block without training
        "race": {"date": scenario.race.date.isoformat(), "distance_km": scenario.race.distance_km},
        "readiness": {"model": "banister", "race_day": readiness,
                      "params": {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                                 "tau_fatigue_days": model.tau_fatigue_days, "p0": model.p0},
                      "ctl": last["ctl"], "atl": last["atl"], "tsb": round(last["ctl"] - last["atl"], 3)},
        "prediction": _prediction(scenario, readiness, before, len(training)),
        "paces": paces.model_dump(mode="json") if paces is not None else None,
        "weeks": _weeks(scenario, days, week_phases(scenario)[2]),
        "days": days,
        "tight_rules": [],
        "scenario": scenario.model_dump(mode="json"), "changes": None,
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
