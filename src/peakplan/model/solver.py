"""Run CP-SAT on a built model and read the plan back as plain data."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from peakplan.model import presets
from peakplan.model.context import BuildContext
from peakplan.model.progress import ProgressHook, Recorder, Stop, run
from peakplan.model.readiness import Objective
from peakplan.model.scale import objective_value
from peakplan.scenario.schema import Solver

# Solver settings live in models/solver-presets.yaml (each value with the measurement behind it).
# This name is what explain.py's feasibility checks use: the default preset's LP level.
LINEARIZATION_LEVEL = int(presets.preset().get("linearization_level", 1))


@dataclass
class RawSolution:
    status: str                      # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, MODEL_INVALID
    sessions: list[str] = field(default_factory=list)   # per training day
    minutes: list[int] = field(default_factory=list)
    scaled_objective: float = 0.0
    scaled_bound: float = 0.0
    wall_time_s: float = 0.0
    tight: list[tuple[str, str, str]] = field(default_factory=list)  # (family, where, detail)
    conflicts: list[int] = field(default_factory=list)
    interrupted: bool = False        # a Stop request ended the search (plan = best so far)


def parameters(settings: Solver) -> cp_model.CpSolver:
    """CP-SAT set up by the scenario's preset (``solver.preset``, else the file's default), then
    its time limit and seed; its ``workers`` too unless left at the default and the preset names
    a worker count."""
    solver = cp_model.CpSolver()
    chosen = presets.preset(getattr(settings, "preset", None))
    presets.apply(solver.parameters, chosen)
    solver.parameters.max_time_in_seconds = settings.time_limit_s
    solver.parameters.random_seed = settings.seed
    if "workers" in settings.model_fields_set or "num_workers" not in chosen:
        solver.parameters.num_workers = settings.workers
    return solver


def solve(ctx: BuildContext, objective: Objective, settings: Solver, *, on_progress: ProgressHook | None = None,
          stop: Stop | None = None, first_solution: bool = False) -> RawSolution:
    """Run CP-SAT. ``on_progress`` gets a :class:`Progress` every ~0.1 s; ``stop.request()`` (e.g.
    from a SIGINT handler) ends the search with the best plan so far; ``first_solution`` stops at
    the first plan (a feasibility probe)."""
    solver = parameters(settings)
    recorder = Recorder(ctx, objective, first_solution)
    start = time.perf_counter()
    code, interrupted = run(solver, ctx.model, recorder, on_progress, stop)
    wall = time.perf_counter() - start
    status = solver.status_name(code)
    if status == "MODEL_INVALID":
        raise RuntimeError(f"peakplan built an invalid CP-SAT model: {ctx.model.validate()}")
    raw = RawSolution(status=status, wall_time_s=wall, interrupted=interrupted)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if recorder.solutions:  # stopped between the callback and the response: keep that plan
            raw.status, raw.sessions, raw.minutes = "FEASIBLE", recorder.sessions, recorder.minutes
            raw.scaled_objective = recorder.scaled_objective or 0.0
            raw.scaled_bound = recorder.scaled_bound if recorder.scaled_bound is not None else raw.scaled_objective
        return raw
    raw.sessions, raw.minutes = ctx.vars.read_plan(solver.value)
    raw.scaled_objective = solver.objective_value
    raw.scaled_bound = solver.best_objective_bound
    raw.tight = [(r.family, r.where, r.detail) for r in ctx.rules.records if solver.value(r.slack) == 0]
    return raw


def readiness_bound(raw: RawSolution, objective: Objective) -> float:
    """Upper bound on readiness implied by the solver's bound (rounding included)."""
    return objective.offset + objective_value(raw.scaled_bound) + objective.rounding_bound
