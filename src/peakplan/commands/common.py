"""Shared CLI plumbing: exit codes, clean error output, scenario loading."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import NoReturn

import typer

from peakplan.scenario import Scenario, ScenarioError, load_scenario

EXIT_OK = 0
EXIT_INFEASIBLE = 1
EXIT_BAD_INPUT = 2
EXIT_NO_PLAN = 3
EXIT_INTERRUPTED = 130


def fail(message: str, debug: bool = False, code: int = EXIT_BAD_INPUT) -> NoReturn:
    if debug:
        traceback.print_exc()
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def load_or_exit(path: Path, debug: bool = False) -> Scenario:
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        fail(str(exc), debug)


def with_solver(scenario: Scenario, time_limit_s: float | None, workers: int | None, seed: int | None) -> Scenario:
    changes = {k: v for k, v in (("time_limit_s", time_limit_s), ("workers", workers), ("seed", seed)) if v is not None}
    if not changes:
        return scenario
    try:
        solver = scenario.solver.model_validate({**scenario.solver.model_dump(), **changes})
    except ValueError as exc:
        fail(f"solver option out of range: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}")
    return scenario.model_copy(update={"solver": solver})
