"""Solve scenario variants in parallel (one process per core, each solve single-threaded and
deterministic) and read plan files, both into :class:`Outcome` records."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peakplan.errors import ScenarioError
from peakplan.plan.file import PlanFile
from peakplan.plan.io import read_plan
from peakplan.report.variants import Variant


@dataclass
class Outcome:
    label: str
    source: str
    status: str                                   # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN
    plan: PlanFile | None = None                  # the plan file (peakplan.plan.file)
    changes: dict[str, Any] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (rule, where, text) when INFEASIBLE
    solve_time_s: float = 0.0

    @property
    def has_plan(self) -> bool:
        return self.plan is not None

    @property
    def conflicting_rules(self) -> list[str]:
        return list(dict.fromkeys(rule for rule, _, _ in self.conflicts))

    def why_lines(self) -> list[str]:
        """The explanation, one line per conflicting rule (its places listed, the first one's words)."""
        if not self.conflicts:
            return self.explanation
        lines = []
        for rule in self.conflicting_rules:
            found = [(where, text) for r, where, text in self.conflicts if r == rule]
            wheres = ", ".join(w for w, _ in found[:4]) + (f", +{len(found) - 4} more" if len(found) > 4 else "")
            lines.append(f"{rule} ({wheres}): {found[0][1]}")
        return lines


def prepare(variant: Variant, time_limit_s: float | None = None) -> Variant:
    """The variant with workers=1 (deterministic) and an optional time limit."""
    solver = {"workers": 1, **({"time_limit_s": time_limit_s} if time_limit_s is not None else {})}
    try:
        new_solver = variant.scenario.solver.model_validate({**variant.scenario.solver.model_dump(), **solver})
    except ValueError as exc:
        errors = exc.errors() if hasattr(exc, "errors") else []
        raise ScenarioError(f"--time-limit {time_limit_s:g}: {errors[0]['msg'] if errors else exc}.") from None
    scenario = variant.scenario.model_copy(update={"solver": new_solver})
    return Variant(variant.label, variant.source, variant.changes, scenario)


def solve_variant(variant: Variant) -> Outcome:
    """Solve one variant; an infeasible one comes back with the conflicting rules in words."""
    from peakplan.planner import solve

    result = solve(variant.scenario)
    out = Outcome(variant.label, variant.source, result.status.value, plan=result.plan, changes=variant.changes,
                  solve_time_s=result.solve_time_s)
    if result.explanation is not None:
        why = result.explanation
        out.explanation, out.conflicts = why.lines(), [(c.rule, c.where, c.text) for c in why.conflicts]
    elif not result.has_plan:
        limit = variant.scenario.solver.time_limit_s
        out.explanation = [f"no plan found within {limit:g} s; try a longer --time-limit"]
    return out


def solve_all(variants: Sequence[Variant], on_done: Callable[[Outcome], None] | None = None,
              max_workers: int | None = None) -> list[Outcome]:
    """Every variant solved, in input order; ``on_done`` is called as each one finishes."""
    workers = min(max_workers or os.cpu_count() or 1, len(variants))
    if workers <= 1:
        outcomes = []
        for v in variants:
            outcomes.append(solve_variant(v))
            if on_done:
                on_done(outcomes[-1])
        return outcomes
    results: dict[int, Outcome] = {}
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        futures = {pool.submit(solve_variant, v): i for i, v in enumerate(variants)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if on_done:
                on_done(results[futures[future]])
    except BaseException:  # Ctrl-C or a crash: stop the running solves now, not when they finish
        _terminate(pool)
        raise
    pool.shutdown()
    return [results[i] for i in range(len(variants))]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _terminate(pool: ProcessPoolExecutor) -> None:
    if hasattr(pool, "terminate_workers"):  # Python 3.14+
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def solve_with_progress(variants: Sequence[Variant], what: str = "solving") -> list[Outcome]:
    """``solve_all`` on every core with a progress bar on stderr (hidden when stderr is no terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(f"{what} {len(variants)} variant(s) on {os.cpu_count()} core(s)", total=len(variants))
        return solve_all(variants, lambda _: progress.advance(task))


def plan_outcome(path: str | Path, label: str | None = None) -> Outcome:
    """A plan file as an Outcome (PlanFileError when it cannot be read)."""
    plan = read_plan(path)
    return Outcome(label or Path(path).stem, str(path), plan.status, plan)


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Labels made distinct by a #n suffix where two are equal."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if labels.count(label) == 1 else f"{label} #{seen[label]}")
    return out
