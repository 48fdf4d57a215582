"""The HTML calendar of a plan: one row per week, one cell per day with session, minutes, km and,
when a workout is known, its steps with paces.

Workouts come from a day's own ``workout`` entry, else from :mod:`peakplan.workouts` when that
package is installed and can build them; without either the cell shows session, minutes and km.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _lines(entry: Any) -> list[str]:
    """A plan day's ``workout`` entry (text with lines or ' · ' between blocks, a list, or a mapping)."""
    if isinstance(entry, str):
        return [part.strip() for line in entry.splitlines() for part in line.split(" · ") if part.strip()]
    if isinstance(entry, list | tuple):
        return [x if isinstance(x, str) else " ".join(f"{v}" for v in (x.values() if isinstance(x, dict) else [x]))
                for x in entry]
    if isinstance(entry, dict):
        steps = entry.get("steps") or entry.get("lines") or entry.get("blocks")
        head = [str(entry["title"])] if entry.get("title") else []
        return head + (_lines(steps) if steps else [])
    return []


def _built(plan: dict[str, Any]) -> list[list[str]] | None:
    """Step lines (each with its pace) from the peakplan.workouts builder; None when unavailable."""
    try:
        from peakplan.workouts import workout_lines as lines_of
        from peakplan.workouts import workouts_for_plan

        workouts = workouts_for_plan(plan)
    except Exception:  # noqa: BLE001 - the workouts package is optional: absent, or cannot build these days
        return None
    out = [[line.removeprefix("- ") for line in lines_of(w)[1:] if not line.startswith("Total")] for w in workouts]
    return out if len(out) == len(plan["days"]) else None


def workout_lines(plan: dict[str, Any]) -> list[list[str]]:
    """Step lines per plan day: built by peakplan.workouts when it can, else the days' own
    ``workout`` entries, else empty lists (the calendar then shows session, minutes and km)."""
    return _built(plan) or [_lines(d.get("workout")) for d in plan["days"]]


def paces_line(plan: dict[str, Any]) -> str:
    """'Training paces (VDOT 45.2): E 5:40–6:17/km, M ..., T ..., I ..., R ...' when known, else ''."""
    try:
        from peakplan.workouts import paces_for_plan
        from peakplan.workouts.text import pace_text

        p = paces_for_plan(plan)
        if p is None:
            return ""
        easy = f"{pace_text(p.easy_s_per_km[0])}–{pace_text(p.easy_s_per_km[1])}"
        parts = [("E", easy), ("M", pace_text(p.marathon_s_per_km)), ("T", pace_text(p.threshold_s_per_km)),
                 ("I", pace_text(p.interval_s_per_km)), ("R", pace_text(p.repetition_s_per_km))]
        return f"Training paces (VDOT {p.vdot:.1f}, per km): " + ", ".join(f"{k} {v}" for k, v in parts)
    except Exception:  # noqa: BLE001 - paces are optional decoration
        return ""


def _session_name(session: str) -> str:
    return "RACE" if session == "race" else session.replace("_", " ").capitalize()


def day_cell(day: dict[str, Any], steps: list[str]) -> str:
    date = dt.date.fromisoformat(day["date"])
    kind = "rest" if day["session"] == "rest" else "race" if day["session"] == "race" else \
        "hard" if day.get("hard") else "easy"
    head = f'<div class="date">{date:%a %d %b}</div>'
    if kind == "rest":
        return f'<td class="day rest">{head}<div class="sess">Rest</div></td>'
    km = f" · {day['km']:.1f} km" if day.get("km") else ""
    body = f'<div class="sess">{escape(_session_name(day["session"]))}</div>' \
           f'<div class="vol">{day["minutes"]} min{km}</div>'
    if steps:
        body += '<ul class="steps">' + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ul>"
    return f'<td class="day {kind} s-{escape(day["session"])}">{head}{body}</td>'


def calendar_html(plan: dict[str, Any], caption: str = "") -> str:
    """A <table class="calendar">: weeks as rows, weekdays (in the race week's order) as columns."""
    days = plan["days"]
    steps = workout_lines(plan)
    start = WEEKDAYS.index(next(d for d in days if d["week"] == days[-1]["week"])["weekday"])
    order = [WEEKDAYS[(start + i) % 7] for i in range(7)]
    by_week: dict[int, dict[str, str]] = defaultdict(dict)
    for day, lines in zip(days, steps, strict=True):
        by_week[int(day["week"])][day["weekday"]] = day_cell(day, lines)
    head = "".join(f"<th>{d.capitalize()}</th>" for d in order)
    rows = []
    for week in plan["weeks"]:
        cells = by_week[int(week["week"])]
        tag = " · deload" if week.get("deload") else ""
        label = (f'<th class="wk">Week {week["week"]}<div class="phase">{escape(week["phase"].replace("_", " "))}'
                 f'{tag}</div><div class="vol">{week["minutes"]} min</div></th>')
        rows.append(f"<tr>{label}" + "".join(cells.get(d, '<td class="day none"></td>') for d in order) + "</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="calendar">{cap}<thead><tr><th>Week</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
