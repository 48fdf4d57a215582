"""What every reader turns a file (or a CSV row) into: an :class:`Activity` made of moving segments.

Readers do not compute loads; :mod:`peakplan.history.load` does, from the segments, after the
threshold pace is known (it may come from a race found in the same files).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from peakplan.history.model import SkipKind

# A file whose sport is not stated counts as running when its moving speed is in this band
# (a slow jog to a fast race; walking is about 1.4 m/s, cycling mostly above 6.5 m/s): a rule of
# thumb, stated in docs/history.md ("Sports").
RUNNING_SPEED_M_PER_S = (1.7, 6.5)
RUNNING = "running"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Segment:
    """A stretch of moving time: duration, distance (None: no pace data) and mean heart rate."""

    duration_s: float
    distance_m: float | None = None
    hr_bpm: float | None = None

    @property
    def speed_m_per_s(self) -> float | None:
        if self.distance_m is None or self.duration_s <= 0:
            return None
        return self.distance_m / self.duration_s


@dataclass
class Activity:
    """One session as read from a file or a CSV row, before loads are computed."""

    source: str
    start: dt.datetime                     # local wall clock, naive
    sport: str                             # "running", another sport's name, or "unknown"
    segments: list[Segment] = field(default_factory=list)
    elapsed_s: float = 0.0
    distance_m: float | None = None
    name: str | None = None
    sub_sport: str | None = None
    avg_hr: float | None = None
    rpe: float | None = None
    rtss: float | None = None
    test: bool = False
    test_distance_m: float | None = None   # CSV: the race distance when it differs from the session's
    test_time_s: float | None = None
    rank: int = 0                          # which copy wins among duplicates (FIT 3, TCX 2, GPX 1, CSV 0)
    start_utc: dt.datetime | None = None   # aware; None for CSV rows (a date, maybe a wall-clock time)

    @property
    def moving_s(self) -> float:
        return sum(s.duration_s for s in self.segments) if self.segments else self.elapsed_s

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.elapsed_s)

    def mean_hr(self) -> float | None:
        """Time-weighted heart rate over the moving segments that have one, else the file's average."""
        timed = [(s.duration_s, s.hr_bpm) for s in self.segments if s.hr_bpm is not None]
        total = sum(t for t, _ in timed)
        if total > 0:
            return sum(t * hr for t, hr in timed if hr is not None) / total
        return self.avg_hr

    def resolved_sport(self) -> str:
        """The stated sport, or running/unknown by the moving-speed band when none is stated."""
        if self.sport != UNKNOWN:
            return self.sport
        if self.distance_m is None or self.moving_s <= 0:
            return UNKNOWN
        low, high = RUNNING_SPEED_M_PER_S
        return RUNNING if low <= self.distance_m / self.moving_s <= high else UNKNOWN


def valid_hr(value: object) -> float | None:
    """A heart rate in bpm, or None for missing and impossible values (0, 255 = 'invalid' in FIT)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return None
    return float(value) if 25 <= value <= 240 else None


def sport_name(value: object) -> str:
    """A file's sport word in peakplan's vocabulary: running, unknown, or the other sport's name."""
    text = str(value or "").strip().lower().replace(" ", "_")
    if text in ("", "generic", "other", "all", "none"):
        return UNKNOWN
    if text in ("running", "run", "trail_run", "virtual_run", "treadmill", "trail_running"):
        return RUNNING
    return {"biking": "cycling", "ride": "cycling"}.get(text, text)


class Unusable(Exception):  # noqa: N818 - a verdict on a file, not an error of ours
    """A file or entry that is left out, with the kind and reason for the skipped list."""

    def __init__(self, kind: SkipKind, reason: str):
        super().__init__(reason)
        self.kind: SkipKind = kind
        self.reason = reason


def local_clock(offset: dt.timedelta | None, zone: dt.tzinfo | None) -> Callable[[dt.datetime], dt.datetime]:
    """Aware UTC times to the athlete's naive wall clock: the --timezone zone, else the file's own
    offset, else UTC (a date near midnight may then fall on the neighbouring day)."""
    def convert(moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        if zone is not None:
            return moment.astimezone(zone).replace(tzinfo=None)
        return (moment.astimezone(dt.UTC) + (offset or dt.timedelta(0))).replace(tzinfo=None)
    return convert
