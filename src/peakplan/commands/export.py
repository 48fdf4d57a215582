"""`peakplan export`: a plan file as iCalendar, CSV, Markdown or FIT workouts.

``--format`` may be left out when ``-o`` has a known suffix (``.ics``, ``.csv``, ``.md``,
``.zip``/``.fit``); either is case-insensitive. ``-o -`` (or no ``-o``) writes to standard output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peakplan.commands.common import fail

FORMATS = ("ics", "csv", "md", "fit")  # peakplan.export.FORMATS
BINARY_FORMATS = ("fit",)
SUFFIX_FORMATS = {".ics": "ics", ".ical": "ics", ".csv": "csv", ".md": "md", ".markdown": "md", ".zip": "fit",
                  ".fit": "fit"}


def chosen_format(fmt: str | None, out: Path | None) -> str:
    """The format asked for, else the one ``out``'s suffix names; exit 2 when neither says."""
    if fmt is not None:
        name = fmt.strip().lower()
        if name not in FORMATS:
            fail(f"--format {fmt!r} is not known; use one of {', '.join(FORMATS)}.")
        return name
    suffix = out.suffix.lower() if out is not None and str(out) != "-" else ""
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    named = f"-o {str(out)!r} has no suffix peakplan knows" if suffix else "no --format and no -o file suffix"
    fail(f"{named}; give --format, one of {', '.join(FORMATS)}, e.g. `peakplan export plan.json -o plan.ics` "
         "or `--format csv`.")


def export_command(
    plan: Annotated[Path, typer.Argument(metavar="PLAN.json", help="plan JSON written by `peakplan solve --out`")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="ics, csv, md or fit (zip of .fit); default: from "
                                            "the -o suffix")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="file to write (atomically); - or none: stdout")] = None,
) -> None:
    """Export a plan: calendar (ics), spreadsheet (csv), printable plan (md) or watch workouts (fit)."""
    name = chosen_format(fmt, out)
    if out is None and name in BINARY_FORMATS:
        fail(f"--format {name} writes a zip of binary .fit files; give an output file, e.g. -o workouts.zip "
             "(or -o - to write it to standard output).")
    from peakplan.export import render
    from peakplan.files.atomic import prepare_output, write_output
    from peakplan.plan.io import read_plan

    target = prepare_output(out if out is not None else "-", "-o", binary=name in BINARY_FORMATS)
    data = render(read_plan(plan), name)  # the whole export first: nothing is written from a bad plan
    try:
        warning = write_output(target, data)
    except OSError as exc:
        fail(f"-o {target.given!r} cannot be written ({exc.strerror or exc}); choose a file in an existing, "
             "writable folder.")
    if warning:
        typer.echo(warning, err=True)
    if target.kind != "stdout":
        typer.echo(f"wrote {target.given} ({len(data)} bytes, {name})", err=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
