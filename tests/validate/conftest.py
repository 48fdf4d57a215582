"""Fixtures of the validator tests; the helpers live in plan_builder.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from .plan_builder import BASE_WEEKS, MUTATION_LOG, build_plan, make_scenario

REPORT_PATH = Path(__file__).resolve().parent.parent / ".reports" / "mutations.txt"


@pytest.fixture
def base():
    """(scenario, plan) of the base case; the plan keeps every rule."""
    scenario = make_scenario()
    return scenario, build_plan(scenario, BASE_WEEKS)


def mutation_summary() -> str:
    caught = [name for name, (_, _, ok) in MUTATION_LOG.items() if ok]
    missed = [name for name, (_, _, ok) in MUTATION_LOG.items() if not ok]
    line = f"validator mutations caught: {len(caught)}/{len(MUTATION_LOG)}"
    detail = ", ".join(f"{name}->{MUTATION_LOG[name][0]}" for name in caught)
    return line + (f" ({detail})" if detail else "") + (f"; MISSED: {', '.join(missed)}" if missed else "")


def pytest_terminal_summary(terminalreporter) -> None:
    """One line on the mutation classes the validator caught, also written to tests/.reports/."""
    if not MUTATION_LOG:
        return
    summary = mutation_summary()
    terminalreporter.write_line(summary)
    lines = [summary] + [f"{name}: expected {rule}, reported {', '.join(found) or 'nothing'}"
                         for name, (rule, found, _) in MUTATION_LOG.items()]
    REPORT_PATH.parent.mkdir(parents=True, exist_ok=True)
    REPORT_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
