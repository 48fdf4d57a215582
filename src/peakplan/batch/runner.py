"""Run a batch: skip the athletes already done for the same input, solve the rest on an
executor, record each result as it arrives, and write the summary in input order.

One athlete's bad input, infeasibility or failed solve is its own summary row; nothing about one
athlete stops the others. Ctrl-C stops the workers, writes the summary of what finished (the rest
NOT_RUN) and re-raises, so the same command resumes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from peakplan import __version__
from peakplan.batch.athletes import Athlete
from peakplan.batch.executors import Executor
from peakplan.batch.jobs import Job, JobResult
from peakplan.batch.outdir import OutputFolder
from peakplan.batch.summary import SummaryRow, counts

RESUME_HINT = "the batch was stopped before this athlete was solved; run the same command again to resume"


@dataclass(frozen=True)
class BatchRun:
    rows: list[SummaryRow]            # one per athlete, input order
    results: list[JobResult]          # what the workers returned this run (finish order), for benchmarks
    wall_s: float
    workers: int

    @property
    def counts(self) -> dict[str, int]:
        return counts(self.rows)


def _checked(result: JobResult) -> JobResult:
    """A plan from a worker running another peakplan version would not match its input hash: refuse it."""
    if result.peakplan_version == __version__:
        return result
    return replace(result, status="ERROR", plan_json="",
                   error=f"the worker {result.worker} runs peakplan {result.peakplan_version}, this driver "
                         f"{__version__}; install the same version on every node of the cluster")


def run_batch(athletes: Sequence[Athlete], out: OutputFolder, executor: Executor,
              on_row: Callable[[SummaryRow], None] | None = None, meta: dict[str, Any] | None = None) -> BatchRun:
    """Every athlete's row (input order); raises KeyboardInterrupt after saving the summary on Ctrl-C."""
    started = time.perf_counter()
    rows: dict[str, SummaryRow] = {}
    to_solve: dict[str, Athlete] = {}
    for athlete in athletes:
        if athlete.scenario is None:
            rows[athlete.athlete] = SummaryRow.not_solved(athlete, "INPUT_ERROR", athlete.error)
        elif (known := out.finished(athlete)) is not None:
            rows[athlete.athlete] = known
        else:
            to_solve[athlete.athlete] = athlete
            continue
        if on_row:
            on_row(rows[athlete.athlete])
    results: list[JobResult] = []
    info = {"peakplan_version": __version__, "executor": executor.name, **(meta or {})}
    try:
        if to_solve:
            info["workers"] = executor.workers
            jobs = [Job(a.athlete, a.scenario_json) for a in to_solve.values()]
            for result in executor.run(jobs):
                result = _checked(result)
                results.append(result)
                rows[result.athlete] = out.record(to_solve[result.athlete], result)
                if on_row:
                    on_row(rows[result.athlete])
    except BaseException:
        ordered = [rows.get(a.athlete) or SummaryRow.not_solved(a, "NOT_RUN", RESUME_HINT) for a in athletes]
        out.finish(ordered, {**info, "interrupted": True, "wall_s": round(time.perf_counter() - started, 3)})
        raise
    wall_s = time.perf_counter() - started
    ordered = [rows[a.athlete] for a in athletes]
    out.finish(ordered, {**info, "interrupted": False, "wall_s": round(wall_s, 3)})
    return BatchRun(ordered, results, wall_s, int(info.get("workers", 0)))
