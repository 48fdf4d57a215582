"""Batch throughput, local process pool vs Ray, on the same inputs in one run (``python -m
benchmarks.batch_study``; results in benchmarks/batch_study.json, written up in BATCH.md).

Each round runs the product's own path, ``peakplan.batch.runner.run_batch`` (what ``peakplan
batch`` runs: jobs out, plan files written atomically, manifest and summary), once on the local
pool and once on Ray, alternating, each into a fresh output folder, and checks the two give
byte-identical plan files. The clock runs from the call until the summary is written: the local
pool's start (forkserver, solver imported once) is inside it; Ray's start (``ray.init`` of a
local instance, what a cluster user pays once) is measured apart, and its workers are warm after
the first round. Figures: proven-optimal plans a minute, plans per core-minute (a minute per
worker: what sizes a cluster), the parent's CPU time per plan, and each worker process's peak
resident memory (VmHWM, read by the worker after each solve). The machine's load average is
recorded: it is shared, so other work on it shows up in the wall-clock figures. The workers'
own CPU time per plan (``time.process_time`` around each job, every thread of the worker) does
not depend on that load, so plans per CPU-minute is the figure to size a cluster with.

Two input sets: ``variants``, the 16-week marathon variants of benchmarks/batch.py (the inputs
behind the compare figure in RESULTS.md), and ``squad``, the shipped table
scenarios/squad/athletes.csv (120 athletes, more varied, harder on average).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.cases import batch_variants
from peakplan.batch.athletes import Athlete, athletes_from, file_name, for_batch
from peakplan.batch.executors import Executor, LocalExecutor, RayExecutor, cores
from peakplan.batch.outdir import OutputFolder
from peakplan.batch.runner import run_batch
from peakplan.scenario import scenario_from_dict

ROOT = Path(__file__).resolve().parent.parent
SQUAD = ROOT / "scenarios" / "squad" / "athletes.csv"
BASE = ROOT / "scenarios" / "marathon-16w.yaml"
OUT = Path(__file__).resolve().parent / "batch_study.json"


def input_sets(n_variants: int) -> dict[str, list[Athlete]]:
    variants = [Athlete(data["name"].replace(" ", "-"), "benchmarks.cases.batch_variants",
                        for_batch(scenario_from_dict(data, data["name"], BASE.parent), None))
                for data in batch_variants(n_variants)]
    return {"variants": variants, "squad": athletes_from(SQUAD, BASE)}


def one_run(athletes: list[Athlete], executor: Executor, folder: Path) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    cpu_before = time.process_time()
    run = run_batch(athletes, OutputFolder(folder), executor)
    parent_cpu_s = time.process_time() - cpu_before
    optimal = sum(r.status == "OPTIMAL" for r in run.results)
    peak_by_worker: dict[str, float] = {}
    for r in run.results:
        peak_by_worker[r.worker] = max(peak_by_worker.get(r.worker, 0.0), r.worker_peak_mb)
    per_minute = 60.0 * optimal / run.wall_s
    return {"executor": executor.name, "workers": run.workers, "athletes": len(athletes), "optimal": optimal,
            "wall_s": round(run.wall_s, 2), "optimal_plans_per_minute": round(per_minute, 1),
            "plans_per_core_minute": round(per_minute / run.workers, 1),
            "median_solve_s": round(statistics.median(r.solve_time_s for r in run.results), 3),
            "sum_solve_s": round(sum(r.solve_time_s for r in run.results), 1),
            "worker_cpu_s_per_plan": round(statistics.mean(r.cpu_s for r in run.results), 4),
            "plans_per_cpu_minute": round(60.0 / statistics.mean(r.cpu_s for r in run.results), 1),
            "parent_cpu_ms_per_plan": round(1000 * parent_cpu_s / max(1, len(run.results)), 2),
            "worker_processes": len(peak_by_worker),
            "worker_peak_mb_max": round(max(peak_by_worker.values()), 1),
            "worker_peak_mb_median": round(statistics.median(peak_by_worker.values()), 1),
            "load_avg_before": round(load_before, 2), "load_avg_after": round(os.getloadavg()[0], 2)}


def plan_bytes(folder: Path, athletes: list[Athlete]) -> dict[str, bytes]:
    return {a.athlete: (folder / "plans" / file_name(a.athlete)).read_bytes() for a in athletes}


def study(n_variants: int = 240, rounds: int = 2, sets: tuple[str, ...] = ("variants", "squad")) -> dict[str, Any]:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill` still shuts Ray down (the finally below)
    workers = cores()
    started = time.perf_counter()
    ray_executor = RayExecutor(num_cpus=workers)
    assert ray_executor.workers == workers  # starts the local Ray instance (it starts on first use)
    ray_start_s = time.perf_counter() - started
    local_executor = LocalExecutor(workers)
    runs: list[dict[str, Any]] = []
    try:
        for name, athletes in input_sets(n_variants).items():
            if name not in sets:
                continue
            for round_no in range(1, rounds + 1):
                with tempfile.TemporaryDirectory() as tmp:
                    outputs = {}
                    for executor in (local_executor, ray_executor):
                        folder = Path(tmp) / executor.name
                        runs.append({"set": name, "round": round_no, **one_run(athletes, executor, folder)})
                        outputs[executor.name] = plan_bytes(folder, athletes)
                        print(json.dumps(runs[-1]), flush=True)
                    runs[-1]["identical_to_local"] = outputs["ray"] == outputs["local"]
    finally:
        ray_executor.close()
    return {"cores": workers, "ray_start_s": round(ray_start_s, 2), "runs": runs, "summary": _ratios(runs)}


def _ratios(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per input set: median plans a minute of each executor over the rounds, and Ray / local."""
    out = []
    for name in dict.fromkeys(r["set"] for r in runs):
        rate = {ex: statistics.median(r["optimal_plans_per_minute"] for r in runs if r["set"] == name and r["executor"] == ex)
                for ex in ("local", "ray")}
        out.append({"set": name, "local_per_minute": rate["local"], "ray_per_minute": rate["ray"],
                    "ray_over_local": round(rate["ray"] / rate["local"], 3),
                    "identical": all(r.get("identical_to_local", True) for r in runs if r["set"] == name)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=240, help="how many 16-week variants")
    parser.add_argument("--rounds", type=int, default=2, help="alternating local/Ray rounds per input set")
    parser.add_argument("--sets", default="variants,squad", help="comma-separated: variants, squad")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    result = study(args.variants, args.rounds, tuple(args.sets.split(",")))
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for row in result["summary"]:
        print(f"{row['set']}: local {row['local_per_minute']:.0f}/min, Ray {row['ray_per_minute']:.0f}/min "
              f"(Ray/local {row['ray_over_local']:.2f}), identical plans: {row['identical']}")


if __name__ == "__main__":
    main()
