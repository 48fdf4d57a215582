"""Run CP-SAT on a built model and read the plan back as plain data."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from peakplan.model.objective import Objective
from peakplan.model.progress import ProgressHook, Recorder, Stop, run
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import objective_value
from peakplan.modelfiles import presets
from peakplan.plan.file import TightRule
from peakplan.scenario.schema import Solver

DETERMINISTIC_KEY = "deterministic_time_per_s"  # a preset key of ours, not a CP-SAT parameter
WALL_SAFETY = 2.0  # with a deterministic limit, the wall-clock limit is this many times the time limit


def linearization_level() -> int:
    """The default preset's LP level: what the conflict search's feasibility checks use."""
    return int(presets.preset().get("linearization_level", 1))


@dataclass
class RawSolution:
    status: str                      # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, MODEL_INVALID
    sessions: list[str] = field(default_factory=list)   # per training day
    minutes: list[int] = field(default_factory=list)
    scaled_objective: float = 0.0
    scaled_bound: float = 0.0
    wall_time_s: float = 0.0
    tight: list[TightRule] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)
    interrupted: bool = False        # a Stop request ended the search (plan = best so far)


def apply_preset(params: Any, settings: dict[str, Any]) -> None:
    """Set each preset field on a CP-SAT ``SatParameters`` (unknown fields raise ValueError; our own
    ``deterministic_time_per_s`` is read by :func:`parameters`, not set here)."""
    for key, value in settings.items():
        if key == DETERMINISTIC_KEY:
            continue
        if not hasattr(params, key):
            raise ValueError(f"models/{presets.PRESET_FILE}: {key!r} is not a CP-SAT parameter")
        if isinstance(value, list):
            repeated = getattr(params, key)
            repeated.clear()
            repeated.extend(value)
        elif isinstance(value, str) and hasattr(type(params), value):
            setattr(params, key, getattr(type(params), value))   # an enum value by name
        else:
            setattr(params, key, value)


def parameters(settings: Solver) -> cp_model.CpSolver:
    """CP-SAT set up by the scenario's preset (``solver.preset``, else the file's default), then
    its time limit and seed, and its ``workers`` when set (else the preset's, else one).

    When the preset gives ``deterministic_time_per_s`` and the search runs on one worker, the time
    limit is a deterministic work limit (``max_deterministic_time`` = limit x that rate, calibrated
    so it lasts about the limit on the reference machine), so a time-limited plan is the same on
    every run; the wall-clock limit then stands at ``WALL_SAFETY`` times the limit, as a backstop
    on a slow or busy machine (benchmarks/DETERMINISM.md)."""
    solver = cp_model.CpSolver()
    chosen = dict(presets.preset(getattr(settings, "preset", None)))
    rate = chosen.pop(DETERMINISTIC_KEY, None)
    apply_preset(solver.parameters, chosen)
    solver.parameters.max_time_in_seconds = settings.time_limit_s
    solver.parameters.random_seed = settings.seed
    if settings.workers is not None:
        solver.parameters.num_workers = settings.workers
    elif "num_workers" not in chosen:
        solver.parameters.num_workers = 1
    if rate is not None and solver.parameters.num_workers == 1:
        solver.parameters.max_deterministic_time = settings.time_limit_s * float(rate)
        solver.parameters.max_time_in_seconds = settings.time_limit_s * WALL_SAFETY
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
    raw.tight = [TightRule(rule=r.family, where=r.where, detail=r.detail)
                 for r in ctx.rules.records if solver.value(r.slack) == 0]
    return raw


def readiness_bound(raw: RawSolution, objective: Objective) -> float:
    """Upper bound on readiness implied by the solver's bound (rounding included)."""
    return objective.offset + objective_value(raw.scaled_bound) + objective.rounding_bound
