"""Markdown export: a heading and a table per week, one table row per day."""

from __future__ import annotations

import re
from typing import Any

import pytest
from synthetic_plan import plan_file, shipped_plan

from peakplan.export import render


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()


def test_a_heading_and_a_row_per_day(marathon_plan: dict[str, Any]) -> None:
    text = render(plan_file(marathon_plan), "md").decode("utf-8")
    weeks = sorted({d["week"] for d in marathon_plan["days"]})
    headings = re.findall(r"^## Week (\d+) · ([a-z ]+)", text, flags=re.MULTILINE)
    assert [int(w) for w, _ in headings] == weeks
    rows = [line for line in text.splitlines() if re.match(r"^\| [A-Z][a-z]{2} \| \d{4}-\d{2}-\d{2} \|", line)]
    assert [r.split(" | ")[1] for r in rows] == [d["date"] for d in marathon_plan["days"]]
    assert all(line.count(" | ") == 5 for line in rows)  # pipes inside workouts are escaped


def test_week_totals_and_paces(marathon_plan: dict[str, Any]) -> None:
    text = render(plan_file(marathon_plan), "md").decode("utf-8")
    first = marathon_plan["weeks"][0]
    assert f"## Week 1 · base · {first['minutes']} min" in text
    assert text.startswith("# Marathon in 16 weeks")
    assert "Paces (VDOT 45.1)" in text
    assert "(recovery week)" in text  # the synthetic plan has deload weeks
