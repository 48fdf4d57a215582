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
from peakplan.calendar import Calendar
from peakplan.cli import app
from peakplan.model.build import build
from peakplan.model.constraints import FAMILIES
from peakplan.plan.io import read_plan, write_plan
from peakplan.replan import replan
from peakplan.replan.done import Done, Entry
from peakplan.replan.excuse import FUTURE_WEIGHT, ORDER, RANKS, SAFETY, SAFETY_WEIGHT, WEEK_RUN_WEIGHT, weight
from peakplan.replan.solve import add_hint, fixed_days, original_by_day
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


def test_a_hint_is_the_plan_given_on_every_day_planned(original):
    """add_hint (the fewest-changes step starts from the best re-plan) hints each day's session and
    minutes, and nothing on the fixed days, which the model already holds to what was run."""
    missed = _week(original, 3)
    result = replan(original, Done({d: Entry(0, None) for d in missed}, listed_only=True, source="test"),
                    from_date=missed[-1] + dt.timedelta(days=1))
    assert result.plan is not None
    ctx, _ = build(result.scenario)
    wanted = {d.date: (d.session, d.minutes) for d in original.days}
    days, fixed = original_by_day(result.scenario, wanted), fixed_days(result.scenario)
    add_hint(ctx, [s for s, _ in days], [m for _, m in days], fixed)
    hint = dict(zip(ctx.model.proto.solution_hint.vars, ctx.model.proto.solution_hint.values, strict=True))
    cal, v = ctx.calendar, ctx.vars
    assert fixed and len(fixed) == len(result.scenario.replan.fixed_days)
    hinted_days = 0
    for d in cal.training_days:
        for name in v.types:
            var = v.session(d, name)
            if isinstance(var, int):
                continue
            if d in fixed:
                assert var.index not in hint
                continue
            session, minutes = days[d]
            assert hint[var.index] == int(session == name), (cal.date(d), name)
            if session == name and session != "rest":
                assert hint[v.session_minutes(d, name).index] == minutes
                hinted_days += 1
    assert hinted_days == sum(1 for d in cal.training_days if d not in fixed and days[d][0] != "rest")


def test_which_rules_go_is_stated_fewest_then_nearest_then_by_family(original):
    """The excuse step's weights (replan/excuse.py): of the instances that may go, the fewest go,
    then of equally few the nearest the break, then by family in ORDER (session mix first,
    availability last), so the solver never picks among equals by chance."""
    cal, weeks = Calendar(original.scenario), {1, 2, 3}      # weeks 1-3 run: no solve needed

    def w(family: str, where: str) -> int:
        return weight(cal, (family, where), weeks)

    # a week under way, a later week, a load-safety rule: the three tiers
    assert w("quotas", "week 3") == WEEK_RUN_WEIGHT
    assert w("progression", "week 3") == WEEK_RUN_WEIGHT + ORDER.index("progression")
    assert w("quotas", "week 4") == FUTURE_WEIGHT + RANKS
    assert w("weekly_ramp", "week 4") == SAFETY_WEIGHT + RANKS + ORDER.index("weekly_ramp")
    day = cal.date(cal.training_days_of_week(5)[0]).isoformat()     # a day-placed instance: its week
    assert w("quality_caps", day) == FUTURE_WEIGHT + 2 * RANKS + ORDER.index("quality_caps")
    # the fewest first: one more instance, of any week and family, always costs more
    heaviest = max(w(f, "week 8") for f in ORDER if f not in SAFETY)
    assert heaviest < 2 * FUTURE_WEIGHT and max(w(f, "week 3") for f in ORDER) < 2 * WEEK_RUN_WEIGHT
    assert max(w(f, "week 8") for f in SAFETY) < 2 * SAFETY_WEIGHT
    # then the nearest: a farther week costs more whatever the families
    assert min(w(f, "week 6") for f in ORDER if f not in SAFETY) > max(w(f, "week 5") for f in ORDER if f not in SAFETY)
    # then the family: session mix before progression before the taper; availability last
    assert w("quotas", "week 5") < w("progression", "week 5") < w("taper", "week 5")
    assert max(w(f, "week 5") for f in SAFETY) == w("availability", "week 5")
    assert len(set(ORDER)) == len(ORDER) < RANKS
    # every rule family but fixed_days (never soft) has its place in the order
    assert {f.NAME for f in FAMILIES} - {"fixed_days"} == set(ORDER)
