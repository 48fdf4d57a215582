"""Running one fuzz input through the entry points that read it, in process, and judging the end.

Accepted ends: ``bad input`` (an InputError whose message names the file, or ``--set``, and is
at most MAX_MESSAGE_CHARS long), ``accepted`` (loaded or read), ``plan`` / ``explained`` /
``no plan in time`` (solved, for a sample of accepted scenarios; every plan goes through the
validator). Failures: ``crash`` (any other exception), ``hang`` (over the per-input time limit,
raised as :class:`Timeout`), ``long message``, ``unnamed file``, ``schema disagrees`` (the loader
took a scenario ``peakplan schema`` rejects), ``invalid plan`` (a solved plan the validator faults).
"""

from __future__ import annotations

import contextlib
import io
import json
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.fuzz.mutate import Input
from benchmarks.fuzz.schema_check import schema_agrees

FAILURES = ("crash", "hang", "long message", "unnamed file", "schema disagrees", "invalid plan")


class Timeout(BaseException):  # raised by the watchdog; a BaseException so no `except Exception` eats it
    """The input ran past its time limit."""


@dataclass
class Options:
    solve_every: int = 40         # solve one in this many accepted scenarios
    report_every: int = 25        # write the HTML report for one in this many accepted plans
    schema_every: int = 1         # check one in this many accepted scenarios against `peakplan schema`
    time_limit_s: float = 1.0     # per solve
    explain_budget_s: float = 3.0


@dataclass
class Context:
    tiny_scenario: Any                      # the Scenario the base plan was made for
    schema: dict[str, Any]                  # `peakplan schema`
    options: Options = field(default_factory=Options)


def judge(exc: BaseException, names: tuple[str, ...]) -> tuple[str, str]:
    from peakplan.files.limits import MAX_MESSAGE_CHARS

    message = str(exc)
    if len(message) > MAX_MESSAGE_CHARS:
        return "long message", f"{len(message)} characters: {message[:200]}"
    if not any(name in message for name in names):
        return "unnamed file", message[:300]
    return "bad input", ""


def crash(exc: BaseException) -> tuple[str, str]:
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
    return "crash", f"{type(exc).__name__}: {str(exc)[:200]} at {where}"


def _solve(ctx: Context, scenario: Any) -> tuple[str, str]:
    from peakplan.planner import solve
    from peakplan.validate import validate

    options = ctx.options
    sc = scenario.model_copy(update={"solver": scenario.solver.model_copy(update={"time_limit_s": options.time_limit_s})})
    result = solve(sc, explain=True, relax=True, explain_budget_s=options.explain_budget_s)
    if result.has_plan:
        violations = validate(result.scenario, result.plan)
        return ("invalid plan", "; ".join(map(str, violations[:3]))) if violations else ("plan", "")
    if result.status == "INFEASIBLE":
        return ("explained", "") if result.explanation is not None and result.explanation.lines() else \
            ("crash", "infeasible without an explanation")
    return "no plan in time", ""


def run_scenario(inp: Input, folder: Path, ctx: Context) -> tuple[str, str]:
    from peakplan.errors import InputError
    from peakplan.scenario import load_scenario

    try:
        scenario = load_scenario(folder / "scenario.yaml")
    except InputError as exc:
        return judge(exc, (inp.target, "scenario.yaml"))
    if inp.kind == "scenario" and inp.number % ctx.options.schema_every == 0:
        text = (folder / "scenario.yaml").read_text(encoding="utf-8", errors="replace")
        if not schema_agrees(ctx.schema, text):
            return "schema disagrees", text[:300]
    if inp.kind in ("scenario", "model") and inp.number % ctx.options.solve_every == 0:
        return _solve(ctx, scenario)
    return "accepted", ""


def use_plan(plan: Any, path: Path, ctx: Context, number: int) -> None:
    """Everything that reads a plan: validate, the four exports, compare's tables, the report."""
    from rich.console import Console

    from peakplan.export import FORMATS, render
    from peakplan.report.runner import plan_outcome
    from peakplan.report.tables import compare_table, weeks_table
    from peakplan.validate import validate_report

    validate_report(ctx.tiny_scenario, plan)
    for fmt in FORMATS:
        render(plan, fmt)
    outcome = plan_outcome(path)
    console = Console(file=io.StringIO(), width=80)
    console.print(compare_table([outcome, outcome]))
    console.print(weeks_table([outcome, outcome]))
    if number % ctx.options.report_every == 0:
        from peakplan.report.html import report_html

        report_html([plan], ["$fuzz [/] <b>"])


def _raw_validate(path: Path, ctx: Context) -> None:
    """The validator's own entry point on raw JSON data: violations or PlanFormatError, nothing else."""
    from peakplan.validate import PlanFormatError, validate

    try:
        data = json.loads(path.read_bytes()) if path.is_file() and path.stat().st_size < 5_000_000 else None
    except (ValueError, RecursionError):
        return
    with contextlib.suppress(PlanFormatError):
        validate(ctx.tiny_scenario, data)


def run_plan(inp: Input, folder: Path, ctx: Context) -> tuple[str, str]:
    from peakplan.errors import InputError
    from peakplan.plan.io import read_plan

    path = folder / inp.target
    if not inp.special:
        _raw_validate(path, ctx)
    try:
        plan = read_plan(path)
    except InputError as exc:
        return judge(exc, (inp.target,))
    use_plan(plan, path, ctx, inp.number)
    return "accepted", ""


def run_settings(inp: Input, folder: Path, ctx: Context) -> tuple[str, str]:
    from peakplan.errors import InputError
    from peakplan.report.variants import parse_setting, variants

    try:
        settings = [parse_setting(text) for text in inp.settings]
        variants(folder / "scenario.yaml", settings)
    except InputError as exc:
        return judge(exc, ("--set", "scenario.yaml"))
    return "accepted", ""


def run_inprocess(inp: Input, folder: Path, ctx: Context) -> tuple[str, str]:
    try:
        if inp.kind == "plan" or (inp.kind == "special" and inp.target == "plan.json"):
            return run_plan(inp, folder, ctx)
        if inp.kind == "set":
            return run_settings(inp, folder, ctx)
        return run_scenario(inp, folder, ctx)
    except (Timeout, KeyboardInterrupt):
        raise
    except BaseException as exc:  # every other escape is what we are looking for
        return crash(exc)
