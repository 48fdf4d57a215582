"""`compare --models`: one plan scored under several readiness models, each from the plan's own loads
and the athlete's training before the block (docs/science.md "Readiness").

Busso (2003), by hand: p(t) = p0 + k1 sum_i w_i e^{-(t-i)/tau1} - sum_i k2(i) w_i e^{-(t-i)/tau2},
k2(i) = k3 sum_{j<=i} w_j e^{-(i-j)/tau3}, over the 400 days before the block and its training days
(race day excluded); with baseline athlete, p0 = the current VDOT minus what the training before
the block gives on day 0. The plan: Sun 2027-01-24 .. race Sun 2027-01-31 (tests/model/test_loads.py's
one-day block), athlete.vdot 50, 60 min of intervals on Tuesday 2027-01-26.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

import peakplan
from peakplan.modelfiles import load_readiness
from peakplan.plan.build import build_plan
from peakplan.report.robustness import load_model, score, scores
from peakplan.scenario import scenario_from_dict

from .helpers import TINY, run_cli

ONE_DAY = {**TINY, "start_date": "2027-01-24", "race": {"distance": "10k", "date": "2027-01-31"},
           "athlete": {**TINY["athlete"], "vdot": 50.0},
           "availability": {"max_minutes": {"mon": 0, "tue": 75, "wed": 0, "thu": 0, "fri": 0, "sat": 0, "sun": 0}},
           "rules": {"taper": {"weeks": 0, "volume_bands": [[0.0, 1.5]]}}}


def one_day_plan(minutes: int):
    sc = scenario_from_dict(ONE_DAY)
    sessions, mins = ["rest"] * 7, [0] * 7
    if minutes:
        sessions[2], mins[2] = "intervals", minutes
    return build_plan(sc, sessions, mins)


def busso_by_hand(model, loads: np.ndarray, t: int) -> float:
    """p(t) - p0 of Busso's model, loads oldest first, the days before index t counting."""
    total = 0.0
    for i in range(t):
        gain = model.k3 * sum(loads[j] * math.exp(-(i - j) / model.tau_gain_days) for j in range(i + 1))
        total += loads[i] * (model.k1 * math.exp(-(t - i) / model.tau_fitness_days)
                             - gain * math.exp(-(t - i) / model.tau_fatigue_days))
    return total


def test_busso_score_by_hand():
    plan = one_day_plan(60)
    model = load_model("busso")
    before = np.full(400, 200 / 7 * _easy_per_minute(plan))   # current 200 min a week run easy
    training = np.array([d.load for d in plan.training_days])
    p0 = 50.0 - busso_by_hand(model, before, len(before))
    expected = p0 + busso_by_hand(model, np.concatenate([before, training]), len(before) + len(training))
    assert score(plan, "busso").value == pytest.approx(expected, abs=1e-9)
    assert score(plan, "busso").unit == "VDOT"


def _easy_per_minute(plan) -> float:
    """The easy session's load per minute at the plan's paces: (T / mean E)^2 x 100 / 60."""
    p = plan.paces
    return (p.threshold_s_per_km / (sum(p.easy_s_per_km) / 2)) ** 2 * 100 / 60


def test_busso_fatigue_grows_with_the_load():
    # Busso's fatigue gain k2 grows with recent load, so its response is not linear: twice the load
    # on the same day is worth less than twice the change; Banister (runner) is linear in the loads.
    rest, single, double = (one_day_plan(m) for m in (0, 30, 60))
    busso = [score(p, "busso").value for p in (rest, single, double)]
    runner = [score(p, "runner").value for p in (rest, single, double)]
    assert double.days[2].load == pytest.approx(2 * single.days[2].load, abs=2e-3)
    assert busso[2] - busso[0] < 2 * (busso[1] - busso[0])
    assert runner[2] - runner[0] == pytest.approx(2 * (runner[1] - runner[0]), rel=1e-3)


def test_runner_and_pmc_scores_are_the_plans_own_numbers():
    plan = one_day_plan(60)
    runner, pmc = scores(plan, ["runner", "pmc"])
    # the scenario's p0 is stored to 6 decimals (scenario/loader.py), the score derives it afresh
    assert runner.value == pytest.approx(plan.objective, abs=1e-6) and runner.unit == "VDOT"
    # pmc: race-day CTL with the 42/7-day constants the plan's per-day columns use under banister
    assert load_readiness("pmc").tau_ctl_days == 42.0
    assert (pmc.unit, round(pmc.value, 3)) == ("CTL", plan.readiness.ctl)
    assert f"TSB {plan.readiness.tsb:+.1f}" in pmc.note


def test_compare_models_cli(tmp_path):
    path = tmp_path / "plan.json"
    peakplan.write_plan(path, one_day_plan(60))
    code, out, err = run_cli("compare", path, "--models", "runner,pmc,busso", "--json")
    assert code == 0, err
    (entry,) = [v for v in json.loads(out)["variants"] if "scores" in v]
    assert [s["model"] for s in entry["scores"]] == ["runner", "pmc", "busso"]
    assert entry["scores"][2]["value"] == pytest.approx(score(peakplan.read_plan(path), "busso").value, abs=1e-9)
    code, _, err = run_cli("compare", path, "--models", "runner,nosuchmodel")
    assert code == 2 and "nosuchmodel" in err
