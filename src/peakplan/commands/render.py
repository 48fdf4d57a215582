"""Terminal rendering of a Result with rich: the week-by-week table, paces, workouts, summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from peakplan.result import Result

SHORT = {"rest": "·", "recovery": "rec", "easy": "E", "long": "LR", "strides": "st", "hills": "H",
         "tempo": "T", "intervals": "I", "repetitions": "R", "race_pace": "RP", "marathon_pace": "M",
         "race": "RACE"}
PHASE_SHORT = {"base": "base", "build": "build", "race_specific": "specific", "peak": "peak", "taper": "taper",
               "race_week": "race wk"}
LEGEND = ("E easy, rec recovery, st easy+strides, LR long run, H hills, T tempo, I intervals, R repetitions, "
          "RP race pace, M marathon pace; bold = hard day. CTL/ATL at the week's end; TSB = form on its last "
          "day (CTL - ATL of the day before)")


PHASE_NARROW = {"base": "base", "build": "build", "race_specific": "spec", "peak": "peak", "taper": "taper",
                "race_week": "race"}
WIDE_COLUMNS = 110  # below this the table drops its borders and shortens phase names
NARROW_COLUMNS = 80  # below this it also drops the load and ATL columns


def _cell(session: str, minutes: int, hard: bool) -> str:
    if session == "rest":
        return "[dim]·[/dim]"
    text = escape(f"{SHORT.get(session, session)}{minutes}")  # a catalogue's names are user text, not markup
    return f"[bold]{text}[/bold]" if hard else text


def plan_table(result: Result, width: int | None = None) -> Table:
    """The week-by-week table; on a console narrower than ``WIDE_COLUMNS`` it drops its borders and
    shortens phase names, narrower than ``NARROW_COLUMNS`` it also leaves out load and ATL, so
    every number stays readable (never cut to '…')."""
    days = result.days
    first_of_week = next(d for d in days if d.week == days[-1].week)
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    start = names.index(first_of_week.weekday)
    order = [names[(start + i) % 7] for i in range(7)]
    wide = width is None or width >= WIDE_COLUMNS
    totals = ("min", "load", "CTL", "ATL", "TSB") if width is None or width >= NARROW_COLUMNS else ("min", "CTL", "TSB")
    title = f"{escape(result.scenario.name or 'Training block')}: minutes per day"
    table = Table(title=title, caption=LEGEND, header_style="bold cyan", show_lines=False, pad_edge=False)
    if not wide:
        table.box, table.collapse_padding, table.caption_justify = None, True, "left"
    table.add_column("wk", justify="right")
    table.add_column("phase", no_wrap=True)
    for name in order:
        table.add_column(name.capitalize(), justify="right", no_wrap=True)
    for column in totals:
        table.add_column(column, justify="right", no_wrap=True)
    by_week = defaultdict(list)
    for d in days:
        by_week[d.week].append(d)
    phases = PHASE_SHORT if wide else PHASE_NARROW
    for week in result.weeks:
        cells = {d.weekday: _cell(d.session, d.minutes, d.hard) for d in by_week[week.week]}
        last = by_week[week.week][-1]
        phase = escape(phases.get(week.phase, week.phase)) + (" D" if week.deload else "")
        numbers = {"min": str(week.minutes), "load": f"{week.load:.0f}", "CTL": f"{last.ctl:.1f}",
                   "ATL": f"{last.atl:.1f}", "TSB": f"{last.tsb:+.1f}"}
        table.add_row(str(week.week), phase, *(cells.get(n, "") for n in order), *(numbers[c] for c in totals))
    return table


def readiness_unit(result: Result) -> str:
    """'VDOT', or the readiness model's kind when its unit is not a runner's."""
    unit = getattr(result.scenario.readiness, "unit", "")
    return "VDOT" if unit == "vdot" else f"{result.readiness.model} units"


def prediction_lines(result: Result) -> list[str]:
    """The predicted finish time and VDOT, against stopping now and training on as now."""
    p = result.plan.prediction if result.plan is not None else None
    if p is None:
        return []
    from peakplan.timefmt import clock

    race = result.scenario.race
    name = race.distance if isinstance(race.distance, str) else f"{race.distance:g} km"
    time = clock(p.race_time_s) if p.race_time_s is not None else "—"
    now = clock(p.current_race_time_s) if p.current_race_time_s is not None else "—"
    return [f"predicted {name} on race day: [bold]{time}[/bold] (VDOT {p.race_day_vdot:.1f}; today {now} at VDOT "
            f"{p.current_vdot:.1f}, from {p.current_source})",
            f"  gain: {p.gain_over_keep_training:+.2f} VDOT over training on as now, {p.gain_over_no_training:+.2f} over "
            "stopping now"]


def summary_lines(result: Result) -> list[str]:
    r = result.readiness
    lines = [
        (f"status [bold]{result.status}[/bold]   readiness {result.objective:.3f} {readiness_unit(result)} "
         f"({result.scenario.model.readiness})   bound {result.bound:.3f}   gap {result.gap:.2%}   "
         f"solve {result.solve_time_s:.2f} s"),
        *prediction_lines(result),
        f"entering race day: CTL {r.ctl:.1f}  ATL {r.atl:.1f}  TSB {r.tsb:+.1f}",
    ]
    grouped: dict[str, list[str]] = defaultdict(list)
    for t in result.tight_rules:
        grouped[escape(t.rule)].append(t.where)
    if grouped:
        lines.append("tight rules (what drives this plan):")
        for rule, wheres in grouped.items():
            shown = ", ".join(dict.fromkeys(wheres))
            if len(shown) > 70:
                shown = shown[:67] + "..."
            shown = escape(shown)
            lines.append(f"  {rule:<14} {len(wheres):>3} x  {shown}")
    return lines


def print_result(result: Result, console: Console, workout_weeks: AbstractSet[int] | None = frozenset({1})) -> None:
    """The week table, the paces, the workouts of ``workout_weeks`` (None: all), the summary."""
    console.print(plan_table(result, console.width))
    paces = paces_line(result)
    console.print(paces or "paces: no race result or goal time in the scenario, so workouts show effort names")
    table = workouts_table(result, None if workout_weeks is None else set(workout_weeks))
    if workout_weeks is not None:
        table.title = f"Workouts of week {', '.join(map(str, sorted(workout_weeks)))} (--workouts for every week)"
    console.print(table)
    for line in summary_lines(result):
        console.print(line)


def paces_line(result: Result) -> str | None:
    """Training paces the workouts use (Daniels VDOT from the recent race or goal time)."""
    from peakplan.workouts.text import pace_text

    paces = result.plan.paces if result.plan is not None else None
    if paces is None:
        return None
    e_slow, e_fast = paces.easy_s_per_km
    return (f"paces (VDOT {paces.vdot:.1f}): E {pace_text(e_slow)}–{pace_text(e_fast)}  M {pace_text(paces.marathon_s_per_km)}"
            f"  T {pace_text(paces.threshold_s_per_km)}  I {pace_text(paces.interval_s_per_km)}"
            f"  R {pace_text(paces.repetition_s_per_km)} /km")


def workouts_table(result: Result, weeks: AbstractSet[int] | None = None) -> Table:
    """Day by day: date, session, minutes, km and the structured workout."""
    from peakplan.workouts.text import workout_summary

    table = Table(title="Workouts", header_style="bold cyan", show_lines=False)
    for title, justify in (("wk", "right"), ("date", "left"), ("day", "left"), ("session", "left"),
                           ("min", "right"), ("km", "right"), ("workout", "left")):
        table.add_column(title, justify=justify)  # type: ignore[arg-type]
    for d in result.days:
        if d.session == "rest" or (weeks is not None and d.week not in weeks):
            continue
        table.add_row(str(d.week), d.date.isoformat(), d.weekday, Text(d.session), str(d.minutes), f"{d.km:.1f}",
                      Text(workout_summary(d.workout) if d.workout is not None else ""))
    return table
