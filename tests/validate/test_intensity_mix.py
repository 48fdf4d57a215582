"""intensity_mix: Σ (1 − quality_fraction)·minutes ≥ share · V(w) in every week."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def test_low_intensity_share_just_inside_and_just_past():
    # Week 3: 235 min, main sets 0.30·45 + 0.40·40 = 29.5 -> 205.5 low (87.45 %), the lowest week.
    inside = make_scenario(rules={"intensity_mix": {"min_low_intensity_share": 0.874}})  # needs 205.39
    assert validate(inside, build_plan(inside, BASE_WEEKS)) == []
    past = make_scenario(rules={"intensity_mix": {"min_low_intensity_share": 0.875}})  # needs 205.625
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("intensity_mix", "week 3", "0.1 min of easy running short")]


def test_switched_off():
    scenario = make_scenario(rules={"intensity_mix": {"enabled": False, "min_low_intensity_share": 1.0}})
    assert validate(scenario, build_plan(scenario, BASE_WEEKS)) == []
