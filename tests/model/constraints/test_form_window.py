"""form_window (readiness model pmc only): race-day TSB = CTL(T-1) - ATL(T-1) in [tsb_min, tsb_max].

PMC (docs/rules.md "Readiness"): lambda = 1 - e^{-1/tau}; CTL(d) = CTL(d-1) + lambda_ctl (load_d -
CTL(d-1)), same for ATL; CTL(-1) = ATL(-1) = current_weekly_minutes / 7 * .70^2 * 100 / 60 = 23.33
for 200 min (the daily load before the block: current minutes / 7 at the load per minute of the
`easy` session type, docs/rules.md "Load"). Readiness = CTL(T-1). Base scenario
(tests/model/support.py), T = 27, every rule family off. One session type, named `easy` so it
also sets the load before the block (IF .70, 0-100 min, no paces: the IF fallback):
load = minutes * .49 * 100/60.
The form window has no `enabled` switch (it is on exactly when the readiness model is pmc);
"switched off" is a window too wide to matter.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from peakplan.modelfiles import load_readiness

from ..support import WIDE_PMC, assert_infeasible, catalogue, only, readiness, solve_checked

RUN = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 100, "hard": False}}
LOAD_PER_MINUTE = 0.70**2 * 100 / 60
PMC = load_readiness("pmc")  # tau 42 / 7, window +5 .. +15


def race_tsb(result, tau_ctl: float = 42.0, tau_atl: float = 7.0) -> tuple[float, float]:
    """(CTL(T-1), TSB on race day) recomputed exactly from the plan's minutes."""
    loads = np.array([d.minutes * LOAD_PER_MINUTE for d in result.days[:-1]])
    start = 200 / 7 * 0.49 * 100 / 60
    ctl = atl = start
    for load in loads:
        ctl += (1 - math.exp(-1 / tau_ctl)) * (load - ctl)
        atl += (1 - math.exp(-1 / tau_atl)) * (load - atl)
    return ctl, ctl - atl


def tsb_coefficients(T: int = 27) -> np.ndarray:
    """d TSB(T) / d load_d for d < T: the CTL weight minus the ATL weight of day d."""
    lc, la = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    k = T - 1 - np.arange(T)
    return lc * (1 - lc) ** k - la * (1 - la) ** k


def tsb_range(result) -> tuple[float, float]:
    """Lowest and highest race-day TSB any plan can reach (availability is the only limit)."""
    start = 200 / 7 * 0.49 * 100 / 60
    T = len(result.days) - 1
    offset = start * math.exp(-T / 42) - start * math.exp(-T / 7)
    caps = np.array([result.scenario.availability.max_minutes[d.weekday] for d in result.days[:-1]])
    contribution = tsb_coefficients(T) * caps * LOAD_PER_MINUTE
    return float(offset + contribution[contribution < 0].sum()), float(offset + contribution[contribution > 0].sum())


@pytest.fixture
def run_cat(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, RUN)}


def test_feasible():
    result = solve_checked(only(**{"model.readiness": "pmc"}))
    assert PMC.tsb_min - 1e-3 <= result.readiness.tsb <= PMC.tsb_max + 1e-3


def test_tsb_min_binds(run_cat):
    # Maximising CTL(T-1) wants load every day; late load raises ATL faster than CTL, so the
    # race-day TSB is pushed down onto tsb_min = +5. It cannot sit much above: one more minute on
    # race-eve Saturday (60 min available) would add CTL at a TSB cost of
    # .8167 * (lambda_ctl - lambda_atl) = .8167 * (.0235 - .1331) = -.0895, so TSB < 5 + .09.
    result = solve_checked(only(**run_cat, **{"model.readiness": "pmc"}))
    ctl, tsb = race_tsb(result)
    assert 5.0 <= tsb < 5.0 + 0.0895
    assert ctl == pytest.approx(result.objective, abs=1e-3)
    assert result.readiness.tsb == pytest.approx(tsb, abs=1e-3)
    assert result.days[-2].minutes < 60 or result.days[-3].minutes < 60  # the taper the window forces


def test_past_the_edge_window_above_the_highest_reachable_tsb(tmp_path, run_cat):
    # The highest race-day TSB: load only (and fully) on days whose TSB coefficient is positive
    # (more than ~15 days out), rest on the others. tsb_min 0.01 below it: feasible, and the
    # plan's TSB lies in [high - 0.01, high]; 0.01 above: infeasible, form_window named (with
    # the availability caps that bound the load). The model keeps a rounding margin of at most
    # 27 days x 0.5e-6 x 100 min = 0.0014, well inside 0.01.
    probe = solve_checked(only(**run_cat, **{"model.readiness": "pmc"}))
    _, high = tsb_range(probe)
    window = {**WIDE_PMC, "tsb_max": 1000.0}
    inside = solve_checked(only(**run_cat, **{"model.readiness": readiness(tmp_path, {**window, "tsb_min": high - 0.01}, "in")}))
    assert high - 0.01 <= race_tsb(inside)[1] <= high + 1e-9
    past = only(**run_cat, **{"model.readiness": readiness(tmp_path, {**window, "tsb_min": high + 0.01}, "past")})
    assert assert_infeasible(past, "form_window") <= {"form_window", "availability"}


def test_past_the_edge_window_below_the_lowest_reachable_tsb(tmp_path, run_cat):
    # The lowest race-day TSB: full load on every day whose coefficient is negative (the last
    # ~15 days), rest before. tsb_max 0.01 above it: feasible; 0.01 below: infeasible.
    probe = solve_checked(only(**run_cat, **{"model.readiness": "pmc"}))
    low, _ = tsb_range(probe)
    window = {**WIDE_PMC, "tsb_min": -1000.0}
    inside = solve_checked(only(**run_cat, **{"model.readiness": readiness(tmp_path, {**window, "tsb_max": low + 0.01}, "in")}))
    assert low - 1e-9 <= race_tsb(inside)[1] <= low + 0.01
    past = only(**run_cat, **{"model.readiness": readiness(tmp_path, {**window, "tsb_max": low - 0.01}, "past")})
    assert assert_infeasible(past, "form_window") == {"form_window", "availability"}


def test_switched_off_race_day_form_drops(tmp_path, run_cat):
    on = solve_checked(only(**run_cat, **{"model.readiness": "pmc"}))
    off = solve_checked(only(**run_cat, **{"model.readiness": readiness(tmp_path, WIDE_PMC)}))
    # no window: every available minute is trained, race-eve Saturday included, form goes
    # negative and fitness (CTL) is higher
    assert all(d.minutes == off.scenario.availability.max_minutes[d.weekday] for d in off.days[:-1])
    assert race_tsb(off)[1] < 0
    assert race_tsb(on)[1] >= 5
    assert off.objective > on.objective


def test_per_day_pmc_columns_use_the_models_time_constants(tmp_path, run_cat):
    # docs/rules.md: the plan's per-day CTL/ATL/TSB use the PMC constants 42/7 only when the
    # readiness model is banister; with a pmc model they follow its own time constants.
    # (Regression: plan_days() used 42/7 for every model, so a pmc model with tau 30/5 gave
    # plan_consistency violations in the validator.)
    model = {"kind": "pmc", "tau_ctl_days": 30.0, "tau_atl_days": 5.0, "tsb_min": 5.0, "tsb_max": 15.0}
    result = solve_checked(only(**run_cat, **{"model.readiness": readiness(tmp_path, model, "pmc30")}))
    _, tsb = race_tsb(result, 30.0, 5.0)
    assert result.days[-1].tsb == pytest.approx(tsb, abs=2e-3)
