"""FUZZ.md from a fuzz run's data: counts by input kind and outcome, failures, the slowest inputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.fuzz.targets import FAILURES

HEADER = """# Fuzz run

`python -m benchmarks fuzz` (or `python -m benchmarks.fuzz`): mutated shipped scenarios, model
files, plan files and `--set` values, and special files (FIFO, folder, character device, symlink
loop, dangling symlink, empty, binary, a file over the size limit), through every entry point that
reads them: the scenario loader, the model files a scenario names, the plan reader followed by
`validate`, the four exports, compare's tables and (one in 25) the HTML report, the validator on
raw JSON, and `--set` parsing with its variants. One in 40 accepted scenarios is solved (1 s, with
the infeasibility explanation) and its plan validated. Then a sample through the real command line.
Input *n* of a seed is always the same input (`benchmarks/fuzz/mutate.py: make_input`).

An input passes when it ends in a plan, an explanation, an accepted file, or bad input whose
message names the file (or `--set`) in at most 1 500 characters; within 20 s (90 s when it
solves), in at most 6 GB. Failures: {failures}.
"""


def _table(tally: dict[str, Any]) -> list[str]:
    by_kind: dict[str, dict[str, int]] = {}
    for key, n in tally["outcomes"].items():
        kind, outcome = key.split(" / ", 1)
        by_kind.setdefault(kind, {})[outcome] = n
    outcomes = sorted({o for d in by_kind.values() for o in d})
    lines = ["| input kind | " + " | ".join(outcomes) + " | total |", "|---|" + "---:|" * (len(outcomes) + 1)]
    for kind, counts in sorted(by_kind.items()):
        lines.append(f"| {kind} | " + " | ".join(f"{counts.get(o, 0):,}" for o in outcomes)
                     + f" | {sum(counts.values()):,} |")
    totals = [sum(d.get(o, 0) for d in by_kind.values()) for o in outcomes]
    lines.append("| **all** | " + " | ".join(f"**{n:,}**" for n in totals) + f" | **{tally['total']:,}** |")
    return lines


def _records(title: str, records: list[list[Any]]) -> list[str]:
    if not records:
        return [f"{title}: none."]
    lines = [f"{title}:", "", "| input | kind | outcome | seconds | detail |", "|---:|---|---|---:|---|"]
    for number, kind, outcome, seconds, detail in records:
        lines.append(f"| {number} | {kind} | {outcome} | {seconds:.2f} | {str(detail)[:160].replace('|', '/')} |")
    return lines


def write_report(data: dict[str, Any], path: Path) -> Path:
    parts = [HEADER.format(failures=", ".join(FAILURES)),
             f"Seed {data['seed']}, {data['workers']} worker processes; in process "
             f"{data['in_process']['total']:,} inputs in {data['in_process_s']:.0f} s, whole run {data['wall_s']:.0f} s.",
             "", "## In process", "", *_table(data["in_process"]), "",
             f"Failed: **{data['in_process']['failed']}**.", "",
             *_records("Failures (first 50)", data["in_process"]["failures"]), "",
             *_records("Slowest inputs", data["in_process"]["slowest"]), "",
             "## Through the command line", "", *_table(data["cli"]), "", f"Failed: **{data['cli']['failed']}**.", "",
             *_records("Failures", data["cli"]["failures"]), "", *_records("Slowest inputs", data["cli"]["slowest"]), ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
