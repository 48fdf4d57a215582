"""The shipped 16-week marathon re-planned in the five cases of issue 15 (benchmarks/replan.py
``cases``): week 5 missed, 3 scattered missed sessions, a 5-day illness in week 9, a 2-week holiday
added, the race a week later. Each re-plan passes the validator on the edited scenario, keeps every
day already run as it was run, holds no week over the original plan's week as far from race day
(unless the days run in it were more), and changes fewer days than the best re-plan, which is the
from-scratch solve of the rest of the block. Both counts go to tests/.reports/replan-marathon.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.replan import SCENARIO, cases

from peakplan import load_scenario, solve
from peakplan.replan import replan
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / ".reports" / "replan-marathon.txt"
COUNTS: dict[str, str] = {}


@pytest.fixture(scope="module")
def original():
    result = solve(load_scenario(SCENARIO))
    assert result.has_plan and result.plan.prediction is not None
    return result.plan


def _names() -> list[str]:
    return ["week 5 missed", "3 scattered sessions missed", "5-day illness in week 9", "2-week holiday added",
            "race a week later"]


@pytest.mark.parametrize("index", range(5), ids=_names())
def test_a_marathon_re_plan(original, index):
    name, done, start, edits = cases(original)[index]
    result = replan(original, done, from_date=start, **edits)
    assert result.plan is not None, (name, result.status, result.explanation and result.explanation.lines())
    new, fixed = result.plan, result.scenario.replan
    assert fixed is not None
    assert validate(result.scenario, new) == []
    run = {f.date: (f.session, f.minutes) for f in fixed.fixed_days}
    for day in new.days:
        if day.date < start:
            assert (day.session, day.minutes) == run.get(day.date, ("rest", 0)), day
    changes = new.changes
    assert changes is not None and len(changes.original_week_minutes) == len(new.weeks)
    week_of = {d.date: d.week for d in new.days}
    for week in new.weeks:
        done_minutes = sum(m for date, (_, m) in run.items() if week_of[date] == week.week)
        if any(d.date >= start and d.week == week.week for d in new.days if d.session != "race"):
            assert week.minutes <= max(changes.original_week_minutes[week.week - 1], done_minutes), (name, week)
    assert changes.changed_days < changes.best_changed_days, name
    COUNTS[name] = (f"{name}: changed days {changes.changed_days} (best re-plan {changes.best_changed_days}), "
                    f"minutes moved {changes.minutes_moved} ({changes.best_minutes_moved}), "
                    f"steps {', '.join(f'{k} {v:.1f} s' for k, v in result.times_s.items())}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(COUNTS[k] for k in sorted(COUNTS)) + "\n", encoding="utf-8")
