"""`peakplan sweep SCENARIO --set PATH=V1,V2,...`: readiness over a grid of scenario values."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from peakplan.commands.common import fail
from peakplan.commands.compare import SET_HELP, finish, print_explanations, save_plans, solve_inputs

HELP = ("Solve SCENARIO for every value (grid) of the --set fields on all cores with a progress bar; print "
        "readiness per point and explain the infeasible ones. Exit 0 when some point has a plan, 1 when all are "
        "infeasible, 2 for bad input (e.g. an unknown field path), 3 when no plan was found in time.")


def sweep_command(
    scenario: Annotated[Path, typer.Argument(metavar="SCENARIO", help="scenario YAML file")],
    set_: Annotated[list[str], typer.Option("--set", help=SET_HELP)] = [],  # noqa: B006 (typer)
    as_json: Annotated[bool, typer.Option("--json", help="print the points as JSON, for scripts")] = False,
    plans_dir: Annotated[Path | None, typer.Option("--plans-dir", help="write each feasible point's plan JSON here")] = None,
    time_limit_s: Annotated[float | None, typer.Option("--time-limit", help="seconds per solve")] = None,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Readiness over a grid of scenario values (see HELP)."""
    from rich.console import Console

    from peakplan.report.tables import sweep_json, sweep_table
    from peakplan.report.variants import parse_setting

    if not set_:
        fail("sweep needs at least one --set PATH=V1,V2,... (e.g. --set rules.weekly_ramp.max_increase=0.05,0.10)")
    if scenario.suffix.lower() == ".json":
        fail(f"{scenario} is a plan file; sweep varies a scenario YAML file.")
    console = Console(width=None if sys.stdout.isatty() else 120)
    outcomes = solve_inputs([scenario], set_, time_limit_s, debug, "sweeping", plans_dir)
    saved = save_plans(outcomes, plans_dir, debug)
    settings = [parse_setting(text) for text in set_]
    if as_json:
        print(json.dumps(sweep_json(outcomes, settings), indent=1, ensure_ascii=False))
    else:
        console.print(sweep_table(outcomes, settings))
        print_explanations(console, outcomes, "[bold red]infeasible points[/bold red] and the rules that conflict there:")
    finish(console, outcomes, saved, as_json)


def register(app: typer.Typer) -> None:
    short = "Readiness over a grid of scenario values (--set PATH=V1,V2,...), infeasible points explained."
    app.command("sweep", help=HELP, short_help=short)(sweep_command)
