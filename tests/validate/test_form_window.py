"""form_window: race-day TSB = CTL(T−1) − ATL(T−1) inside the readiness model's window: TSB points
(pmc) or shares of race-day CTL (banister with tsb_share_min / tsb_share_max, the runner model)."""

from __future__ import annotations

import pytest

from peakplan.modelfiles import models_dir

from .plan_builder import BASE_WEEKS, build_plan, found, make_scenario


def _pmc_scenario(tmp_path, tsb_min: float, tsb_max: float):
    path = tmp_path / "pmc.yaml"
    path.write_text(f"kind: pmc\ntau_ctl_days: 42.0\ntau_atl_days: 7.0\ntsb_min: {tsb_min}\ntsb_max: {tsb_max}\n",
                    encoding="utf-8")
    return make_scenario(model={"readiness": str(path)})


def _runner_scenario(tmp_path, share_min: float, share_max: float):
    text = (models_dir() / "runner.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("tsb_share")]
    path = tmp_path / "runner.yaml"
    path.write_text("\n".join([*lines, f"tsb_share_min: {share_min}", f"tsb_share_max: {share_max}"]) + "\n",
                    encoding="utf-8")
    return make_scenario(model={"readiness": str(path)})


@pytest.fixture
def race_form(tmp_path) -> tuple[float, float]:
    """Race-day (TSB, CTL) of the base plan, from the test's own plan builder (about +3.87, 34.3)."""
    readiness = build_plan(_pmc_scenario(tmp_path, -100, 100), BASE_WEEKS)["readiness"]
    assert 3.5 < readiness["tsb"] < 4.2
    return readiness["tsb"], readiness["ctl"]


def test_pmc_lower_edge(tmp_path, race_form):
    tsb, _ = race_form
    assert found(_pmc_scenario(tmp_path, tsb - 0.01, 15), BASE_WEEKS) == []
    assert found(_pmc_scenario(tmp_path, tsb + 0.1, 15), BASE_WEEKS) == [
        ("form_window", "2027-02-28", f"TSB +0.1 below the window ({tsb + 0.1:+g}…+15)")]


def test_pmc_upper_edge(tmp_path, race_form):
    tsb, _ = race_form
    assert found(_pmc_scenario(tmp_path, -5, tsb + 0.01), BASE_WEEKS) == []
    assert found(_pmc_scenario(tmp_path, -5, tsb - 0.1), BASE_WEEKS) == [
        ("form_window", "2027-02-28", f"TSB +0.1 above the window (-5…{tsb - 0.1:+g})")]


def test_default_pmc_window_flags_a_tired_athlete():
    # The shipped window is +5...+15; the base plan arrives at about +3.9.
    assert [f[:2] for f in found(make_scenario(model={"readiness": "pmc"}), BASE_WEEKS)] == [
        ("form_window", "2027-02-28")]


def test_runner_share_window(tmp_path, race_form):
    # The runner model's window is a share of race-day CTL: TSB / CTL is about 0.113 here.
    tsb, ctl = race_form
    share = tsb / ctl
    assert found(_runner_scenario(tmp_path, round(share - 0.001, 4), 0.35), BASE_WEEKS) == []
    low = round(share + 0.01, 4)
    assert [f[:2] for f in found(_runner_scenario(tmp_path, low, 0.35), BASE_WEEKS)] == [
        ("form_window", "2027-02-28")]
    high = round(share - 0.01, 4)
    violations = found(_runner_scenario(tmp_path, 0.0, high), BASE_WEEKS)
    assert [f[:2] for f in violations] == [("form_window", "2027-02-28")]
    assert violations[0][2].startswith(f"TSB +{tsb - high * ctl:.1f} above the window")


def test_not_checked_without_a_window():
    scenario = make_scenario(model={"readiness": "banister"})
    assert not scenario.readiness.has_form_window
    assert found(scenario, BASE_WEEKS) == []
