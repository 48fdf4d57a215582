"""Mutation tests: a solver plan validates; each injected violation is caught by its rule.

The plan comes from ``peakplan.planner.solve`` (the CP-SAT model) for an 8-week half marathon cut from
the shipped ``half-14w`` scenario (taper week, a deload week, Monday off, one blackout date),
solved once per module. Each mutation edits a deep copy; edited minutes get their load and hard
flag recomputed, so the mutation hits its rule and not only plan_consistency.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from peakplan.planner import solve
from peakplan.scenario import Scenario, scenario_from_dict
from peakplan.validate import validate

from .plan_builder import MUTATION_LOG, day_load, is_hard

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BLACKOUT = "2027-03-24"  # a Wednesday in week 4


@pytest.fixture(scope="module")
def solved() -> tuple[Scenario, dict]:
    data = yaml.safe_load((SCENARIOS / "half-14w.yaml").read_text(encoding="utf-8"))
    data["start_date"] = "2027-03-01"  # 56 days: 8 weeks, taper 1 -> R = 6
    data["availability"]["blackout_dates"] = [BLACKOUT]
    data["solver"] = {"time_limit_s": 30, "workers": 1, "seed": 0}
    scenario = scenario_from_dict(data)
    result = solve(scenario)
    assert result.has_plan, result.status
    return scenario, result.plan.model_dump(mode="json")


class Plan:
    """Edits on a plan dict that keep each day's load and hard flag consistent."""

    def __init__(self, scenario: Scenario, plan: dict) -> None:
        self.scenario, self.plan = scenario, plan
        self.days = plan["days"]
        self.catalogue = scenario.catalogue.sessions

    def set(self, d: int, session: str, minutes: int) -> str:
        """A new session and minutes on day ``d``, its load (pace-based, plan_loads.py) and hard flag recomputed."""
        date = dt.date.fromisoformat(self.days[d]["date"])
        self.days[d] |= {"session": session, "minutes": minutes, "hard": is_hard(self.scenario, session),
                         "load": day_load(self.scenario, date, session, minutes)}
        return self.days[d]["date"]

    def training(self, week: int | None = None) -> list[int]:
        last = len(self.days) - 1
        return [d for d in range(last) if week is None or self.days[d]["week"] == week]

    def first(self, test: Callable[[int], bool], week: int | None = None) -> int:
        """The first training day index (of ``week``, if given) that passes ``test``."""
        return next(d for d in self.training(week) if test(d))

    def cap(self, d: int) -> int:
        """The weekday's minutes (blackout dates and date caps aside)."""
        return self.scenario.availability.max_minutes[self.days[d]["weekday"]]

    def week_of_phase(self, *phases: str) -> int:
        return next(w["week"] for w in self.plan["weeks"] if w["phase"] in phases)

    def copy_week(self, source: int, target: int) -> None:
        for s, t in zip(self.training(source), self.training(target), strict=False):
            if self.days[s]["minutes"]:
                self.set(t, self.days[s]["session"], self.days[s]["minutes"])
            else:
                self.set(t, "rest", 0)


def adjacent_hard_days(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.days[d]["hard"])
    day = p.days[d]
    minutes = max(p.catalogue[day["session"]].min_minutes, min(day["minutes"], p.cap(d + 1)))
    return "hard_easy", p.set(d + 1, day["session"], minutes)


def week_up_40_percent(p: Plan) -> tuple[str, str]:
    week = next(w["week"] for w in p.plan["weeks"][1:] if w["phase"] in ("build", "race_specific") and not w["deload"])
    for d in p.training(week):
        if p.days[d]["minutes"]:
            p.set(d, p.days[d]["session"], round(1.4 * p.days[d]["minutes"]))
    return "weekly_ramp", f"week {week}"


def taper_removed(p: Plan) -> tuple[str, str]:
    first_taper = p.week_of_phase("taper", "race_week")
    p.copy_week(first_taper - 1, first_taper)
    return "taper", f"week {first_taper}"


def session_on_blackout_date(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.days[d]["date"] == BLACKOUT)
    return "availability", p.set(d, "easy", 40)


def session_on_a_day_off(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.cap(d) == 0)
    return "availability", p.set(d, "easy", 40)


def long_run_over_cap(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.days[d]["session"] == "long")
    return "long_run", p.set(d, "long", p.scenario.rules.long_run.max_minutes + 10)


def quota_missed(p: Plan) -> tuple[str, str]:
    week = p.week_of_phase("build")
    quotas = p.scenario.rules.quotas.per_phase["build"]
    quota = next(k for k, b in quotas.items() if b.min >= 1 and k != "any_hard")
    for d in p.training(week):
        if p.days[d]["session"] == quota:
            p.set(d, "easy", min(max(p.days[d]["minutes"], 25), 90))
    return "quotas", f"week {week}"


def intervals_in_base(p: Plan) -> tuple[str, str]:
    base_week = p.week_of_phase("base")
    d = p.first(lambda d: p.days[d]["minutes"] > 0 and not p.days[d]["hard"] and p.cap(d) >= 45, base_week)
    return "phases", p.set(d, "intervals", 45)


def deload_skipped(p: Plan) -> tuple[str, str]:
    week = next(w["week"] for w in p.plan["weeks"] if w["deload"])
    p.copy_week(week - 1, week)
    return "deload", f"week {week}"


def return_week_jumps(p: Plan) -> tuple[str, str]:
    """The week after the recovery week 20 % above the week before the recovery."""
    week = next(w["week"] for w in p.plan["weeks"] if w["deload"]) + 1
    p.copy_week(week - 2, week)
    for d in p.training(week):
        if p.days[d]["minutes"]:
            p.set(d, p.days[d]["session"], round(1.2 * p.days[d]["minutes"]))
    return "deload", f"week {week}"


def base_week_over_its_ceiling(p: Plan) -> tuple[str, str]:
    """The first base week raised above its phase ceiling (a share of the athlete's peak week)."""
    ceiling = p.scenario.rules.progression.phase_ceilings["base"] * p.scenario.athlete.peak_weekly_minutes
    week = p.week_of_phase("base")
    factor = 1.1 * ceiling / sum(p.days[d]["minutes"] for d in p.training(week))
    for d in p.training(week):
        if p.days[d]["minutes"]:
            p.set(d, p.days[d]["session"], round(factor * p.days[d]["minutes"]))
    return "progression", f"week {week}"


def hard_the_day_before_the_race(p: Plan) -> tuple[str, str]:
    return "race_week", p.set(len(p.days) - 2, "race_pace", 30)


def session_too_short(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.days[d]["session"] == "tempo")
    return "sessions", p.set(d, "tempo", 30)


def readiness_tampered(p: Plan) -> tuple[str, str]:
    p.plan["readiness"]["race_day"] += 0.5
    return "plan_consistency", "readiness.race_day"


def load_tampered(p: Plan) -> tuple[str, str]:
    d = p.first(lambda d: p.days[d]["minutes"] > 0)
    p.days[d]["load"] = round(p.days[d]["load"] + 5.0, 3)
    return "plan_consistency", p.days[d]["date"]


def weekly_total_tampered(p: Plan) -> tuple[str, str]:
    p.plan["weeks"][1]["minutes"] += 10
    return "plan_consistency", "week 2"


MUTATIONS = [adjacent_hard_days, week_up_40_percent, taper_removed, session_on_blackout_date, session_on_a_day_off,
             long_run_over_cap, quota_missed, intervals_in_base, deload_skipped, return_week_jumps,
             base_week_over_its_ceiling, hard_the_day_before_the_race,
             session_too_short, readiness_tampered, load_tampered, weekly_total_tampered]


def test_solver_plan_keeps_every_rule(solved):
    scenario, plan = solved
    assert validate(scenario, plan) == []
    assert dt.date.fromisoformat(BLACKOUT) in scenario.availability.blackout_dates


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda f: f.__name__)
def test_mutation_is_caught(solved, mutate):
    scenario, plan = solved
    edited = Plan(scenario, copy.deepcopy(plan))
    rule, where = mutate(edited)
    found = validate(scenario, edited.plan)
    hits = [v for v in found if v.rule == rule and v.where == where]
    MUTATION_LOG[mutate.__name__] = (rule, tuple(sorted({v.rule for v in found})), bool(hits))
    assert hits, f"expected {rule} at {where}; got:\n" + "\n".join(map(str, found))


def test_model_agrees_on_an_exact_phase_split_tie():
    # R = 6, shares .3/.3/.3/.1: quotas 1.8, 1.8, 1.8, 0.6 (in floats 6 · 0.3 = 1.7999999999999998)
    # -> floors 1, 1, 1, 0 and three leftovers to the three-way tie at .8: race_specific, build, base
    # (docs/rules.md) -> base, base, build, build, rs, rs and no peak week.
    data = yaml.safe_load((SCENARIOS / "half-14w.yaml").read_text(encoding="utf-8"))
    data |= {"start_date": "2027-03-01", "solver": {"time_limit_s": 30, "workers": 1, "seed": 0},
             "rules": {"phases": {"shares": {"base": 0.3, "build": 0.3, "race_specific": 0.3, "peak": 0.1}}}}
    scenario = scenario_from_dict(data)
    plan = solve(scenario).plan.model_dump(mode="json")
    assert [w["phase"] for w in plan["weeks"]][:6] == ["base", "base", "build", "build", "race_specific",
                                                       "race_specific"]
    assert validate(scenario, plan) == []
