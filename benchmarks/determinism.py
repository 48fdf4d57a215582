"""``python -m benchmarks.determinism``: are time-limited plans the same on every run?

The slow 57-week scenario of tests/reliability (never proven within these limits) is solved with
the `proof` preset at several time limits, three runs each, two ways side by side: the wall-clock
limit alone (``max_time_in_seconds``, how peakplan worked before) and the deterministic work
limit the preset now sets (``max_deterministic_time`` = limit x ``deterministic_time_per_s``,
wall clock at 2x the limit as a backstop). Reported: distinct plans among the runs, the wall
times, and the deterministic time the wall-clock runs reached (what calibrates the rate). The study
runs twice: on the machine as it is, then with two busy-loop processes beside it (a shared, busy
machine, where a wall-clock limit buys a different amount of search on each run).
Writes benchmarks/DETERMINISM.md.
"""

from __future__ import annotations

import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.interrupt import slow_scenario

HERE = Path(__file__).resolve().parent
LIMITS_S = (2.0, 4.0, 8.0)
RUNS = 3


def run(scenario, limit_s: float, deterministic: bool) -> tuple[str, float, float]:
    """(plan hash, wall s, deterministic time) of one solve."""
    from ortools.sat.python import cp_model

    from peakplan.model.build import build
    from peakplan.model.solver import parameters

    ctx, _ = build(scenario)
    solver = parameters(scenario.solver.model_copy(update={"time_limit_s": limit_s}))
    solver.parameters.catch_sigint_signal = False
    if not deterministic:
        solver.parameters.max_deterministic_time = float("inf")
        solver.parameters.max_time_in_seconds = limit_s
    started = time.perf_counter()
    code = solver.solve(ctx.model)
    wall = time.perf_counter() - started
    plan = ctx.vars.read_plan(solver.value) if code in (cp_model.OPTIMAL, cp_model.FEASIBLE) else "no plan"
    return hashlib.sha256(repr(plan).encode()).hexdigest()[:10], wall, solver.response_proto.deterministic_time


def study(scenario) -> list[tuple[float, bool, list[tuple[str, float, float]]]]:
    rows = []
    for limit in LIMITS_S:
        for deterministic in (False, True):
            rows.append((limit, deterministic, [run(scenario, limit, deterministic) for _ in range(RUNS)]))
    return rows


def table(rows) -> list[str]:
    lines = ["| limit s | limit kind | distinct plans in 3 runs | wall s (each) | deterministic time (each) |",
             "|---:|---|---:|---|---|"]
    for limit, deterministic, results in rows:
        kind = "deterministic work (now)" if deterministic else "wall clock (before)"
        lines.append(f"| {limit:g} | {kind} | {len({h for h, _, _ in results})} | "
                     + ", ".join(f"{w:.2f}" for _, w, _ in results) + " | "
                     + ", ".join(f"{d:.3f}" for _, _, d in results) + " |")
    rates = [d / w for limit, det, results in rows if not det for _, w, d in results if w > 0]
    preset = statistics.median(d / limit for limit, det, results in rows if det for _, _, d in results)
    return [*lines, "", f"Deterministic time per wall second in the wall-clock runs: median "
            f"{statistics.median(rates):.3f}, range {min(rates):.3f}-{max(rates):.3f} (the preset uses {preset:.2f}).", ""]


def main() -> int:
    from peakplan.scenario import load_scenario

    with tempfile.TemporaryDirectory() as folder:
        scenario = load_scenario(slow_scenario(Path(folder)))
        quiet = study(scenario)
        hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
        try:
            busy = study(scenario)
        finally:
            for hog in hogs:
                hog.kill()
                hog.wait()
    lines = [__doc__.split("\n\n", 1)[1].strip(), "", "## The machine as it is", "", *table(quiet),
             "## With two busy-loop processes beside it", "", *table(busy)]
    lines += ["## The same plan on a quiet and a busy machine?", "",
              "| limit s | wall clock (before) | deterministic work (now) |", "|---:|---|---|"]
    for (limit, _, quiet_wall), (_, _, quiet_det), (_, _, busy_wall), (_, _, busy_det) in zip(
            quiet[::2], quiet[1::2], busy[::2], busy[1::2], strict=True):
        same = ["same" if {h for h, _, _ in a} == {h for h, _, _ in b} else "different"
                for a, b in ((quiet_wall, busy_wall), (quiet_det, busy_det))]
        lines.append(f"| {limit:g} | {same[0]} | {same[1]} |")
    lines.append("")
    (HERE / "DETERMINISM.md").write_text("# Time-limited plans\n\n" + "\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(len({h for h, _, _ in results}) == 1 for _, det, results in quiet + busy if det) else 1


if __name__ == "__main__":
    sys.exit(main())
