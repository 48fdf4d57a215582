"""Ctrl-C during a batch: the workers stop at once, the summary of what finished is written (the
rest NOT_RUN), the exit code is 130, and the same command resumes from the manifest."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import yaml
from reliability.test_interrupt import SLOW as RELIABILITY_SLOW

from peakplan.batch.athletes import athletes_from
from peakplan.batch.executors import Executor
from peakplan.batch.jobs import Job, JobResult, solve_job
from peakplan.batch.outdir import MANIFEST, OutputFolder
from peakplan.batch.runner import run_batch

from .conftest import rows_by_athlete, summary, validated_plans
from .helpers import athlete_folder

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "reliability" / "data"
# 57 weeks on near-equal sessions and a flat readiness (tests/reliability/test_interrupt.py): the
# proof takes far longer than this test waits, so these athletes are still solving at Ctrl-C.
SLOW = {"start_date": "2026-02-02", "race.date": "2027-03-07",
        "model.catalogue": str(DATA / "near-equal-catalogue.yaml"), "model.readiness": str(DATA / "flat-readiness.yaml"),
        "rules.quotas.enabled": False, "solver.time_limit_s": 300, "solver.workers": 1}


# The same 57-week block as a whole scenario on one worker (tests/reliability/test_interrupt.py):
# its proof takes minutes.
SLOW_ONE_WORKER = {**RELIABILITY_SLOW, "solver": {"time_limit_s": 300, "workers": 1, "seed": 0}}


class StopsAfter(Executor):
    """Solves in this process and raises KeyboardInterrupt after ``n`` results, as Ctrl-C would."""

    name = "test"

    def __init__(self, n: int):
        self.n = n

    @property
    def workers(self) -> int:
        return 1

    def run(self, jobs: Sequence[Job]) -> Iterator[JobResult]:
        for i, job in enumerate(jobs):
            if i == self.n:
                raise KeyboardInterrupt
            yield solve_job(job)


def test_interrupted_batch_writes_its_summary_and_resumes(tmp_path) -> None:
    athletes = athletes_from(athlete_folder(tmp_path / "athletes", n=5))
    out = tmp_path / "out"
    try:
        run_batch(athletes, OutputFolder(out), StopsAfter(2))
        raise AssertionError("KeyboardInterrupt expected")
    except KeyboardInterrupt:
        pass
    doc = summary(out)
    assert doc["interrupted"] is True
    assert [r["status"] for r in doc["athletes"]] == ["OPTIMAL", "OPTIMAL", "NOT_RUN", "NOT_RUN", "NOT_RUN"]
    assert "run the same command again to resume" in doc["athletes"][2]["error"]
    assert len((out / MANIFEST).read_text(encoding="utf-8").splitlines()) == 2
    run = run_batch(athletes, OutputFolder(out), StopsAfter(99))
    assert [r.resumed for r in run.rows] == [True, True, False, False, False]
    assert run.counts["optimal"] == 5 and summary(out)["interrupted"] is False
    validated_plans(out, athletes)


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_the_workers_and_exits_130(tmp_path, how: str) -> None:
    folder = athlete_folder(tmp_path / "athletes", n=3)
    (folder / "models").mkdir()
    for model in ("near-equal-catalogue.yaml", "flat-readiness.yaml"):  # model files below their scenarios
        shutil.copy(DATA / model, folder / "models" / model)
    slow = {**SLOW_ONE_WORKER, "model": {"catalogue": "models/near-equal-catalogue.yaml",
                                         "readiness": "models/flat-readiness.yaml"}}
    for name in ("z1", "z2"):  # sorted after a01..a03: solving when the fast ones are done
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(slow, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "peakplan.cli", "batch", str(folder), "-o", str(out), "-j", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group, like a terminal's foreground job
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _three_done(out):
            time.sleep(0.2)
        assert _three_done(out), "the fast athletes did not finish in time"
        time.sleep(1.0)                                  # the slow ones are well into their solves
        workers = _descendants(proc.pid)
        assert workers
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)           # Ctrl-C reaches the whole foreground group
        else:
            proc.send_signal(signal.SIGTERM)             # a scheduler stops the batch's own process
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    rows = rows_by_athlete(out)
    assert [rows[a]["status"] for a in ("a01", "a02", "a03")] == ["OPTIMAL"] * 3
    assert rows["z1"]["status"] == rows["z2"]["status"] == "NOT_RUN"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(workers):
        time.sleep(0.1)
    assert not _running(workers), f"processes left running: {_running(workers)}"


def _running(pids: set[int]) -> list[str]:
    """The command lines of the processes among ``pids`` that still run (zombies aside)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z":
                out.append(Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " "))
        except OSError:
            continue
    return out


def _three_done(out: Path) -> bool:
    manifest = out / MANIFEST
    return manifest.is_file() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 3
