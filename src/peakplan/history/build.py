"""From activity files to a :class:`History`: running only, duplicates merged, tests, loads, days.

Order of work: read every file (:mod:`.reading`), keep running, drop duplicates, find the tests
and their VDOTs, choose the threshold pace (``--threshold-pace``, else ``--vdot``, else the best
test of the last ``RECENT_RACE_DAYS`` days of the history), then compute each run's load.
One threshold pace serves the whole history: a threshold that followed the tests would feed the
measured performance back into the load the fitter explains it with.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from peakplan.errors import InputError
from peakplan.history.activity import Activity, Unusable
from peakplan.history.load import (
    EASY_INTENSITY_FACTOR,
    INTENSITY_CAP,
    RPE_LOAD_PER_UNIT,
    LoadSettings,
    needs_threshold,
    session_load,
)
from peakplan.history.model import Day, History, LoadRules, Session, Skipped, Test
from peakplan.history.races import RECENT_RACE_DAYS, test_of
from peakplan.history.reading import read_containers
from peakplan.history.segments import SEGMENT_S, STOPPED_SPEED_M_PER_S
from peakplan.history.sources import expand
from peakplan.paces import VDOT_RANGE, training_paces
from peakplan.timefmt import clock

DUPLICATE_OVERLAP = 0.5  # two runs sharing half the shorter one's time are one run recorded twice
CSV_SAME_MINUTES = 0.10  # a CSV row (no clock time) matches a file of the same date within 10 % of its minutes


@dataclass(frozen=True)
class ImportOptions:
    vdot: float | None = None
    threshold_s_per_km: float | None = None
    hr_rest_bpm: float = 60.0
    hr_threshold_bpm: float | None = None
    timezone: str | None = None


def _zone(name: str | None) -> dt.tzinfo | None:
    if name is None:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InputError(f"--timezone {name!r} is not a time zone name; use one like Europe/London or "
                         "America/New_York.") from None


def _same_run(a: Activity, b: Activity) -> bool:
    """Files: their times overlap (compared in UTC: a FIT file's clock is local, a GPX file's UTC).
    A CSV row or a hand-entered activity: same date and the same minutes within 10 %."""
    if a.start_utc is None or b.start_utc is None or a.rank == 0 or b.rank == 0:
        minutes = max(a.moving_s, b.moving_s)
        return a.start.date() == b.start.date() and abs(a.moving_s - b.moving_s) <= CSV_SAME_MINUTES * minutes
    end_a = a.start_utc + dt.timedelta(seconds=a.elapsed_s)
    end_b = b.start_utc + dt.timedelta(seconds=b.elapsed_s)
    shared = (min(end_a, end_b) - max(a.start_utc, b.start_utc)).total_seconds()
    return shared >= DUPLICATE_OVERLAP * max(1.0, min(a.elapsed_s, b.elapsed_s))


def drop_duplicates(activities: list[Activity]) -> tuple[list[Activity], list[Skipped]]:
    """One copy of each run: the richest source wins (FIT, then TCX, GPX, CSV)."""
    kept: list[Activity] = []
    skipped: list[Skipped] = []
    for activity in sorted(activities, key=lambda a: (-a.rank, -len(a.segments), a.start, a.source)):
        twin = next((k for k in kept if abs((k.start - activity.start).days) <= 1 and _same_run(k, activity)), None)
        if twin is None:
            kept.append(activity)
        else:
            twin.test = twin.test or activity.test
            skipped.append(Skipped(source=activity.source, kind="duplicate", reason=f"the same run as {twin.source}"))
    return sorted(kept, key=lambda a: (a.start, a.source)), skipped


def find_tests(activities: list[Activity]) -> tuple[list[Test], list[Skipped]]:
    tests, skipped = [], []
    for activity in activities:
        if activity.test:
            try:
                tests.append(test_of(activity))
            except Unusable as problem:
                activity.test = False
                skipped.append(Skipped(source=activity.source, kind=problem.kind, reason=problem.reason))
    return tests, skipped


def choose_threshold(options: ImportOptions, tests: list[Test]) -> tuple[float | None, float | None, str]:
    """(threshold s/km, VDOT, where it came from)."""
    if options.threshold_s_per_km is not None:
        return options.threshold_s_per_km, None, f"--threshold-pace {clock(options.threshold_s_per_km)}/km"
    if options.vdot is not None:
        if not VDOT_RANGE[0] <= options.vdot <= VDOT_RANGE[1]:
            raise InputError(f"--vdot {options.vdot:g} is outside {VDOT_RANGE[0]:g}-{VDOT_RANGE[1]:g}, the range the "
                             "Daniels tables cover; give the VDOT of a recent race (`peakplan paces`).")
        return training_paces(options.vdot).threshold_s_per_km, options.vdot, f"--vdot {options.vdot:g}"
    if not tests:
        return None, None, "none: no race or time trial found, and no --vdot or --threshold-pace given"
    last = max(t.date for t in tests)
    best = max((t for t in tests if (last - t.date).days <= RECENT_RACE_DAYS), key=lambda t: (t.vdot, t.date))
    return (training_paces(best.vdot).threshold_s_per_km, best.vdot,
            f"best test of the last {RECENT_RACE_DAYS} days: {best.date} {best.distance_m / 1000:.2f} km in "
            f"{clock(best.time_s)} (VDOT {best.vdot:.1f})")


def _session(activity: Activity, settings: LoadSettings) -> Session:
    load, source = session_load(activity, settings)
    hr = activity.mean_hr()
    return Session(source=activity.source, start=activity.start.replace(microsecond=0), name=activity.name,
                   sub_sport=activity.sub_sport, minutes=round(activity.moving_s / 60.0, 2),
                   km=None if activity.distance_m is None else round(activity.distance_m / 1000.0, 3),
                   load=round(load, 2), load_source=source, avg_hr=None if hr is None else round(hr, 1),
                   test=activity.test)


def days_of(sessions: list[Session]) -> list[Day]:
    by_date: dict[dt.date, list[Session]] = defaultdict(list)
    for session in sessions:
        by_date[session.start.date()].append(session)
    return [Day(date=date, minutes=round(sum(s.minutes for s in group), 2),
                km=round(sum(s.km or 0.0 for s in group), 3), load=round(sum(s.load for s in group), 2),
                load_source="+".join(dict.fromkeys(s.load_source for s in group)), sessions=tuple(group))
            for date, group in sorted(by_date.items())]


def _need_threshold_error(count: int) -> InputError:
    return InputError(f"{count} run(s) have pace data, but no threshold pace is known: no race or time trial was "
                      "found in the files. Give --vdot (from a recent race: `peakplan paces --distance 10k --time "
                      "45:00`) or --threshold-pace (e.g. 4:30), or mark a race (docs/history.md \"Tests\").")


def import_history(paths: list[Path], options: ImportOptions | None = None) -> History:
    """The history of the activity files, folders, zips and exports at ``paths``."""
    options = options or ImportOptions()
    containers, skipped = expand(paths)
    found = read_containers(containers, _zone(options.timezone))
    running, duplicates = drop_duplicates(found.activities)
    tests, bad_tests = find_tests(running)
    if not running:
        raise InputError(f"no running activity found in {', '.join(str(p) for p in paths)} ({len(found.skipped)} "
                         "file(s) or activities skipped: other sports, unreadable or empty). Check the paths.")
    threshold, vdot, origin = choose_threshold(options, tests)
    settings = LoadSettings(threshold, options.hr_rest_bpm, options.hr_threshold_bpm)
    if threshold is None and any(needs_threshold(a, settings) for a in running):
        raise _need_threshold_error(sum(needs_threshold(a, settings) for a in running))
    days = days_of([_session(a, settings) for a in running])
    rules = LoadRules(threshold_s_per_km=None if threshold is None else round(threshold, 2), threshold_from=origin,
                      segment_s=SEGMENT_S, stopped_speed_m_per_s=STOPPED_SPEED_M_PER_S, intensity_cap=INTENSITY_CAP,
                      hr_rest_bpm=options.hr_rest_bpm, hr_threshold_bpm=options.hr_threshold_bpm,
                      rpe_load_per_unit=round(RPE_LOAD_PER_UNIT, 6), easy_intensity=EASY_INTENSITY_FACTOR)
    every_skip = sorted([*skipped, *found.skipped, *duplicates, *bad_tests], key=lambda s: (s.source, s.kind))
    return History(first_date=days[0].date, last_date=days[-1].date, vdot=vdot, rules=rules, days=tuple(days),
                   tests=tuple(sorted(tests, key=lambda t: (t.date, t.source))), skipped=tuple(every_skip),
                   other_sports=dict(sorted(found.other_sports.items())))
