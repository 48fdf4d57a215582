"""Reports of the reliability tests: fuzz counts and the explanations as printed, in tests/.reports/."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

REPORTS = Path(__file__).resolve().parent.parent / ".reports"
FUZZ: Counter[str] = Counter()           # inputs run without a traceback, per fuzz target
EXITS: Counter[int] = Counter()          # exit codes of the CLI fuzz runs
EXPLANATIONS: dict[str, list[str]] = {}  # over-constrained case -> explanation lines as printed


def fuzz_line() -> str:
    total = sum(FUZZ.values())
    parts = ", ".join(f"{name} {count}" for name, count in sorted(FUZZ.items()))
    exits = ", ".join(f"{code}: {count}" for code, count in sorted(EXITS.items()))
    return f"fuzzed inputs run without a traceback: {total} ({parts}; CLI exit codes {exits})"


def pytest_terminal_summary(terminalreporter) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    if FUZZ:
        line = fuzz_line()
        terminalreporter.write_line(line)
        (REPORTS / "fuzz.txt").write_text(line + "\n", encoding="utf-8")
    if EXPLANATIONS:
        text = "".join(f"{case}:\n" + "".join(f"  - {line}\n" for line in lines)
                       for case, lines in sorted(EXPLANATIONS.items()))
        (REPORTS / "explanations.txt").write_text(text, encoding="utf-8")
        terminalreporter.write_line(f"over-constrained cases explained: {len(EXPLANATIONS)} "
                                    f"(printed in {REPORTS / 'explanations.txt'})")
