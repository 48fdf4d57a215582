"""The `peakplan` command line: parses, calls the library, renders. Commands live in commands/.

Every command runs inside :func:`peakplan.commands.common.guarded`: bad input exits 2 with one
message, Ctrl-C exits 130, an internal error exits 70 with one paragraph; tracebacks only with
``--debug`` or ``PEAKPLAN_DEBUG=1``. Exit codes are listed in the README.
"""

import _signal  # type: ignore[import-not-found]  # the C module under `signal`: importing `signal` itself (enum) would take ~1.4 ms more


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C while the imports below run: nothing has happened yet, so stop at once, quietly."""
    import os

    os.write(2, b"interrupted\n")
    os._exit(130)


# First, before any other import: Ctrl-C during start-up exits 130 without a traceback.
# (Only when Ctrl-C is Python's usual KeyboardInterrupt: an ignored SIGINT stays ignored. Only
# the main thread has signal handlers: elsewhere signal.signal raises ValueError.)
_STARTUP_SIGINT = _signal.getsignal(_signal.SIGINT)
if _STARTUP_SIGINT is _signal.default_int_handler:
    try:
        _signal.signal(_signal.SIGINT, _interrupted_while_starting)
    except ValueError:
        _STARTUP_SIGINT = None

import contextlib  # noqa: E402 - after the start-up handler, on purpose
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402

import typer  # noqa: E402 - after the start-up handler, on purpose
from rich.console import Console  # noqa: E402

from peakplan import __version__  # noqa: E402
from peakplan.commands import register_all  # noqa: E402
from peakplan.commands.common import (  # noqa: E402
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    closed_pipe,
    guard_commands,
    internal_error,
)
from peakplan.commands.ctrl_c import interrupted, mute_dropped_interrupts, raise_interrupt, take_over  # noqa: E402

# rich exits 1 on a closed pipe, which would read as "infeasible": exit 141 instead, quietly.
setattr(Console, "on_broken_pipe", closed_pipe)  # noqa: B010 - a class attribute rich looks up

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Optimal running training blocks with CP-SAT.",
                  rich_markup_mode=None,
                  pretty_exceptions_enable=False)


def _print_version(value: bool) -> None:
    if value:
        print(f"peakplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                          help="Print peakplan's version and exit.")) -> None:
    """Optimal running training blocks with CP-SAT."""


register_all(app)
guard_commands(app)
# Start-up is over: Ctrl-C is a KeyboardInterrupt again (each command turns it into exit 130),
# and it is remembered too, in case Python loses it (commands/ctrl_c.py).
if _STARTUP_SIGINT is signal.default_int_handler:
    signal.signal(signal.SIGINT, raise_interrupt)
    mute_dropped_interrupts()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `peakplan` script; returns the exit code.

    Called without ``argv`` (the real command line), it ends the process itself once the output
    is flushed, skipping Python's tear-down of the objects still in memory: with a large CP-SAT
    model that tear-down took 0.4-0.7 s, after Ctrl-C as after any solve (benchmarks/INTERRUPT.md).
    """
    code = _run(argv, own_process=argv is None)
    if argv is None:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing more to say
            stream.flush()
    os._exit(code)


def _run(argv: list[str] | None, own_process: bool = False) -> int:
    guard_commands(app)  # commands registered after import are guarded too
    take_over(own_process)  # SIGTERM ends a command as Ctrl-C does
    code = _command(argv)
    if interrupted() and code == 0:  # a Ctrl-C that Python lost on the way: still an interrupted run
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return code


def _command(argv: list[str] | None) -> int:
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
