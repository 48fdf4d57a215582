"""Counts of the random-scenario property run, printed at the end and written to tests/.reports/."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

OUTCOMES: Counter[str] = Counter()
REPORT_PATH = Path(__file__).resolve().parent.parent / ".reports" / "properties.txt"


def pytest_terminal_summary(terminalreporter) -> None:
    if not OUTCOMES:
        return
    total = OUTCOMES['validated'] + OUTCOMES['infeasible'] + OUTCOMES['no_plan']
    line = (f"random scenarios: {total} run, {OUTCOMES['validated']} solved and validated "
            f"({OUTCOMES['optimal']} optimal), {OUTCOMES['infeasible']} infeasible and explained, "
            f"{OUTCOMES['no_plan']} without a plan in the time limit")
    terminalreporter.write_line(line)
    REPORT_PATH.parent.mkdir(parents=True, exist_ok=True)
    REPORT_PATH.write_text(line + "\n", encoding="utf-8")
