"""`peakplan history FILES... -o history.json`: completed runs into a history file, with a summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from peakplan.commands.common import fail
from peakplan.timefmt import clock, parse_duration_s

if TYPE_CHECKING:
    from peakplan.history.model import History
    from peakplan.history.summary import Summary

SHOWN_SKIPS = 12


def _pace_s(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        seconds = parse_duration_s(text)
    except ValueError:
        fail(f"--threshold-pace {text!r} is not a pace; write it as m:ss per km, e.g. --threshold-pace 4:30.")
    if not 120 <= seconds <= 900:
        fail(f"--threshold-pace {text!r} is outside 2:00-15:00 per km; give the pace per km you can hold for an hour.")
    return seconds


def check_output(out: Path, inputs: list[Path], marker: str, what: str) -> None:
    """Refuse to overwrite an input, or an existing file that is not one of ours (``marker`` in its head)."""
    target = out.resolve()
    if any(target == p.resolve() for p in inputs):
        fail(f"-o {str(out)!r} is one of the inputs; choose another output file (inputs are never overwritten).")
    if target.is_dir():
        fail(f"-o {str(out)!r} is a folder; give a file name such as {what}.")
    if target.exists():
        try:
            head = target.open("rb").read(4096).decode("utf-8", errors="replace")
        except OSError as exc:
            fail(f"-o {str(out)!r} cannot be read to check it ({exc.strerror or exc}).")
        if marker not in head:
            fail(f"-o {str(out)!r} exists and was not written by peakplan; choose another name or remove it "
                 "first (peakplan never overwrites a file it did not write).")


def _render(history: History, summary: Summary, console: Console) -> None:
    s = summary
    console.print(f"history {s.first_date} .. {s.last_date}: {s.running_days} running days, {s.sessions} runs, "
                  f"{s.km:,.1f} km, {s.minutes / 60:,.1f} h")
    console.print("load from: " + ", ".join(f"{k} {v}" for k, v in s.load_sources.items()))
    console.print("last 4 weeks (minutes, oldest first): " + "  ".join(f"{m:.0f}" for m in s.weekly_minutes_last_4))
    console.print(f"after {s.last_date}: CTL {s.ctl:.1f}  ATL {s.atl:.1f}  TSB {s.tsb:+.1f} (42/7-day PMC)")
    if s.best_race is not None:
        race = s.best_race
        console.print(f"best recent race: {race.date} {race.distance_m / 1000:.2f} km in {clock(race.time_s)}, "
                      f"VDOT {race.vdot:.1f}")
    console.print(f"tests: {len(history.tests)}; threshold pace: "
                  + (f"{clock(history.rules.threshold_s_per_km)}/km" if history.rules.threshold_s_per_km else "none")
                  + f" ({history.rules.threshold_from})")
    if s.other_sports:
        console.print("other sports (skipped): " + ", ".join(f"{k} {v}" for k, v in s.other_sports.items()))
    shown = [k for k in history.skipped if k.kind != "other_sport"]
    if shown:
        console.print(f"skipped {len(shown)}: " + ", ".join(f"{k} {v}" for k, v in s.skipped.items() if k != "other_sport"))
        for item in shown[:SHOWN_SKIPS]:
            console.print(f"  {item.source}: {item.reason}", markup=False, highlight=False)
        if len(shown) > SHOWN_SKIPS:
            console.print(f"  ... and {len(shown) - SHOWN_SKIPS} more (listed in the history file)")
    for warning in s.warnings:
        console.print(f"warning: {warning}", markup=False)


def history_command(
    files: Annotated[list[Path], typer.Argument(help="activity files (.fit .gpx .tcx .csv, .gz), folders, zips, "
                                                     "a Garmin or Strava export")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="history file to write (JSON, atomically)")] = None,
    vdot: Annotated[float | None, typer.Option("--vdot", help="VDOT for the threshold pace (default: best race)")] = None,
    threshold_pace: Annotated[str | None, typer.Option("--threshold-pace", help="threshold pace m:ss per km")] = None,
    hr_rest: Annotated[float, typer.Option("--hr-rest", help="resting heart rate, bpm (heart-rate load)")] = 60.0,
    hr_threshold: Annotated[float | None, typer.Option("--hr-threshold", help="threshold heart rate, bpm: enables "
                                                                              "heart-rate load without pace")] = None,
    timezone: Annotated[str | None, typer.Option("--timezone", help="IANA zone for dates, e.g. Europe/Paris "
                                                                    "(default: each file's own offset, else UTC)")] = None,
) -> None:
    """Import completed runs: days with minutes, km and load, races as tests, skipped files named."""
    if hr_threshold is not None and not 25 <= hr_rest < hr_threshold <= 240:
        fail(f"--hr-rest {hr_rest:g} and --hr-threshold {hr_threshold:g}: need 25 <= rest < threshold <= 240 bpm.")
    from peakplan.history.build import ImportOptions, import_history
    from peakplan.history.io import history_json
    from peakplan.history.model import FORMAT
    from peakplan.history.summary import summarize

    if out is not None:
        check_output(out, files, FORMAT, "history.json")
    options = ImportOptions(vdot=vdot, threshold_s_per_km=_pace_s(threshold_pace), hr_rest_bpm=hr_rest,
                            hr_threshold_bpm=hr_threshold, timezone=timezone)
    history = import_history(files, options)
    console = Console(soft_wrap=True)
    _render(history, summarize(history), console)
    if out is not None:
        from peakplan.files.atomic import write_text_atomic

        try:
            write_text_atomic(out, history_json(history))
        except OSError as exc:
            fail(f"-o {str(out)!r} cannot be written ({exc.strerror or exc}); choose a file in a writable folder.")
        typer.echo(f"wrote {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command("history")(history_command)
