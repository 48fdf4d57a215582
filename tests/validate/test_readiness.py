"""Readiness and load recomputation: the validator's numbers against the formulas of docs/rules.md
"Load" and "Readiness", and against the test's own second implementation (plan_loads.py)."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from peakplan.modelfiles import BanisterModel
from peakplan.paces import training_paces
from peakplan.validate.recompute import banister_readiness, ewma, initial_ctl_atl, load_of, pmc_lambda
from peakplan.validate.session_load import athlete_paces, athlete_vdot, per_minute, pre_block_level

from . import plan_loads
from .plan_builder import make_scenario

MODEL = BanisterModel(kind="banister", k1=0.18, k2=0.23, tau_fitness_days=36.0, tau_fatigue_days=21.0, p0=262.0)


def test_banister_single_impulse():
    # Load 100 two days before the race (race load ignored): 262 + 100·(0.18 e^{-2/36} − 0.23 e^{-2/21}).
    expected = 262 + 100 * (0.18 * math.exp(-2 / 36) - 0.23 * math.exp(-2 / 21))
    assert banister_readiness(MODEL, np.array([100.0, 0.0, 999.0])) == pytest.approx(expected, rel=1e-12)
    assert expected < 262  # with k2 > k1 a load two days out still costs readiness


def test_pmc_recursion():
    lam = pmc_lambda(7.0)
    assert lam == pytest.approx(1 - math.exp(-1 / 7))
    assert ewma(np.full(5, 40.0), 40.0, 7.0) == pytest.approx([40.0] * 5)  # steady state stays
    assert ewma(np.array([100.0]), 0.0, 7.0)[0] == pytest.approx(100 * lam)


def test_threshold_hour_is_100():
    assert float(load_of(60, 1.0)) == pytest.approx(100.0)  # one hour at threshold
    assert float(load_of(45, 0.7)) == pytest.approx(36.75)


def test_load_per_minute_agrees_with_the_second_implementation():
    for overrides in ({}, {"athlete": {"vdot": None}}, {"athlete": {"vdot": None}, "race": {"goal_time": "22:30"}}):
        scenario = make_scenario(**overrides)
        paces = athlete_paces(scenario)
        for name, kind in scenario.catalogue.sessions.items():
            assert per_minute(kind, paces, 5.0) == pytest.approx(plan_loads.per_minute(scenario, name), rel=1e-12), name
        assert athlete_vdot(scenario) == pytest.approx(plan_loads.current_vdot(scenario), rel=1e-12)


def test_zone_paces_of_the_contract():
    # an hour at threshold pace is 100: f(T) = 100 / 60; recovery is run at 1.08 × the slow end of E.
    scenario = make_scenario()
    paces = training_paces(45.0)
    assert plan_loads.zone_factor(scenario, "threshold", 5.0) == pytest.approx(100 / 60)
    slow = paces.easy_s_per_km[0]
    assert plan_loads.zone_factor(scenario, "recovery", 5.0) == \
        pytest.approx((paces.threshold_s_per_km / (1.08 * slow)) ** 2 * 100 / 60)


def test_default_start_is_the_pre_block_steady_state():
    # 200 min a week run easy at VDOT 45's E pace: 200 / 7 · 1.0975 = 31.358.
    scenario = make_scenario()
    assert pre_block_level(scenario, athlete_paces(scenario)) == pytest.approx(plan_loads.pre_block_load(scenario))
    assert initial_ctl_atl(scenario) == pytest.approx((31.358, 31.358), abs=1e-3)
    assert initial_ctl_atl(make_scenario(athlete={"ctl": 50.0, "atl": 10.0})) == (50.0, 10.0)


def test_package_imports_first_in_a_fresh_interpreter():
    # peakplan.modelfiles and peakplan.scenario import each other; the validator must not trip on it.
    code = "import peakplan.validate.recompute, peakplan.validate"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
