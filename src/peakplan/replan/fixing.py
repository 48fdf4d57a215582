"""The days before the re-plan, as run: each matched to the original plan (docs/replan.md).

Per week of the original plan, a run on a day that had a session is that session (its minutes as
run); a run on another day takes a planned session of the same week that is still unmatched, at
most 3 days away and within 0.67-1.5 times its minutes (a *moved* session, the nearest first);
any other run is *extra* easy running. A planned session with no run is *missed* (rest). A
session type is kept only if the minutes run fit its catalogue range; otherwise the run counts as
the first type that fits of easy, long, recovery.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from peakplan.modelfiles import Catalogue
from peakplan.plan.file import PlanFile
from peakplan.replan.done import Done
from peakplan.scenario.schema import FixedDay
from peakplan.vocabulary import REST

MOVE_DAYS = 3
MOVE_RATIO = (0.67, 1.5)
FALLBACK = ("easy", "long", "recovery")
SAME_MINUTES = 0.10        # within 10 % (or 5 min) of the plan: "as planned"


def fitting_type(catalogue: Catalogue, preferred: str | None, minutes: int) -> str | None:
    """The preferred session type if ``minutes`` fit it, else the first fallback that fits."""
    for name in (preferred, *FALLBACK):
        kind = catalogue.sessions.get(name) if name else None
        if kind is not None and max(1, kind.min_minutes) <= minutes <= kind.max_minutes:
            return name
    return None


def _note(planned: int, minutes: int) -> str:
    if abs(minutes - planned) <= max(5, SAME_MINUTES * planned):
        return "as planned"
    return "shorter" if minutes < planned else "longer"


def _runs(plan: PlanFile, done: Done, from_date: dt.date) -> dict[dt.date, tuple[int, str | None]]:
    """Minutes run (and the session stated, if any) on each training day before ``from_date``."""
    run: dict[dt.date, tuple[int, str | None]] = {}
    for d in plan.days:
        if d.date >= from_date or d.session == "race":
            continue
        entry = done.on(d.date)
        if entry is None:
            run[d.date] = (d.minutes, d.session) if done.listed_only else (0, None)
        else:
            run[d.date] = (d.minutes if entry.minutes is None else entry.minutes, entry.session)
    return run


def _moved_from(date: dt.date, minutes: int, open_sessions: list[dt.date],
                planned: dict[dt.date, tuple[str, int]]) -> dt.date | None:
    near = [x for x in open_sessions if abs((x - date).days) <= MOVE_DAYS
            and MOVE_RATIO[0] * planned[x][1] <= minutes <= MOVE_RATIO[1] * planned[x][1]]
    return min(near, key=lambda x: (abs((x - date).days), x)) if near else None


def _fixed(date: dt.date, session: str, minutes: int, note: str, planned: tuple[str, int]) -> FixedDay:
    return FixedDay(date=date, session=session, minutes=minutes, note=note,
                    planned_session=planned[0], planned_minutes=planned[1])


def fixed_days(plan: PlanFile, done: Done, from_date: dt.date, notes: list[str]) -> list[FixedDay]:
    """Every training day of ``plan`` before ``from_date``, as run; ``notes`` gets what could not be kept."""
    catalogue = plan.scenario.catalogue
    run = _runs(plan, done, from_date)
    planned = {d.date: (d.session, d.minutes) for d in plan.days if d.date in run}
    weeks: dict[int, list[dt.date]] = defaultdict(list)
    for d in plan.days:
        if d.date in run:
            weeks[d.week].append(d.date)
    out: dict[dt.date, FixedDay] = {}
    moved_away: set[dt.date] = set()
    for dates in weeks.values():
        open_sessions = [x for x in dates if planned[x][0] != REST and run[x][0] == 0]
        for date in (x for x in dates if run[x][0] > 0):
            (minutes, stated), (session, planned_minutes) = run[date], planned[date]
            source = _moved_from(date, minutes, open_sessions, planned) if stated is None and session == REST else None
            kind = fitting_type(catalogue, planned[source][0], minutes) if source else None
            if source and kind:
                open_sessions.remove(source)
                moved_away.add(source)
                out[date] = _fixed(date, kind, minutes, "moved", planned[date])
                continue
            kind = fitting_type(catalogue, stated or (session if session != REST else None), minutes)
            if kind is None:
                notes.append(f"{date}: a {minutes}-min run fits no session type of the catalogue; counted as rest")
                continue
            note = "extra" if session == REST else (_note(planned_minutes, minutes) if kind == session else "as done")
            out[date] = _fixed(date, kind, minutes, note, planned[date])
    for date, (session, _) in planned.items():
        if date not in out:
            note = "rest" if session == REST else "moved" if date in moved_away else "missed"
            out[date] = _fixed(date, REST, 0, note, planned[date])
    return [out[date] for date in sorted(out)]
