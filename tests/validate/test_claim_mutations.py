"""Mutations of what a plan states beyond its rules, each class applied to many places of a solved plan:
km (training, rest and race days), bound and gap, workouts (steps, session, estimate pace, missing,
on a rest day), paces, the stated tight rules (fabricated at places the model bounds but the plan
does not meet with equality, of unknown or switched-off families, at places without a bound) and the
embedded scenario. Every application must be caught, at its place; caught/applied per class is
written to tests/.reports/claim-mutations.txt.

The plan is the 14-week half marathon of scenarios/ (recent race 10K 45:00, so paces and
workouts are set), solved once per module by the CP-SAT model; the switched-off class uses the 5K
of scenarios/ solved with some families off.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from peakplan.model.build import build
from peakplan.planner import solve
from peakplan.scenario import Scenario, scenario_from_dict
from peakplan.validate import validate, validate_report

from .plan_builder import MUTATION_LOG

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / ".reports" / "claim-mutations.txt"
TALLY: dict[str, tuple[int, int]] = {}
Mutation = Callable[[Scenario, dict], Iterator[tuple[dict, str]]]  # yields (mutated plan, where it must be caught)


@pytest.fixture(scope="module")
def solved() -> tuple[Scenario, dict]:
    data = yaml.safe_load((ROOT / "scenarios" / "half-14w.yaml").read_text(encoding="utf-8"))
    data["solver"] = {"time_limit_s": 30, "workers": 1, "seed": 0}
    scenario = scenario_from_dict(data)
    result = solve(scenario)
    assert result.has_plan and result.plan.paces is not None
    return scenario, result.plan.model_dump(mode="json")


OFF = ("deload", "intensity_mix", "quality_caps", "long_run_build")  # switched off in `solved_off`


@pytest.fixture(scope="module")
def solved_off() -> tuple[Scenario, dict]:
    data = yaml.safe_load((ROOT / "scenarios" / "5k-8w.yaml").read_text(encoding="utf-8"))
    data["solver"] = {"time_limit_s": 30, "workers": 1, "seed": 0}
    data.setdefault("rules", {}).update({name: {"enabled": False} for name in OFF})
    scenario = scenario_from_dict(data)
    result = solve(scenario)
    assert result.has_plan
    return scenario, result.plan.model_dump(mode="json")


def _copy(plan: dict) -> dict:
    return copy.deepcopy(plan)


def _claiming(plan: dict, rule: object, where: object) -> tuple[dict, str]:
    """The plan with one more stated tight rule, and where it must be caught."""
    edited = _copy(plan)
    edited["tight_rules"].append({"rule": rule, "where": where, "detail": "made up"})
    return edited, where if isinstance(where, str) else f"tight_rules[{len(plan['tight_rules'])}]"


def km_on_running_days(scenario, plan):
    for d, day in enumerate(plan["days"][:-1]):
        if day["minutes"]:
            edited = _copy(plan)
            edited["days"][d]["km"] = round(day["km"] + 0.5, 2)
            yield edited, day["date"]


def km_on_rest_days(scenario, plan):
    for d, day in enumerate(plan["days"]):
        if not day["minutes"]:
            edited = _copy(plan)
            edited["days"][d]["km"] = 3.0
            yield edited, day["date"]


def km_on_race_day(scenario, plan):
    for delta in (-1.0, -0.1, 0.1, 5.0):
        edited = _copy(plan)
        edited["days"][-1]["km"] = round(plan["days"][-1]["km"] + delta, 2)
        yield edited, plan["days"][-1]["date"]


def _gap(plan: dict, bound: float) -> float:
    rest = plan["readiness"]["params"]["p0"]  # banister: readiness without training
    return (bound - plan["objective"]) / abs(plan["objective"] - rest)


def bound_below_objective(scenario, plan):
    for below in (0.5, 0.01, 5.0):
        edited = _copy(plan)
        edited["bound"] = plan["objective"] - below
        edited["gap"] = _gap(plan, edited["bound"])  # consistent with the false bound: the bound itself is caught
        yield edited, "bound"


def optimal_with_a_gap(scenario, plan):
    for above in (0.5, 3.0):
        edited = _copy(plan)
        edited["status"], edited["bound"] = "OPTIMAL", plan["objective"] + above
        edited["gap"] = _gap(plan, edited["bound"])
        yield edited, "bound"


def gap_tampered(scenario, plan):
    for gap in (0.01, 0.5, -0.1):
        edited = _copy(plan)
        edited["gap"] = plan["gap"] + gap
        yield edited, "gap"


def _running_days(plan: dict) -> list[int]:
    return [d for d, day in enumerate(plan["days"][:-1]) if day["minutes"]]


def workout_steps_off_by_a_minute(scenario, plan):
    for d in _running_days(plan):
        edited = _copy(plan)
        block = edited["days"][d]["workout"]["blocks"][0]
        step = block["steps"][0] if block["type"] == "repeat" else block
        step["duration_s"] += 60
        yield edited, plan["days"][d]["date"]


def workout_of_another_session(scenario, plan):
    names = list(scenario.catalogue.sessions)
    for d in _running_days(plan):
        edited = _copy(plan)
        workout = edited["days"][d]["workout"]
        workout["session"] = next(n for n in names if n != workout["session"])
        yield edited, plan["days"][d]["date"]


def workout_estimate_pace_changed(scenario, plan):
    for d in _running_days(plan):
        edited = _copy(plan)
        block = edited["days"][d]["workout"]["blocks"][-1]
        step = block["steps"][0] if block["type"] == "repeat" else block
        step["target"]["estimate_s_per_km"] *= 1.2  # km no longer follows, and the estimate leaves its range
        yield edited, plan["days"][d]["date"]


def workout_removed(scenario, plan):
    for d in _running_days(plan):
        edited = _copy(plan)
        edited["days"][d]["workout"] = None
        yield edited, plan["days"][d]["date"]


def workout_on_a_rest_day(scenario, plan):
    some = next(day["workout"] for day in plan["days"] if day["workout"] is not None)
    for d, day in enumerate(plan["days"][:-1]):
        if not day["minutes"]:
            edited = _copy(plan)
            edited["days"][d]["workout"] = copy.deepcopy(some)
            yield edited, day["date"]


def paces_tampered(scenario, plan):
    edited = _copy(plan)
    edited["paces"]["vdot"] += 2.0
    yield edited, "paces.vdot"
    edited = _copy(plan)
    edited["paces"]["threshold_s_per_km"], edited["paces"]["interval_s_per_km"] = \
        plan["paces"]["interval_s_per_km"], plan["paces"]["threshold_s_per_km"]
    yield edited, "paces"
    edited = _copy(plan)
    edited["paces"] = None
    yield edited, "paces"


SAMPLE_PER_FAMILY = 8


def tight_rule_fabricated(scenario, plan):
    """Places where the model bounds a family but the plan meets none of its bounds with equality
    (the model's rule book, read by the test only), up to SAMPLE_PER_FAMILY per family spread over
    the block, each stated as tight."""
    ctx, _ = build(scenario)
    stated = {(t["rule"], t["where"]) for t in plan["tight_rules"]}
    places = sorted(dict.fromkeys((r.family, r.where) for r in ctx.rules.records if (r.family, r.where) not in stated))
    for family in sorted({f for f, _ in places}):
        mine = [where for f, where in places if f == family]
        step = max(1, len(mine) // SAMPLE_PER_FAMILY)
        for where in mine[::step][:SAMPLE_PER_FAMILY]:
            yield _claiming(plan, family, where)


def tight_rule_unknown_family(scenario, plan):
    """Entries naming no family with bounds (or not an object with a rule and a where)."""
    for rule, where in (("no_such_rule", "week 2"), ("quotas", "week 2"), ("phases", "week 1"), ("sessions", "week 3"),
                        ("fixed_days", plan["days"][0]["date"]), ("plan_consistency", "bound"), ("", "week 1"),
                        (7, "week 4"), ("hard_easy", None), ("hard_easy", 3)):
        yield _claiming(plan, rule, where)
    edited = _copy(plan)
    edited["tight_rules"].append("hard_easy week 2")
    yield edited, f"tight_rules[{len(plan['tight_rules'])}]"


def tight_rule_switched_off(scenario, plan):
    """Families switched off in the scenario (OFF)."""
    for rule in OFF:
        for where in ("week 1", "week 3", "race day", plan["days"][2]["date"]):
            yield _claiming(plan, rule, where)


def tight_rule_wrong_place(scenario, plan):
    """Families that are on, at places where they put no bound."""
    first, last = plan["days"][0]["date"], plan["days"][-1]["date"]
    n = len(plan["weeks"])
    for rule, where in (("weekly_ramp", "week 99"), ("weekly_ramp", first), ("weekly_ramp", f"week {n + 1} ceiling"),
                        ("hard_easy", first), ("hard_easy", "race day"), ("availability", "2031-01-01"),
                        ("availability", last), ("availability", "week 0"), ("long_run", first),
                        ("taper", "week 1"), ("taper", first), ("deload", "week 1"), ("race_week", "week 1"),
                        ("progression", f"week {n}"), ("intensity_mix", "race day"), ("quality_caps", "week 2"),
                        ("long_run_build", "week 1"), ("tune_up", "week 2"), ("no_catch_up", "week 2"),
                        ("weekly_ramp", "week 2 "), ("hard_easy", "Week 2")):
        yield _claiming(plan, rule, where)


def embedded_scenario_changed(scenario, plan):
    edits = [("race", "date", "2027-05-02"), ("athlete", "peak_weekly_minutes", 500),
             ("availability", "long_run_day", "sun"), ("start_date", None, "2027-03-01")]
    for section, key, value in edits:
        edited = _copy(plan)
        if key is None:
            edited["scenario"][section] = value
        else:
            edited["scenario"][section][key] = value
        yield edited, "scenario"
    edited = _copy(plan)
    edited["scenario"]["rules"]["weekly_ramp"]["max_increase"] = 0.2
    yield edited, "scenario"
    edited = _copy(plan)
    first = next(iter(edited["scenario"]["catalogue"]["sessions"]))
    edited["scenario"]["catalogue"]["sessions"][first]["intensity_factor"] = 0.5
    yield edited, "scenario"


CLASSES: list[Mutation] = [km_on_running_days, km_on_rest_days, km_on_race_day, bound_below_objective,
                           optimal_with_a_gap, gap_tampered, workout_steps_off_by_a_minute, workout_of_another_session,
                           workout_estimate_pace_changed, workout_removed, workout_on_a_rest_day, paces_tampered,
                           embedded_scenario_changed, tight_rule_fabricated, tight_rule_unknown_family,
                           tight_rule_wrong_place]


def test_the_solved_plan_keeps_every_claim(solved, solved_off):
    for scenario, plan in (solved, solved_off):
        assert plan["tight_rules"], "the plan states tight rules to check"
        assert validate(scenario, plan) == []


@pytest.mark.parametrize("mutation", CLASSES, ids=lambda f: f.__name__)
def test_every_application_is_caught(solved, mutation):
    _run(mutation, *solved)


def test_every_switched_off_claim_is_caught(solved_off):
    _run(tight_rule_switched_off, *solved_off)


def _run(mutation: Mutation, scenario: Scenario, plan: dict) -> None:
    applied = caught = 0
    missed = []
    for edited, where in mutation(scenario, plan):
        applied += 1
        hits = [v for v in validate(scenario, edited) if v.rule == "plan_consistency" and v.where == where]
        caught += bool(hits)
        if not hits:
            missed.append(where)
    TALLY[mutation.__name__] = (caught, applied)
    MUTATION_LOG[mutation.__name__] = ("plan_consistency", ("plan_consistency",), caught == applied)
    _write_report()
    assert applied > 0
    assert caught == applied, f"missed at {missed[:10]}"


def test_another_scenario_is_one_line(solved):
    """Validated against another race, the plan gets one violation saying so, not one per rule."""
    scenario, plan = solved
    other = scenario.model_copy(update={"race": scenario.race.model_copy(update={"date": scenario.race.date.replace(day=2)})})
    report = validate_report(other, plan)
    assert len(report.violations) == 1
    (only,) = report.violations
    assert only.amount == "this plan is for another scenario" and "race.date" in only.message


def test_name_solver_and_model_paths_do_not_matter(solved):
    scenario, plan = solved
    edited = _copy(plan)
    edited["scenario"]["name"] = "renamed"
    edited["scenario"]["solver"]["time_limit_s"] = 5
    edited["scenario"]["model"]["catalogue"] = "/moved/catalogue.yaml"
    assert validate(scenario, edited) == []


def _write_report() -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name}: {caught}/{applied} caught" for name, (caught, applied) in TALLY.items()]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
