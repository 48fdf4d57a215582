"""`peakplan solve SCENARIO`: the optimal block, as a table and optionally a plan file.

Exit 0 with a plan (OPTIMAL, or FEASIBLE at the time limit), 1 infeasible (conflicting rules and
verified relaxations), 2 bad input, 3 no plan within the time limit, 130 interrupted (the best
plan so far is kept and written).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peakplan.commands.common import (
    EXIT_INFEASIBLE,
    EXIT_INTERRUPTED,
    EXIT_NO_PLAN,
    fail,
    load_or_exit,
    with_solver,
)
from peakplan.commands.ctrl_c import quiet_until_ready, sigint_requests

if TYPE_CHECKING:
    from rich.console import Console

    from peakplan.files.atomic import Output
    from peakplan.model.progress import Progress, Stop
    from peakplan.result import Result
    from peakplan.scenario.schema import Scenario

EXPLAIN_BUDGET_S = 20.0       # the default --explain-limit (peakplan.explain.EXPLAIN_BUDGET_S)

PROGRESS_AFTER_S = 2.0       # show progress for solves longer than this
PLAIN_PROGRESS_EVERY_S = 5.0  # without a terminal: one line this often


def progress_text(p: Progress) -> str:
    best = f"best readiness {p.readiness:.3f}" if p.readiness is not None else "no plan yet"
    bound = f"bound {p.bound:.3f}" if p.bound is not None else "bound —"
    return f"solving… {p.elapsed_s:5.1f} s   {best}   {bound}"


@contextmanager
def progress_display(err: Console, plain_lines: bool) -> Iterator[Callable[[Progress], None]]:
    """A progress hook: a live line on a terminal, else a plain line every few seconds."""
    from rich.live import Live
    from rich.text import Text

    live: Live | None = None
    last = {"printed": -1e9, "had_plan": False}

    def hook(p: Progress) -> None:
        nonlocal live
        if p.elapsed_s < PROGRESS_AFTER_S:
            return
        if err.is_terminal:
            if live is None:
                live = Live(console=err, transient=True, auto_refresh=False)
                live.start()
            live.update(Text(progress_text(p)), refresh=True)
            return
        first_plan = p.readiness is not None and not last["had_plan"]
        if plain_lines and (first_plan or p.elapsed_s - last["printed"] >= PLAIN_PROGRESS_EVERY_S):
            print(progress_text(p), file=sys.stderr, flush=True)
            last["printed"], last["had_plan"] = p.elapsed_s, p.readiness is not None

    try:
        yield hook
    finally:
        if live is not None:
            live.stop()


def _write(target: Output, result: Result, console: Console, stop: Stop, debug: bool, announce: bool = True) -> None:
    """Write the plan (atomically to a file); Ctrl-C or SIGTERM meanwhile waits until it is complete."""
    from peakplan.files.atomic import write_output

    assert result.plan is not None
    data = result.plan.to_json().encode("utf-8")
    try:
        with sigint_requests(stop.request):
            warning = write_output(target, data)
    except OSError as exc:
        fail(f"--out {target.given!r} cannot be written ({exc.strerror or exc}); choose a file in a writable folder.",
             debug)
    if warning:
        print(warning, file=sys.stderr)
    if announce and target.kind != "stdout":
        console.print(f"plan written to {target.given}", markup=False, highlight=False)


def _show(result: Result, console: Console, quiet: bool, all_workouts: bool = False) -> None:
    from peakplan.commands.render import print_result, summary_lines

    if quiet:
        for line in summary_lines(result):
            console.print(line)
    else:
        print_result(result, console, workout_weeks=None if all_workouts else {1})


def _interrupted(result: Result, out: Output | None, console: Console, stop: Stop, debug: bool) -> int:

    if not result.has_plan:
        console.print(f"[bold yellow]interrupted[/bold yellow] after {result.solve_time_s:.1f} s, before any plan "
                      "was found; nothing written.")
        return EXIT_INTERRUPTED
    _show(result, console, quiet=True)
    proof = ("already proven optimal" if result.status == "OPTIMAL" else
             f"the best plan found so far (status {result.status}, gap {result.gap:.2%}), not proven optimal")
    console.print(f"[bold yellow]interrupted[/bold yellow] after {result.solve_time_s:.1f} s: {proof}.")
    if out is not None:
        _write(out, result, console, stop, debug)
    return EXIT_INTERRUPTED


def _infeasible(sc: Scenario, scenario: Path, console: Console, err: Console, budget_s: float) -> int:
    from rich.markup import escape

    from peakplan.explain import explain

    console.print(f"[bold red]INFEASIBLE[/bold red]: no plan keeps every rule of {escape(str(scenario))}. "
                  "The smallest set of rules that conflict:")
    started = time.monotonic()
    with err.status("finding the conflicting rules and relaxations…") if err.is_terminal else _nothing():
        why = explain(sc, relax=True, budget_s=budget_s)
    for line in why.lines():
        console.print(f"  - {line}", markup=False, highlight=False)
    if why.conflicts and not why.complete:
        console.print("  (a conflicting set, not reduced to the smallest within --explain-limit)", markup=False)
    if why.relaxed:
        took = time.monotonic() - started
        console.print("Each relaxation was verified by re-solving. Apply one (or switch a rule off with "
                      f"`enabled: false`) and solve again. [dim](explained in {took:.1f} s)[/dim]")
    return EXIT_INFEASIBLE


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def solve_command(
    scenario: Annotated[Path, typer.Argument(metavar="SCENARIO", help="scenario YAML file")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="write the plan JSON here (atomically)")] = None,
    time_limit_s: Annotated[float | None, typer.Option("--time-limit", help="seconds; overrides solver.time_limit_s")] = None,
    workers: Annotated[int | None, typer.Option(help="CP-SAT workers; overrides solver.workers")] = None,
    seed: Annotated[int | None, typer.Option(help="random seed; overrides solver.seed")] = None,
    explain_limit_s: Annotated[float, typer.Option(
        "--explain-limit", min=0.5, help="seconds for explaining an infeasible scenario (conflict + relaxations)",
    )] = EXPLAIN_BUDGET_S,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="summary only, no week table")] = False,
    workouts: Annotated[bool, typer.Option("--workouts", "-w", help="every day's workout (default: week 1)")] = False,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Build the block that maximizes race-day readiness under the coaching rules."""
    with quiet_until_ready():  # imports and reading only: Ctrl-C here ends the process at once
        from rich.console import Console

        from peakplan.files.atomic import prepare_output
        from peakplan.model.progress import Stop
        from peakplan.planner import solve

        sc = with_solver(load_or_exit(scenario, debug), time_limit_s, workers, seed)
        target = prepare_output(out, "--out") if out is not None else None  # before the solve: nothing written yet
    to_stdout = target is not None and target.kind == "stdout"  # the plan JSON goes there, the rest to stderr
    console = Console(stderr=to_stdout, width=None if (sys.stderr if to_stdout else sys.stdout).isatty() else 120)
    err = Console(stderr=True, highlight=False)
    stop = Stop()
    with sigint_requests(stop.request), progress_display(err, plain_lines=not quiet) as on_progress:
        result = solve(sc, explain=False, on_progress=on_progress, stop=stop)
    if stop.requested:
        raise typer.Exit(_interrupted(result, target, console, stop, debug))
    if result.status == "INFEASIBLE":
        raise typer.Exit(_infeasible(sc, scenario, console, err, explain_limit_s))
    if not result.has_plan:
        limit = sc.solver.time_limit_s
        console.print(f"[bold yellow]no plan within {limit:g} s[/bold yellow] (status {result.status}); "
                      f"try --time-limit {max(2 * limit, 10):g}.")
        raise typer.Exit(EXIT_NO_PLAN)
    if target is not None:  # first, so the plan is kept even if nobody reads the rest of the output
        _write(target, result, console, stop, debug, announce=False)
    _show(result, console, quiet, workouts)
    if result.status == "FEASIBLE":
        console.print(f"time limit of {sc.solver.time_limit_s:g} s reached: the best plan found, not proven optimal "
                      f"(bound {result.bound:.3f}, gap {result.gap:.2%}); a longer --time-limit may close the gap.")
    if target is not None and not to_stdout:
        console.print(f"plan written to {target.given}", markup=False, highlight=False)
    sys.stdout.flush()
    if stop.requested:  # Ctrl-C while writing: the file is complete, report the interrupt
        raise typer.Exit(EXIT_INTERRUPTED)


def register(app: typer.Typer) -> None:
    app.command("solve")(solve_command)
