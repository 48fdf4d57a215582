"""Readiness recomputation: Banister p(T), the PMC recursion and its starting values."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from peakplan.modelfiles import BanisterModel
from peakplan.validate.recompute import banister_readiness, ewma, initial_ctl_atl, load_of, pmc_lambda

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


def test_default_start_is_easy_steady_state():
    # 200 min/week run easy: 200 / 7 · 0.70² · 100 / 60 = 23.333...
    assert initial_ctl_atl(make_scenario()) == pytest.approx((70 / 3, 70 / 3))
    assert initial_ctl_atl(make_scenario(athlete={"ctl": 50.0, "atl": 10.0})) == (50.0, 10.0)


def test_load_is_tss_like():
    assert float(load_of(60, 1.0)) == pytest.approx(100.0)  # one hour at threshold
    assert float(load_of(45, 0.7)) == pytest.approx(36.75)


def test_package_imports_first_in_a_fresh_interpreter():
    # peakplan.modelfiles and peakplan.scenario import each other; the validator must not trip on it.
    code = "import peakplan.validate.recompute, peakplan.validate"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
