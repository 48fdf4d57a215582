"""VDOT, training paces and race equivalents (Daniels & Gilbert 1979; Daniels' Running Formula)."""

from __future__ import annotations

from peakplan.paces.daniels import race_time_s, vdot_from_race
from peakplan.paces.distances import KM_PER_MILE, RACE_DISTANCES_M, distance_m
from peakplan.paces.training import VDOT_RANGE, Paces, equivalents_s, training_paces
from peakplan.timefmt import parse_duration_s

__all__ = [
    "KM_PER_MILE",
    "RACE_DISTANCES_M",
    "VDOT_RANGE",
    "Paces",
    "distance_m",
    "equivalents_s",
    "paces_from_race",
    "race_time_s",
    "training_paces",
    "vdot_from_race",
]


def paces_from_race(distance: str | float, time: str) -> Paces:
    """Training paces from a race result: a named distance or km, and a time 'h:mm:ss' or 'mm:ss'."""
    return training_paces(vdot_from_race(distance_m(distance), parse_duration_s(time)))
