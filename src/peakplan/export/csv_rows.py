"""CSV export: one row per plan day (stdlib csv), the workout as one line."""

from __future__ import annotations

import csv
import io

from peakplan.export.plan_io import PlanView
from peakplan.workouts import workout_summary

COLUMNS = ("date", "weekday", "week", "phase", "session", "minutes", "km", "hard",
           "warmup_minutes", "main_minutes", "cooldown_minutes", "quality_minutes", "title", "workout")


def _row(day) -> list[object]:
    w, f = day.workout, day.fields
    return [day.date.isoformat(), f["weekday"], f["week"], f["phase"], f["session"], f["minutes"],
            f"{day.km:.2f}", str(bool(f.get("hard", False))).lower(),
            _minutes(w.part_s("warmup")), _minutes(w.part_s("main")), _minutes(w.part_s("cooldown")),
            _minutes(w.quality_s), w.title, workout_summary(w)]


def _minutes(seconds: int) -> str:
    return f"{seconds / 60:g}"


def to_csv(view: PlanView) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day in view.days:
        writer.writerow(_row(day))
    return buffer.getvalue().encode("utf-8")
