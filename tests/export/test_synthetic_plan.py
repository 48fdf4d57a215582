"""The synthetic plan fixture has the shape of the plan file (so the export tests mean something)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from synthetic_plan import plan_file, shipped_plan

from peakplan.plan.file import PlanDay, PlanFile


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()

PLAN_KEYS = ["format", "id", "peakplan_version", "status", "objective", "bound", "gap", "race", "readiness", "prediction",
             "paces", "weeks", "days", "tight_rules", "scenario", "changes"]
DAY_KEYS = ["date", "weekday", "week", "phase", "session", "minutes", "km", "load", "hard", "ctl", "atl", "tsb",
            "workout"]


def test_keys_in_documented_order(marathon_plan: dict[str, Any]) -> None:
    assert list(PlanFile.model_fields) == PLAN_KEYS and list(PlanDay.model_fields) == DAY_KEYS
    assert list(marathon_plan) == PLAN_KEYS
    assert all(list(day) == DAY_KEYS for day in marathon_plan["days"])


def test_is_a_plan_file_the_reader_accepts(marathon_plan: dict[str, Any]) -> None:
    plan = plan_file(marathon_plan)
    assert plan.model_dump(mode="json") == marathon_plan
    assert all((d.workout is None) == (d.minutes == 0) for d in plan.days)
    assert all(d.workout.total_s == 60 * d.minutes for d in plan.days if d.workout is not None)


def test_days_cover_start_to_race_day(marathon_plan: dict[str, Any]) -> None:
    days = marathon_plan["days"]
    dates = [dt.date.fromisoformat(d["date"]) for d in days]
    assert dates == [dates[0] + dt.timedelta(days=i) for i in range(len(dates))]
    assert days[0]["date"] == marathon_plan["scenario"]["start_date"]
    assert days[-1]["date"] == marathon_plan["race"]["date"] and days[-1]["session"] == "race"
    assert days[-1]["km"] == round(marathon_plan["race"]["distance_km"], 2) and days[-1]["hard"] is True


def test_week_totals_recompute_from_days(marathon_plan: dict[str, Any]) -> None:
    for week in marathon_plan["weeks"]:
        days = [d for d in marathon_plan["days"] if d["week"] == week["week"] and d["session"] != "race"]
        assert week["minutes"] == sum(d["minutes"] for d in days)
        assert all((d["session"] == "rest") == (d["minutes"] == 0) for d in days)


def test_derived_numbers_pass_the_independent_validator(marathon_plan: dict[str, Any]) -> None:
    """Loads, CTL/ATL/TSB, weekly totals and readiness recompute (no `plan_consistency` violations).

    The synthetic plan is not claimed to keep the training rules (ramp, long-run share, taper):
    only the format and its derived numbers are checked here.
    """
    from peakplan.scenario import load_scenario
    from peakplan.validate import validate

    scenario = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "marathon-16w.yaml")
    violations = validate(scenario, marathon_plan)
    assert [str(v) for v in violations if v.rule in ("plan_consistency", "availability", "sessions")] == []
