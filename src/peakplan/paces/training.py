"""Training paces and race equivalents from VDOT (Daniels' Running Formula, 3rd ed., 2013).

Every training pace is a formula with a few constants, not a lookup. The constants were fitted
to the book's training-pace table (3rd edition, chapter 5, VDOT 30-85, transcribed in
``tests/paces/data/daniels_3rd_edition_paces.tsv``). The fitting criterion is minimax, the
smallest worst-case deviation over the 56 rows, except for M (see below). The constants were then
rounded to the digits shown. ``python tests/paces/test_book_tables.py`` reruns the fit, and
``tests/paces/test_book_tables.py`` holds every pace to +/-3 s/km of every row. Residuals are
model minus book, in s/km, after rounding (+ means the model is slower).

Most paces are "fraction of VDOT" paces: the speed whose oxygen cost (Daniels & Gilbert 1979, see
``daniels.py``) equals that fraction of VDOT.

- E, slow end: ``EASY_SLOW_FRACTION`` = 0.6326 of VDOT, the same at every VDOT. This is near the
  low end of the 59-74 % of VO2max that Daniels gives for E running. Fitted to the E per-km slow
  column. Worst residual: -1.8 (VDOT 72) and +1.8 (VDOT 30).
- E, fast end: ``EASY_FAST_FRACTION`` is 0.7308 of VDOT at VDOT 50, plus 0.00027 per VDOT point
  (0.7254 at VDOT 30, 0.740 at 85): fitter runners' easy running sits at a slightly higher
  fraction. Fitted to the E per-km fast column. Worst residual: +/-0.7 (VDOT 61 and 72).
- M: the equivalent marathon race pace (``race_time_s`` over 42.195 km). Below VDOT 50.5 it is
  slowed by ``MARATHON_SLOWING``: 0.026 s/km times (50.5 - VDOT) squared, which is +10.9 s/km at
  VDOT 30, +2.9 at 40 and +0.5 at 46. The 2nd edition's M was the race pace itself. The 3rd
  edition slowed M for runners whose marathon is slower than about 3:10 (VDOT 50): by 12 s/km at
  VDOT 30, 4 at 38-39 and 1 at 43-45. Both constants were fitted to the M per-km column by least
  squares. Minimax does not pin them down, because its worst row (VDOT 80) lies above the hinge.
  Worst residual: +0.6 (VDOT 80) and -0.6 (VDOT 31).
- T: ``THRESHOLD_FRACTION`` = 0.8796 of VDOT. Daniels puts threshold running at about 88 % of
  VO2max. Fitted to the T per-km column. Worst residual: +0.6 (VDOT 69).
- I: ``INTERVAL_FRACTION`` = 0.9763 of VDOT. Daniels: 95-100 % of VO2max, the pace of a race that
  lasts 10-12 minutes. Fitted to the I per-km column, or to 2.5 x I per 400 m at VDOT 30-36, where
  the book prints no per-km value. Worst residual: +1.2 (VDOT 32) and -1.2 (VDOT 39).
- R: the I pace minus a fixed time, ``REPETITION_GAP_S_PER_KM``: 21.0 s/km up to VDOT 47 and
  15.7 s/km from VDOT 50, linear in between (``REPETITION_GAP_VDOTS``). This is how the book's
  R column is built: R per 400 m is I per 400 m minus 8 s at every row up to VDOT 47, minus 7 s
  at 48-49, and minus 6 s from VDOT 50 up. Daniels describes R as about current mile race pace,
  but the table is not the equivalent mile pace. It is 6-10 s/km faster at VDOT 30-39 and up to
  4 s/km slower at 53-57. Scaling and offsetting the mile pace leaves 3.8 s/km at worst. Fitted
  per km, the gaps come out at 21.0 and 15.7 s/km rather than 20 and 15, because the book's I
  per-km column runs about 1 s/km slower than its I per-400 column. Both gaps were fitted with
  I fixed at its own fraction. The target is 2.5 x R per 400 m, or 5 x R per 200 m at VDOT 30-33,
  where no 400 m value is printed. Worst residual: +2.2 (VDOT 77) and -2.2 (VDOT 57).

``VDOT_RANGE`` lets the formulas extend a little past the table (15-90), and the paces stay
ordered there: E slow > E fast > M > T > I > R. The M correction keeps growing below VDOT 30
(+33 s/km at VDOT 15), so that end is an extrapolation.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from peakplan.paces.daniels import pace_s_per_km_at, race_time_s
from peakplan.paces.distances import RACE_DISTANCES_M

EASY_SLOW_FRACTION = 0.6326
EASY_FAST_FRACTION = (0.7308, 0.00027)         # (fraction of VDOT at VDOT 50, change per VDOT point)
MARATHON_SLOWING = (0.026, 50.5)               # (s/km per VDOT point squared, VDOT it starts below)
THRESHOLD_FRACTION = 0.8796
INTERVAL_FRACTION = 0.9763
REPETITION_GAP_S_PER_KM = (21.0, 15.7)         # R = I minus this: (up to the first VDOT, from the second)
REPETITION_GAP_VDOTS = (47.0, 50.0)            # the gap changes linearly between these VDOTs
MARATHON_M = RACE_DISTANCES_M["marathon"]
# VDOTs the published tables span (Daniels' Running Formula: 30-85), with a margin either side.
VDOT_RANGE = (15.0, 90.0)


class Paces(BaseModel):
    """Training paces (seconds per km) of one VDOT. ``easy_s_per_km`` is (slow, fast)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    vdot: float = Field(description="VDOT (Daniels & Gilbert) the paces are computed from")
    easy_s_per_km: tuple[float, float] = Field(description="E pace range (slow, fast), seconds per km")
    marathon_s_per_km: float = Field(description="M pace, seconds per km")
    threshold_s_per_km: float = Field(description="T pace, seconds per km")
    interval_s_per_km: float = Field(description="I pace, seconds per km")
    repetition_s_per_km: float = Field(description="R pace, seconds per km")

    def race_s_per_km(self, distance_km: float) -> float:
        """Even pace of an all-out race over ``distance_km`` at this VDOT."""
        return race_time_s(self.vdot, distance_km * 1000.0) / distance_km

    def race_time_s(self, distance_km: float) -> float:
        return race_time_s(self.vdot, distance_km * 1000.0)


def marathon_s_per_km(vdot: float) -> float:
    """M pace: the equivalent marathon race pace, slowed below VDOT 50.5 as the 3rd edition does."""
    per_vdot_squared, below = MARATHON_SLOWING
    race_pace = race_time_s(vdot, MARATHON_M) / (MARATHON_M / 1000.0)
    return race_pace + per_vdot_squared * max(0.0, below - vdot) ** 2


def repetition_gap_s_per_km(vdot: float) -> float:
    """How much faster R is than I, in s/km (the book's 8 s per 400 m low down, 6 s higher up)."""
    (low_gap, high_gap), (low_vdot, high_vdot) = REPETITION_GAP_S_PER_KM, REPETITION_GAP_VDOTS
    share = min(1.0, max(0.0, (vdot - low_vdot) / (high_vdot - low_vdot)))
    return low_gap + (high_gap - low_gap) * share


def training_paces(vdot: float) -> Paces:
    """E (range), M, T, I and R paces in s/km for ``vdot`` (formulas and constants in the module docstring)."""
    if not VDOT_RANGE[0] <= vdot <= VDOT_RANGE[1]:
        low, high = VDOT_RANGE
        raise ValueError(f"VDOT {vdot:.1f} is outside {low:g}-{high:g}, the range the Daniels tables cover")
    fast_at_50, fast_per_vdot = EASY_FAST_FRACTION
    interval = pace_s_per_km_at(vdot, INTERVAL_FRACTION)
    return Paces(
        vdot=vdot,
        easy_s_per_km=(pace_s_per_km_at(vdot, EASY_SLOW_FRACTION),
                       pace_s_per_km_at(vdot, fast_at_50 + fast_per_vdot * (vdot - 50.0))),
        marathon_s_per_km=marathon_s_per_km(vdot),
        threshold_s_per_km=pace_s_per_km_at(vdot, THRESHOLD_FRACTION),
        interval_s_per_km=interval,
        repetition_s_per_km=interval - repetition_gap_s_per_km(vdot),
    )


def equivalents_s(vdot: float) -> dict[str, float]:
    """Equivalent race times (s) for 1500 m to the marathon at this VDOT (Daniels & Gilbert 1979)."""
    return {name: race_time_s(vdot, metres) for name, metres in RACE_DISTANCES_M.items()}
