"""The `peakplan` command line: parses, calls the library, renders. Commands live in commands/."""

from __future__ import annotations

import sys

import typer

from peakplan.commands import register_all

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Optimal running training blocks with CP-SAT.")
register_all(app)


def main() -> None:
    app(prog_name="peakplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
