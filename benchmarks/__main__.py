"""``python -m benchmarks [--quick]``: the benchmark suite of issue 6 (see README.md);
``python -m benchmarks fuzz [...]``: the fuzz run (benchmarks/fuzz, FUZZ.md).

Full run: the whole grid (CP-SAT, HiGHS on the same model, the template baseline), the
headline scenario repeated, the 16-week marathons with both cores per solver, a batch of
16-week variants on every core, and the peak memory of
a 52-week solve; writes RESULTS.md and results.json next to this file. ``--quick``: four small
cases and a small batch (well under a minute), written to RESULTS-quick.md / results-quick.json
so the committed full results stay.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from benchmarks import report
from benchmarks.batch import run_batch
from benchmarks.cases import QUICK, Case, full_grid, sampled_grid
from benchmarks.memory import peak_memory
from benchmarks.suite import Limits, run_cases, run_repeats, run_two_cores
from peakplan.scenario import load_scenario

HERE = Path(__file__).resolve().parent
HEADLINE = str(HERE.parent / "scenarios" / "marathon-16w.yaml")
TWO_CORE_REPEATS = 3   # the 16-week marathons solved with both cores per solver, median of three
OPTIMA = HERE / "optima.json"


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="the CI subset: 4 small cases, small batch, < 60 s")
    p.add_argument("--sample", action="store_true", help="32 of the 126 grid cases (every distance x length once)")
    p.add_argument("--no-milp", action="store_true", help="skip the HiGHS baseline")
    p.add_argument("--limit", type=float, default=30.0, help="time limit per solve and solver (s), default 30")
    p.add_argument("--repeats", type=int, default=None, help="headline repeats (default 9, quick 3)")
    p.add_argument("--batch", type=int, default=None, help="plans in the batch (default 240, quick 8)")
    p.add_argument("--update-optima", action="store_true", help="store the quick cases' optima in optima.json")
    p.add_argument("--out", type=Path, default=HERE, help="folder for the results files")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["fuzz"]:  # `python -m benchmarks fuzz ...`: the fuzz run (benchmarks/fuzz, FUZZ.md)
        from benchmarks.fuzz.__main__ import main as fuzz_main

        return fuzz_main(argv[1:])
    args = parse(argv)
    cases = list(QUICK) if args.quick else sampled_grid() if args.sample else full_grid()
    repeats = args.repeats if args.repeats is not None else (3 if args.quick else 9)
    batch_n = args.batch if args.batch is not None else (8 if args.quick else 240)
    limits = Limits(args.limit, args.limit)
    console = Console(stderr=True)
    started = time.perf_counter()
    data = {"quick": args.quick, "limits": {"cpsat_s": limits.cpsat_s, "milp_s": limits.milp_s},
            "machine": report.machine(),
            "grid": "quick subset" if args.quick else "sampled (32 cases)" if args.sample else "full (126 cases)"}
    two_cores = [] if args.quick or args.no_milp else [
        *((c.name, c.scenario(limits.cpsat_s)) for c in (Case("marathon", 16, k) for k in range(3, 8))),
        ("marathon-16w (shipped)", load_scenario(HEADLINE))]
    steps = (len(cases) * (3 if not args.no_milp else 2) + 2 * repeats + 2 * len(two_cores)
             + batch_n + (0 if args.quick else 1))
    columns = (TextColumn("{task.description:<42}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("starting", total=steps)

        def tick(what: str) -> None:
            progress.update(task, description=what, advance=1)

        data["cases"] = run_cases(cases, limits, tick, milp=not args.no_milp)
        if not args.no_milp and repeats:
            data["headline"] = run_repeats(HEADLINE, repeats, limits, tick)
        if two_cores:
            data["two_cores"] = run_two_cores(two_cores, TWO_CORE_REPEATS, limits, tick)
        if batch_n:
            progress.update(task, description=f"batch: {batch_n} plans on {os.cpu_count()} cores")
            data["batch"] = run_batch(batch_n, limits.cpsat_s, on_done=lambda _: progress.advance(task))
            data["batch"].pop("runs")
        if not args.quick:
            progress.update(task, description="memory: marathon-52w-7d")
            data["memory"] = peak_memory("marathon", 52, 7, 60.0)
            progress.advance(task)
    data["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    data["wall_s"] = time.perf_counter() - started
    stem = "results-quick" if args.quick else "results"
    md, js = report.write(data, args.out, stem)
    if args.update_optima:
        store_optima(data["cases"])
    for name, value, _, met in report.targets(data["summary"]):
        mark = "—" if met is None else ("met" if met else "NOT met")
        console.print(f"{name:<52} {value:>14}  {mark}")
    console.print(f"wrote {md} and {js} in {data['wall_s']:.0f} s")
    return 0


def store_optima(cases: list[dict]) -> None:
    optima = json.loads(OPTIMA.read_text(encoding="utf-8")) if OPTIMA.exists() else {}
    for c in cases:
        if c["cpsat"]["status"] == "OPTIMAL":
            optima[c["case"]] = {"objective": c["cpsat"]["scaled_objective"], "readiness": c["cpsat"]["readiness"]}
        elif c["cpsat"]["status"] == "INFEASIBLE":   # proven: the rules admit no plan (kept as a regression)
            optima[c["case"]] = {"status": "INFEASIBLE"}
    OPTIMA.write_text(json.dumps(dict(sorted(optima.items())), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
