"""Plan files outside the bounds the readers rely on are bad input naming the field (plan/limits.py),
never a hang, a huge allocation or a crash in an export."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from synthetic_plan import shipped_plan

from peakplan.plan.io import PlanFileError, plan_from_data


@pytest.fixture(scope="module")
def plan() -> dict:
    return shipped_plan()


def _first_workout(plan: dict) -> dict:
    return next(d for d in plan["days"] if d["workout"] is not None)["workout"]


def edits():
    def repeat(p):
        w = _first_workout(p)
        w["blocks"] = [{"type": "repeat", "times": 10**9, "steps": [w["blocks"][0]]}]
    def weekday(p):
        p["days"][3]["weekday"] = "funday"
    def minutes(p):
        p["days"][3]["minutes"] = 10**9
    def date(p):
        p["days"][3]["date"] = "9999-12-31"
    def no_days(p):
        p["days"] = []
    def long_title(p):
        _first_workout(p)["title"] = "x" * 5000
    def nan(p):
        p["paces"]["vdot"] = float("nan")
    def weeks(p):
        p["weeks"] = p["weeks"] * 1000
    def no_weeks(p):   # fuzz input 88099: compare's tables took the peak of no weeks
        p["weeks"] = []
    return {"repeat": (repeat, "times"), "weekday": (weekday, "weekday"), "minutes": (minutes, "minutes"),
            "date": (date, "date"), "no days": (no_days, "days"), "long title": (long_title, "title"),
            "NaN": (nan, "paces.vdot"), "weeks": (weeks, "weeks"),
            "no weeks": (no_weeks, "weeks")}


@pytest.mark.parametrize("name", list(edits()))
def test_out_of_bounds_plans_are_refused_naming_the_field(plan, name):
    edit, field = edits()[name]
    data = copy.deepcopy(plan)
    edit(data)
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(json.loads(json.dumps(data)), "plan.json")
    message = str(caught.value)
    assert message.startswith("plan.json: ") and field in message and len(message) < 600


def test_a_plan_within_the_bounds_is_read(plan):
    assert plan_from_data(copy.deepcopy(plan)).days
