"""The HTML calendar of a plan: one row per week, one cell per day with session, minutes, km and
the workout's steps with paces (from the plan's stored workouts)."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.vocabulary import RACE, REST, WEEKDAYS
from peakplan.workouts import workout_lines
from peakplan.workouts.text import pace_text


def step_lines(day: PlanDay) -> list[str]:
    """The workout's blocks, one line each (no title, no total)."""
    if day.workout is None:
        return []
    return [line.removeprefix("- ") for line in workout_lines(day.workout)[1:] if not line.startswith("Total")]


def paces_line(plan: PlanFile) -> str:
    """'Training paces (VDOT 45.2, per km): E 5:40–6:17, M ..., T ..., I ..., R ...' when known, else ''."""
    p = plan.paces
    if p is None:
        return ""
    easy = f"{pace_text(p.easy_s_per_km[0])}–{pace_text(p.easy_s_per_km[1])}"
    parts = [("E", easy), ("M", pace_text(p.marathon_s_per_km)), ("T", pace_text(p.threshold_s_per_km)),
             ("I", pace_text(p.interval_s_per_km)), ("R", pace_text(p.repetition_s_per_km))]
    return f"Training paces (VDOT {p.vdot:.1f}, per km): " + ", ".join(f"{k} {v}" for k, v in parts)


def _session_name(session: str) -> str:
    return "RACE" if session == RACE else session.replace("_", " ").capitalize()


def day_cell(day: PlanDay) -> str:
    kind = "rest" if day.session == REST else "race" if day.session == RACE else "hard" if day.hard else "easy"
    head = f'<div class="date">{day.date:%a %d %b}</div>'
    if kind == "rest":
        return f'<td class="day rest">{head}<div class="sess">Rest</div></td>'
    km = f" · {day.km:.1f} km" if day.km else ""
    body = f'<div class="sess">{escape(_session_name(day.session))}</div>' \
           f'<div class="vol">{day.minutes} min{km}</div>'
    steps = step_lines(day)
    if steps:
        body += '<ul class="steps">' + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ul>"
    return f'<td class="day {kind} s-{escape(day.session)}">{head}{body}</td>'


def calendar_html(plan: PlanFile, caption: str = "") -> str:
    """A <table class="calendar">: weeks as rows, weekdays (in the race week's order) as columns."""
    days = plan.days
    start = WEEKDAYS.index(next(d for d in days if d.week == days[-1].week).weekday)
    order = [WEEKDAYS[(start + i) % 7] for i in range(7)]
    by_week: dict[int, dict[str, str]] = defaultdict(dict)
    for day in days:
        by_week[day.week][day.weekday] = day_cell(day)
    head = "".join(f"<th>{d.capitalize()}</th>" for d in order)
    rows = []
    for week in plan.weeks:
        cells = by_week[week.week]
        tag = " · deload" if week.deload else ""
        label = (f'<th class="wk">Week {week.week}<div class="phase">{escape(week.phase.replace("_", " "))}'
                 f'{tag}</div><div class="vol">{week.minutes} min</div></th>')
        rows.append(f"<tr>{label}" + "".join(cells.get(d, '<td class="day none"></td>') for d in order) + "</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="calendar">{cap}<thead><tr><th>Week</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
