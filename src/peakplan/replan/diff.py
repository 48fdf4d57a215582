"""What a re-plan changed, week by week: days moved, shortened, lengthened, dropped or added.

A day of the new plan is compared with the original plan's day on the same date (the race day and
the days already run are not changes). Counts match ``PlanChanges`` (replan/solve.py counts them
the same way: a changed day is a different session type, a moved minute is |new − old|).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peakplan.plan.file import PlanFile
from peakplan.timefmt import clock
from peakplan.vocabulary import RACE, REST


@dataclass
class WeekDiff:
    week: int
    original_minutes: int
    new_minutes: int
    lines: list[str] = field(default_factory=list)


def _day(plan: PlanFile) -> dict[dt.date, tuple[str, int]]:
    return {d.date: (d.session, d.minutes) for d in plan.days}


def _change(old: tuple[str, int], new: tuple[str, int]) -> str | None:
    (old_type, old_minutes), (new_type, new_minutes) = old, new
    if old == new:
        return None
    if old_type == REST:
        return f"added {new_type} {new_minutes} min"
    if new_type == REST:
        return f"dropped {old_type} {old_minutes} min"
    if old_type != new_type:
        return f"{old_type} {old_minutes} min -> {new_type} {new_minutes} min"
    return f"{'shortened' if new_minutes < old_minutes else 'lengthened'} {old_type} {old_minutes} -> {new_minutes} min"


def week_diffs(original: PlanFile, new: PlanFile) -> list[WeekDiff]:
    """The weeks from the re-plan's first day on, each with its changed days (dates in order)."""
    replan = new.scenario.replan
    start = replan.from_date if replan else new.scenario.start_date
    old_days = _day(original)
    out: list[WeekDiff] = []
    for week in new.weeks:
        days = [d for d in new.days if d.week == week.week and d.date >= start]
        if not days:
            continue
        old_minutes = sum(old_days.get(d.date, (REST, 0))[1] for d in new.days
                          if d.week == week.week and d.session != RACE)
        diff = WeekDiff(week.week, old_minutes, week.minutes)
        for d in days:
            if d.session == RACE:
                continue
            text = _change(old_days.get(d.date, (REST, 0)), (d.session, d.minutes))
            if text:
                diff.lines.append(f"{d.date} {d.date.strftime('%a')}: {text}")
        out.append(diff)
    return out


def summary_lines(original: PlanFile, new: PlanFile, best: PlanFile | None) -> list[str]:
    """The headline: readiness and predicted time before and after, and the change counts."""
    lines = []
    before = original.prediction.race_time_s if original.prediction else None
    after = new.prediction.race_time_s if new.prediction else None
    if before is not None and after is not None:
        delta = after - before
        lines.append(f"predicted race time {clock(before)} -> {clock(after)} "
                     f"({'+' if delta >= 0 else '-'}{clock(abs(delta))})")
    changes = new.changes
    if changes is not None:
        lines.append(f"changed days {changes.changed_days} (best re-plan: {changes.best_changed_days}), minutes moved "
                     f"{changes.minutes_moved} (best re-plan: {changes.best_minutes_moved}); readiness "
                     f"{new.objective:.2f} within {changes.tolerance:.0%} of the best re-plan's gain "
                     f"({changes.best_readiness:.2f})")
    return lines
