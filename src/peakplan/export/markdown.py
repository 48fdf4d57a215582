"""Markdown export: a printable plan with a heading and a table per week."""

from __future__ import annotations

from itertools import groupby

from peakplan.export.plan_io import PlanDay, PlanView
from peakplan.paces import Paces
from peakplan.workouts.text import clock, workout_lines

HEADER = "| Day | Date | Session | Min | km | Workout |\n|---|---|---|---:|---:|---|"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def paces_line(paces: Paces | None) -> str:
    if paces is None:
        return "Paces: none known (no recent race or goal time), so sessions are given by effort."
    slow, fast = paces.easy_s_per_km
    return (f"Paces (VDOT {paces.vdot:.1f}): easy {clock(slow)}–{clock(fast)}/km · marathon "
            f"{clock(paces.marathon_s_per_km)}/km · threshold {clock(paces.threshold_s_per_km)}/km · interval "
            f"{clock(paces.interval_s_per_km)}/km · repetition {clock(paces.repetition_s_per_km)}/km")


def _row(day: PlanDay) -> str:
    f = day.fields
    lines = workout_lines(day.workout, bullet="")
    workout = "<br>".join(_cell(line) for line in lines[1:-1]) if len(lines) > 2 else ""
    session = "**Race**" if f["session"] == "race" else _cell(day.workout.title)
    km = f"{day.km:.1f}" if f["minutes"] else ""
    minutes = f["minutes"] or ""
    return f"| {f['weekday'].capitalize()} | {day.date.isoformat()} | {session} | {minutes} | {km} | {workout} |"


def week_markdown(week: int, days: list[PlanDay], deload: bool = False) -> str:
    """A '## Week n' heading with the week's totals, then its table."""
    phase = days[0].fields["phase"].replace("_", " ") + (" (recovery week)" if deload else "")
    minutes = sum(d.fields["minutes"] for d in days)
    km = sum(d.km for d in days if d.fields["minutes"])
    head = f"## Week {week} · {phase} · {minutes} min · {km:.1f} km"
    return "\n".join([head, "", HEADER, *(_row(d) for d in days)])


def to_markdown(view: PlanView) -> bytes:
    parts = [f"# {view.title}", "", paces_line(view.paces)]
    deloads = {w.get("week") for w in view.plan.get("weeks") or [] if isinstance(w, dict) and w.get("deload")}
    for week, days in groupby(view.days, key=lambda d: d.fields["week"]):
        parts += ["", week_markdown(week, list(days), week in deloads)]
    return ("\n".join(parts) + "\n").encode("utf-8")
