"""The history file (``history.json``): an athlete's completed runs as days, tests and the rules used.

Days not listed are rest days (no running recorded). Every number a day carries comes from its
sessions; ``load_source`` says which rule gave each session's load (docs/history.md "Load").
The file carries no timings and no paths beyond the names given, so the same input gives the
same file.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

FORMAT = "peakplan-history/1"
LoadSource = Literal["rtss", "pace", "hr", "rpe", "duration"]
SkipKind = Literal["unreadable", "too_large", "other_sport", "not_activity", "duplicate", "no_data", "bad_test"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Session(_Frozen):
    """One run: where it came from, how long, how far, and its load."""

    source: str = Field(description="file name (inside a zip: zip name, colon, member name)")
    start: dt.datetime = Field(description="local start time (no time zone: the athlete's wall clock)")
    name: str | None = Field(default=None, description="the activity's name, when the file has one")
    sub_sport: str | None = Field(default=None, description="treadmill, trail, track... when the file says")
    minutes: float = Field(ge=0, description="moving minutes (stopped segments left out)")
    km: float | None = Field(default=None, ge=0, description="distance; None when the source has none")
    load: float = Field(ge=0, description="training load, hours x IF^2 x 100 (rTSS-like)")
    load_source: LoadSource = Field(description="rtss, pace, hr, rpe or duration (docs/history.md)")
    avg_hr: float | None = Field(default=None, description="average heart rate over the moving time, bpm")
    test: bool = Field(default=False, description="a race or time trial (also listed in tests)")


class Day(_Frozen):
    date: dt.date
    minutes: float = Field(ge=0)
    km: float = Field(ge=0, description="sum of the sessions' known distances")
    load: float = Field(ge=0)
    load_source: str = Field(description="the sessions' load sources, '+'-joined (e.g. pace+hr)")
    sessions: tuple[Session, ...]


class Test(_Frozen):
    """A race or time trial: a performance measurement in VDOT (Daniels & Gilbert)."""

    __test__: ClassVar[bool] = False  # not a pytest test class, whatever its name

    date: dt.date
    distance_m: float = Field(gt=0)
    time_s: float = Field(gt=0)
    vdot: float
    source: str
    name: str | None = None


class Skipped(_Frozen):
    source: str
    kind: SkipKind
    reason: str


class LoadRules(_Frozen):
    """The constants and options the loads were computed with (docs/history.md "Load")."""

    threshold_s_per_km: float | None = Field(description="threshold (Daniels T) pace; None if no session needed it")
    threshold_from: str = Field(description="where the threshold pace came from")
    segment_s: float
    stopped_speed_m_per_s: float
    intensity_cap: float
    hr_rest_bpm: float
    hr_threshold_bpm: float | None
    rpe_load_per_unit: float
    easy_intensity: float


class History(_Frozen):
    format: Literal["peakplan-history/1"] = "peakplan-history/1"
    first_date: dt.date
    last_date: dt.date
    vdot: float | None = Field(description="VDOT behind the threshold pace (None when a pace was given)")
    rules: LoadRules
    days: tuple[Day, ...] = Field(description="days with running, in date order; other days are rest")
    tests: tuple[Test, ...] = Field(description="races and time trials, in date order")
    skipped: tuple[Skipped, ...] = Field(description="files and activities left out, and why")
    other_sports: dict[str, int] = Field(description="activities of other sports, counted and skipped")

    @property
    def n_days(self) -> int:
        return (self.last_date - self.first_date).days + 1

    def daily_loads(self, start: dt.date | None = None, end: dt.date | None = None) -> np.ndarray:
        """Load of every calendar day from ``start`` (default first_date) to ``end`` inclusive, rest = 0."""
        return self._daily("load", start, end)

    def daily_minutes(self, start: dt.date | None = None, end: dt.date | None = None) -> np.ndarray:
        return self._daily("minutes", start, end)

    def _daily(self, field: str, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        start = start or self.first_date
        end = end or self.last_date
        out = np.zeros(max(0, (end - start).days + 1))
        for day in self.days:
            index = (day.date - start).days
            if 0 <= index < len(out):
                out[index] = getattr(day, field)
        return out
