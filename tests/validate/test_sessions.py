"""sessions: catalogue types only, minutes = 0 exactly on rest days, duration bounds."""

from __future__ import annotations

import pytest

from peakplan.modelfiles import models_dir
from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def _sat_easy_week1(minutes: int) -> list[str]:
    return [BASE_WEEKS[0].replace("easy:30", f"easy:{minutes}")] + BASE_WEEKS[1:]


def test_minimum_duration_just_inside_and_just_past():
    # Easy lasts 25-90 min. Week 1 shrinks to 204 min, so week 2 (225) would also ramp too fast.
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    assert validate(scenario, build_plan(scenario, _sat_easy_week1(25))) == []
    found = validate(scenario, build_plan(scenario, _sat_easy_week1(24)))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("sessions", "2027-01-09", "1 min under the easy minimum of 25 min")]


def test_maximum_duration_just_inside_and_just_past():
    # Recovery lasts 20-40 min; the race-week Thursday recovery grows (taper off: volume rises).
    scenario = make_scenario(rules={"taper": {"enabled": False}})
    weeks = BASE_WEEKS[:3] + [BASE_WEEKS[3].replace("recovery:20", "recovery:{}")]
    assert validate(scenario, build_plan(scenario, weeks[:3] + [weeks[3].format(40)])) == []
    found = validate(scenario, build_plan(scenario, weeks[:3] + [weeks[3].format(41)]))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("sessions", "2027-01-28", "+1 min over the recovery maximum of 40 min")]


@pytest.mark.parametrize(("session", "minutes", "amount"), [
    ("fartlek", 40, "unknown session 'fartlek'"),
    ("rest", 10, "10 min on a rest day"),
    ("easy", 0, "25 min under the easy minimum of 25 min"),
])
def test_bad_sessions(base, session, minutes, amount):
    scenario, plan = base
    day = next(d for d in plan["days"] if d["date"] == "2027-01-07")
    day |= {"session": session, "minutes": minutes}
    found = [v for v in validate(scenario, plan) if v.rule == "sessions"]
    assert [(v.where, v.amount) for v in found] == [("2027-01-07", amount)]


def test_rest_is_allowed_without_a_catalogue_entry(tmp_path):
    text = (models_dir() / "catalogue.yaml").read_text(encoding="utf-8")
    assert "  rest:\n" in text
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text.replace("  rest:\n", "  unused_rest:\n"), encoding="utf-8")
    custom = make_scenario(model={"catalogue": str(catalogue)})
    assert validate(custom, build_plan(custom, BASE_WEEKS)) == []
