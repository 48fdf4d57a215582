"""sessions: catalogue types only, minutes = 0 exactly on rest days, duration bounds."""

from __future__ import annotations

import pytest

from peakplan.modelfiles import models_dir
from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, edit, found, make_scenario


def test_minimum_duration_just_inside_and_just_past():
    # Easy lasts 25-90 min: Saturday 2027-01-09. Week 1 shrinks, so week 2 would ramp too fast over it.
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    assert found(scenario, edit(BASE_WEEKS, 1, "easy:30", "easy:25")) == []
    assert found(scenario, edit(BASE_WEEKS, 1, "easy:30", "easy:24")) == [
        ("sessions", "2027-01-09", "1 min under the easy minimum of 25 min")]


def test_maximum_duration_just_inside_and_just_past():
    # Recovery lasts 20-40 min: the race week's Wednesday 2027-02-24 (race week 130 or 131 min, band 117-182).
    scenario = make_scenario()
    assert found(scenario, edit(BASE_WEEKS, 8, "easy:30", "recovery:40")) == []
    assert found(scenario, edit(BASE_WEEKS, 8, "easy:30", "recovery:41")) == [
        ("sessions", "2027-02-24", "+1 min over the recovery maximum of 40 min")]


@pytest.mark.parametrize(("session", "minutes", "amount"), [
    ("fartlek", 40, "unknown session 'fartlek'"),
    ("rest", 10, "10 min on a rest day"),
    ("easy", 0, "25 min under the easy minimum of 25 min"),
])
def test_bad_sessions(base, session, minutes, amount):
    scenario, plan = base
    day = next(d for d in plan["days"] if d["date"] == "2027-01-07")
    day |= {"session": session, "minutes": minutes}
    violations = [v for v in validate(scenario, plan) if v.rule == "sessions"]
    assert [(v.where, v.amount) for v in violations] == [("2027-01-07", amount)]


def test_rest_is_allowed_without_a_catalogue_entry(tmp_path):
    text = (models_dir() / "catalogue.yaml").read_text(encoding="utf-8")
    assert "  rest:\n" in text
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text.replace("  rest:\n", "  unused_rest:\n"), encoding="utf-8")
    assert found(make_scenario(model={"catalogue": str(catalogue)}), BASE_WEEKS) == []
