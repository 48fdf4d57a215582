"""One measured solve: CP-SAT through peakplan's own parameters, or the same model as a MILP.

Both backends solve the model ``peakplan.model.build`` makes; the clock runs around the solver
call only (presolve included, model building excluded) and the trajectory of (time, best,
bound) gives time to first plan and the gap at fixed times. Every plan goes through the
independent validator and is scored by the product's readiness computation.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from peakplan.model import milp
from peakplan.model.build import build
from peakplan.model.solver import parameters
from peakplan.plan.build import build_plan
from peakplan.plan.file import PlanFile
from peakplan.scenario import Scenario
from peakplan.validate import validate

GAP_TIMES_S = (1.0, 5.0, 30.0)


@dataclass
class Run:
    solver: str
    status: str
    wall_s: float
    first_s: float | None = None        # first plan
    proof_s: float | None = None        # proven optimum (None: not proven in the limit)
    scaled_objective: float | None = None
    scaled_bound: float | None = None
    readiness: float | None = None      # race-day readiness of the plan (product's computation)
    violations: int | None = None       # validator findings on the plan
    gaps: dict[str, float | None] = field(default_factory=dict)   # gap at 1/5/30 s (None: no plan yet)
    trajectory: list[tuple[float, float, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("trajectory")
        return out


def model_size(proto) -> dict[str, int]:
    terms = sum(len(c.linear.vars) for c in proto.constraints if c.has_linear())
    return {"variables": len(proto.variables), "constraints": len(proto.constraints), "linear_terms": terms}


def gap(best: float, bound: float) -> float:
    """Relative gap in the solver's objective (readiness above the all-rest plan, 1e-6 units)."""
    return max(0.0, bound - best) / max(abs(best), 1.0)


def gaps_at(trajectory: list[tuple[float, float, float]], proof_s: float | None) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for t in GAP_TIMES_S:
        if proof_s is not None and proof_s <= t:
            out[f"{t:g}s"] = 0.0
            continue
        seen = [(best, bound) for when, best, bound in trajectory if when <= t]
        bests = [b for b, _ in seen if math.isfinite(b)]
        bounds = [b for _, b in seen if math.isfinite(b)]
        out[f"{t:g}s"] = gap(max(bests), min(bounds)) if bests and bounds else None
    return out


class _Trace(cp_model.CpSolverSolutionCallback):
    def __init__(self, start: float) -> None:
        super().__init__()
        self.start, self.points = start, []

    def on_solution_callback(self) -> None:
        self.points.append((time.perf_counter() - self.start, self.objective_value, self.best_objective_bound))


def solve_cpsat(scenario: Scenario, time_limit_s: float) -> tuple[Run, dict[str, int]]:
    ctx, _ = build(scenario)
    solver = parameters(scenario.solver.model_copy(update={"time_limit_s": time_limit_s}))
    solver.parameters.catch_sigint_signal = False
    start = time.perf_counter()
    trace = _Trace(start)
    bound_points: list[tuple[float, float, float]] = []
    solver.best_bound_callback = lambda b: bound_points.append((time.perf_counter() - start, -math.inf, b))
    code = solver.solve(ctx.model, trace)
    wall = time.perf_counter() - start
    status = solver.status_name(code)
    run = Run("cp-sat", status, wall)
    run.trajectory = sorted(trace.points + bound_points)
    if trace.points:
        run.first_s = trace.points[0][0]
    if status == "OPTIMAL":
        run.proof_s = wall
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        run.scaled_objective, run.scaled_bound = solver.objective_value, solver.best_objective_bound
        score(run, scenario, *ctx.vars.read_plan(solver.value))
    run.gaps = gaps_at(run.trajectory, run.proof_s)
    return run, model_size(ctx.model.proto)


def solve_milp(scenario: Scenario, time_limit_s: float, solver: str = "highs", threads: int = 1) -> tuple[Run, float]:
    """The same built model, translated to a MILP; returns the run and the translation time."""
    ctx, _ = build(scenario)
    with _quiet_stdout():
        result = milp.solve(ctx.model.proto, time_limit_s, solver=solver, threads=threads)
    run = Run(solver, result.status, result.wall_time_s)
    run.trajectory = result.progress
    firsts = [t for t, best, _ in result.progress if math.isfinite(best)]
    run.first_s = firsts[0] if firsts else (result.wall_time_s if result.values else None)
    if result.status == "OPTIMAL":
        run.proof_s = result.wall_time_s
    if result.values:
        run.scaled_objective, run.scaled_bound = result.objective, result.bound
        score(run, scenario, *ctx.vars.read_plan(lambda var: _value(result.values, var)))
    run.gaps = gaps_at(run.trajectory, run.proof_s)
    return run, result.translate_s


def _value(values: list[float], var) -> float:
    """A variable's value in the MILP solution; a pair built without variables is the constant 0."""
    return var if isinstance(var, int) else values[var.index]


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints debug lines straight to file descriptor 1 (``...transformNewIntegerFeasible
    Solution``); keep them out of the progress display. The solver log itself comes through MathOpt."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def score(run: Run, scenario: Scenario, sessions: list[str], minutes: list[int]) -> PlanFile:
    plan = build_plan(scenario, sessions, minutes)
    run.readiness = plan.objective
    run.violations = len(validate(scenario, plan))
    return plan
