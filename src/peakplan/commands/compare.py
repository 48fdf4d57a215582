"""`peakplan compare A.yaml B.yaml [...]`: variants side by side (scenarios solved in parallel, or plan files)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peakplan.commands.common import EXIT_INFEASIBLE, EXIT_INTERRUPTED, EXIT_NO_PLAN, EXIT_OK, fail

if TYPE_CHECKING:
    from rich.console import Console

SET_HELP = "PATH=V1,V2,...: vary a scenario field (dotted path, e.g. rules.weekly_ramp.max_increase=0.10,0.15); " \
           "several --set make a grid"


HELP = ("Compare variants: readiness, race-day CTL/ATL/TSB, volume, long run, intensity, taper, tight rules. "
        "Scenarios are solved in parallel on every core (each solve single-threaded, so results are deterministic); "
        "plan files are read. Exit 0 when some variant has a plan, 1 when none has because of infeasibility, "
        "2 for bad input, 3 when no plan was found in time.")


def exit_code(outcomes) -> int:
    """0 when some variant has a plan; else 1 if one is infeasible, else 3 (no plan in time)."""
    if any(o.has_plan for o in outcomes):
        return EXIT_OK
    return EXIT_INFEASIBLE if any(o.status == "INFEASIBLE" for o in outcomes) else EXIT_NO_PLAN


def solve_inputs(inputs: list[Path], set_: list[str], time_limit_s: float | None, debug: bool, what: str,
                 plans_dir: Path | None = None):
    """Collect and solve; bad input exits 2, Ctrl-C exits 130."""
    from peakplan.report.inputs import check_plans_dir, collect, run

    if plans_dir is not None:
        check_plans_dir(plans_dir)  # before any solve: a bad folder costs nothing
    items = collect(inputs, set_, time_limit_s)  # bad input: an InputError, exit 2 (commands.common.guarded)
    try:
        return run(items, what)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise typer.Exit(EXIT_INTERRUPTED) from None


def save_plans(outcomes, plans_dir: Path | None, debug: bool) -> str:
    """Write the plan files first (before any output that a closed pipe could cut); returns the message."""
    if plans_dir is None:
        return ""
    from peakplan.report.inputs import write_plans

    try:
        written, warnings = write_plans(outcomes, plans_dir)
    except OSError as exc:
        fail(f"--plans-dir {plans_dir}: cannot write there ({exc.strerror or exc}); pick a writable folder.", debug)
    for warning in warnings:
        print(warning, file=sys.stderr)
    return f"{len(written)} plan file(s) written to {plans_dir}: " + ", ".join(p.name for p in written)


def compare_command(
    inputs: Annotated[list[Path], typer.Argument(metavar="INPUT...", help="scenario YAML files (solved) or plan JSON files")],
    set_: Annotated[list[str], typer.Option("--set", help=SET_HELP)] = [],  # noqa: B006 (typer)
    as_json: Annotated[bool, typer.Option("--json", help="print the comparison as JSON, for scripts")] = False,
    plans_dir: Annotated[Path | None, typer.Option("--plans-dir", help="write each solved variant's plan JSON here")] = None,
    models: Annotated[str | None, typer.Option(
        "--models", help="score every plan under these readiness models too, e.g. runner,pmc,busso")] = None,
    time_limit_s: Annotated[float | None, typer.Option("--time-limit", help="seconds per solve")] = None,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Compare variants side by side (see HELP)."""
    from rich.console import Console

    from peakplan.report.robustness import model_names
    from peakplan.report.tables import compare_json, compare_table, robustness_table, weeks_table

    console = Console(width=None if sys.stdout.isatty() else 120)
    names = model_names(models) if models is not None else []
    outcomes = solve_inputs(inputs, set_, time_limit_s, debug, "solving", plans_dir)
    saved = save_plans(outcomes, plans_dir, debug)
    if as_json:
        print(json.dumps(compare_json(outcomes, names), indent=1, ensure_ascii=False))
    else:
        console.print(compare_table(outcomes))
        if names and any(o.has_plan for o in outcomes):
            console.print(robustness_table(outcomes, names))
        if any(o.has_plan for o in outcomes):
            console.print(weeks_table(outcomes))
        print_explanations(console, outcomes, "[bold red]variants without a plan[/bold red] (conflicting rules):")
    finish(console, outcomes, saved, as_json)


def print_explanations(console: Console, outcomes, heading: str) -> None:
    """The conflicting rules of the variants without a plan, under ``heading`` (nothing if none)."""
    from peakplan.report.tables import explanation_lines

    lines = explanation_lines(outcomes)
    if lines:
        console.print(heading)
        for line in lines:
            console.print(line, markup=False, highlight=False)


def finish(console: Console, outcomes, saved: str, as_json: bool) -> None:
    """Say where the plan files went, then exit with the code the outcomes call for."""
    if saved and not as_json:
        console.print(saved, markup=False, highlight=False)
    raise typer.Exit(exit_code(outcomes))


def register(app: typer.Typer) -> None:
    short = "Compare variants side by side: scenarios (solved in parallel, --set grids) or plan files."
    app.command("compare", help=HELP, short_help=short)(compare_command)
