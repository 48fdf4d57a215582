"""Batch throughput: many 16-week plans, one solve per core, counted in proven-optimal plans/min.

Each worker process runs the product's ``peakplan.solve.solve`` (build, one-worker CP-SAT with
the default preset, plan and readiness) on one scenario at a time. The pool is started and
warmed up (imports done, the catalogue and readiness model read once and passed to ``solve``
as its ``models`` argument, as a batch service would) before the clock starts, so the figure
is the steady rate of a long-running service, not process start-up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from benchmarks.cases import batch_variants

_MODELS: dict[tuple[str, str], Any] = {}  # per worker process: (catalogue, readiness) by name


def _warm_up(data: dict[str, Any]) -> int:
    _models(data)
    return os.getpid()


def _models(data: dict[str, Any]):
    from peakplan.scenario import scenario_from_dict
    from peakplan.solve import load_models

    scenario = scenario_from_dict(data, source=data["name"])
    key = (scenario.model.catalogue, scenario.model.readiness)
    if key not in _MODELS:
        _MODELS[key] = load_models(scenario)
    return scenario, _MODELS[key]


def _solve(data: dict[str, Any]) -> dict[str, Any]:
    from peakplan.solve import solve

    started = time.perf_counter()
    scenario, models = _models(data)
    result = solve(scenario, models=models)
    return {"name": data["name"], "status": result.status, "readiness": result.objective,
            "solve_s": result.solve_time_s, "total_s": time.perf_counter() - started}


def run_batch(n: int, time_limit_s: float = 30.0, workers: int | None = None,
              on_done: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    workers = workers or os.cpu_count() or 1
    variants = batch_variants(n, time_limit_s)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm_up, variants[:1] * workers))
        started = time.perf_counter()
        futures = [pool.submit(_solve, data) for data in variants]
        runs = []
        for future in as_completed(futures):
            runs.append(future.result())
            if on_done is not None:
                on_done(runs[-1])
        wall = time.perf_counter() - started
    optimal = sum(r["status"] == "OPTIMAL" for r in runs)
    runs.sort(key=lambda r: r["name"])
    totals = sorted(r["total_s"] for r in runs)
    return {"plans": n, "workers": workers, "optimal": optimal, "wall_s": wall,
            "optimal_plans_per_minute": 60.0 * optimal / wall,
            "median_plan_s": totals[len(totals) // 2], "runs": runs}
