"""Ctrl-C during a solve: the search stops, the best plan so far is printed and written (status
FEASIBLE), and the exit code is 130. Also the time-limit outcomes: FEASIBLE exits 0, no plan exits 3."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.model.progress import Stop
from peakplan.planner import solve
from peakplan.scenario import scenario_from_dict
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parents[2]
FIRST_PLAN_WAIT_S = 15.0

# 57 weeks of 10K training on one worker with near-equal session types and a flat readiness
# (tests/reliability/data): the first plan comes within a second or two, the proof of optimality
# takes far longer than the tests wait, which leaves a wide window for the interrupt. No race
# result or goal time: the loads come from the catalogue's near-equal intensity factors (with
# paces all three types would run at easy pace, load alike, and the proof would be quick).
DATA = Path(__file__).resolve().parent / "data"
SLOW = {
    "name": "slow 57-week 10K",
    "start_date": "2026-02-02",
    "race": {"distance": "10k", "date": "2027-03-07"},
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 320, "longest_recent_run_minutes": 75},
    "availability": {"max_minutes": {"mon": 45, "tue": 70, "wed": 0, "thu": 70, "fri": 45, "sat": 60, "sun": 110},
                     "long_run_day": "sun"},
    "model": {"catalogue": str(DATA / "near-equal-catalogue.yaml"), "readiness": str(DATA / "flat-readiness.yaml")},
    "rules": {"quotas": {"enabled": False}},
    "solver": {"time_limit_s": 120, "workers": 1, "seed": 0},
}


def write_slow(folder: Path) -> Path:
    """SLOW as a scenario file in ``folder``, its model files copied next to it: a scenario file
    may only name model files in its own folder or models/ (docs/hardening.md "Paths")."""
    for name in ("near-equal-catalogue.yaml", "flat-readiness.yaml"):
        shutil.copy(DATA / name, folder / name)
    data = {**SLOW, "model": {"catalogue": "near-equal-catalogue.yaml", "readiness": "flat-readiness.yaml"}}
    path = folder / "slow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _wait_for_first_plan(proc: subprocess.Popen, seen: list[str]) -> threading.Event:
    """Read stderr in a thread; set the event at the first progress line with a plan."""
    found = threading.Event()

    def read() -> None:
        for line in proc.stderr:  # type: ignore[union-attr]
            seen.append(line)
            if "best readiness" in line:
                found.set()
        found.set()  # stderr closed: the process ended

    threading.Thread(target=read, daemon=True).start()
    return found


def test_ctrl_c_keeps_and_writes_the_best_plan(tmp_path):
    scenario, plan = write_slow(tmp_path), tmp_path / "plan.json"
    plan.write_text("previous plan\n", encoding="utf-8")
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "peakplan.cli", "solve", str(scenario), "-o", str(plan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "120"})
    seen: list[str] = []
    _wait_for_first_plan(proc, seen).wait(FIRST_PLAN_WAIT_S)
    assert proc.poll() is None, f"the solve ended before the interrupt: {''.join(seen)}"
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=20)
    assert time.monotonic() - started < 20
    assert proc.returncode == 130, out + "".join(seen)
    assert "Traceback" not in out + "".join(seen)
    assert "interrupted after" in out and "best plan found so far" in out
    written = json.loads(plan.read_text(encoding="utf-8"))
    assert written["status"] == "FEASIBLE"
    assert written["gap"] > 0
    assert not list(tmp_path.glob(".plan.json.*"))  # no temp file left behind


def test_stop_request_from_python_returns_the_best_plan():
    """The library side of Ctrl-C: a Stop request ends the search with the best plan, valid."""
    sc = scenario_from_dict(SLOW)
    stop, seen = Stop(), []

    def on_progress(p):
        seen.append(p)
        if p.readiness is not None:
            stop.request()

    result = solve(sc, on_progress=on_progress, stop=stop)
    assert stop.requested and result.status == "FEASIBLE"
    assert seen[-1].bound >= seen[-1].readiness
    assert validate(result.scenario, result.plan) == []


def test_time_limit_with_a_plan_exits_0_feasible(tmp_path):
    out, scenario = tmp_path / "plan.json", write_slow(tmp_path)
    result = CliRunner().invoke(app, ["solve", str(scenario), "-q", "--time-limit", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "status FEASIBLE" in result.output and "bound" in result.output and "gap" in result.output
    assert "time limit of 4 s reached" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "FEASIBLE"


def test_no_plan_within_the_limit_exits_3():
    result = CliRunner().invoke(app, ["solve", str(ROOT / "scenarios" / "marathon-16w.yaml"), "-q",
                                      "--time-limit", "0.01"])
    assert result.exit_code == 3, result.output
    assert "no plan within 0.01 s" in result.output and "try --time-limit 10" in result.output


def test_sigint_handler_is_restored_after_the_solve():
    before = signal.getsignal(signal.SIGINT)
    CliRunner().invoke(app, ["solve", str(ROOT / "scenarios" / "5k-8w.yaml"), "-q", "--time-limit", "0.2"])
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_after_an_explanation_is_still_a_keyboard_interrupt():
    """CP-SAT resets SIGINT to the OS default after a solve that caught it; the explanation's
    solves leave SIGINT to Python (catch_sigint_signal off), so Ctrl-C is not a silent kill."""
    code = (
        "import os, signal, sys\n"
        "from peakplan.explain import explain\n"
        "from peakplan.scenario import scenario_from_dict\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from reliability.cases import CASES\n"
        "case = next(c for c in CASES if c.name == 'no-hard-days-but-tempo-quota')\n"
        "sc = scenario_from_dict(case.data(None), case.name)\n"
        "assert explain(sc).conflicts\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    signal.pause() if hasattr(signal, 'pause') else None\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(42)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "tests")], check=False, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 42, (proc.returncode, proc.stderr[-2000:])
