"""Find a minimal set of conflicting rule instances of an infeasible scenario.

Every rule instance (family + where) gets one enforcement literal; CP-SAT's sufficient
assumptions give a conflicting subset. A deletion filter then shrinks it: each candidate subset
is rebuilt as a plain model holding only those instances (presolve sees them as hard
constraints, which proves small conflicts in milliseconds), until dropping any one instance
makes the rest feasible: a minimal unsatisfiable subset.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from peakplan.model.build import build
from peakplan.model.solver import linearization_level
from peakplan.scenario.schema import Scenario

Instance = tuple[str, str]  # (family, where)


def _solver(time_limit_s: float, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.linearization_level = linearization_level()
    solver.parameters.catch_sigint_signal = False  # Ctrl-C belongs to Python, not to CP-SAT
    return solver


def feasible_with(scenario: Scenario, keep: list[Instance], time_limit_s: float = 10.0) -> bool | None:
    """Whether the scenario is feasible with only the ``keep`` rule instances (None: unknown)."""
    ctx, _ = build(scenario, only=frozenset(keep))
    ctx.model.clear_objective()
    code = _solver(time_limit_s, scenario.solver.seed).solve(ctx.model)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    return False if code == cp_model.INFEASIBLE else None


def conflicting_rules(scenario: Scenario, time_limit_s: float = 10.0) -> list[Instance] | None:
    """A minimal list of conflicting rule instances ([] if feasible, None if undecided in time)."""
    return search_conflict(scenario, time_limit_s)[0]


def search_conflict(scenario: Scenario, time_limit_s: float = 10.0,
                    deadline: float | None = None) -> tuple[list[Instance] | None, bool]:
    """(conflicting rule instances, whether the set is minimal). Past ``deadline`` (a
    ``time.monotonic()`` value) the deletion filter stops and the set found so far, still a
    conflict but perhaps not a minimal one, is returned: each filter step is a solve, and a
    catalogue of many short sessions can make each one slow."""
    ctx, _ = build(scenario, explain=True)
    ctx.model.clear_objective()
    literals = ctx.rules.literals
    index = {lit.index: key for key, lit in literals.items()}
    ctx.model.add_assumptions(list(literals.values()))
    solver = _solver(time_limit_s, scenario.solver.seed)
    code = solver.solve(ctx.model)
    if code != cp_model.INFEASIBLE:
        return ([] if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None), True
    keep = [index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in index]
    if not keep:  # infeasible without any rule: the catalogue and availability alone conflict
        return [], True
    for key in list(keep):  # deletion filter
        left = time_limit_s if deadline is None else min(time_limit_s, deadline - time.monotonic())
        if left <= 0.05:
            return keep, False
        trial = [k for k in keep if k != key]
        if feasible_with(scenario, trial, left) is False:
            keep = trial
    return keep, True
