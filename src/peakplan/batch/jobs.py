"""The one solve code of a batch: :func:`solve_job` runs in every worker, local or Ray.

A :class:`Job` is an athlete's id and resolved scenario as JSON: the model files are embedded,
so a worker reads none of them, and the same text gives the same plan on any machine (the
``proof`` preset with one CP-SAT worker is deterministic). A :class:`JobResult` carries the plan
file's canonical text (``PlanFile.to_json``, made in the worker so the one process feeding all
workers does not serialise every plan again) and the numbers of the summary table.
``solve_job`` never raises: a bug in one athlete's solve comes back as status ERROR.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from peakplan import __version__

if TYPE_CHECKING:
    from peakplan.plan.file import PlanFile
    from peakplan.result import Result

PLAN_STATUSES = ("OPTIMAL", "FEASIBLE")


@dataclass(frozen=True)
class Job:
    athlete: str
    scenario_json: str


@dataclass(frozen=True)
class JobResult:
    athlete: str
    status: str                       # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN or ERROR
    plan_json: str = ""               # the plan file's text, when there is a plan
    readiness: float | None = None    # race-day readiness (= objective), the readiness model's unit
    readiness_model: str = ""
    bound: float | None = None
    gap: float | None = None
    race_day_ctl: float | None = None
    race_day_tsb: float | None = None
    predicted_time: str = ""          # h:mm:ss when the plan file states a predicted race time
    solve_time_s: float = 0.0
    error: str = ""                   # why there is no plan: conflicting rules, time limit, or the bug
    peakplan_version: str = __version__
    worker: str = ""                  # host:pid that solved it
    worker_peak_mb: float = 0.0       # the worker process's peak resident memory so far (VmHWM)
    cpu_s: float = 0.0                # CPU time the worker spent on this job (all its threads), s

    @property
    def has_plan(self) -> bool:
        return self.status in PLAN_STATUSES and bool(self.plan_json)

    @property
    def plan_sha256(self) -> str:
        return hashlib.sha256(self.plan_json.encode("utf-8")).hexdigest() if self.plan_json else ""


@lru_cache(maxsize=1)
def prepare_worker() -> str:
    """Import the solver and read the solver presets once per worker process; returns host:pid."""
    import peakplan.planner  # noqa: F401  (OR-Tools, the model, the plan pipeline)
    from peakplan.modelfiles.presets import preset

    preset()
    return f"{socket.gethostname()}:{os.getpid()}"


def init_local_worker() -> None:
    """Process-pool initializer: Ctrl-C is the parent's to handle (it stops the workers), then warm up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    prepare_worker()


def peak_memory_mb() -> float:
    """This process's peak resident set size (VmHWM), 0 where /proc is not there."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration, ValueError):
        return 0.0


def predicted_time(plan: PlanFile) -> str:
    """The plan's predicted finish time of the goal race as h:mm:ss ('' for a model not in VDOT)."""
    from peakplan.timefmt import clock

    seconds = plan.prediction.race_time_s if plan.prediction is not None else None
    return clock(seconds) if seconds else ""


def _from_result(job: Job, result: Result, worker: str, cpu_started_s: float) -> JobResult:
    common: dict[str, Any] = {"athlete": job.athlete, "status": result.status.value, "worker": worker,
                              "solve_time_s": round(result.solve_time_s, 4), "worker_peak_mb": peak_memory_mb()}
    plan = result.plan
    if plan is None:
        if result.explanation is not None:
            error = "conflicting rules: " + "; ".join(result.explanation.lines())
        else:
            error = (f"no plan found within {result.scenario.solver.time_limit_s:g} s; give a longer --time-limit "
                     "or loosen the rules")
        return JobResult(**common, error=error, cpu_s=time.process_time() - cpu_started_s)
    text = plan.to_json()
    return JobResult(**common, plan_json=text, readiness=plan.objective, readiness_model=plan.readiness.model,
                     bound=plan.bound, gap=plan.gap, race_day_ctl=plan.readiness.ctl, race_day_tsb=plan.readiness.tsb,
                     predicted_time=predicted_time(plan), cpu_s=time.process_time() - cpu_started_s)


def solve_job(job: Job) -> JobResult:
    """Solve one athlete; never raises (a bug comes back as status ERROR with its one-line cause)."""
    worker = prepare_worker()
    cpu_started_s = time.process_time()
    try:
        from peakplan.planner import solve
        from peakplan.scenario.schema import Scenario

        return _from_result(job, solve(Scenario.model_validate_json(job.scenario_json)), worker, cpu_started_s)
    except Exception as exc:  # one athlete's bug must not stop the others; the summary names it
        return JobResult(job.athlete, "ERROR", worker=worker, worker_peak_mb=peak_memory_mb(),
                         error=f"internal error while solving: {type(exc).__name__}: {exc}. This is a bug in "
                               "peakplan, not your input; please report it with this athlete's scenario.")
