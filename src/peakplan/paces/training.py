"""Training paces and race equivalents from VDOT (Daniels' Running Formula, 3rd ed., ch. 3-4).

Each training pace is the speed whose oxygen cost (Daniels & Gilbert 1979) equals a fraction of
VDOT. The fractions, and where they come from:

- E (easy, a range): 0.62-0.70 of VDOT. Daniels describes E running as 59-74 % of VO2max; his
  published E pace range, back-calculated with the oxygen-cost equation, spans about 62-70 %
  of VDOT, and the single E pace of the 2nd edition tables (e.g. 8:40/mile at VDOT 49) sits
  at 67 %.
- M (marathon): not a fixed fraction. Daniels defines M pace as the predicted marathon race
  pace, so it is the equivalent marathon time over 42.195 km; its fraction is the sustainable
  fraction for that duration (about 0.79 at VDOT 30 to 0.83 at VDOT 70).
- T (threshold): 0.88. Daniels: threshold running is about 88 % of VO2max for trained runners
  (83-88 %); the tables' T paces back-calculate to 0.877-0.881 (VDOT 49: 4:20/km; VDOT 50: 4:15/km).
- I (interval): 0.975. Daniels: I pace is 95-100 % of VO2max, the pace of a race lasting 10-12
  minutes; the tables' I paces back-calculate to 0.974 (VDOT 49: 3:59/km; VDOT 50: 3:55/km).
- R (repetition): 1.065. Daniels: R pace is about current mile race pace; the tables' R paces
  back-calculate to 1.064-1.069 (VDOT 49: 89 s per 400 m).

The fractions are module constants so a coach can see and change them in one place.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from peakplan.paces.daniels import pace_s_per_km_at, race_time_s
from peakplan.paces.distances import RACE_DISTANCES_M

EASY_FRACTIONS = (0.62, 0.70)   # (slow end, fast end) of E pace, fraction of VDOT
THRESHOLD_FRACTION = 0.88
INTERVAL_FRACTION = 0.975
REPETITION_FRACTION = 1.065
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


def training_paces(vdot: float) -> Paces:
    """E (range), M, T, I and R paces in s/km for ``vdot`` (fractions in the module docstring)."""
    if not VDOT_RANGE[0] <= vdot <= VDOT_RANGE[1]:
        low, high = VDOT_RANGE
        raise ValueError(f"VDOT {vdot:.1f} is outside {low:g}-{high:g}, the range the Daniels tables cover")
    return Paces(
        vdot=vdot,
        easy_s_per_km=(pace_s_per_km_at(vdot, EASY_FRACTIONS[0]), pace_s_per_km_at(vdot, EASY_FRACTIONS[1])),
        marathon_s_per_km=race_time_s(vdot, MARATHON_M) / (MARATHON_M / 1000.0),
        threshold_s_per_km=pace_s_per_km_at(vdot, THRESHOLD_FRACTION),
        interval_s_per_km=pace_s_per_km_at(vdot, INTERVAL_FRACTION),
        repetition_s_per_km=pace_s_per_km_at(vdot, REPETITION_FRACTION),
    )


def equivalents_s(vdot: float) -> dict[str, float]:
    """Equivalent race times (s) for 1500 m to the marathon at this VDOT (Daniels & Gilbert 1979)."""
    return {name: race_time_s(vdot, metres) for name, metres in RACE_DISTANCES_M.items()}
