"""SIGTERM ends a solve like Ctrl-C (best plan kept and written, exit 130); Ctrl-C during start-up
exits 130 without a traceback; a time-limited plan of the proof preset is the same on every run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from peakplan.planner import solve
from peakplan.scenario import scenario_from_dict
from peakplan.validate import validate
from reliability.test_interrupt import FIRST_PLAN_WAIT_S, SLOW, _wait_for_first_plan, write_slow


def test_sigterm_keeps_and_writes_the_best_plan(tmp_path):
    scenario, plan = write_slow(tmp_path), tmp_path / "plan.json"
    proc = subprocess.Popen([sys.executable, "-m", "peakplan.cli", "solve", str(scenario), "-q", "-o", str(plan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    _wait_for_first_plan(proc, seen).wait(FIRST_PLAN_WAIT_S)
    assert proc.poll() is None, "".join(seen)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 130, out + "".join(seen)
    assert "Traceback" not in out + "".join(seen) and "interrupted after" in out
    assert json.loads(plan.read_text(encoding="utf-8"))["status"] == "FEASIBLE"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


STARTUP = """
import builtins, os, signal
real = builtins.__import__
def hook(name, *args, **kwargs):
    if name == "typer" and not getattr(builtins, "_fired", False):
        builtins._fired = True
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while cli.py imports its heavy modules
    return real(name, *args, **kwargs)
builtins.__import__ = hook
import peakplan.cli
print("not interrupted")
"""


def test_ctrl_c_during_start_up_exits_130_quietly():
    proc = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 130, proc.stdout + proc.stderr
    assert proc.stderr == "interrupted\n" and "not interrupted" not in proc.stdout


def test_start_up_handler_is_gone_once_imported():
    import pytest

    from peakplan.commands.ctrl_c import forget, interrupted, raise_interrupt

    assert signal.getsignal(signal.SIGINT) is raise_interrupt  # Ctrl-C is a KeyboardInterrupt again...
    with pytest.raises(KeyboardInterrupt):
        raise_interrupt(signal.SIGINT, None)
    assert interrupted()  # ...and remembered
    forget()
    assert not interrupted()


def test_a_time_limited_plan_is_reproducible():
    data = {**SLOW, "solver": {"time_limit_s": 4.0, "seed": 0}}
    data["model"] = {k: str(v) for k, v in SLOW["model"].items()}
    sc = scenario_from_dict(data)
    first, second = solve(sc), solve(sc)
    assert first.status == second.status == "FEASIBLE"
    assert first.plan.to_json() == second.plan.to_json()
    assert validate(sc, first.plan) == []
