"""intensity_mix: Σ (1 − quality_fraction) · minutes ≥ share · V(w) in every week."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, found, make_scenario


def test_low_intensity_share_just_inside_and_just_past():
    # Week 7 (taper) is the least easy week: 195 min, main sets 0.30 · 45 + 0.40 · 40 = 29.5 ->
    # 165.5 min low (84.87 %).
    inside = make_scenario(rules={"intensity_mix": {"min_low_intensity_share": 0.848}})  # needs 165.36
    assert found(inside, BASE_WEEKS) == []
    past = make_scenario(rules={"intensity_mix": {"min_low_intensity_share": 0.849}})  # needs 165.555
    assert found(past, BASE_WEEKS) == [("intensity_mix", "week 7", "0.1 min of easy running short")]


def test_switched_off():
    scenario = make_scenario(rules={"intensity_mix": {"enabled": False, "min_low_intensity_share": 1.0}})
    assert found(scenario, BASE_WEEKS) == []
