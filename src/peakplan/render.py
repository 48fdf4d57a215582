"""Terminal rendering of a Result with rich: the week-by-week table and the summary."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table

from peakplan.result import Result

SHORT = {"rest": "·", "recovery": "rec", "easy": "E", "long": "LR", "strides": "st", "hills": "H",
         "tempo": "T", "intervals": "I", "repetitions": "R", "race_pace": "RP", "marathon_pace": "M",
         "race": "RACE"}
PHASE_SHORT = {"base": "base", "build": "build", "race_specific": "specific", "peak": "peak", "taper": "taper",
               "race_week": "race wk"}
LEGEND = ("E easy, rec recovery, st easy+strides, LR long run, H hills, T tempo, I intervals, R repetitions, "
          "RP race pace, M marathon pace; bold = hard day")


def _cell(session: str, minutes: int, hard: bool) -> str:
    if session == "rest":
        return "[dim]·[/dim]"
    text = f"{SHORT.get(session, session)}{minutes}"
    return f"[bold]{text}[/bold]" if hard else text


def plan_table(result: Result) -> Table:
    days = result.days
    first_of_week = next(d for d in days if d.week == days[-1].week)
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    start = names.index(first_of_week.weekday)
    order = [names[(start + i) % 7] for i in range(7)]
    table = Table(title=f"{result.scenario.name or 'Training block'}: minutes per day", caption=LEGEND,
                  header_style="bold cyan", show_lines=False, pad_edge=False)
    table.add_column("wk", justify="right")
    table.add_column("phase", no_wrap=True)
    for name in order:
        table.add_column(name.capitalize(), justify="right", no_wrap=True)
    for title in ("min", "load", "CTL", "ATL", "TSB"):
        table.add_column(title, justify="right")
    by_week = defaultdict(list)
    for d in days:
        by_week[d.week].append(d)
    for week in result.weeks:
        cells = {d.weekday: _cell(d.session, d.minutes, d.hard) for d in by_week[week.week]}
        last = by_week[week.week][-1]
        phase = PHASE_SHORT.get(week.phase, week.phase) + (" D" if week.deload else "")
        table.add_row(str(week.week), phase, *(cells.get(n, "") for n in order), str(week.minutes),
                      f"{week.load:.0f}", f"{last.ctl:.1f}", f"{last.atl:.1f}", f"{last.tsb:+.1f}")
    return table


def summary_lines(result: Result) -> list[str]:
    r = result.readiness
    lines = [
        f"status [bold]{result.status}[/bold]   readiness {result.objective:.3f} ({r['model']})   "
        f"bound {result.bound:.3f}   gap {result.gap:.2%}   solve {result.solve_time_s:.2f} s",
        f"race day: CTL {r['ctl']:.1f}  ATL {r['atl']:.1f}  TSB {r['tsb']:+.1f}",
    ]
    grouped: dict[str, list[str]] = defaultdict(list)
    for t in result.tight_rules:
        grouped[t.rule].append(t.where)
    if grouped:
        lines.append("tight rules (what drives this plan):")
        for rule, wheres in grouped.items():
            shown = ", ".join(dict.fromkeys(wheres))
            if len(shown) > 70:
                shown = shown[:67] + "..."
            lines.append(f"  {rule:<14} {len(wheres):>3} x  {shown}")
    return lines


def print_result(result: Result, console: Console) -> None:
    console.print(plan_table(result))
    for line in summary_lines(result):
        console.print(line)
