"""A sample of the fuzz inputs through the real command line, one fresh process each.

The command is picked by the input's kind: ``solve`` for scenarios and model files (short time
limit and explanation budget), ``validate``/``export``/``report``/``compare`` in turn for plans,
``sweep``/``compare --set`` for settings. Accepted: exit 0, 1, 2 (stderr one ``error:`` paragraph,
or a usage message) or 3, no traceback, no "internal error", every stderr line at most
MAX_MESSAGE_CHARS + 10 characters, within the time limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.fuzz.mutate import Input

DOCUMENTED = {0, 1, 2, 3}
CLI_TIMEOUT_S = 120.0
PLAN_COMMANDS = (["validate", "scenario.yaml", "plan.json"], ["export", "plan.json", "-o", "out.ics"],
                 ["export", "plan.json", "-o", "out.csv"], ["export", "plan.json", "--format", "md"],
                 ["export", "plan.json", "-o", "out.zip"], ["report", "plan.json", "-o", "out.html"],
                 ["compare", "plan.json", "plan.json"])


def command(inp: Input) -> list[str]:
    if inp.kind == "plan" or (inp.kind == "special" and inp.target == "plan.json"):
        return PLAN_COMMANDS[inp.number % len(PLAN_COMMANDS)]
    if inp.kind == "set":
        sets = [arg for text in inp.settings for arg in ("--set", text)]
        verb = "sweep" if inp.number % 2 else "compare"
        return [verb, "scenario.yaml", *sets, "--time-limit", "1"]
    return ["solve", "scenario.yaml", "-q", "--time-limit", "2", "--explain-limit", "3", "-o", "plan-out.json"]


def run_cli(inp: Input, folder: Path, tiny_text: str) -> tuple[str, str, float]:
    """(outcome, detail, seconds) of the input through `python -m peakplan.cli` in ``folder``."""
    from peakplan.files.limits import MAX_MESSAGE_CHARS

    args = [a.replace("\x00", "") for a in command(inp)]  # no argument can hold a NUL byte
    if args[0] == "validate":
        (folder / "scenario.yaml").write_text(tiny_text, encoding="utf-8")
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "peakplan.cli", *args], cwd=folder, capture_output=True,
                              text=True, errors="replace", timeout=CLI_TIMEOUT_S, env={**os.environ, "COLUMNS": "80"})
    except subprocess.TimeoutExpired:
        return "hang", " ".join(args), CLI_TIMEOUT_S
    seconds = time.perf_counter() - started
    both = proc.stdout + proc.stderr
    if "Traceback" in both or "internal error" in both or proc.returncode not in DOCUMENTED:
        return "crash", f"exit {proc.returncode} of {' '.join(args)}: {proc.stderr[-300:]}", seconds
    if any(len(line) > MAX_MESSAGE_CHARS + 10 for line in proc.stderr.splitlines()):
        return "long message", proc.stderr[:200], seconds
    if proc.returncode == 2 and not (proc.stderr.startswith("error: ") or "Usage:" in proc.stderr):
        return "crash", f"exit 2 without a message: {proc.stderr[:200]}", seconds
    outcome = {0: "exit 0 (plan or clean)", 1: "exit 1 (explained / violations)", 2: "exit 2 (bad input)",
               3: "exit 3 (no plan in time)"}[proc.returncode]
    return outcome, "", seconds
