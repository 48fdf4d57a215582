"""CSV export: one row per plan day (stdlib csv), the workout as one line."""

from __future__ import annotations

import csv
import io

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.workouts import workout_summary

COLUMNS = ("date", "weekday", "week", "phase", "session", "minutes", "km", "hard",
           "warmup_minutes", "main_minutes", "cooldown_minutes", "quality_minutes", "title", "workout")


def _row(day: PlanDay) -> list[object]:
    w = day.workout
    parts = [_minutes(w.part_s("warmup")), _minutes(w.part_s("main")), _minutes(w.part_s("cooldown")),
             _minutes(w.quality_s), w.title, workout_summary(w)] if w is not None else [0, 0, 0, 0, "Rest day", ""]
    return [day.date.isoformat(), day.weekday, day.week, day.phase, day.session, day.minutes,
            f"{day.km:.2f}", str(day.hard).lower(), *parts]


def _minutes(seconds: int) -> str:
    return f"{seconds / 60:g}"


def to_csv(plan: PlanFile) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day in plan.days:
        writer.writerow(_row(day))
    return buffer.getvalue().encode("utf-8")
