"""`peakplan report PLAN.json [PLAN2.json ...] -o report.html`: a self-contained HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peakplan.commands.common import fail, write_and_announce

HELP = ("Write one HTML file (viewable offline) with the calendar of sessions, weekly volume by intensity, the "
        "CTL/ATL/TSB chart with the race marked, the readiness summary and tight rules. With several plans the "
        "charts overlay the variants. With --history, the readiness model drawn against the athlete's races.")


def report_command(
    plans: Annotated[list[Path], typer.Argument(metavar="PLAN.json...",
                                                help="plan JSON files (`peakplan solve --out`); several overlay")],
    out: Annotated[Path, typer.Option("--out", "-o", help="the HTML file to write (atomically)")] = Path("report.html"),
    label: Annotated[list[str], typer.Option("--label", "-l", help="a name per plan, in order (default: file names)")] = [],  # noqa: B006
    history: Annotated[Path | None, typer.Option(help="a history file (`peakplan history`): draw the first plan's "
                                                      "readiness model against its races")] = None,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Write a self-contained HTML report (see HELP)."""
    if label and len(label) != len(plans):
        fail(f"{len(label)} --label given for {len(plans)} plan(s); give one per plan or none.")
    from peakplan.files.atomic import prepare_output
    from peakplan.plan.io import read_plan
    from peakplan.report.html import report_html
    from peakplan.report.runner import unique_labels

    target = prepare_output(out, "--out")
    loaded = [read_plan(p) for p in plans]
    names = unique_labels(list(label) or [p.stem for p in plans])
    races = None
    if history is not None:
        from peakplan.history import read_history

        races = (read_history(history), history.name)
    html = report_html(loaded, names, races).encode("utf-8")  # the whole report first, then one write
    write_and_announce(target, html, out, "report", debug)


def register(app: typer.Typer) -> None:
    app.command("report", help=HELP,
                short_help="Self-contained HTML report of one or more plan files: calendar, charts, summary.")(report_command)
