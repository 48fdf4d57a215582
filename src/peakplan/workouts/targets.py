"""Pace targets for workout steps, from Daniels paces when known, else effort names.

A watch needs a range, not a single pace: single Daniels paces (M, T, I, R, race pace) get a
band of +/- ``PACE_BAND`` around them (practice: about +/- 4 s/km at 4:15/km). E pace is
Daniels' own range.
"""

from __future__ import annotations

from peakplan.paces import Paces, training_paces
from peakplan.workouts.model import Target

PACE_BAND = 0.015
# Recovery runs are slower than the slow end of E (practice: "a very gentle jog", catalogue).
RECOVERY_SLOWDOWN = 1.08
# Drills and hill repeats cover less ground than their effort suggests: distance is estimated at
# half the speed of slow E running for drills, and at T pace for hard uphill running (practice).
DRILLS_SLOWDOWN = 2.0
# Distances are estimated, when no paces are known, for a runner of VDOT 40 (a 50:03 10K,
# Daniels' Running Formula table 3.1): a middle-of-the-pack recreational runner.
DEFAULT_VDOT = 40.0
_DEFAULT_PACES = training_paces(DEFAULT_VDOT)

EFFORTS = {
    "easy": "easy",
    "recovery": "recovery jog",
    "marathon": "marathon effort",
    "threshold": "threshold effort",
    "interval": "interval effort",
    "repetition": "repetition effort",
    "stride": "stride: fast and relaxed",
    "pickup": "pickup: 5K effort",
    "hill": "hard uphill effort",
    "drills": "skips, high knees, heel flicks",
}


def distance_name(race_km: float) -> str:
    """'5K', '10K', 'half-marathon', 'marathon', or '12.5 km' for other distances."""
    names = {5.0: "5K", 10.0: "10K", 21.0975: "half-marathon", 42.195: "marathon"}
    for km, name in names.items():
        if abs(race_km - km) < 0.05:
            return name
    return f"{race_km:g} km"


def _centre_s_per_km(zone: str, paces: Paces) -> float:
    return {
        "marathon": paces.marathon_s_per_km,
        "threshold": paces.threshold_s_per_km,
        "interval": paces.interval_s_per_km,
        "repetition": paces.repetition_s_per_km,
        "stride": paces.repetition_s_per_km,
        # pickups say '5K effort', so they run at 5K race pace (I pace is a little faster than that)
        "pickup": paces.race_s_per_km(5.0),
    }[zone]


def _banded(centre_s_per_km: float) -> tuple[float, float]:
    return centre_s_per_km * (1 + PACE_BAND), centre_s_per_km * (1 - PACE_BAND)


def _range(zone: str, paces: Paces) -> tuple[float, float]:
    slow, fast = paces.easy_s_per_km
    if zone == "easy":
        return slow, fast
    if zone == "recovery":
        return slow * RECOVERY_SLOWDOWN, slow
    if zone == "drills":
        return slow * DRILLS_SLOWDOWN, slow * DRILLS_SLOWDOWN
    if zone == "hill":
        return _banded(paces.threshold_s_per_km)
    return _banded(_centre_s_per_km(zone, paces))


def target(zone: str, paces: Paces | None) -> Target:
    """Target for a named zone (keys of ``EFFORTS``); drills and hills never carry a pace range."""
    pace_range = _range(zone, paces or _DEFAULT_PACES)
    shown = None if paces is None or zone in ("drills", "hill") else pace_range
    return Target(effort=EFFORTS[zone], s_per_km=shown, estimate_s_per_km=sum(pace_range) / 2)


def estimate_s_per_km(zone: str, paces: Paces | None) -> float:
    """The pace a zone's distance is estimated at (a VDOT-40 runner's when paces are unknown)."""
    return sum(_range(zone, paces or _DEFAULT_PACES)) / 2


def race_target(paces: Paces | None, race_km: float, faster_by: float = 0.0) -> Target:
    """Race pace for ``race_km`` (Daniels equivalent time), ``faster_by`` a fraction quicker (peak repeats).

    The effort says what the pace is: '5K race pace', or 'slightly faster than 5K pace'.
    """
    name = distance_name(race_km)
    effort = f"{name} race pace" if faster_by == 0 else f"slightly faster than {name} pace"
    centre = (paces or _DEFAULT_PACES).race_s_per_km(race_km) * (1 - faster_by)
    return Target(effort=effort, s_per_km=None if paces is None else _banded(centre), estimate_s_per_km=centre)


def tempo_to_race_target(paces: Paces | None, race_km: float) -> Target:
    """The 10K race-specific range: from threshold pace up to race pace (seed article: tempo-pace ranges)."""
    known = paces or _DEFAULT_PACES
    # A race longer than about an hour (a 15K for most) is slower than T: order the two ends.
    slow, fast = sorted((known.threshold_s_per_km, known.race_s_per_km(race_km)), reverse=True)
    effort = f"threshold to {distance_name(race_km)} race effort"
    return Target(effort=effort, s_per_km=None if paces is None else (slow, fast), estimate_s_per_km=(slow + fast) / 2)


def race_day_target(paces: Paces | None, race_km: float, total_s: int) -> Target:
    """Race day: the predicted race pace when paces are known; distance is the race distance exactly."""
    shown = None if paces is None else _banded(paces.race_s_per_km(race_km))
    return Target(effort=f"{distance_name(race_km)} race", s_per_km=shown, estimate_s_per_km=total_s / race_km)
