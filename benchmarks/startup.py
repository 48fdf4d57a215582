"""``python -m benchmarks.startup``: how fast the commands that do not solve start.

Measures, for one or more installed peakplan versions side by side in one run (alternating, so a
busy machine slows them alike): the wall time of each command (median of ``--repeats`` runs, a
fresh process each), the cumulative import time of ``peakplan.cli`` from ``python -X importtime``,
and whether OR-Tools was imported. Writes ``benchmarks/STARTUP.md``.

    python -m benchmarks.startup --python /path/to/old/venv/bin/python   # compare with another install
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCENARIO = ROOT / "scenarios" / "marathon-16w.yaml"
COMMANDS = {
    "--help": ["--help"],
    "paces": ["paces", "--distance", "10k", "--time", "40:00"],
    "schema": ["schema"],
    "validate": ["validate", str(SCENARIO), "{plan}"],
    "export md": ["export", "{plan}", "--format", "md"],
    "export ics": ["export", "{plan}", "--format", "ics"],
    "report": ["report", "{plan}", "-o", "{html}"],
    "validate --help": ["validate", "--help"],
    "report --help": ["report", "--help"],
}
RUN = "import sys; from peakplan.cli import main; rc = main(sys.argv[1:]); sys.exit(rc)"
PROBE = "import sys, peakplan.cli; print(int('ortools' in sys.modules))"


def import_time_ms(python: str) -> float:
    """Cumulative import time of peakplan.cli (microseconds in -X importtime's output)."""
    out = subprocess.run([python, "-X", "importtime", "-c", "import peakplan.cli"], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    for line in out.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "peakplan.cli":
            return int(parts[1]) / 1000
    raise RuntimeError("peakplan.cli not in the import-time output")


def wall_s(python: str, argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", RUN, *argv], capture_output=True, check=True, cwd=ROOT)
    return time.perf_counter() - start


def make_plan(python: str, folder: Path) -> Path:
    plan = folder / "plan.json"
    subprocess.run([python, "-c", RUN, "solve", str(SCENARIO), "-q", "--out", str(plan)], capture_output=True,
                   check=True, cwd=ROOT)
    return plan


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", default=[], help="another interpreter with peakplan installed")
    parser.add_argument("--label", action="append", default=[], help="a name per --python")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    pythons = [sys.executable, *args.python]
    labels = ["this version", *(args.label or [f"python {i}" for i in range(1, len(pythons))])]
    folders = [Path(tempfile.mkdtemp(prefix="peakplan-startup-")) for _ in pythons]
    plans = [make_plan(p, f) for p, f in zip(pythons, folders, strict=True)]
    times: dict[str, list[list[float]]] = {name: [[] for _ in pythons] for name in COMMANDS}
    for _ in range(args.repeats):
        for name, argv in COMMANDS.items():
            for i, python in enumerate(pythons):
                filled = [a.format(plan=plans[i], html=folders[i] / "r.html") for a in argv]
                times[name][i].append(wall_s(python, filled))
    imports = [statistics.median(import_time_ms(p) for _ in range(3)) for p in pythons]
    ortools = [subprocess.run([p, "-c", PROBE], capture_output=True, text=True, cwd=ROOT).stdout.strip() == "1"
               for p in pythons]
    medians = {name: [statistics.median(t) for t in per] for name, per in times.items()}
    write_report(labels, medians, imports, ortools, args.repeats)
    print(json.dumps({"labels": labels, "median_s": medians, "import_ms": imports, "ortools": ortools}, indent=1))
    return 0


def write_report(labels: list[str], medians: dict[str, list[float]], imports: list[float], ortools: list[bool],
                 repeats: int) -> None:
    head = "| command | " + " | ".join(labels) + (" | ratio |" if len(labels) > 1 else "")
    rule = "|---|" + "---:|" * len(labels) + ("---:|" if len(labels) > 1 else "")
    rows = []
    for name, values in medians.items():
        ratio = f" {values[1] / values[0]:.1f}x |" if len(values) > 1 else ""
        rows.append(f"| `peakplan {name}` | " + " | ".join(f"{v:.2f} s" for v in values) + " |" + ratio)
    rows.append("| `import peakplan.cli` (-X importtime) | " + " | ".join(f"{v:.0f} ms" for v in imports) + " |" +
                (f" {imports[1] / imports[0]:.1f}x |" if len(imports) > 1 else ""))
    rows.append("| OR-Tools imported by `import peakplan.cli` | " + " | ".join("yes" if o else "no" for o in ortools)
                + " |" + (" |" if len(labels) > 1 else ""))
    text = "\n".join([
        "# Start-up of the commands that do not solve",
        "",
        "`python -m benchmarks.startup` on this machine (shared, 2 cores): wall time of a fresh process per command,",
        f"median of {repeats} runs, versions alternating in one run; the ratio is the other version's time over this",
        "one's. `report` includes drawing its charts; `validate` includes reading the scenario, its model files and",
        "the plan.",
        "",
        head, rule, *rows, ""])
    (HERE / "STARTUP.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
