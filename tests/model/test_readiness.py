"""Readiness: the objective (docs/rules.md "Readiness") and its integer scaling (model/scale.py).

- banister: p(T) = p0 + sum_{d<T} load_d c(T-d) + sum_{m=1}^{400} pre_m c(T+m),
  c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}, pre_m the daily load before the block;
- pmc: readiness = CTL(T-1) = CTL(-1) (1 - l)^T + sum_{d<T} l (1 - l)^{T-1-d} load_d, l = 1 - e^{-1/42}
The base scenario has no race result or goal time, so a day's load is minutes * IF^2 * 100 / 60
with the catalogue's IF, and the load before the block is current_weekly_minutes / 7 at the easy
type's load per minute (docs/rules.md "Load"). CP-SAT maximises sum round(w_d * load_per_minute *
1e6) * minutes (peakplan.model.scale.objective_coefficient); the plan's objective is recomputed in floats.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from peakplan.model.scale import OBJECTIVE_SCALE, objective_coefficient, objective_value
from peakplan.modelfiles import BanisterModel, load_catalogue, load_readiness
from peakplan.readiness import day_weights as product_day_weights

from .support import SWITCHABLE, WEEKDAYS, catalogue, only, solve_checked

BANISTER = load_readiness("banister")
PMC = load_readiness("pmc")


def day_weights(model, T: int) -> np.ndarray:
    """Readiness per unit load on days d = 0 .. T-1, from docs/rules.md (not from the model)."""
    n = T - np.arange(T)  # days before the race
    if isinstance(model, BanisterModel):
        return model.k1 * np.exp(-n / model.tau_fitness_days) - model.k2 * np.exp(-n / model.tau_fatigue_days)
    lam = 1 - math.exp(-1 / model.tau_ctl_days)
    return lam * (1 - lam) ** (n - 1)


def fallback_per_minute(intensity_factor: float) -> float:
    return intensity_factor**2 * 100 / 60


def exact_and_scaled(result, model) -> tuple[float, float, float]:
    """(exact readiness, the value CP-SAT's integer objective stands for, baseline) of a plan."""
    sessions = load_catalogue(result.scenario.model.catalogue).sessions
    T = len(result.days) - 1
    weights = day_weights(model, T)
    per_minute = np.array([fallback_per_minute(sessions[d.session].intensity_factor) if d.session in sessions else 0.0
                           for d in result.days[:-1]])
    minutes = np.array([d.minutes for d in result.days[:-1]], dtype=float)
    before = result.scenario.athlete.current_weekly_minutes / 7 * fallback_per_minute(sessions["easy"].intensity_factor)
    if isinstance(model, BanisterModel):
        m = np.arange(1, 401)
        carried = before * float(np.sum(model.k1 * np.exp(-(T + m) / model.tau_fitness_days)
                                        - model.k2 * np.exp(-(T + m) / model.tau_fatigue_days)))
        baseline = model.p0 + carried
    else:
        baseline = before * math.exp(-T / model.tau_ctl_days)  # CTL(-1) (1 - l)^T
    exact = baseline + float(np.sum(weights * per_minute * minutes))
    coefficients = [objective_coefficient(w * lpm) for w, lpm in zip(weights, per_minute, strict=True)]
    scaled = baseline + objective_value(sum(c * int(m) for c, m in zip(coefficients, minutes, strict=True)))
    return exact, scaled, baseline


@pytest.mark.parametrize("readiness", ["banister", "pmc", "runner"])
@pytest.mark.parametrize("families", [("phases", "quotas"), SWITCHABLE], ids=["phases+quotas", "all-rules"])
def test_integer_objective_rounding_error_below_a_tenth_of_a_percent(readiness, families):
    result = solve_checked(only(*families, **{"model.readiness": readiness}))
    assert result.status == "OPTIMAL" and result.gap == 0.0 and result.bound == result.objective
    model = result.scenario.readiness  # as resolved (runner: p0 from the athlete's VDOT)
    assert model == {"banister": BANISTER, "pmc": PMC}.get(readiness, model)
    exact, scaled, baseline = exact_and_scaled(result, model)
    gain = abs(exact - baseline)  # what training adds; the error is measured against this
    assert gain > (0.1 if readiness == "runner" else 1.0)  # runner: VDOT points
    assert abs(scaled - exact) < 1e-3 * gain
    # the plan's objective is the float recomputation (loads rounded to 3 decimals in the plan)
    assert result.objective == pytest.approx(exact, abs=1e-3 * gain)
    assert result.readiness.race_day == result.objective


def test_scaled_objective_matches_the_solver(tmp_path):
    # The integer objective CP-SAT reports equals the mapping recomputed from the plan's days.
    from peakplan.model.build import build
    from peakplan.model.solver import solve as run_solver

    sc = only("phases", "quotas")
    ctx, objective = build(sc)
    raw = run_solver(ctx, objective, sc.solver)
    result = solve_checked(sc)
    _, scaled, baseline = exact_and_scaled(result, result.scenario.readiness)  # the default: runner
    assert objective.offset == baseline
    assert objective_value(raw.scaled_objective) + objective.offset == pytest.approx(scaled, abs=1 / OBJECTIVE_SCALE)


def test_optimum_is_full_load_until_t_star_then_rest(tmp_path):
    # Fitz-Clarke, Morton & Banister (1991): with one session type and nothing but a daily cap,
    # the optimal Banister plan trains at the cap until t* days before the race, then rests,
    # with t* = ln(k2/k1) / (1/tau2 - 1/tau1): the day where a unit of load starts to cost
    # more fatigue than it brings fitness by race day.
    # models/banister.yaml: k1 .18, k2 .23, tau1 36, tau2 21:
    # t* = ln(.23/.18) / (1/21 - 1/36) = 0.24512 / 0.019841 = 12.35 days.
    # So the last 12 days before the race (n = T - d = 1..12) are rest, and every day with
    # n >= 13 is a full 60-min run. (Rest is implicit: the catalogue holds only `run`.)
    k1, k2, tau1, tau2 = BANISTER.k1, BANISTER.k2, BANISTER.tau_fitness_days, BANISTER.tau_fatigue_days
    t_star = math.log(k2 / k1) / (1 / tau2 - 1 / tau1)
    assert t_star == pytest.approx(12.35, abs=0.01)
    run = {"run": {"intensity_factor": 0.7, "min_minutes": 0, "max_minutes": 60, "hard": False}}
    sc = only(**{"model.catalogue": catalogue(tmp_path, run), "model.readiness": "banister",
                 "availability.max_minutes": dict.fromkeys(WEEKDAYS, 60)})
    assert not any(getattr(sc.rules, f).enabled for f in SWITCHABLE)
    result = solve_checked(sc)
    T = len(result.days) - 1
    for d, day in enumerate(result.days[:-1]):
        expected = 60 if T - d > t_star else 0
        assert day.minutes == expected, (day.date, T - d)
        assert day.session == ("run" if expected else "rest")
    assert [T - d for d, day in enumerate(result.days[:-1]) if day.minutes][-1] == 13
    # the sign change of the day weight c(n) sits between n = 12 and n = 13 (index 0 of the
    # product's day_weights(model, n) is the weight of the day n days before the race)
    assert product_day_weights(BANISTER, 13)[0] > 0 > product_day_weights(BANISTER, 12)[0]
