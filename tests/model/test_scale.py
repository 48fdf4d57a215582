"""model/scale.py: the one place where ratios become integers. Caps are rounded down and floors
up (in basis points, 1.0 = 10 000), so a plan the model accepts keeps the rule as written in
docs/rules.md; objective coefficients are rounded to the nearest millionth.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peakplan.model.scale import (
    OBJECTIVE_SCALE,
    RATIO_SCALE,
    cap_ratio,
    floor_ratio,
    objective_coefficient,
    objective_value,
)

from .support import FLAT, RACE_WEEK_REST, THREE_LOADING_WEEKS, catalogue, only, readiness, solve_checked, week_minutes

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}


@pytest.mark.parametrize(("value", "cap", "floor"), [
    (0.0, 0, 0), (1.0, 10_000, 10_000), (0.75, 7500, 7500),
    (0.29, 2900, 2900),            # 0.29 * 1e4 = 2899.9999999999995 in binary: no spurious 2899 / 2901
    (1.1, 11_000, 11_000),         # 1.1 * 1e4 = 11000.000000000002
    (1 / 3, 3333, 3334),           # not representable in basis points: cap down, floor up
    (0.5 ** 0.5, 7071, 7072),      # an irrational ratio
    (0.12345, 1234, 1235),
])
def test_ratio_rounding(value, cap, floor):
    assert cap_ratio(value) == cap
    assert floor_ratio(value) == floor


def test_objective_coefficient_rounds_to_nearest():
    assert objective_coefficient(0.0012345674) == 1235  # 1234.5674 -> nearest
    assert objective_coefficient(-0.0009) == -900
    assert objective_value(1_500_000) == 1.5 and OBJECTIVE_SCALE == 1_000_000 and RATIO_SCALE == 10_000


@settings(max_examples=300, deadline=None)
@given(bp=st.integers(0, 20_000), a=st.integers(0, 3000), b=st.integers(0, 3000))
def test_caps_and_floors_in_basis_points_are_exact(bp, a, b):
    # A ratio with at most 4 decimals (what scenarios carry) is scaled without loss: the integer
    # check a * 1e4 <= cap * b holds exactly when a <= r * b holds in exact arithmetic.
    r = bp / RATIO_SCALE
    exact = Fraction(bp, RATIO_SCALE)
    assert (a * RATIO_SCALE <= cap_ratio(r) * b) == (a <= exact * b)
    assert (a * RATIO_SCALE >= floor_ratio(r) * b) == (a >= exact * b)


@settings(max_examples=300, deadline=None)
@given(r=st.floats(0, 2, allow_nan=False), a=st.integers(0, 3000), b=st.integers(0, 3000))
def test_scaled_rules_are_never_looser_than_the_rule(r, a, b):
    # Any float ratio: what the integer cap accepts keeps a <= r * b, what the integer floor
    # accepts keeps a >= r * b (up to the 1e-6 bp noise guard, i.e. 1e-10 relative).
    if a * RATIO_SCALE <= cap_ratio(r) * b:
        assert a <= r * b * (1 + 1e-9) + 1e-9
    if a * RATIO_SCALE >= floor_ratio(r) * b:
        assert a >= r * b * (1 - 1e-9) - 1e-9


def test_cap_rounded_down_in_a_solved_plan(tmp_path):
    # Three loading weeks, deload every 2 weeks: week 2 is the deload, REF = V(1) (see
    # tests/model/constraints/test_deload.py). Deload volume_factor 2/3 (not a whole number of
    # basis points: 6666 bp). Ramp .50 makes week 1 = 1.5 * 200 = 300. The rule as written allows
    # week 2 <= 2/3 * 300 = 200; the model's cap is 0.6666 * 300 = 199.98 -> 199 min: stricter, never
    # looser. The validator (exact floats) accepts the plan.
    result = solve_checked(only("deload", "weekly_ramp", **{
        "model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT),
        "rules.deload.every_weeks": 2, "rules.deload.volume_factor": 2 / 3, "rules.weekly_ramp.max_increase": 0.5,
        **THREE_LOADING_WEEKS}))
    assert week_minutes(result, 1) == 300
    assert week_minutes(result, 2) == 199


def test_floor_rounded_up_in_a_solved_plan(tmp_path):
    # One taper week (R = 2, race week = taper week 2 of 2) with the race-week band's floor 1/3,
    # 3334 bp rounded up. Readiness RACE_WEEK_REST: race-week load only costs, so race week sits on
    # its floor. Ramp .5 and peak 300 make weeks 1 and 2 = 300 = REF(P).
    # The rule as written needs race week >= 300 / 3 = 100.0; the model's rounded-up floor needs
    # .3334 * 300 = 100.02 -> 101: one minute stricter, never looser.
    result = solve_checked(only("taper", "weekly_ramp", **{
        "model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, RACE_WEEK_REST),
        "rules.taper.weeks": 1, "rules.taper.volume_bands": [[0.70, 0.90], [1 / 3, 0.70]],
        "rules.taper.keep_frequency": False,
        "rules.weekly_ramp.max_increase": 0.5, "athlete.peak_weekly_minutes": 300}))
    assert [week_minutes(result, w) for w in (1, 2)] == [300, 300]
    assert week_minutes(result, 4) == 101
