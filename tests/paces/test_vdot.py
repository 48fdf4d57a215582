"""Properties of the VDOT equations and training paces, beyond the table rows."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peakplan.paces import (
    RACE_DISTANCES_M,
    distance_m,
    equivalents_s,
    paces_from_race,
    race_time_s,
    training_paces,
    vdot_from_race,
)
from peakplan.paces.daniels import fraction_sustainable, speed_at_vo2, vo2_cost


@given(st.floats(min_value=20, max_value=85), st.sampled_from(sorted(RACE_DISTANCES_M.values())))
def test_race_time_inverts_vdot(vdot: float, metres: float) -> None:
    """Bisection solves vdot_from_race(d, t) = vdot to well under a second."""
    time_s = race_time_s(vdot, metres)
    assert vdot_from_race(metres, time_s) == pytest.approx(vdot, abs=1e-5)


@given(st.floats(min_value=5, max_value=120))
def test_speed_at_vo2_inverts_the_cost(vo2: float) -> None:
    assert vo2_cost(speed_at_vo2(vo2)) == pytest.approx(vo2, rel=1e-12)


def test_sustainable_fraction_is_about_one_at_eleven_minutes() -> None:
    """Daniels: VO2max pace can be raced for roughly 10-12 minutes."""
    assert fraction_sustainable(11) == pytest.approx(1.0, abs=0.002)


@pytest.mark.parametrize("vdot", [30, 45, 60, 75])
def test_paces_are_ordered(vdot: float) -> None:
    p = training_paces(vdot)
    slow, fast = p.easy_s_per_km
    assert slow > fast > p.marathon_s_per_km > p.threshold_s_per_km > p.interval_s_per_km > p.repetition_s_per_km


def test_equivalents_grow_with_distance_and_fall_with_vdot() -> None:
    low, high = equivalents_s(40), equivalents_s(60)
    assert list(low.values()) == sorted(low.values())
    assert all(high[k] < low[k] for k in low)


def test_paces_from_race_reproduces_the_race() -> None:
    p = paces_from_race("10k", "40:00")
    assert p.race_time_s(10.0) == pytest.approx(2400, abs=0.01)
    assert p.vdot == pytest.approx(51.94, abs=0.01)


@pytest.mark.parametrize(("text", "metres"), [("10k", 10000), ("Half", 21097.5), ("12.5", 12500), ("8km", 8000),
                                              ("mile", 1609.344), (3.0, 3000)])
def test_distance_parsing(text: str | float, metres: float) -> None:
    assert math.isclose(distance_m(text), metres)


@pytest.mark.parametrize("text", ["10q", "", "0.1", "500", "-5"])
def test_bad_distances_raise(text: str) -> None:
    with pytest.raises(ValueError):
        distance_m(text)


def test_vdot_outside_the_tables_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        training_paces(120)
    with pytest.raises(ValueError):
        vdot_from_race(0, 100)
