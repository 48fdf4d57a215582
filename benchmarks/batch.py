"""Batch throughput: many 16-week plans, one solve per core, counted in proven-optimal plans/min.

The batch goes through the product's own parallel path, ``peakplan.report.runner.solve_all``
(what ``peakplan compare --plans-dir`` runs): one worker process per core, each solving one
scenario at a time with one CP-SAT worker and turning it into the plan file contract. The clock
runs from the start of the pool (process start-up and imports included) until the last plan is
back in the parent, so the figure is what a user re-planning a batch sees end to end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from benchmarks.cases import batch_variants
from peakplan.report.runner import Outcome, solve_all
from peakplan.report.variants import Variant
from peakplan.scenario import scenario_from_dict


def run_batch(n: int, time_limit_s: float = 30.0, workers: int | None = None,
              on_done: Callable[[Outcome], None] | None = None) -> dict[str, Any]:
    workers = workers or os.cpu_count() or 1
    variants = [Variant(data["name"], "scenarios/marathon-16w.yaml", {}, scenario_from_dict(data, source=data["name"]))
                for data in batch_variants(n, time_limit_s)]
    started = time.perf_counter()
    outcomes = solve_all(variants, on_done=on_done, max_workers=workers)
    wall = time.perf_counter() - started
    optimal = sum(o.status == "OPTIMAL" and o.plan is not None for o in outcomes)
    solve_s = sorted(o.solve_time_s for o in outcomes)
    return {"plans": n, "workers": workers, "optimal": optimal, "wall_s": wall,
            "optimal_plans_per_minute": 60.0 * optimal / wall,
            "median_solve_s": solve_s[len(solve_s) // 2], "path": "peakplan.report.runner.solve_all",
            "runs": [{"name": o.label, "status": o.status, "solve_s": o.solve_time_s} for o in outcomes]}
