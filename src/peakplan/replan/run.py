"""The re-plan's solves in order (replan/solve.py says what each does), into a ReplanResult."""

from __future__ import annotations

import time

from peakplan.calendar import Calendar
from peakplan.explain import explain
from peakplan.model.build import build
from peakplan.model.scale import objective_coefficient
from peakplan.model.solver import readiness_bound
from peakplan.model.solver import solve as run_solver
from peakplan.plan.build import build_plan
from peakplan.plan.file import PlanFile, PlanStatus
from peakplan.replan import ReplanResult, changes_of
from peakplan.replan.excuse import excused
from peakplan.replan.solve import (
    Solved,
    count_changes,
    fewest_changes,
    fixed_days,
    fixed_weeks,
    original_by_day,
    place_week,
)
from peakplan.scenario.schema import Scenario


def _infeasible(scenario: Scenario, status: str, started: float) -> ReplanResult:
    why = explain(scenario, relax=True) if status == "INFEASIBLE" else None
    result = ReplanResult(status=status, scenario=scenario, explanation=why)
    result.times_s["solve"] = time.perf_counter() - started
    if status != "INFEASIBLE":
        result.notes.append(f"no plan found within {scenario.solver.time_limit_s:g} s; try a longer time limit")
    return result


def solve_replan(scenario: Scenario, original: PlanFile, tolerance: float) -> ReplanResult:
    limit, started, times = scenario.solver.time_limit_s, time.perf_counter(), {}
    found, forced = excused(scenario, limit)
    times["excuse"] = time.perf_counter() - started
    if found not in ("OPTIMAL", "FEASIBLE"):
        return _infeasible(scenario, found, started)
    assert scenario.replan is not None
    scenario = scenario.model_copy(update={"replan": scenario.replan.model_copy(update={"excused": forced})})
    mark = time.perf_counter()
    ctx, objective = build(scenario)
    raw = run_solver(ctx, objective, scenario.solver)
    times["best"] = time.perf_counter() - mark
    if raw.status not in ("OPTIMAL", "FEASIBLE"):
        return _infeasible(scenario, raw.status, started)
    bound = None if raw.status == "OPTIMAL" else readiness_bound(raw, objective)
    best_status: PlanStatus = "OPTIMAL" if raw.status == "OPTIMAL" else "FEASIBLE"
    best = build_plan(scenario, raw.sessions, raw.minutes, status=best_status, bound=bound, tight_rules=raw.tight)
    allowed = tolerance * max(best.objective - objective.offset, 0.0)
    floor = round(raw.scaled_objective) - objective_coefficient(allowed)
    original_days = original_by_day(scenario, {d.date: (d.session, d.minutes) for d in original.days})
    mark = time.perf_counter()
    hint = Solved(raw.status, raw.sessions, raw.minutes, raw.wall_time_s)
    fewest = fewest_changes(scenario, original_days, floor, hint, limit)
    times["fewest_changes"] = time.perf_counter() - mark
    if not fewest.sessions:      # the best plan meets the floor, so this is a time limit
        fewest = hint
    status: PlanStatus = "OPTIMAL" if raw.status == "OPTIMAL" and fewest.status == "OPTIMAL" else "FEASIBLE"
    # OPTIMAL: optimal for the re-plan's objective (fewest changes above the floor), so the bound is its
    # own readiness; the best re-plan's readiness is in changes.best_readiness.
    plan = build_plan(scenario, fewest.sessions, fewest.minutes, status=status,
                      bound=readiness_bound(raw, objective) if raw.status != "OPTIMAL" else None)
    fixed = fixed_days(scenario)
    counts = (*count_changes(original_days, fewest.sessions, fewest.minutes, fixed),
              *count_changes(original_days, raw.sessions, raw.minutes, fixed))
    plan = plan.model_copy(update={"changes": changes_of(plan, best, original, counts, tolerance)})
    result = ReplanResult(status=status, scenario=scenario, plan=plan, best=best, times_s=times)
    weeks, cal = fixed_weeks(scenario), Calendar(scenario)
    now = [f"{rule} {where}" for rule, where in forced if place_week(cal, where) in weeks]
    later = [f"{rule} {where}" for rule, where in forced if place_week(cal, where) not in weeks]
    if now:
        result.notes.append("rules the days already run break in their week (not enforced there): " + ", ".join(now))
    if later:
        result.notes.append("rules no plan can keep after the days run (the fewest, not enforced): " + ", ".join(later))
    return result
