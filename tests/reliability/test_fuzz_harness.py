"""The fuzz harness of benchmarks/fuzz at a small count: a few hundred mutated scenarios, model
files, plan files, --set values and special files in process, and a few through the command line.
None may crash, hang, give a long or unnamed message, or be taken by the loader but not by
`peakplan schema`. The full run is `python -m benchmarks fuzz` (benchmarks/FUZZ.md)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.fuzz.runner import run_cli_sample, run_inline
from benchmarks.fuzz.targets import Options

from .conftest import FUZZ

SEED = 2024


def _failures(tally) -> list:
    return list(tally.failures)


def test_in_process_inputs_end_well():
    tally = run_inline(range(300), SEED, Options(solve_every=60, report_every=100))
    assert tally.total == 300
    assert tally.failed == 0, _failures(tally)
    assert sum(n for (_, outcome), n in tally.outcomes.items() if outcome == "bad input") > 100
    FUZZ["harness: in process"] += tally.total


def test_command_line_sample_ends_well():
    tally = run_cli_sample(range(300, 306), SEED, workers=2)
    assert tally.total == 6 and tally.failed == 0, _failures(tally)
    FUZZ["harness: command line"] += tally.total
