"""Mutations of what a plan states beyond its rules, each class applied to many places of a solved plan:
km (training, rest and race days), bound and gap, workouts (steps, session, estimate pace, missing,
on a rest day), paces and the embedded scenario. Every application must be
caught, at its place; caught/applied per class is written to tests/.reports/claim-mutations.txt.

The plan is the 7-week half marathon of test_mutations.py (recent race 10K 45:00, so paces and
workouts are set), solved once per module by the CP-SAT model.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

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


def _copy(plan: dict) -> dict:
    return copy.deepcopy(plan)


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
                           embedded_scenario_changed]


def test_the_solved_plan_keeps_every_claim(solved):
    scenario, plan = solved
    assert validate(scenario, plan) == []


@pytest.mark.parametrize("mutation", CLASSES, ids=lambda f: f.__name__)
def test_every_application_is_caught(solved, mutation):
    scenario, plan = solved
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
