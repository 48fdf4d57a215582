"""A small hand-made 5K scenario and a plan builder; the base plan keeps every rule.

The plan builder below is written separately from the validator (plain loops over the formulas
of docs/rules.md), so the validator's recomputations are checked against a second
implementation. Tests change one thing and assert the exact rule name and place reported.

Base scenario (every rule on, 5K defaults): Mon 2027-01-04 to race Sun 2027-01-31, N = 28 days,
W = 4 full weeks, no taper weeks (5K default) so R = 3 loading weeks. Phase split of R = 3 with
shares .30/.25/.30/.15: quotas .9/.75/.9/.45, all floors 0, three leftovers to the largest
remainders base .9 and race_specific .9 (tie) and build .75: base, build, race_specific, then
race_week. No deloads (4 ∤ 1..2).
"""

from __future__ import annotations

import copy
import datetime as dt
import math

from peakplan.modelfiles import load_catalogue, load_readiness
from peakplan.scenario import Scenario, scenario_from_dict

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

BASE_SCENARIO = {
    "name": "test 5K in 4 weeks",
    "start_date": "2027-01-04",
    "race": {"distance": "5k", "date": "2027-01-31"},
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
    "availability": {
        "max_minutes": {"mon": 0, "tue": 90, "wed": 90, "thu": 90, "fri": 90, "sat": 90, "sun": 120},
        "long_run_day": "sun",
    },
}

# Volumes: 210, 225 (+7.1 %), 235 (+4.4 %), race week 110 (0.47 of 235, taper band .30-.50).
BASE_WEEKS = [
    "rest easy:40 strides:40 easy:40 rest easy:30 long:60",
    "rest hills:40 easy:40 tempo:40 rest easy:40 long:65",
    "rest intervals:45 easy:40 tempo:40 rest easy:40 long:70",
    "rest race_pace:30 easy:30 recovery:20 rest strides:30 race",
]
BASE_PHASES = ["base", "build", "race_specific", "race_week"]


def deep_update(base: dict, override: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        out[key] = deep_update(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def make_scenario(**overrides) -> Scenario:
    """The base scenario with nested overrides, e.g. ``rules={"taper": {"enabled": False}}``."""
    return scenario_from_dict(deep_update(BASE_SCENARIO, overrides))


def parse_weeks(weeks: list[str]) -> list[tuple[str, int]]:
    out = []
    for week in weeks:
        for token in week.split():
            name, _, minutes = token.partition(":")
            out.append((name, int(minutes or 0)))
    return out


def _ewma(loads: list[float], start: float, tau: float) -> list[float]:
    lam, value, out = 1 - math.exp(-1 / tau), start, []
    for load in loads:
        value += lam * (load - value)
        out.append(value)
    return out


def _pmc(scenario: Scenario, loads: list[float], taus: tuple[float, float]):
    steady = scenario.athlete.current_weekly_minutes / 7 * 0.7**2 * 100 / 60
    ctl0 = steady if scenario.athlete.ctl is None else scenario.athlete.ctl
    atl0 = steady if scenario.athlete.atl is None else scenario.athlete.atl
    ctl, atl = _ewma(loads, ctl0, taus[0]), _ewma(loads, atl0, taus[1])
    tsb = [ctl0 - atl0] + [c - a for c, a in zip(ctl[:-1], atl[:-1], strict=True)]
    return ctl, atl, tsb, ctl0, atl0


def _readiness(scenario: Scenario, loads: list[float]) -> dict:
    model = load_readiness(scenario.model.readiness)
    t = len(loads) - 1
    if model.kind == "banister":
        ctl, atl, tsb, _, _ = _pmc(scenario, loads, (42.0, 7.0))
        p = model.p0 + sum(loads[d] * (model.k1 * math.exp(-(t - d) / model.tau_fitness_days)
                                       - model.k2 * math.exp(-(t - d) / model.tau_fatigue_days)) for d in range(t))
        params = {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                  "tau_fatigue_days": model.tau_fatigue_days, "p0": model.p0}
    else:
        ctl, atl, tsb, ctl0, atl0 = _pmc(scenario, loads, (model.tau_ctl_days, model.tau_atl_days))
        p = ctl[t - 1]
        params = {"tau_ctl_days": model.tau_ctl_days, "tau_atl_days": model.tau_atl_days, "tsb_min": model.tsb_min,
                  "tsb_max": model.tsb_max, "ctl0": round(ctl0, 3), "atl0": round(atl0, 3)}
    return {"model": model.kind, "race_day": p, "params": params,
            "ctl": round(ctl[t - 1], 3), "atl": round(atl[t - 1], 3), "tsb": round(tsb[t], 3)}, (ctl, atl, tsb)


def week_numbers(scenario: Scenario) -> list[int]:
    """Week of each day, counted back from race day (docs/rules.md "Calendar")."""
    t = scenario.n_days - 1
    n_weeks = -(-scenario.n_days // 7)
    return [n_weeks - (t - d) // 7 for d in range(scenario.n_days)]


def build_plan(scenario: Scenario, weeks: list[str], phases: list[str] | None = None,
               deloads: list[bool] | None = None) -> dict:
    """A plan dict in the format of docs/plan-format.md (readable by ``peakplan.plan.io``, with no
    paces and no workouts); ``weeks`` hold the days from start_date."""
    catalogue = load_catalogue(scenario.model.catalogue).sessions
    sessions = parse_weeks(weeks)
    assert len(sessions) == scenario.n_days, "the schedule must cover every day"
    week_of = week_numbers(scenario)
    phases = phases or BASE_PHASES
    deloads = deloads or [False] * week_of[-1]
    race = scenario.race_session
    days, loads = [], []
    for d, (name, minutes) in enumerate(sessions):
        date = scenario.start_date + dt.timedelta(days=d)
        intensity, hard = (race.intensity_factor, True) if name == "race" else \
            (0.0, False) if name == "rest" else (catalogue[name].intensity_factor, catalogue[name].hard)
        minutes = race.minutes if name == "race" else minutes
        loads.append(round(minutes * intensity**2 * 100 / 60, 3))
        days.append({"date": date.isoformat(), "weekday": DAY_NAMES[date.weekday()], "week": week_of[d],
                     "phase": phases[week_of[d] - 1], "session": name, "minutes": minutes,
                     "km": scenario.race.distance_km if name == "race" else round(minutes / 5.5, 1),
                     "load": loads[-1], "hard": hard, "workout": None})
    readiness, (ctl, atl, tsb) = _readiness(scenario, loads)
    for d, day in enumerate(days):
        day |= {"ctl": round(ctl[d], 3), "atl": round(atl[d], 3), "tsb": round(tsb[d], 3)}
    summaries = [_week_summary(w, [d for d in days if d["week"] == w], catalogue, deloads[w - 1])
                 for w in range(1, week_of[-1] + 1)]
    return {"format": 2, "peakplan_version": "0.1.0", "status": "OPTIMAL", "objective": readiness["race_day"],
            "bound": readiness["race_day"], "gap": 0.0,
            "race": {"date": scenario.race.date.isoformat(), "distance_km": scenario.race.distance_km},
            "readiness": readiness, "paces": None, "weeks": summaries, "days": days, "tight_rules": [],
            "scenario": scenario.model_dump(mode="json")}


def _week_summary(w: int, days: list[dict], catalogue: dict, deload: bool) -> dict:
    training = [d for d in days if d["session"] != "race"]
    minutes = sum(d["minutes"] for d in training)
    low = sum((1 - (catalogue[d["session"]].quality_fraction if d["session"] != "rest" else 0)) * d["minutes"]
              for d in training)
    longs = [d["minutes"] for d in training if d["session"] != "rest" and catalogue[d["session"]].long]
    return {"week": w, "phase": days[0]["phase"], "deload": deload, "days": len(days), "minutes": minutes,
            "load": round(sum(d["load"] for d in training), 3),
            "low_intensity_share": round(low / minutes, 3) if minutes else 1.0,
            "hard_sessions": sum(1 for d in training if d["hard"]), "long_run_minutes": max(longs, default=0)}


def edit(weeks: list[str], week: int, old: str, new: str) -> list[str]:
    """A copy of the schedule with the first ``old`` token of ``week`` (1-based) replaced."""
    tokens = weeks[week - 1].split()
    tokens[tokens.index(old)] = new
    return weeks[: week - 1] + [" ".join(tokens)] + weeks[week:]


def set_day(plan: dict, date: str, session: str, minutes: int, scenario: Scenario) -> dict:
    """Change one day's session and minutes in place, with its load and hard flag recomputed;
    the other stated numbers (CTL, weekly totals, readiness) are left as they were."""
    catalogue = load_catalogue(scenario.model.catalogue).sessions
    intensity = 0.0 if session == "rest" else catalogue[session].intensity_factor
    for day in plan["days"]:
        if day["date"] == date:
            day |= {"session": session, "minutes": minutes, "load": round(minutes * intensity**2 * 100 / 60, 3),
                    "hard": session != "rest" and catalogue[session].hard}
            return plan
    raise KeyError(date)


def rules_of(violations) -> set[str]:
    return {v.rule for v in violations}


def only(violations, rule: str) -> list:
    return [v for v in violations if v.rule == rule]


# Mutation classes run by test_mutations.py: name -> (expected rule, rules reported, caught?).
MUTATION_LOG: dict[str, tuple[str, tuple[str, ...], bool]] = {}
