"""Shared CLI plumbing: exit codes, clean error output, scenario loading, the command guard.

Imports nothing heavy at module level: ``peakplan --help`` and the commands that do not solve
must start fast (benchmarks/README.md, "Start-up").
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from peakplan.files.limits import MAX_MESSAGE_CHARS

if TYPE_CHECKING:
    from peakplan.scenario.schema import Scenario

EXIT_OK = 0
EXIT_INFEASIBLE = 1
EXIT_BAD_INPUT = 2
EXIT_NO_PLAN = 3
EXIT_INTERNAL = 70      # a bug in peakplan (EX_SOFTWARE), never the user's input
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141

DEBUG_ENV = "PEAKPLAN_DEBUG"
SOLVER_OPTIONS = {"time_limit_s": "--time-limit", "workers": "--workers", "seed": "--seed"}


def debug_wanted(debug: bool = False) -> bool:
    return debug or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def one_paragraph(message: str) -> str:
    """``message`` on one line and at most MAX_MESSAGE_CHARS long."""
    text = " ".join(str(message).split())
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 5] + " [...]"


def fail(message: str, debug: bool = False, code: int = EXIT_BAD_INPUT) -> NoReturn:
    if debug_wanted(debug) and sys.exc_info()[0] is not None:
        traceback.print_exc()
    print(f"error: {one_paragraph(message)}", file=sys.stderr)
    raise typer.Exit(code)


def write_and_announce(target: Any, data: bytes, out: Path, what: str, debug: bool) -> None:
    """Write ``data`` as ``target`` was prepared (files/atomic.py), print its warning, and say where
    ``what`` went (nothing when it went to stdout); a write error is one bad-output message."""
    from peakplan.files.atomic import write_output

    try:
        warning = write_output(target, data)
    except OSError as exc:
        fail(f"{out}: cannot write the {what} ({exc.strerror or exc}); pick a writable path.", debug)
    if warning:
        print(warning, file=sys.stderr)
    if target.kind != "stdout":
        print(f"{what} written to {out}")


def load_or_exit(path: Path, debug: bool = False) -> Scenario:
    from peakplan.errors import InputError
    from peakplan.scenario import load_scenario

    try:
        return load_scenario(path)
    except InputError as exc:
        fail(str(exc), debug)


def with_solver(scenario: Scenario, time_limit_s: float | None, workers: int | None, seed: int | None) -> Scenario:
    """The scenario with the command line's solver options applied (bad values exit 2)."""
    from pydantic import ValidationError

    changes = {k: v for k, v in (("time_limit_s", time_limit_s), ("workers", workers), ("seed", seed)) if v is not None}
    if not changes:
        return scenario
    try:
        solver = scenario.solver.model_validate({**scenario.solver.model_dump(), **changes})
    except ValidationError as exc:
        errors = exc.errors()
        name = str(errors[0]["loc"][0]) if errors and errors[0]["loc"] else ""
        fail(f"{SOLVER_OPTIONS.get(name, name)} {changes.get(name)!r}: {errors[0]['msg'] if errors else exc}.")
    return scenario.model_copy(update={"solver": solver})


# --- the guard around every command ------------------------------------------------------------

def internal_error(exc: BaseException, debug: bool) -> NoReturn:
    """An exception no input should cause: one paragraph, exit 70 (tracebacks with --debug)."""
    if debug_wanted(debug):
        traceback.print_exception(exc)
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {Path(frame.filename).name}:{frame.lineno})" if frame else ""
    what = one_paragraph(str(exc))[:300]
    print(f"internal error: {type(exc).__name__}: {what}{where}. This is a bug in peakplan, not a problem "
          f"with your input; please report it with the scenario file. Run with --debug (or {DEBUG_ENV}=1) "
          "to see the traceback.", file=sys.stderr)
    raise typer.Exit(EXIT_INTERNAL)


def closed_pipe(*_: Any) -> NoReturn:
    """The reader of our output went away (``peakplan solve x | head``): stop quietly, exit 141
    (128 + SIGPIPE, as shell tools do), and keep Python from complaining while it shuts down."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(EXIT_CLOSED_PIPE)


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command: input errors exit 2, Ctrl-C exits 130, anything else exits 70 — never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug", False))
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException):  # typer's own exits and usage errors
            raise
        except BrokenPipeError:
            closed_pipe()
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except RecursionError as exc:
            fail(f"the input is nested too deeply to be processed ({exc}).", debug)
        except Exception as exc:
            from peakplan.errors import InputError

            if isinstance(exc, InputError):
                fail(str(exc), debug)
            internal_error(exc, debug)

    wrapper.__peakplan_guarded__ = True  # type: ignore[attr-defined]
    return wrapper


def guard_commands(app: typer.Typer) -> None:
    """Put :func:`guarded` around every registered command (idempotent)."""
    for info in app.registered_commands:
        if info.callback is not None and not getattr(info.callback, "__peakplan_guarded__", False):
            info.callback = guarded(info.callback)
