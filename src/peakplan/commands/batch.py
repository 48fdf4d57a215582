"""`peakplan batch INPUT -o OUTDIR`: a plan per athlete, on a local process pool or on Ray.

Imports nothing heavy at module level: ``peakplan batch --help`` loads neither OR-Tools nor Ray.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peakplan.commands.common import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, fail

if TYPE_CHECKING:
    from peakplan.batch.runner import BatchRun
    from peakplan.batch.summary import SummaryRow

EXIT_NONE = 1           # no athlete got a plan
EXIT_SOME = 4           # some athletes got a plan, some did not (see summary.csv)
SHOWN_PROBLEMS = 20     # athletes without a plan listed on the terminal; all of them are in the summary

HELP = ("Plan many athletes: INPUT is a folder of scenario files (one athlete each, named by the file) or a CSV/YAML "
        "table with one row per athlete, an `athlete` id column, an optional `base` column and dotted scenario paths "
        "as columns (as --set takes them), over a base scenario (`base` column or --base). Writes OUTDIR/plans/"
        "<athlete>.json, OUTDIR/summary.csv and summary.json. Resumable: run it again and athletes whose plan is there "
        "for the same input are skipped. One athlete's bad input or infeasibility is its row in the summary and never "
        f"stops the others. Exit {EXIT_OK} when every athlete got a plan, {EXIT_SOME} when some did, {EXIT_NONE} when "
        f"none did, {EXIT_BAD_INPUT} for bad input of the batch itself, {EXIT_INTERRUPTED} on Ctrl-C or SIGTERM (the "
        "summary is written first). See docs/batch.md.")


def batch_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT", help="a folder of scenario files, or a CSV/YAML table")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output folder (created; a batch folder is resumed)")],
    base: Annotated[Path | None, typer.Option("--base", help="base scenario of a table's rows without a `base` cell")] = None,
    executor: Annotated[str, typer.Option("--executor", help="local (a process pool, the default) or ray")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster to join (with --executor ray); "
                                                "default: start a local Ray instance")] = None,
    jobs: Annotated[int | None, typer.Option("-j", "--jobs", min=1, help="parallel solves (default: one per core)")] = None,
    time_limit_s: Annotated[float | None, typer.Option("--time-limit", help="seconds per athlete")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="solve every athlete again, even those already done")] = False,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Plan many athletes (see HELP)."""
    from peakplan.batch.athletes import athletes_from
    from peakplan.batch.executors import check_options, make_executor
    from peakplan.batch.outdir import OutputFolder
    from peakplan.batch.runner import run_batch

    check_options(executor, address)
    athletes = athletes_from(input_path, base, time_limit_s)   # bad input of the batch: InputError, exit 2
    folder = OutputFolder(out, fresh=fresh)
    meta = {"input": str(input_path), "base": str(base) if base else None, "out": str(out)}
    with make_executor(executor, jobs, address) as pool, ProgressBar(len(athletes)) as on_row, term_as_interrupt():
        try:
            run = run_batch(athletes, folder, pool, on_row, meta)
        except KeyboardInterrupt:
            print(f"interrupted; the summary of what finished is in {out}; run the same command to resume",
                  file=sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:  # a full disk, a folder made read-only meanwhile: the plans so far are kept
            fail(f"-o {out}: cannot write there any more ({exc.strerror or exc}); free space or fix the folder, "
                 "then run the same command to resume.", debug)
    report(run, out)
    with_plan = run.counts["with_plan"]
    raise typer.Exit(EXIT_OK if with_plan == len(run.rows) else EXIT_SOME if with_plan else EXIT_NONE)


@contextmanager
def term_as_interrupt() -> Iterator[None]:
    """SIGTERM (a scheduler or `kill` stopping the batch) is handled as Ctrl-C: workers stopped, summary kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class ProgressBar:
    """A rich progress bar on stderr (hidden when stderr is not a terminal); yields the per-row callback."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[problems]}"), TimeElapsedColumn(),
                                 console=console, transient=True, disable=not console.is_terminal)
        self.task = self.progress.add_task("athletes", total=total, problems="")
        self.without_plan = 0

    def __enter__(self):
        self.progress.start()
        return self.advance

    def advance(self, row: SummaryRow) -> None:
        self.without_plan += not row.has_plan
        self.progress.update(self.task, advance=1, problems=f"{self.without_plan} without a plan" if self.without_plan else "")

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def report(run: BatchRun, out: Path) -> None:
    """Counts, speed, where the files are, and the athletes without a plan (the first few)."""
    c = run.counts
    by_status = ", ".join(f"{n} {s.upper()}" for s, n in c.items() if s not in ("athletes", "with_plan", "resumed"))
    print(f"{c['athletes']} athletes: {c['with_plan']} with a plan ({by_status})"
          + (f"; {c['resumed']} already done for the same input (skipped)" if c["resumed"] else ""))
    if run.results:
        rate = 60.0 * sum(r.has_plan for r in run.results) / run.wall_s if run.wall_s > 0 else 0.0
        print(f"solved {len(run.results)} on {run.workers} worker(s) in {run.wall_s:.1f} s ({rate:.0f} plans a minute)")
    print(f"summary: {out / 'summary.csv'} and summary.json; plans in {out / 'plans'}")
    problems = [r for r in run.rows if not r.has_plan]
    for row in problems[:SHOWN_PROBLEMS]:
        print(f"  {row.athlete} {row.status}: {row.error}")
    if len(problems) > SHOWN_PROBLEMS:
        print(f"  ... and {len(problems) - SHOWN_PROBLEMS} more without a plan (summary.csv)")


def register(app: typer.Typer) -> None:
    short = "Plan many athletes (a folder or a table) on a process pool or Ray: plans, summary, resume."
    app.command("batch", help=HELP, short_help=short)(batch_command)
