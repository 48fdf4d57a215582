"""Read the plan's ``days`` list into per-day arrays on the scenario's calendar.

Structural problems (an entry that is not an object, a missing or malformed date, session or
minutes, a date outside the block, a duplicate or missing date) become ``plan_consistency``
violations; the day is then read as rest so that every other family can still run.
The race day (``T``) carries no training minutes: its session is the race
(docs/plan-format.md; docs/rules.md "Calendar": the race is excluded from volumes). A tune-up
day's ``tune_up`` session is loaded at the even pace of the tune-up's own distance (docs/rules.md
"Load").
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from peakplan.modelfiles import Catalogue, SessionType
from peakplan.paces import Paces
from peakplan.validate.layout import Layout
from peakplan.validate.session_load import per_minute
from peakplan.validate.violation import Violation

CONSISTENCY = "plan_consistency"
TUNE_UP = "tune_up"  # the session type of a tune-up race (docs/rules.md, tune_up)
MAX_READ_MINUTES = 10**6


def session_type(catalogue: Catalogue, name: str) -> SessionType | None:
    """The catalogue entry of ``name``; ``rest`` is always allowed (docs/rules.md, sessions)."""
    return catalogue.type_of(name)


@dataclass
class PlanDays:
    """Per-day arrays (index = day ``d``); unknown sessions have IF 0, not hard, not long."""

    session: list[str]
    minutes: np.ndarray  # int, race day 0
    hard: np.ndarray  # bool: hard training session, and the race day
    long: np.ndarray  # bool
    load_per_minute: np.ndarray
    quality_fraction: np.ndarray
    quality_kind: list[str]
    entries: list[dict | None]  # the plan's entry for each day, None when missing
    problems: list[Violation] = field(default_factory=list)


def _problem(where: str, amount: str, message: str) -> Violation:
    return Violation(CONSISTENCY, where, amount, message)


def _parse_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _read_minutes(entry: dict, where: str, problems: list[Violation]) -> int:
    value = entry.get("minutes")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or abs(value) > MAX_READ_MINUTES:  # beyond any day, and beyond what the arrays hold
        problems.append(_problem(where, f"minutes = {value!r}", "The day has no valid whole number of minutes."))
        return 0
    if value != int(value):
        problems.append(_problem(where, f"minutes = {value}", "Minutes must be whole numbers."))
    return round(value)


def _index_entries(raw_days: list, cal: Layout, problems: list[Violation]) -> list[dict | None]:
    """Place each entry on its day index by its date."""
    entries: list[dict | None] = [None] * cal.n_days
    previous = -1
    for i, entry in enumerate(raw_days):
        date = _parse_date(entry.get("date")) if isinstance(entry, dict) else None
        if date is None:
            problems.append(_problem(f"days[{i}]", "no valid date", "Each day needs a date written YYYY-MM-DD."))
            continue
        d = (date - cal.start_date).days
        if not 0 <= d < cal.n_days:
            problems.append(_problem(date.isoformat(), "outside the block",
                                     f"The plan has a day outside {cal.start_date} to the race day."))
        elif entries[d] is not None:
            problems.append(_problem(date.isoformat(), "duplicate date", "The plan lists this date twice."))
        else:
            if d < previous:
                problems.append(_problem(date.isoformat(), "out of order", "The days are not in date order."))
            entries[d], previous = entry, d
    for d in (d for d, e in enumerate(entries) if e is None):
        problems.append(_problem(cal.date(d).isoformat(), "missing day",
                                 "The plan has no entry for this date; it is read as a rest day."))
    return entries


def read_days(raw_days: list, cal: Layout, catalogue: Catalogue, paces: Paces | None, race_km: float) -> PlanDays:
    problems: list[Violation] = []
    entries = _index_entries(raw_days, cal, problems)
    n = cal.n_days
    out = PlanDays(["rest"] * n, np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool),
                   np.zeros(n), np.zeros(n), ["none"] * n, entries, problems)
    for d, entry in enumerate(entries):
        if entry is None:
            continue
        where = cal.date(d).isoformat()
        name = entry.get("session")
        if not isinstance(name, str):
            problems.append(_problem(where, f"session = {name!r}", "The day has no session name."))
            name = "?"
        out.session[d] = name
        minutes = _read_minutes(entry, where, problems)
        if d == cal.race_day:
            continue  # the race: hard, no training minutes
        out.minutes[d] = minutes
        kind = session_type(catalogue, name)
        if kind is not None:
            out.hard[d], out.long[d] = kind.hard, kind.long
            km = cal.tune_up_km.get(d, race_km) if name == TUNE_UP else race_km
            out.load_per_minute[d], out.quality_fraction[d] = per_minute(kind, paces, km), kind.quality_fraction
            out.quality_kind[d] = kind.quality_kind
    out.hard[cal.race_day] = True
    return out
