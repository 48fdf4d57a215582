"""Watching and stopping a running CP-SAT search: progress reports, stop requests, best plan so far.

CP-SAT runs in a worker thread while the calling (main) thread waits in short joins, so Python
signal handlers (Ctrl-C) run promptly and a :class:`Stop` request reaches the solver at once.
A solution callback records every improving plan (session and minutes per training day) and
the objective; the solver's best-bound callback records the proven bound between plans.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from peakplan.model.objective import Objective
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import objective_value

TICK_S = 0.1  # how often the waiting thread looks at stop requests and reports progress


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running search, in readiness units."""

    elapsed_s: float
    solutions: int
    readiness: float | None  # model readiness of the best plan so far (None: no plan yet)
    bound: float | None      # proven upper bound on readiness (None: not known yet)


ProgressHook = Callable[[Progress], None]


@dataclass
class Stop:
    """A request to end a search early, keeping the best plan found so far.

    ``request()`` is safe to call from a signal handler or another thread, before or during the
    solve; ``requested`` tells afterwards whether the search was cut short on purpose. A running
    search is told at once (``CpSolver.stop_search``, which only sets a flag CP-SAT polls), not
    at the waiting thread's next tick: CP-SAT then stops within about 20 ms (benchmarks/INTERRUPT.md).
    """

    requested: bool = False
    listeners: list[Callable[[], None]] = field(default_factory=list)

    def request(self) -> None:
        self.requested = True
        for listener in list(self.listeners):
            listener()


class Recorder(cp_model.CpSolverSolutionCallback):
    """Solution + best-bound callbacks: keeps the best plan and the search's progress."""

    def __init__(self, ctx: BuildContext, objective: Objective, first_solution: bool = False) -> None:
        super().__init__()
        self.ctx, self.objective, self.first_solution = ctx, objective, first_solution
        self.solutions = 0
        self.sessions: list[str] = []    # per training day, of the best plan so far
        self.minutes: list[int] = []
        self.scaled_objective: float | None = None
        self.scaled_bound: float | None = None

    def on_solution_callback(self) -> None:
        self.sessions, self.minutes = self.ctx.vars.read_plan(self.value)
        self.scaled_objective = self.objective_value
        self.scaled_bound = self.best_objective_bound
        self.solutions += 1
        if self.first_solution:
            self.stop_search()

    def on_bound(self, bound: float) -> None:
        self.scaled_bound = bound

    def progress(self, elapsed_s: float) -> Progress:
        obj = self.objective
        readiness = None if self.scaled_objective is None else obj.offset + objective_value(self.scaled_objective)
        bound = None if self.scaled_bound is None else (
            obj.offset + objective_value(self.scaled_bound) + obj.rounding_bound)
        return Progress(elapsed_s, self.solutions, readiness, bound)


def run(solver: cp_model.CpSolver, model: cp_model.CpModel, recorder: Recorder,
        on_progress: ProgressHook | None = None, stop: Stop | None = None) -> tuple[object, bool]:
    """Solve in a worker thread; returns (status code, whether a stop request ended it).

    Without a ``stop`` object a KeyboardInterrupt stops the search and is raised again once the
    solver has wound down; with one, Ctrl-C only requests the stop (the caller decides).
    """
    solver.parameters.catch_sigint_signal = False  # Ctrl-C belongs to Python, not to CP-SAT
    solver.best_bound_callback = recorder.on_bound
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["code"] = solver.solve(model, recorder)
        except BaseException as exc:
            outcome["error"] = exc

    if stop is not None and stop.requested:
        return cp_model.UNKNOWN, True
    start = time.perf_counter()
    worker = threading.Thread(target=target, name="cp-sat", daemon=True)
    if stop is not None:
        stop.listeners.append(solver.stop_search)
    worker.start()
    try:
        interrupted = _wait(worker, solver, recorder, start, on_progress, stop)
    finally:
        if stop is not None:
            stop.listeners.remove(solver.stop_search)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    if interrupted is not None:
        raise interrupted
    return outcome["code"], bool(stop is not None and stop.requested)


def _wait(worker: threading.Thread, solver: cp_model.CpSolver, recorder: Recorder, start: float,
          on_progress: ProgressHook | None, stop: Stop | None) -> KeyboardInterrupt | None:
    """Wait for the worker, passing on stop requests and progress; returns a pending Ctrl-C."""
    pending: KeyboardInterrupt | None = None
    try:
        while worker.is_alive():
            try:
                worker.join(TICK_S)
                if (stop is not None and stop.requested) or pending is not None:
                    solver.stop_search()
                if on_progress is not None and worker.is_alive():
                    on_progress(recorder.progress(time.perf_counter() - start))
            except KeyboardInterrupt as exc:
                if stop is not None:
                    stop.request()
                else:
                    pending = exc
                solver.stop_search()
    finally:
        if worker.is_alive():  # a progress hook failed: never leave a search running behind
            solver.stop_search()
            worker.join()
    return pending
