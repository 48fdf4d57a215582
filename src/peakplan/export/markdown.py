"""Markdown export: a printable plan with a heading and a table per week.

Every text from the plan file (title, phases, sessions, workout lines) goes through
:func:`md_text`: HTML is escaped (``<script>`` shows as text, never runs in a viewer), ``|`` and
line breaks and control characters become spaces (they could break the table, or steer a
terminal when the export goes to standard output), and ``](`` cannot make a link.
"""

from __future__ import annotations

import html
from itertools import groupby

from peakplan.paces import Paces
from peakplan.plan.file import PlanDay, PlanFile
from peakplan.vocabulary import RACE
from peakplan.workouts.text import clock, workout_lines

HEADER = "| Day | Date | Session | Min | km | Workout |\n|---|---|---|---:|---:|---|"


def md_text(text: str) -> str:
    """Plan text as literal Markdown: no HTML, no table breaks, no links."""
    printable = "".join(c if c.isprintable() else " " for c in text)  # no terminal escapes either
    return html.escape(printable, quote=False).replace("|", "\\|").replace("](", "]\\(")


def _cell(text: str) -> str:
    return md_text(text)


def paces_line(paces: Paces | None) -> str:
    if paces is None:
        return "Paces: none known (no recent race or goal time), so sessions are given by effort."
    slow, fast = paces.easy_s_per_km
    return (f"Paces (VDOT {paces.vdot:.1f}): easy {clock(slow)}–{clock(fast)}/km · marathon "
            f"{clock(paces.marathon_s_per_km)}/km · threshold {clock(paces.threshold_s_per_km)}/km · interval "
            f"{clock(paces.interval_s_per_km)}/km · repetition {clock(paces.repetition_s_per_km)}/km")


def _row(day: PlanDay) -> str:
    lines = workout_lines(day.workout, bullet="") if day.workout is not None else ["Rest day"]
    workout = "<br>".join(_cell(line) for line in lines[1:-1]) if len(lines) > 2 else ""
    title = day.workout.title if day.workout is not None else "Rest day"
    session = "**Race**" if day.session == RACE else _cell(title)
    km = f"{day.km:.1f}" if day.minutes else ""
    minutes = day.minutes or ""
    return f"| {md_text(day.weekday.capitalize())} | {day.date.isoformat()} | {session} | {minutes} | {km} | {workout} |"


def week_markdown(week: int, days: list[PlanDay], deload: bool = False) -> str:
    """A '## Week n' heading with the week's totals, then its table."""
    phase = md_text(days[0].phase.replace("_", " ")) + (" (recovery week)" if deload else "")
    minutes = sum(d.minutes for d in days)
    km = sum(d.km for d in days if d.minutes)
    head = f"## Week {week} · {phase} · {minutes} min · {km:.1f} km"
    return "\n".join([head, "", HEADER, *(_row(d) for d in days)])


def to_markdown(plan: PlanFile) -> bytes:
    parts = [f"# {md_text(plan.title)}", "", paces_line(plan.paces)]
    deloads = {w.week for w in plan.weeks if w.deload}
    for week, days in groupby(plan.days, key=lambda d: d.week):
        parts += ["", week_markdown(week, list(days), week in deloads)]
    return ("\n".join(parts) + "\n").encode("utf-8")
