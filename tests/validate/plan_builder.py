"""A small hand-made 5K scenario and a plan builder; the base plan keeps every rule.

The plan builder below is written separately from the validator (plain loops over the formulas
of docs/rules.md, loads and readiness in plan_loads.py), so the validator's recomputations are
checked against a second implementation. Tests change one thing and assert the exact rule name
and place reported.

Base scenario (every rule on, 5K defaults, runner readiness model, VDOT 45): Mon 2027-01-04 to
race Sun 2027-02-28, N = 56 days, W = 8 full weeks, a 1-week taper so R = 6 loading weeks. Phase
split of R = 6 with shares .30/.25/.30/.15: quotas 1.8/1.5/1.8/.9, floors 1/1/1/0, three
leftovers to peak (.9), then the .8 tie race_specific, base: base 1-2, build 3, race_specific
4-5, peak 6, taper 7, race week 8. Deloads (every 4, at phase ends): k = 0, 1, 2 after weeks 1, 2;
week 3 closes the build with k = 2, so it is the deload. References: ref(3) = ref(4) = 2,
ref(5) = 4, ref(6) = 5, the peak week P = ref(7) = 6. Monday is the day off: 6 running days
available (long-run share 0.36), 5 in race week.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import tempfile
from pathlib import Path

from peakplan.modelfiles import models_dir
from peakplan.paces import training_paces
from peakplan.scenario import Scenario, scenario_from_dict
from peakplan.validate import validate

from .plan_loads import banister, current_vdot, has_paces, per_minute, pmc, prediction

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CAPS = {"mon": 0, "tue": 90, "wed": 90, "thu": 90, "fri": 90, "sat": 90, "sun": 120}

BASE_SCENARIO = {
    "name": "test 5K in 8 weeks",
    "start_date": "2027-01-04",
    "race": {"distance": "5k", "date": "2027-02-28"},
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70,
                "vdot": 45.0},
    "availability": {"max_minutes": CAPS, "long_run_day": "sun"},
}

# V(w): 210 (ramp cap 220), 230 (231), deload 165 (0.75 · 230 = 172.5), 235 (phase start: 1.03 · 230
# = 236.9; return 1.05 · 230), 255 (ramp 258.5), peak 260 (phase start 1.03 · 255 = 262.65), taper
# 195 (0.70-0.90 · 260 = 182-234), race week 120 (0.45-0.70 · 260 = 117-182). Race-day TSB 3.87 with
# CTL(T−1) 34.3: inside the runner model's 10-35 % window (3.43-12.0).
BASE_WEEKS = [
    "rest easy:40 strides:40 easy:40 rest easy:30 long:60",
    "rest easy:40 strides:45 easy:45 rest easy:35 long:65",
    "rest hills:40 rest tempo:40 easy:30 rest long:55",
    "rest intervals:45 easy:40 tempo:40 rest easy:40 long:70",
    "rest intervals:45 easy:45 tempo:45 rest easy:45 long:75",
    "rest intervals:45 easy:45 tempo:45 rest easy:45 long:80",
    "rest intervals:45 easy:35 tempo:40 rest easy:25 long:50",
    "rest race_pace:30 easy:30 easy:30 rest strides:30 race",
]
# A 5K tune-up race on Sunday 2027-02-21 (taper week 7, in place of its long run): 22 min at VDOT 45
# (Daniels: 21:49) + 25 min of warm-up and cool-down = 47 min; the week holds 212 min (cap 0.90 ·
# E(6) = 234), the race week's Tuesday session two days later.
TUNE_UP = {"race": {"tune_ups": [{"date": "2027-02-21", "distance": "5k"}]}}
TUNE_UP_WEEK = "rest intervals:45 easy:45 easy:45 rest easy:30 tune_up:47"


def with_week(weeks: list[str], week: int, text: str) -> list[str]:
    """A copy of the schedule with week ``week`` (1-based) replaced by ``text``."""
    return weeks[: week - 1] + [text] + weeks[week:]


BASE_PHASES = ["base", "base", "build", "race_specific", "race_specific", "peak", "taper", "race_week"]
BASE_DELOADS = [False, False, True, False, False, False, False, False]


@functools.cache
def runner_without_window() -> str:
    """models/runner.yaml without its form window (tsb_share_min/max), as a file: for the tests that
    move the taper and would otherwise meet form_window too (tested on its own)."""
    text = (models_dir() / "runner.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("tsb_share")]
    path = Path(tempfile.mkdtemp(prefix="peakplan-validate-")) / "runner-no-window.yaml"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return str(path)


def no_window(**overrides) -> Scenario:
    """``make_scenario`` with the runner model without its form window."""
    return make_scenario(model={"readiness": runner_without_window()}, **overrides)


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


def _readiness(scenario: Scenario, loads: list[float]) -> tuple[dict, tuple]:
    model = scenario.readiness
    t = len(loads) - 1
    if model.kind == "banister":
        ctl, atl, tsb, _, _ = pmc(scenario, loads, (42.0, 7.0))
        p, p0 = banister(scenario, loads)
        params = {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                  "tau_fatigue_days": model.tau_fatigue_days, "p0": round(p0, 6)}
    else:
        ctl, atl, tsb, ctl0, atl0 = pmc(scenario, loads, (model.tau_ctl_days, model.tau_atl_days))
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


def day_load(scenario: Scenario, date: dt.date, session: str, minutes: int) -> float:
    """minutes × load per minute, rounded to 3 decimals; a tune-up race at its own distance's pace."""
    tune_ups = {t.date: t.distance_km for t in scenario.race.tune_ups}
    km = tune_ups.get(date) if session == "tune_up" else None
    return round(minutes * per_minute(scenario, session, km), 3)


def is_hard(scenario: Scenario, session: str) -> bool:
    return session == "race" or (session != "rest" and scenario.catalogue.sessions[session].hard)


def build_plan(scenario: Scenario, weeks: list[str], phases: list[str] | None = None,
               deloads: list[bool] | None = None) -> dict:
    """A plan dict in the format of docs/plan-format.md (readable by ``peakplan.plan.io``, with no
    workouts); ``weeks`` hold the days from start_date. Phases and deloads are stated by the test
    (default: the base scenario's), so plan_consistency checks the validator's layout against them."""
    sessions = parse_weeks(weeks)
    assert len(sessions) == scenario.n_days, "the schedule must cover every day"
    week_of = week_numbers(scenario)
    phases = phases or BASE_PHASES
    deloads = deloads or (BASE_DELOADS if phases is BASE_PHASES else [False] * week_of[-1])
    days, loads = [], []
    for d, (name, minutes) in enumerate(sessions):
        date = scenario.start_date + dt.timedelta(days=d)
        minutes = scenario.race_session.minutes if name == "race" else minutes
        loads.append(day_load(scenario, date, name, minutes))
        days.append({"date": date.isoformat(), "weekday": DAY_NAMES[date.weekday()], "week": week_of[d],
                     "phase": phases[week_of[d] - 1], "session": name, "minutes": minutes,
                     "km": scenario.race.distance_km if name == "race" else round(minutes / 5.5, 1),
                     "load": loads[-1], "hard": is_hard(scenario, name), "workout": None})
    readiness, (ctl, atl, tsb) = _readiness(scenario, loads)
    for d, day in enumerate(days):
        day |= {"ctl": round(ctl[d], 3), "atl": round(atl[d], 3), "tsb": round(tsb[d], 3)}
    summaries = [_week_summary(scenario, w, [d for d in days if d["week"] == w], deloads[w - 1])
                 for w in range(1, week_of[-1] + 1)]
    in_vdot = scenario.readiness.kind == "banister" and scenario.readiness.unit == "vdot"
    paces = training_paces(current_vdot(scenario)).model_dump() if has_paces(scenario) else None
    return {"format": 2, "peakplan_version": "0.1.0", "status": "OPTIMAL", "objective": readiness["race_day"],
            "bound": readiness["race_day"], "gap": 0.0,
            "race": {"date": scenario.race.date.isoformat(), "distance_km": scenario.race.distance_km},
            "readiness": readiness, "prediction": prediction(scenario, loads) if in_vdot else None,
            "paces": paces, "weeks": summaries, "days": days, "tight_rules": [],
            "scenario": scenario.model_dump(mode="json")}


def _week_summary(scenario: Scenario, w: int, days: list[dict], deload: bool) -> dict:
    catalogue = scenario.catalogue.sessions
    training = [d for d in days if d["session"] not in ("race", "rest")]
    minutes = sum(d["minutes"] for d in training)
    low = sum((1 - catalogue[d["session"]].quality_fraction) * d["minutes"] for d in training)
    longs = [d["minutes"] for d in training if catalogue[d["session"]].long]
    return {"week": w, "phase": days[0]["phase"], "deload": deload, "days": len(days), "minutes": minutes,
            "load": round(sum(d["load"] for d in training), 3),
            "low_intensity_share": round(low / minutes, 4) if minutes else 1.0,
            "hard_sessions": sum(1 for d in training if d["hard"]), "long_run_minutes": max(longs, default=0)}


def edit(weeks: list[str], week: int, old: str, new: str) -> list[str]:
    """A copy of the schedule with the first ``old`` token of ``week`` (1-based) replaced."""
    tokens = weeks[week - 1].split()
    tokens[tokens.index(old)] = new
    return weeks[: week - 1] + [" ".join(tokens)] + weeks[week:]


def set_day(plan: dict, date: str, session: str, minutes: int, scenario: Scenario) -> dict:
    """Change one day's session and minutes in place, with its load and hard flag recomputed;
    the other stated numbers (CTL, weekly totals, readiness) are left as they were."""
    for day in plan["days"]:
        if day["date"] == date:
            day |= {"session": session, "minutes": minutes, "hard": is_hard(scenario, session),
                    "load": day_load(scenario, dt.date.fromisoformat(date), session, minutes)}
            return plan
    raise KeyError(date)


def found(scenario: Scenario, weeks: list[str], phases: list[str] | None = None,
          deloads: list[bool] | None = None) -> list[tuple[str, str, str]]:
    """(rule, where, amount) of every violation of the plan built from ``weeks``."""
    return [(v.rule, v.where, v.amount) for v in validate(scenario, build_plan(scenario, weeks, phases, deloads))]


def rules_of(violations) -> set[str]:
    return {v.rule for v in violations}


def only(violations, rule: str) -> list:
    return [v for v in violations if v.rule == rule]


# Mutation classes run by test_mutations.py: name -> (expected rule, rules reported, caught?).
MUTATION_LOG: dict[str, tuple[str, tuple[str, ...], bool]] = {}
