"""``python -m benchmarks.fuzz [--count N] [--cli N]`` (also ``python -m benchmarks fuzz``): the fuzz run.

Default: 100 000 inputs in process on every core, then 600 through the command line; writes
benchmarks/FUZZ.md and benchmarks/fuzz.json. Exit 1 when any input failed (crash, hang, long
or unnamed message, schema disagreement, invalid plan).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from benchmarks.fuzz.report import write_report
from benchmarks.fuzz.runner import run_cli_sample, run_many
from benchmarks.fuzz.targets import Options

HERE = Path(__file__).resolve().parent.parent


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=100_000, help="inputs in process (default 100 000)")
    p.add_argument("--cli", type=int, default=600, help="inputs through the command line (default 600)")
    p.add_argument("--seed", type=int, default=17, help="the run's seed: input n is the same for the same seed")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: every core)")
    p.add_argument("--solve-every", type=int, default=40, help="solve one in this many accepted scenarios")
    p.add_argument("--out", type=Path, default=HERE, help="folder for FUZZ.md and fuzz.json")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    progress = {"n": 0}

    def tick(_record: object) -> None:
        progress["n"] += 1
        if progress["n"] % 5000 == 0:
            print(f"{progress['n']:,} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    inprocess = run_many(range(args.count), args.seed, args.workers, Options(solve_every=args.solve_every), tick)
    inprocess_s = time.perf_counter() - started
    cli = run_cli_sample(range(args.count, args.count + args.cli), args.seed, args.workers)
    wall_s = time.perf_counter() - started
    data = {"seed": args.seed, "workers": args.workers, "in_process": inprocess.as_json(), "cli": cli.as_json(),
            "in_process_s": inprocess_s, "wall_s": wall_s}
    (args.out / "fuzz.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    md = write_report(data, args.out / "FUZZ.md")
    print(f"{inprocess.total:,} in process ({inprocess.failed} failed), {cli.total} through the CLI "
          f"({cli.failed} failed) in {wall_s:.0f} s; wrote {md}", file=sys.stderr)
    return 1 if inprocess.failed or cli.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
