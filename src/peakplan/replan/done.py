"""What the athlete actually ran: from a history file (``peakplan history``) or a hand-written
done file that lists only the days that differ from the plan (docs/replan.md "What was done").

A done file is YAML (a list, or ``days:`` with a list) or CSV with a header. Each entry has a
``date`` and one of: ``missed: true`` (or ``status: missed``), ``minutes: N`` (run that long;
``session: TYPE`` optional, else the planned one), or ``status: done`` (as planned). Days not
listed were run as planned. In a history, days not listed are rest days.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peakplan.errors import InputError
from peakplan.files.yaml_source import SourceError, parse_yaml, read_text
from peakplan.vocabulary import MAX_DAY_MINUTES

FIELDS = ("date", "minutes", "session", "status", "missed")
FIX = "write one entry per day: date, and `missed: true` or `minutes: N` (optionally `session: TYPE`)"


@dataclass(frozen=True)
class Entry:
    minutes: int | None     # None: as planned
    session: str | None     # None: the planned session (or the matching rule for a history)


@dataclass(frozen=True)
class Done:
    """The days run: ``entries`` by date; ``listed_only`` says whether unlisted days are as planned
    (a done file) or rest (a history); ``last_date``: the last day the record covers."""

    entries: dict[dt.date, Entry]
    listed_only: bool
    source: str
    last_date: dt.date | None = None
    notes: list[str] = field(default_factory=list)

    def on(self, date: dt.date) -> Entry | None:
        return self.entries.get(date)


def from_history(path: Path) -> Done:
    from peakplan.history import read_history

    history = read_history(path)
    entries = {d.date: Entry(round(d.minutes), None) for d in history.days if round(d.minutes) > 0}
    return Done(entries, listed_only=False, source=str(path), last_date=history.last_date)


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    text = read_text(path, "done file")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        unknown = [c for c in reader.fieldnames or [] if c.strip() not in FIELDS]
        if unknown or "date" not in (reader.fieldnames or []):
            raise InputError(f"{path}: columns {reader.fieldnames}: a done CSV has a `date` column and any of "
                             f"{', '.join(FIELDS[1:])}; {FIX}.")
        return [(i + 2, {k.strip(): v.strip() for k, v in row.items() if v and v.strip()})
                for i, row in enumerate(reader)]
    data, lines = parse_yaml(text, str(path))
    items = data.get("days") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(f"{path}: a done file is a list of days (or `days:` with a list); {FIX}.")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InputError(f"{path}: entry {i + 1} is not a mapping; {FIX}.")
        out.append((lines.line((i,)) or lines.line(("days", i)) or i + 1, item))
    return out


def _entry(path: Path, line: int, row: dict[str, Any]) -> tuple[dt.date, Entry]:
    where = f"{path}, line {line}"
    unknown = [k for k in row if k not in FIELDS]
    if unknown:
        raise InputError(f"{where}: unknown field `{unknown[0]}`; the fields are {', '.join(FIELDS)}.")
    try:
        date = row["date"] if isinstance(row.get("date"), dt.date) else dt.date.fromisoformat(str(row["date"]))
    except (KeyError, ValueError):
        raise InputError(f"{where}: `date` is missing or not YYYY-MM-DD; {FIX}.") from None
    status = str(row.get("status", "")).lower()
    missed = row.get("missed") in (True, "true", "yes", "1") or status == "missed"
    if missed:
        return date, Entry(0, None)
    if "minutes" not in row:
        if status in ("", "done"):
            return date, Entry(None, row.get("session"))
        raise InputError(f"{where}: status {status!r}: use `done` or `missed`, or give `minutes`.")
    try:
        minutes = int(float(row["minutes"]))
    except (TypeError, ValueError):
        raise InputError(f"{where}: `minutes` = {row['minutes']!r} is not a number of minutes.") from None
    if not 0 <= minutes <= MAX_DAY_MINUTES:
        raise InputError(f"{where}: `minutes` = {minutes} is outside 0-{MAX_DAY_MINUTES}.")
    session = row.get("session")
    return date, Entry(minutes, str(session) if session else None)


def from_done_file(path: Path) -> Done:
    """A hand-written done file; InputError naming the file, line and fix on bad input."""
    try:
        rows = _rows(path)
    except SourceError as exc:
        raise InputError(f"{exc} ({FIX})") from None
    entries: dict[dt.date, Entry] = {}
    for line, row in rows:
        date, entry = _entry(path, line, row)
        if date in entries:
            raise InputError(f"{path}, line {line}: {date} is listed twice; give each day once.")
        entries[date] = entry
    return Done(entries, listed_only=True, source=str(path), last_date=max(entries, default=None))
