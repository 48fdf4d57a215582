"""CSV export: one row per plan day (stdlib csv), the workout as one line.

- Minutes of the parts (warm-up, main set, cool-down) are rounded to ``MINUTE_DECIMALS``
  decimals so that they still add up to the day's minutes (the largest remainders get the
  rounding); quality minutes are rounded the same way on their own.
- A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'``: spreadsheets would run it as a formula (CSV injection). Plan files are user
  input; a session or title may carry anything.
"""

from __future__ import annotations

import csv
import io

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.workouts import workout_summary

COLUMNS = ("date", "weekday", "week", "phase", "session", "minutes", "km", "hard",
           "warmup_minutes", "main_minutes", "cooldown_minutes", "quality_minutes", "title", "workout")
MINUTE_DECIMALS = 2
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """``value`` safe for a spreadsheet cell: never read as a formula; control characters (other
    than line breaks, which csv quotes) become spaces."""
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return "".join(c if c.isprintable() or c in "\n\t" else " " for c in value)


def _number(hundredths: int) -> str:
    text = f"{hundredths / 10**MINUTE_DECIMALS:.{MINUTE_DECIMALS}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def split_minutes(parts_s: list[int]) -> list[str]:
    """Seconds of each part as minutes to ``MINUTE_DECIMALS`` decimals, adding up like the seconds."""
    scale = 10**MINUTE_DECIMALS
    exact = [s * scale / 60 for s in parts_s]
    floors = [int(x) for x in exact]
    left = round(sum(exact)) - sum(floors)
    for i in sorted(range(len(exact)), key=lambda i: floors[i] - exact[i])[:max(left, 0)]:
        floors[i] += 1
    return [_number(f) for f in floors]


def _row(day: PlanDay) -> list[object]:
    w = day.workout
    if w is not None:
        warmup, main, cooldown = split_minutes([w.part_s("warmup"), w.part_s("main"), w.part_s("cooldown")])
        parts: list[object] = [warmup, main, cooldown, split_minutes([w.quality_s])[0], text_cell(w.title),
                               text_cell(workout_summary(w))]
    else:
        parts = [0, 0, 0, 0, "Rest day", ""]
    return [day.date.isoformat(), text_cell(day.weekday), day.week, text_cell(day.phase), text_cell(day.session),
            day.minutes, f"{day.km:.2f}", str(day.hard).lower(), *parts]


def to_csv(plan: PlanFile) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day in plan.days:
        writer.writerow(_row(day))
    return buffer.getvalue().encode("utf-8")
