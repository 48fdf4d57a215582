"""Reading every file found: each becomes activities or a skipped entry, never a traceback.

A file that cannot be read (truncated, corrupt, too large, not an activity) is named in the
skipped list with the reason and counted. The user's own training-log CSV is the exception: a
bad value there is an :class:`InputError` (exit 2) naming the line and column, because it is
the user's to fix and silently dropping rows would change their history.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from dataclasses import dataclass, field

from peakplan.errors import InputError
from peakplan.history.activity import RUNNING, UNKNOWN, Activity, Unusable
from peakplan.history.csv_reader import read_log_csv
from peakplan.history.fit_reader import read_fit
from peakplan.history.gpx_reader import read_gpx
from peakplan.history.model import Skipped
from peakplan.history.races import looks_like_test
from peakplan.history.sources import Container, Item, TooLarge
from peakplan.history.strava import StravaIndex, is_strava_index, read_index
from peakplan.history.tcx_reader import read_tcx

READ_ERRORS = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError, EOFError, ValueError)


@dataclass
class Found:
    activities: list[Activity] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    other_sports: dict[str, int] = field(default_factory=dict)

    def skip(self, source: str, problem: Unusable) -> None:
        self.skipped.append(Skipped(source=source, kind=problem.kind, reason=problem.reason))

    def other(self, source: str, sport: str, reason: str) -> None:
        self.other_sports[sport] = self.other_sports.get(sport, 0) + 1
        self.skipped.append(Skipped(source=source, kind="other_sport", reason=reason))


def _parse(item: Item, data: bytes, zone: dt.tzinfo | None) -> list[Activity]:
    if item.kind == "fit":
        return read_fit(item.name, data, zone)
    if item.kind == "gpx":
        return read_gpx(item.name, data, zone)
    if item.kind == "tcx":
        return read_tcx(item.name, data, zone)
    if is_strava_index(data):
        raise Unusable("not_activity", "is a Strava activities.csv not at the top of its export; give the export folder")
    return read_log_csv(item.name, data)


def _read(item: Item, zone: dt.tzinfo | None) -> list[Activity]:
    """The item's activities; Unusable for anything that stops it being read."""
    try:
        return _parse(item, item.read(), zone)
    except (InputError, Unusable):
        raise
    except TooLarge as exc:
        raise Unusable("too_large", str(exc)) from None
    except READ_ERRORS as exc:
        raise Unusable("unreadable", f"cannot be read ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # a third-party parser's own failure on malformed input: the file is unusable
        raise Unusable("unreadable", f"cannot be decoded ({type(exc).__name__}: {exc})") from None


def _keep(found: Found, activity: Activity) -> None:
    sport = activity.resolved_sport()
    if sport == RUNNING:
        found.activities.append(activity)
    elif sport == UNKNOWN:
        found.other(activity.source, UNKNOWN, "no sport stated, and its moving speed is not a running speed")
    else:
        found.other(activity.source, sport, f"{sport.replace('_', ' ')}, not running")


def _index(container: Container, found: Found, zone: dt.tzinfo | None) -> StravaIndex | None:
    if container.strava_index is None:
        return None
    try:
        data = container.strava_index.read()
    except (TooLarge, *READ_ERRORS) as exc:
        raise InputError(f"{container.strava_index.name}: Strava's index cannot be read ({exc}).") from None
    if not is_strava_index(data):
        container.items.append(container.strava_index)  # a training log that happens to be called activities.csv
        return None
    index = read_index(container.strava_index.name, data, zone)
    found.skipped += index.skipped
    for activity in index.manual:
        _keep(found, activity)
    return index


def _apply(activity: Activity, index: StravaIndex | None, member: str) -> None:
    entry = index.entry(member) if index else None
    if entry is None:
        return
    if activity.sport == UNKNOWN:
        activity.sport = entry.sport
    activity.name = entry.name or activity.name
    activity.sub_sport = activity.sub_sport or entry.sub_sport
    activity.test = activity.test or looks_like_test([entry.name])


def read_containers(containers: list[Container], zone: dt.tzinfo | None) -> Found:
    found = Found()
    for container in containers:
        index = _index(container, found, zone)
        for item in container.items:
            entry = index.entry(item.member) if index else None
            if entry is not None and entry.sport not in (RUNNING, UNKNOWN):
                found.other(item.name, entry.sport, f"{entry.sport.replace('_', ' ')} (Strava's index), not running")
                continue
            try:
                activities = _read(item, zone)
            except Unusable as problem:
                found.skip(item.name, problem)
                continue
            for activity in activities:
                _apply(activity, index, item.member)
                _keep(found, activity)
    return found
