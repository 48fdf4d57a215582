"""``python -m benchmarks.history_fit``: how long importing a history and fitting the model take.

Measured in one run, median of ``--repeats`` (wall clock, the shared 2-core machine):
importing the shipped sample (73 files: FIT, GPX, TCX, CSV); importing a year of 1-second FIT
files made here with the FIT SDK; the start state of a block; the fits (fixed tau and five
parameters, 200 bootstrap draws each) on the sample and on the two published series; and the
two commands end to end in a fresh process (start-up included). Writes ``benchmarks/HISTORY.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from peakplan.fitting import fit_series, series_from_history
from peakplan.history import start_state
from peakplan.history.build import ImportOptions, import_history

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "scenarios" / "history-sample"
OPTIONS = ImportOptions(vdot=45.0, hr_rest_bpm=55.0, hr_threshold_bpm=172.0)
YEAR_RUNS_PER_WEEK = 5


def _writers() -> Any:
    spec = importlib.util.spec_from_file_location("sample_files", SAMPLE / "sample_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _published() -> Any:
    spec = importlib.util.spec_from_file_location("published", ROOT / "tests" / "fitting" / "published.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def year_of_fit_files(folder: Path) -> int:
    """52 weeks x 5 runs of 30-110 minutes, one record a second (what a watch's 1 s recording writes)."""
    writers = _writers()
    rng = np.random.default_rng(1)
    start = dt.datetime(2025, 1, 6, 6, tzinfo=dt.UTC)
    count = 0
    for week in range(52):
        for weekday in (1, 2, 3, 5, 6)[:YEAR_RUNS_PER_WEEK]:
            minutes = int(rng.integers(30, 110))
            speed = 1000 / rng.uniform(260, 360)
            points = [(t, round(t * speed, 2), 140) for t in range(0, minutes * 60 + 1)]
            begin = start + dt.timedelta(days=7 * week + weekday)
            (folder / f"{begin:%Y-%m-%d}.fit").write_bytes(writers.fit_activity(begin, points))
            count += 1
    return count


def timed(step: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        step()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def command_s(argv: list[str], repeats: int) -> float:
    code = "import sys; from peakplan.cli import main; sys.exit(main(sys.argv[1:]))"
    return timed(lambda: subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, check=True,
                                        capture_output=True), repeats)


def measure(repeats: int) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    sample = import_history([SAMPLE / "activities"], OPTIONS)
    rows.append(("import the sample (73 files)", timed(lambda: import_history([SAMPLE / "activities"], OPTIONS),
                                                       repeats), f"{len(sample.days)} days, {len(sample.tests)} tests"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = year_of_fit_files(folder)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        year = import_history([folder], OPTIONS)
        rows.append((f"import a year of 1-s FIT files ({files} files, {size_mb:.0f} MB)",
                     timed(lambda: import_history([folder], OPTIONS), repeats), f"{len(year.days)} days"))
        rows.append(("start state of a block after that year",
                     timed(lambda: start_state(year, year.last_date + dt.timedelta(days=1)), repeats), ""))
    series = series_from_history(sample)
    for variant in ("fixed_tau", "free"):
        rows.append((f"fit the sample, {variant}, 200 draws",
                     timed(lambda v=variant: fit_series(series, v, taus=(45.0, 11.0)), repeats),  # type: ignore[misc]
                     f"{len(series.values)} tests"))
    published = _published()
    clarke = published.clarke_skiba()
    rows.append(("fit Clarke & Skiba, free, day included, 200 draws",
                 timed(lambda: fit_series(clarke, "free", "included"), repeats), "9 tests, 165 days"))
    turner, trial = published.turner()
    rows.append(("fit Turner (18 trial tests), free, 200 draws",
                 timed(lambda: fit_series(turner.subset(trial), "free"), repeats), "532 days"))
    with tempfile.TemporaryDirectory() as tmp:
        history = Path(tmp) / "history.json"
        flags = ["--vdot", "45", "--hr-rest", "55", "--hr-threshold", "172"]
        rows.append(("`peakplan history` on the sample (fresh process)",
                     command_s(["history", str(SAMPLE / "activities"), *flags, "-o", str(history)], repeats), ""))
        rows.append(("`peakplan fit` (auto: both variants), fresh process",
                     command_s(["fit", str(history), "-o", str(Path(tmp) / "m.yaml")], repeats), ""))
    return rows


def write(rows: list[tuple[str, float, str]], repeats: int) -> Path:
    lines = ["# History import and fitting: time per step", "",
             f"`python -m benchmarks.history_fit --repeats {repeats}`; median wall time of {repeats} runs on the "
             "shared 2-core machine (other work was running: treat these as upper bounds).", "",
             "| step | seconds | notes |", "|---|---:|---|"]
    lines += [f"| {name} | {seconds:.2f} | {note} |" for name, seconds, note in rows]
    path = HERE / "HISTORY.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.history_fit", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    rows = measure(args.repeats)
    for name, seconds, note in rows:
        print(f"{seconds:8.2f} s  {name}  {note}")
    print(f"wrote {write(rows, args.repeats)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
