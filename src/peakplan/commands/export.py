"""`peakplan export`: a plan file as iCalendar, CSV, Markdown or FIT workouts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peakplan.commands.common import fail

FORMATS = ("ics", "csv", "md", "fit")  # peakplan.export.FORMATS
BINARY_FORMATS = ("fit",)


def export_command(
    plan: Annotated[Path, typer.Argument(metavar="PLAN.json", help="plan JSON written by `peakplan solve --out`")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="ics, csv, md or fit (zip of .fit)")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="file to write (atomically); default stdout")] = None,
) -> None:
    """Export a plan: calendar (ics), spreadsheet (csv), printable plan (md) or watch workouts (fit)."""
    if fmt is None:
        fail(f"give --format, one of {', '.join(FORMATS)}, e.g. `peakplan export plan.json --format ics -o plan.ics`.")
    if fmt not in FORMATS:
        fail(f"--format {fmt!r} is not known; use one of {', '.join(FORMATS)}.")
    if out is None and fmt in BINARY_FORMATS:
        fail(f"--format {fmt} writes a zip of binary .fit files; give an output file, e.g. -o workouts.zip.")
    from peakplan.export import render
    from peakplan.files.atomic import write_bytes_atomic
    from peakplan.plan.io import read_plan

    data = render(read_plan(plan), fmt)
    if out is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        fail(f"-o {str(out)!r} cannot be written ({exc.strerror or exc}); choose a file in an existing, "
             "writable folder.")
    typer.echo(f"wrote {out} ({len(data)} bytes, {fmt})", err=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
