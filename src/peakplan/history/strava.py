"""Strava's bulk export: ``activities.csv`` beside an ``activities/`` folder of .fit/.gpx/.tcx(.gz).

The index gives each file its activity type (Run, Trail Run, Ride, ...) and name (a race is
recognised from it), so files of other sports are counted and skipped without being read.
Activities entered by hand have no file: they keep their elapsed time and get the duration
load rule (Strava's distance column is in the account's own unit, so their km is unknown).
The header repeats some names (two "Elapsed Time" columns); the first of each is used.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from peakplan.history.activity import Activity, local_clock, sport_name
from peakplan.history.model import Skipped
from peakplan.history.races import looks_like_test

HEADER_MARK = ("activity id", "activity type", "filename")
DATE_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%d %b %Y, %H:%M:%S", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Entry:
    sport: str
    sub_sport: str | None
    name: str | None


@dataclass
class StravaIndex:
    by_file: dict[str, Entry] = field(default_factory=dict)
    manual: list[Activity] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def entry(self, member: str) -> Entry | None:
        """The index entry of a file, also when the export sits in a top folder ("export_1/activities/...")."""
        parts = member.lower().lstrip("./").split("/")
        return next((self.by_file[key] for k in range(len(parts)) if (key := "/".join(parts[k:])) in self.by_file), None)


def is_strava_index(data: bytes) -> bool:
    head = data[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0].lower()
    return all(mark in head for mark in HEADER_MARK)


def _when(text: str) -> dt.datetime | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    return None


def _row(columns: dict[str, int], values: list[str]) -> dict[str, str]:
    return {name: values[i].strip() if i < len(values) else "" for name, i in columns.items()}


def _manual(row: dict[str, str], source: str, entry: Entry, zone: dt.tzinfo | None, index: StravaIndex) -> None:
    when = _when(row.get("activity date", ""))
    try:
        elapsed = float(row.get("elapsed time", ""))
    except ValueError:
        elapsed = 0.0
    if when is None or elapsed <= 0:
        index.skipped.append(Skipped(source=source, kind="no_data",
                                     reason="an entry without a file whose date or elapsed time cannot be read"))
        return
    index.manual.append(Activity(source=source, start=local_clock(None, zone)(when), sport=entry.sport,
                                 elapsed_s=elapsed, name=entry.name, sub_sport=entry.sub_sport,
                                 test=looks_like_test([entry.name]), rank=0, start_utc=when))


def read_index(source: str, data: bytes, zone: dt.tzinfo | None = None) -> StravaIndex:
    """The index of one export; rows it cannot use are listed as skipped."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        columns.setdefault(name, i)
    index = StravaIndex()
    for line, values in enumerate(reader, start=2):
        row = _row(columns, values)
        kind = row.get("activity type", "")
        entry = Entry(sport_name(kind), "trail" if kind.lower() == "trail run" else None, row.get("activity name") or None)
        filename = row.get("filename", "")
        if filename:
            index.by_file[filename.lower().lstrip("./")] = entry
        else:
            _manual(row, f"{source}:{line}", entry, zone, index)
    return index
