"""`peakplan validate SCENARIO PLAN.json`: check a plan file against every rule.

Exit 0 when the plan keeps every rule, 1 with a table (or ``--json`` list) of violations,
2 on bad input (a scenario, model file or plan that cannot be read), never with a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from peakplan.validate import Report

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2


def render_table(report: Report, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(report.violations)} rule violation(s)", show_lines=False)
    for column in ("rule", "where", "amount", "message"):
        table.add_column(column, overflow="fold")
    for v in report.violations:
        table.add_row(*(Text(x) for x in (v.rule, v.where, v.amount, v.message)))  # plan text is no markup
    console.print(table)


def run(scenario_path: Path, plan_path: Path, as_json: bool) -> int:
    """The command's body; returns the exit code."""
    from rich.console import Console

    from peakplan.commands.common import one_paragraph
    from peakplan.errors import InputError
    from peakplan.plan.io import read_plan
    from peakplan.scenario import load_scenario
    from peakplan.validate import PlanFormatError, validate_report

    try:
        scenario = load_scenario(scenario_path)
        report = validate_report(scenario, read_plan(plan_path))
    except InputError as exc:
        typer.echo(f"error: {one_paragraph(str(exc))}", err=True)
        return EXIT_BAD_INPUT
    except PlanFormatError as exc:
        typer.echo(f"error: {one_paragraph(f'{plan_path}: {exc}')}", err=True)
        return EXIT_BAD_INPUT
    if as_json:
        typer.echo(json.dumps([v.to_dict() for v in report.violations], indent=2, ensure_ascii=False))
    elif report.violations:
        render_table(report, Console(highlight=False))
    else:
        typer.echo(f"plan keeps every rule ({report.checks} checks)")
    return EXIT_VIOLATIONS if report.violations else EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate_command(
        scenario: Annotated[Path, typer.Argument(metavar="SCENARIO", help="scenario YAML file the plan was made for")],
        plan: Annotated[Path, typer.Argument(metavar="PLAN.json", help="plan JSON file written by `peakplan solve --out`")],
        as_json: Annotated[bool, typer.Option("--json", help="print the violations as a JSON list")] = False,
    ) -> None:
        """Check PLAN.json against every rule of SCENARIO; exit 0 ok, 1 violations, 2 bad input."""
        raise typer.Exit(run(scenario, plan, as_json))
