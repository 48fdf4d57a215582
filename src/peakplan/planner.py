"""The planner: build the CP-SAT model of a scenario, run it, and turn the answer into a Result.

``solve(scenario)`` is the front door (``peakplan.solve``): it never raises for
infeasibility (status INFEASIBLE, with the conflicting rules in ``result.explanation``), and
raises only for a bug (an invalid CP-SAT model).
"""

from __future__ import annotations

from peakplan.explain import EXPLAIN_BUDGET_S, Explanation
from peakplan.explain import explain as explain_conflicts
from peakplan.model.build import build
from peakplan.model.progress import ProgressHook, Stop
from peakplan.model.solver import readiness_bound
from peakplan.model.solver import solve as run_solver
from peakplan.plan.build import build_plan
from peakplan.plan.file import PlanStatus
from peakplan.result import Result, Status
from peakplan.scenario.schema import Scenario


def solve(scenario: Scenario, *, explain: bool = True, relax: bool = False,
          explain_budget_s: float = EXPLAIN_BUDGET_S, on_progress: ProgressHook | None = None,
          stop: Stop | None = None, first_solution: bool = False) -> Result:
    """Solve to proven optimality (or the time limit). Never raises for infeasibility.

    ``explain`` names the conflicting rules of an infeasible scenario (``relax`` also searches
    verified relaxations, within ``explain_budget_s``); ``on_progress`` receives a
    :class:`~peakplan.model.progress.Progress` about every 0.1 s; ``stop.request()`` (from a
    signal handler, say) ends the search and keeps the best plan so far (status FEASIBLE);
    ``first_solution`` stops at the first plan found.
    """
    ctx, objective = build(scenario)
    raw = run_solver(ctx, objective, scenario.solver, on_progress=on_progress, stop=stop,
                     first_solution=first_solution)
    status = Status(raw.status)
    if status not in (Status.OPTIMAL, Status.FEASIBLE):
        why = None
        if status == Status.INFEASIBLE and explain:
            why = _explain(scenario, relax, explain_budget_s)
        return Result(status=status, scenario=scenario, explanation=why, solve_time_s=raw.wall_time_s,
                      interrupted=raw.interrupted)
    bound = None if status == Status.OPTIMAL else readiness_bound(raw, objective)
    plan_status: PlanStatus = "OPTIMAL" if status == Status.OPTIMAL else "FEASIBLE"
    plan = build_plan(scenario, raw.sessions, raw.minutes, status=plan_status, bound=bound, tight_rules=raw.tight)
    return Result(status=status, scenario=scenario, plan=plan, solve_time_s=raw.wall_time_s,
                  interrupted=raw.interrupted)


def _explain(scenario: Scenario, relax: bool, budget_s: float) -> Explanation:
    return explain_conflicts(scenario, relax=relax, budget_s=budget_s)
