"""The `peakplan` command line: parses, calls the library, renders. Commands live in commands/.

Every command runs inside :func:`peakplan.commands.common.guarded`: bad input exits 2 with one
message, Ctrl-C exits 130, an internal error exits 70 with one paragraph; tracebacks only with
``--debug`` or ``PEAKPLAN_DEBUG=1``. Exit codes are listed in the README.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from peakplan.commands import register_all
from peakplan.commands.common import EXIT_INTERNAL, EXIT_INTERRUPTED, closed_pipe, guard_commands, internal_error

# rich exits 1 on a closed pipe, which would read as "infeasible": exit 141 instead, quietly.
setattr(Console, "on_broken_pipe", closed_pipe)  # noqa: B010 - a class attribute rich looks up

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Optimal running training blocks with CP-SAT.",
                  rich_markup_mode=None,
                  pretty_exceptions_enable=False)
register_all(app)
guard_commands(app)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `peakplan` script; returns the exit code."""
    guard_commands(app)  # commands registered after import are guarded too
    try:
        code = app(args=argv, prog_name="peakplan", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except typer.TyperException as exc:  # usage errors: the parser's message, exit 2
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            print(f"error: {exc}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    except Exception as exc:
        try:
            internal_error(exc, "--debug" in (argv if argv is not None else sys.argv))
        except typer.Exit:
            return EXIT_INTERNAL
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
