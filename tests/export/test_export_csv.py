"""CSV export, re-read with csv: one row per plan day, matching the plan."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from synthetic_plan import plan_file, shipped_plan

from peakplan.export import render
from peakplan.export.csv_rows import COLUMNS


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()


def _rows(plan: dict[str, Any]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(plan_file(plan), "csv").decode("utf-8"))))


def test_one_row_per_day_matching_the_plan(marathon_plan: dict[str, Any]) -> None:
    rows = _rows(marathon_plan)
    assert len(rows) == len(marathon_plan["days"])
    for row, day in zip(rows, marathon_plan["days"], strict=True):
        for key in ("date", "weekday", "phase", "session"):
            assert row[key] == day[key]
        assert int(row["week"]) == day["week"] and int(row["minutes"]) == day["minutes"]
        assert float(row["km"]) == pytest.approx(day["km"])
        assert row["hard"] == str(day["hard"]).lower()


def test_parts_add_up_to_the_minutes(marathon_plan: dict[str, Any]) -> None:
    for row in _rows(marathon_plan):
        parts = sum(float(row[k]) for k in ("warmup_minutes", "main_minutes", "cooldown_minutes"))
        assert parts == pytest.approx(int(row["minutes"]))
        assert float(row["quality_minutes"]) <= int(row["minutes"])


def test_header(marathon_plan: dict[str, Any]) -> None:
    reader = csv.reader(io.StringIO(render(plan_file(marathon_plan), "csv").decode("utf-8")))
    assert tuple(next(reader)) == COLUMNS
