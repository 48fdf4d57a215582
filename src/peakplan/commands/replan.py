"""`peakplan replan PLAN.json (--history H | --done F) -o new.json`: re-plan after real life."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from peakplan.commands.common import EXIT_INFEASIBLE, EXIT_NO_PLAN, fail, write_and_announce

HELP = ("Re-plan the rest of a block from what was really run: the days before --from are fixed as run (a "
        "history file from `peakplan history`, or a done file: date plus missed, minutes or status), the rest is "
        "solved again with the fewest changes to PLAN within --tolerance of the best re-plan's readiness, and "
        "missed training is never made up (no week above the original plan's). Prints what changed, week by "
        "week, and the predicted race time before and after (docs/replan.md).")


def replan_command(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.json", help="the plan being followed (`peakplan solve -o`)")],
    out: Annotated[Path, typer.Option("--out", "-o", help="the new plan file to write (atomically)")],
    history: Annotated[Path | None, typer.Option(help="history file (`peakplan history`): what was run")] = None,
    done: Annotated[Path | None, typer.Option(help="done file (YAML or CSV): date, then missed, minutes or "
                                                   "status per day; unlisted days ran as planned")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="first day to re-plan, YYYY-MM-DD (default: the day "
                                                             "after the history, or today for a done file)")] = None,
    set_: Annotated[list[str], typer.Option("--set", help="change the scenario: PATH=VALUE, e.g. "
                                                          "race.date=2027-05-09")] = [],  # noqa: B006
    blackout: Annotated[list[str], typer.Option(help="days without running from now on: DATE or START..END")] = [],  # noqa: B006
    ill: Annotated[list[str], typer.Option(help="an illness: START..END[:mild|moderate|severe]; no running, "
                                                "then easy days")] = [],  # noqa: B006
    tolerance: Annotated[float, typer.Option(help="share of the best re-plan's readiness gain given up for "
                                                  "fewer changes")] = 0.01,
    debug: Annotated[bool, typer.Option(help="show Python tracebacks")] = False,
) -> None:
    """Re-plan after real life (see HELP)."""
    from rich.console import Console

    from peakplan.files.atomic import prepare_output
    from peakplan.plan.io import read_plan
    from peakplan.replan import from_done_file, from_history, replan
    from peakplan.replan.diff import summary_lines, week_diffs
    from peakplan.replan.edits import parse_date

    if (history is None) == (done is None):
        fail("give what was run: either --history H.json (`peakplan history`) or --done F.yaml (date and missed / "
             "minutes per day), not both and not neither.")
    target = prepare_output(out, "--out")
    original = read_plan(plan_file)
    if target.kind == "file" and Path(out).resolve() == plan_file.resolve():
        fail(f"--out {out}: that is the plan being re-planned; write the new plan to another file.")
    ran = from_history(history) if history is not None else from_done_file(done)  # type: ignore[arg-type]
    start = parse_date(from_, "--from") if from_ is not None else None
    result = replan(original, ran, from_date=start, settings=list(set_), blackouts=list(blackout), ill=list(ill),
                    tolerance=tolerance)
    console = Console(width=None if sys.stdout.isatty() else 100)
    for note in result.notes:
        console.print(f"note: {note}", markup=False, highlight=False)
    if result.plan is None:
        console.print(f"no re-plan: {result.status}", markup=False)
        for line in result.explanation.lines() if result.explanation else []:
            console.print(f"  - {line}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INFEASIBLE if result.status == "INFEASIBLE" else EXIT_NO_PLAN)
    console.print(f"re-plan {result.status} from {result.plan.changes.from_date if result.plan.changes else ''}: "
                  f"{result.times_s.get('total', 0):.1f} s", markup=False)
    for line in summary_lines(original, result.plan, result.best):
        console.print(line, markup=False, highlight=False)
    for week in week_diffs(original, result.plan):
        console.print(f"week {week.week}: {week.original_minutes} -> {week.new_minutes} min"
                      + ("" if week.lines else " (unchanged)"), markup=False)
        for line in week.lines:
            console.print(f"  {line}", markup=False, highlight=False)
    write_and_announce(target, result.plan.to_json().encode("utf-8"), out, "plan", debug)


def register(app: typer.Typer) -> None:
    app.command("replan", help=HELP, short_help="Re-plan the rest of a block from what was really run.")(replan_command)

