"""Our equations against rows of the published Daniels tables.

Race equivalents: Daniels' Running Formula (3rd ed.) table 3.1, rows VDOT 30/40/50/60 (as given
in the issue and reproduced in r/artc "Dissecting Daniels part 4"). Training paces: VDOT 50 from
the issue (T 4:15/km, I 3:55/km, M 4:31/km); VDOT 49 as quoted from the book in a 2009 review
(E 8:40/mile, M 7:24/mile, T 4:20/km, I 3:59/km), with R 88 s per 400 m from the 3rd edition:
the 2009 review quotes the 2nd edition's 89 s, which the 3rd edition changed to 88 (every 3rd-edition
transcription agrees; the full table is tested in test_book_tables.py).

Tolerances we hold, and why:
- race times within 0.25 % of the table (the worst row, VDOT 30 marathon, is 0.18 % off: the
  tables are rounded to the second and Daniels smoothed the slow marathon rows; 0.25 % is
  29 s on a 3:10 marathon and 3 s on a 20-min 5K);
- VDOT of a table time within 0.1 of its row;
- training paces within 2 s/km (the tables print whole seconds per km, per mile or per 400 m,
  i.e. up to +/-1.25 s/km of rounding, plus the fractions' third decimal).
"""

from __future__ import annotations

import pytest

from peakplan.paces import KM_PER_MILE, RACE_DISTANCES_M, race_time_s, training_paces, vdot_from_race
from peakplan.timefmt import parse_duration_s

RACE_ROWS = [
    (30, "mile", "9:11"), (30, "5k", "30:40"), (30, "10k", "63:46"), (30, "half", "2:21:04"),
    (30, "marathon", "4:49:17"),
    (40, "mile", "7:07"), (40, "5k", "24:08"), (40, "10k", "50:03"), (40, "half", "1:50:59"),
    (40, "marathon", "3:49:45"),
    (50, "mile", "5:50"), (50, "5k", "19:57"), (50, "10k", "41:21"), (50, "half", "1:31:35"),
    (50, "marathon", "3:10:49"),
    (60, "mile", "4:57"), (60, "5k", "17:03"), (60, "10k", "35:22"), (60, "marathon", "2:43:25"),
]
# The reproduction also lists 14:03 for VDOT 40, faster than two of its own 7:07 miles: a
# transcription slip, left out (the equations give 15:08).
TWO_MILE_ROWS = [(30, "19:19"), (50, "12:28"), (60, "10:37")]
PACE_ROWS = [  # (vdot, pace, published s/km)
    (50, "threshold", 255.0), (50, "interval", 235.0), (50, "marathon", 271.0),
    (49, "threshold", 260.0), (49, "interval", 239.0), (49, "marathon", 444 / KM_PER_MILE),
    (49, "repetition", 88 / 0.4),   # 3rd edition; the 2nd edition (2009 review) printed 89
]
RACE_REL_TOL = 0.0025
VDOT_TOL = 0.1
PACE_TOL_S_PER_KM = 2.0


@pytest.mark.parametrize(("vdot", "distance", "published"), RACE_ROWS)
def test_equivalent_race_time_matches_table(vdot: int, distance: str, published: str) -> None:
    expected_s = parse_duration_s(published)
    assert race_time_s(vdot, RACE_DISTANCES_M[distance]) == pytest.approx(expected_s, rel=RACE_REL_TOL)


@pytest.mark.parametrize(("vdot", "published"), TWO_MILE_ROWS)
def test_two_mile_matches_table(vdot: int, published: str) -> None:
    assert race_time_s(vdot, 2 * KM_PER_MILE * 1000) == pytest.approx(parse_duration_s(published), rel=RACE_REL_TOL)


@pytest.mark.parametrize(("vdot", "distance", "published"), RACE_ROWS)
def test_vdot_of_table_time_is_its_row(vdot: int, distance: str, published: str) -> None:
    assert vdot_from_race(RACE_DISTANCES_M[distance], parse_duration_s(published)) == pytest.approx(vdot, abs=VDOT_TOL)


@pytest.mark.parametrize(("vdot", "pace", "published_s_per_km"), PACE_ROWS)
def test_training_pace_matches_table(vdot: int, pace: str, published_s_per_km: float) -> None:
    paces = training_paces(vdot)
    assert getattr(paces, f"{pace}_s_per_km") == pytest.approx(published_s_per_km, abs=PACE_TOL_S_PER_KM)


def test_easy_range_holds_the_published_easy_pace() -> None:
    """VDOT 49: E 8:40 per mile (2nd-edition single E pace) lies inside our E range."""
    slow, fast = training_paces(49).easy_s_per_km
    assert fast <= 520 / KM_PER_MILE <= slow


def test_worst_race_deviation_is_as_documented() -> None:
    """The module docstring's 0.18 % worst case stays the worst case (guards the stated tolerance)."""
    worst = max(abs(race_time_s(v, RACE_DISTANCES_M[d]) / parse_duration_s(t) - 1) for v, d, t in RACE_ROWS)
    assert worst < 0.0019
