"""A Ctrl-C that Python itself drops still stops the command (commands/ctrl_c.py).

Python loses a KeyboardInterrupt raised inside a finalizer or a weakref callback (it prints
"Exception ignored" and goes on): benchmarks/interrupt.py caught it inside importlib's module
locks and numpy.random's start-up, and the 57-week solve then ran on. Here a finalizer sends the
signal, so the handler runs inside it and its KeyboardInterrupt is lost the same way.
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from reliability.test_interrupt import write_slow

LOSSY = """
import os, signal, sys
class Lost:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)  # the handler runs in here: its exception is dropped
"""

LOST_WHILE_READING = LOSSY + """
from peakplan import cli
import peakplan.commands.solve as solve
real = solve.load_or_exit
def load(*args, **kwargs):
    Lost()
    return real(*args, **kwargs)
solve.load_or_exit = load
sys.exit(cli.main(sys.argv[1:]))
"""

LOST_WHILE_IMPORTING = LOSSY + """
import builtins
real = builtins.__import__
def hook(name, *args, **kwargs):
    if name.startswith("ortools") and not getattr(builtins, "_fired", False):
        builtins._fired = True
        Lost()
    return real(name, *args, **kwargs)
builtins.__import__ = hook
from peakplan import cli
sys.argv[0] = "peakplan"
cli.main()
"""


def _short_slow(folder):
    """The slow 57-week scenario with a 6 s limit: without the fix the solve runs to it, exit 0."""
    path = write_slow(folder)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["solver"]["time_limit_s"] = 6
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _run(code, scenario, plan):
    return subprocess.run([sys.executable, "-c", code, "solve", str(scenario), "-q", "-o", str(plan)],
                          capture_output=True, text=True, timeout=120)


def test_a_lost_ctrl_c_before_the_solve_stops_it_at_once(tmp_path):
    scenario, plan = _short_slow(tmp_path), tmp_path / "plan.json"
    proc = _run(LOST_WHILE_READING, scenario, plan)
    assert "Exception ignored" not in proc.stderr, proc.stderr  # Python dropped it; we do not print that
    assert proc.returncode == 130, proc.stdout + proc.stderr
    assert "before any plan was found; nothing written" in proc.stdout
    assert not plan.exists()


def test_a_ctrl_c_while_a_command_imports_ends_the_process_quietly(tmp_path):
    scenario, plan = _short_slow(tmp_path), tmp_path / "plan.json"
    proc = _run(LOST_WHILE_IMPORTING, scenario, plan)
    assert proc.returncode == 130, proc.stdout + proc.stderr
    assert proc.stderr == "interrupted\n" and proc.stdout == ""
    assert not plan.exists()
