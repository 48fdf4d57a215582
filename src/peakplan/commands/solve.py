"""`peakplan solve SCENARIO`: the optimal block, as a table and optionally a plan file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from peakplan.commands.common import EXIT_INFEASIBLE, EXIT_NO_PLAN, fail, load_or_exit, with_solver
from peakplan.explain import explain
from peakplan.fileio import write_plan
from peakplan.render import print_result
from peakplan.solve import load_models, solve


def solve_command(
    scenario: Annotated[Path, typer.Argument(help="scenario YAML file")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="write the plan JSON here (atomically)")] = None,
    time_limit_s: Annotated[float | None, typer.Option("--time-limit", help="seconds; overrides solver.time_limit_s")] = None,
    workers: Annotated[int | None, typer.Option(help="CP-SAT workers; overrides solver.workers")] = None,
    seed: Annotated[int | None, typer.Option(help="random seed; overrides solver.seed")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="summary only, no week table")] = False,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Build the block that maximizes race-day readiness under the coaching rules."""
    console = Console(width=None if sys.stdout.isatty() else 120)
    sc = with_solver(load_or_exit(scenario, debug), time_limit_s, workers, seed)
    try:
        catalogue, readiness = load_models(sc)
    except ValueError as exc:
        fail(str(exc), debug)
    result = solve(sc)
    if result.status == "INFEASIBLE":
        console.print(f"[bold red]INFEASIBLE[/bold red]: no plan keeps every rule of {scenario}. These rules conflict:")
        for line in explain(sc, catalogue, readiness).lines():
            console.print(f"  - {line}")
        console.print("Relax one of them (or switch it off with `enabled: false`) and solve again.")
        raise typer.Exit(EXIT_INFEASIBLE)
    if not result.has_plan:
        console.print(f"[bold yellow]no plan found within {sc.solver.time_limit_s:g} s[/bold yellow] "
                      f"(status {result.status}). Try a longer --time-limit.")
        raise typer.Exit(EXIT_NO_PLAN)
    if quiet:
        from peakplan.render import summary_lines
        for line in summary_lines(result):
            console.print(line)
    else:
        print_result(result, console)
    if out is not None:
        write_plan(out, result.to_plan_dict())
        console.print(f"plan written to {out}")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    app.command("solve")(solve_command)
