"""``python -m benchmarks.interrupt``: how fast Ctrl-C and SIGTERM end a solve, and Ctrl-C at start-up.

- During a solve: `peakplan solve` of the slow 57-week scenario of tests/reliability (a first plan
  within a second or two, no proof for minutes) gets SIGINT or SIGTERM at a random moment 0.2-3 s
  after its first plan; measured from the signal to the process's exit. Each run must exit 130
  with the best plan written (status FEASIBLE, validated) and no traceback.
- At start-up: SIGINT 0-1000 ms after the process starts (while Python and peakplan import, the
  scenario is read and the model built), plus 40 runs in the first 40 ms; each run must exit 130
  without a traceback (or, in the first few milliseconds before Python has a handler at all, be
  ended by the signal itself, which prints nothing). "Exception ignored" counts as a traceback:
  it is Python dropping the KeyboardInterrupt (commands/ctrl_c.py).

Writes benchmarks/INTERRUPT.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
HUNG_S = 30   # a run at start-up still alive this long after Ctrl-C counts as hung
DATA = HERE.parent / "tests" / "reliability" / "data"
sys.path.insert(0, str(HERE.parent / "tests"))


def slow_scenario(folder: Path) -> Path:
    from reliability.test_interrupt import SLOW

    for name in ("near-equal-catalogue.yaml", "flat-readiness.yaml"):
        shutil.copy(DATA / name, folder / name)
    data = {**SLOW, "model": {"catalogue": "near-equal-catalogue.yaml", "readiness": "flat-readiness.yaml"}}
    path = folder / "slow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def during_solve(scenario: Path, sig: int, delay_s: float) -> dict:
    plan = scenario.parent / "plan.json"
    plan.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-m", "peakplan.cli", "solve", str(scenario), "-q", "-o", str(plan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = threading.Event()
    errors: list[str] = []

    def read() -> None:
        for line in proc.stderr:  # type: ignore[union-attr]
            errors.append(line)
            if "best readiness" in line:
                first.set()
        first.set()

    threading.Thread(target=read, daemon=True).start()
    first.wait(30)
    time.sleep(delay_s)
    sent = time.perf_counter()
    proc.send_signal(sig)
    out, _ = proc.communicate(timeout=60)
    latency = time.perf_counter() - sent
    written = json.loads(plan.read_text(encoding="utf-8")) if plan.exists() else {}
    return {"latency_s": latency, "code": proc.returncode, "traceback": "Traceback" in out + "".join(errors),
            "status": written.get("status"), "valid": _valid(scenario, plan) if written else False}


def _valid(scenario: Path, plan: Path) -> bool:
    from peakplan.plan.io import read_plan
    from peakplan.scenario import load_scenario
    from peakplan.validate import validate

    return validate(load_scenario(scenario), read_plan(plan)) == []


def at_start_up(scenario: Path, delay_s: float) -> dict:
    proc = subprocess.Popen([sys.executable, "-m", "peakplan.cli", "solve", str(scenario), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay_s)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=HUNG_S)
    except subprocess.TimeoutExpired:   # the signal was lost: record it, and end the process
        proc.kill()
        out, err = proc.communicate()
        return {"delay_s": delay_s, "code": "hung", "traceback": False, "interpreter": False}
    text = out + err
    # CPython's own start-up (site, runpy finding the module), before any code of peakplan runs, prints
    # its traceback when the signal lands there: no frame of it is in peakplan's files
    frames = [line for line in text.splitlines() if line.startswith('  File "')]
    interpreter = "Traceback" in text and not any("/peakplan/" in line for line in frames)
    dropped = "Exception ignored" in text
    return {"delay_s": delay_s, "code": proc.returncode, "traceback": ("Traceback" in text or dropped) and not interpreter,
            "text": text[-1200:],
            "interpreter": interpreter}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.interrupt")
    p.add_argument("--runs", type=int, default=10, help="runs per signal during a solve")
    p.add_argument("--start-up-runs", type=int, default=200)
    args = p.parse_args(argv)
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as folder:
        scenario = slow_scenario(Path(folder))
        solves = {name: [during_solve(scenario, sig, rng.uniform(0.2, 3.0)) for _ in range(args.runs)]
                  for name, sig in (("SIGINT", signal.SIGINT), ("SIGTERM", signal.SIGTERM))}
        starts = [at_start_up(scenario, 1.0 * i / max(1, args.start_up_runs - 1)) for i in range(args.start_up_runs)]
        starts += [at_start_up(scenario, 0.001 * i) for i in range(40)]   # the first 40 ms, finely
    write(solves, starts)
    ok = all(r["code"] == 130 and not r["traceback"] and r["valid"] for runs in solves.values() for r in runs)
    hung = any(r["code"] == "hung" for r in starts)
    return 0 if ok and not hung and not any(r["traceback"] for r in starts) else 1  # CPython's own: not ours


def write(solves: dict, starts: list[dict]) -> None:
    lines = [__doc__.split("\n\n", 1)[0].replace("``", "`"), "", "## During a solve", "",
             "| signal | runs | median s | max s | exit 130 | plan written, FEASIBLE and valid | traceback |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, runs in solves.items():
        lat = [r["latency_s"] for r in runs]
        lines.append(f"| {name} | {len(runs)} | {statistics.median(lat):.2f} | {max(lat):.2f} | "
                     f"{sum(r['code'] == 130 for r in runs)} | "
                     f"{sum(r['status'] == 'FEASIBLE' and r['valid'] for r in runs)} | {sum(r['traceback'] for r in runs)} |")
    codes = {c: sum(r["code"] == c for r in starts) for c in sorted({r["code"] for r in starts}, key=str)}
    lines += ["", "## At start-up", "",
              f"{len(starts)} runs, SIGINT 0-1000 ms after the start (40 of them in the first 40 ms, one per ms): exit codes "
              + ", ".join(f"{c}: {n}" for c, n in codes.items())
              + f"; tracebacks from peakplan: {sum(r['traceback'] for r in starts)}; from CPython's own start-up "
              f"(site or runpy at work, no frame of peakplan): {sum(r['interpreter'] for r in starts)}. "
              "(-2 is the signal itself, before Python handles it: nothing printed. The CPython window is the "
              "first ~8-10 ms of the process: no Python program can install a handler before it.)", ""]
    ours = [r for r in starts if r["traceback"]]
    if ours:
        lines += ["The first traceback from peakplan (SIGINT at {:.3f} s):".format(ours[0]["delay_s"]), "", "```",
                  ours[0]["text"], "```", ""]
    (HERE / "INTERRUPT.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
