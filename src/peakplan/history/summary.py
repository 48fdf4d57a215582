"""The numbers `peakplan history` prints: volume, recent weeks, PMC at the last day, best race, skips."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from peakplan.history.model import History, Test
from peakplan.history.start import WEEKS, best_recent_test, pmc, short_history_warning, weekly_minutes


@dataclass(frozen=True)
class Summary:
    first_date: dt.date
    last_date: dt.date
    running_days: int
    sessions: int
    km: float
    minutes: float
    weekly_minutes_last_4: list[float]   # oldest first, the four weeks ending on the last day
    ctl: float
    atl: float
    tsb: float                           # on the day after the last day: CTL - ATL of the last day
    best_race: Test | None
    load_sources: dict[str, int]
    skipped: dict[str, int]
    other_sports: dict[str, int]
    warnings: list[str]


def summarize(history: History) -> Summary:
    loads, minutes = history.daily_loads(), history.daily_minutes()
    ctl, atl = pmc(loads)
    sessions = [s for d in history.days for s in d.sessions]
    warnings = [w for w in (short_history_warning(history),) if w]
    if history.rules.threshold_s_per_km is None and any(s.load_source == "duration" for s in sessions):
        warnings.append("no threshold pace was known: runs without rTSS, heart rate or RPE were taken as easy running")
    return Summary(first_date=history.first_date, last_date=history.last_date, running_days=len(history.days),
                   sessions=len(sessions), km=sum(d.km for d in history.days),
                   minutes=sum(d.minutes for d in history.days),
                   weekly_minutes_last_4=[weekly_minutes(minutes, k) for k in range(WEEKS)][::-1],
                   ctl=float(ctl[-1]), atl=float(atl[-1]), tsb=float(ctl[-1] - atl[-1]),
                   best_race=best_recent_test(history.tests, history.last_date + dt.timedelta(days=1)),
                   load_sources=dict(Counter(s.load_source for s in sessions).most_common()),
                   skipped=dict(Counter(s.kind for s in history.skipped).most_common()),
                   other_sports=dict(history.other_sports), warnings=warnings)
