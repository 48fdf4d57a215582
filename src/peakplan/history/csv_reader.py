"""A training log as CSV: one row per run (several rows may share a date).

Columns (header names, any order, comma, semicolon or tab separated):
``date`` (YYYY-MM-DD, or YYYY-MM-DD HH:MM for the start time) and ``minutes`` are required;
``km``, ``avg_hr``, ``rtss``, ``rpe`` (0-10), ``race`` or ``test`` (yes/1/x), ``distance`` and
``time`` (the race's distance, e.g. 10k or 10.0, and time h:mm:ss, when they differ from the
row's), ``sport`` and ``name`` are optional. A CSV is the user's own file, so a bad value is an
:class:`InputError` naming the file, line, column and fix, not a skipped row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

from peakplan.errors import InputError, closest
from peakplan.history.activity import RUNNING, Activity, sport_name
from peakplan.history.races import is_true
from peakplan.paces import distance_m
from peakplan.timefmt import parse_duration_s

REQUIRED = ("date", "minutes")
OPTIONAL = ("km", "avg_hr", "rtss", "rpe", "race", "test", "distance", "time", "sport", "name")
MAX_ROWS = 200_000
RANGES = {"minutes": (0.0, 1440.0), "km": (0.0, 400.0), "avg_hr": (25.0, 240.0), "rtss": (0.0, 2000.0),
          "rpe": (0.0, 10.0)}
NOON = dt.time(12, 0)


def _columns(header: list[str], source: str) -> list[str]:
    names = [h.strip().lower() for h in header]
    for name in names:
        if name and name not in REQUIRED + OPTIONAL:
            close = closest(name, REQUIRED + OPTIONAL)
            if close and close not in names:
                raise InputError(f"{source}, line 1: column `{name}` is not known. Did you mean `{close}`? "
                                 f"Columns: {', '.join(REQUIRED + OPTIONAL)}.")
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(f"{source}, line 1: the header has no `{missing[0]}` column. A training-log CSV needs "
                         f"`date` and `minutes` (optional: {', '.join(OPTIONAL)}); see docs/history.md.")
    return names


def _number(row: dict[str, str], column: str, where: Callable[[str], str]) -> float | None:
    text = row.get(column, "").strip()
    if text == "":
        return None
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise InputError(f"{where(column)} = {text!r} is not a number. Write a plain number such as 42.5.") from None
    low, high = RANGES[column]
    if not low <= value <= high:
        raise InputError(f"{where(column)} = {text!r} is outside {low:g}-{high:g}. Fix the value.")
    return value


def _start(text: str, where: Callable[[str], str]) -> dt.datetime:
    text = text.strip()
    try:
        if len(text) <= 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), NOON)
        return dt.datetime.fromisoformat(text.replace("T", " ")).replace(tzinfo=None)
    except ValueError:
        raise InputError(f"{where('date')} = {text!r} is not a date. Write it as YYYY-MM-DD (or "
                         "YYYY-MM-DD HH:MM).") from None


def _test_fields(row: dict[str, str], where: Callable[[str], str]) -> tuple[float | None, float | None]:
    distance, time_s = row.get("distance", "").strip(), row.get("time", "").strip()
    metres = seconds = None
    if distance:
        try:
            metres = distance_m(distance)
        except ValueError:
            raise InputError(f"{where('distance')} = {distance!r} is not a distance. Use 5k, 10k, half, marathon "
                             "or km such as 8.0.") from None
    if time_s:
        try:
            seconds = parse_duration_s(time_s)
        except ValueError:
            raise InputError(f"{where('time')} = {time_s!r} is not a time. Write it as h:mm:ss or mm:ss.") from None
    return metres, seconds


def _activity(row: dict[str, str], source: str, line: int) -> Activity:
    def where(column: str) -> str:
        return f"{source}, line {line}, column `{column}`"

    minutes = _number(row, "minutes", where)
    if minutes is None or minutes <= 0:
        raise InputError(f"{where('minutes')}: give the run's minutes (a number above 0).")
    km = _number(row, "km", where)
    test = is_true(row.get("race", "")) or is_true(row.get("test", ""))
    test_m, test_s = _test_fields(row, where)
    return Activity(source=f"{source}:{line}", start=_start(row.get("date", ""), where),
                    sport=sport_name(row.get("sport", "")) if row.get("sport", "").strip() else RUNNING,
                    elapsed_s=minutes * 60.0, distance_m=km * 1000.0 if km is not None else None,
                    name=row.get("name", "").strip() or None, avg_hr=_number(row, "avg_hr", where),
                    rpe=_number(row, "rpe", where), rtss=_number(row, "rtss", where),
                    test=test or test_m is not None, test_distance_m=test_m, test_time_s=test_s, rank=0)


def read_log_csv(source: str, data: bytes) -> list[Activity]:
    """The runs of a training-log CSV (every sport named in it; the builder keeps running)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: is not UTF-8 text ({exc.reason} at byte {exc.start}). Save it as UTF-8 CSV.") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise InputError(f"{source}: the CSV is empty. Give a header line with date,minutes and one row per run.")
    names = _columns(header, source)
    activities = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if line > MAX_ROWS:
            raise InputError(f"{source}: more than {MAX_ROWS:,} rows; split the file.")
        activities.append(_activity(dict(zip(names, values, strict=False)), source, line))
    return activities
