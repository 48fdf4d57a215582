"""Re-planning (docs/replan.md): the shipped 8-week 5K solved, week 3 missed, the rest re-planned
from the CLI with a done file; the new plan validates, keeps what was run, makes nothing up, and
changes no more days than the best (readiness-only) re-plan does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peakplan import load_scenario, solve
from peakplan.cli import app
from peakplan.plan.io import read_plan, write_plan
from peakplan.replan import replan
from peakplan.replan.done import Done, Entry
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def original():
    result = solve(load_scenario(ROOT / "scenarios" / "5k-8w.yaml"))
    assert result.has_plan
    return result.plan


def _week(plan, week: int) -> list[dt.date]:
    return [d.date for d in plan.days if d.week == week]


def test_a_missed_week_is_not_made_up(original):
    missed = _week(original, 3)
    start = missed[-1] + dt.timedelta(days=1)
    result = replan(original, Done({d: Entry(0, None) for d in missed}, listed_only=True, source="test"),
                    from_date=start)
    assert result.plan is not None, result.explanation and result.explanation.lines()
    new = result.plan
    assert validate(result.scenario, new) == []
    old_days = {d.date: (d.session, d.minutes) for d in original.days}
    for day in new.days:
        if day.date < start:
            expected = ("rest", 0) if day.date in missed else old_days[day.date]
            assert (day.session, day.minutes) == expected, day
    for old_week, new_week in zip(original.weeks[3:], new.weeks[3:], strict=True):
        assert new_week.minutes <= old_week.minutes, (old_week, new_week)   # no catch-up
    changes = new.changes
    assert changes is not None and changes.original_plan_id == original.plan_id
    assert changes.changed_days <= changes.best_changed_days
    assert new.objective >= changes.best_readiness - 0.01 * abs(changes.best_readiness) - 1e-6


def test_the_cli_with_a_done_file_prints_the_diff_and_writes_the_plan(original, tmp_path):
    plan_path = tmp_path / "plan.json"
    write_plan(plan_path, original)
    missed = _week(original, 3)
    done = tmp_path / "done.yaml"
    done.write_text("".join(f"- date: {d}\n  missed: true\n" for d in missed), encoding="utf-8")
    out = tmp_path / "new.json"
    start = missed[-1] + dt.timedelta(days=1)
    result = CliRunner().invoke(app, ["replan", str(plan_path), "--done", str(done), "--from", str(start), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "predicted race time" in result.output and "changed days" in result.output
    assert "week 4:" in result.output
    new = read_plan(out)
    assert new.changes is not None and new.scenario.replan is not None
    assert json.loads(plan_path.read_text(encoding="utf-8"))["id"] == original.plan_id  # the input is untouched


def test_bad_input_is_one_message(original, tmp_path):
    plan_path = tmp_path / "plan.json"
    write_plan(plan_path, original)
    done = tmp_path / "done.yaml"
    done.write_text("- date: 2027-13-45\n  missed: true\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["replan", str(plan_path), "--done", str(done), "-o", str(tmp_path / "n.json")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "done.yaml" in result.output
    neither = CliRunner().invoke(app, ["replan", str(plan_path), "-o", str(tmp_path / "n.json")])
    assert neither.exit_code == 2 and "--history" in neither.output and "--done" in neither.output
