"""form_window (pmc only): race-day TSB = CTL(T−1) − ATL(T−1) inside [tsb_min, tsb_max]."""

from __future__ import annotations

import pytest

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def _pmc_scenario(tmp_path, tsb_min: float, tsb_max: float):
    path = tmp_path / "pmc.yaml"
    path.write_text(f"kind: pmc\ntau_ctl_days: 42.0\ntau_atl_days: 7.0\ntsb_min: {tsb_min}\ntsb_max: {tsb_max}\n",
                    encoding="utf-8")
    return make_scenario(model={"readiness": str(path)})


@pytest.fixture
def race_tsb(tmp_path) -> float:
    """Race-day TSB of the base plan, from the test's own plan builder (about +0.78)."""
    scenario = _pmc_scenario(tmp_path, -100, 100)
    tsb = build_plan(scenario, BASE_WEEKS)["readiness"]["tsb"]
    assert 0.5 < tsb < 1.0
    return tsb


def _found(scenario):
    return [(v.rule, v.where, v.amount) for v in validate(scenario, build_plan(scenario, BASE_WEEKS))]


def test_lower_edge(tmp_path, race_tsb):
    assert _found(_pmc_scenario(tmp_path, race_tsb - 0.01, 15)) == []
    assert _found(_pmc_scenario(tmp_path, race_tsb + 0.1, 15)) == [
        ("form_window", "2027-01-31", f"TSB +0.1 below the {race_tsb + 0.1:+g} window")]


def test_upper_edge(tmp_path, race_tsb):
    assert _found(_pmc_scenario(tmp_path, -5, race_tsb + 0.01)) == []
    assert [r[:2] for r in _found(_pmc_scenario(tmp_path, -5, race_tsb - 0.1))] == [("form_window", "2027-01-31")]


def test_default_pmc_window_flags_a_tired_athlete():
    # The shipped window is +5...+15; the base plan arrives at about +0.8.
    scenario = make_scenario(model={"readiness": "pmc"})
    assert [r[:2] for r in _found(scenario)] == [("form_window", "2027-01-31")]


def test_not_checked_with_banister(base):
    scenario, plan = base
    assert scenario.model.readiness == "banister"
    assert validate(scenario, plan) == []
