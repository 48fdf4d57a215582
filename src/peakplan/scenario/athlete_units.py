"""An athlete's volumes given in km or miles, turned into the minutes the rules count.

``current_weekly_km`` / ``current_weekly_miles``, ``peak_weekly_km`` / ``..._miles`` and
``longest_recent_run_km`` / ``..._miles`` become minutes at the athlete's easy pace (the middle of
Daniels' E range for their VDOT: athlete.vdot, recent race, goal time, else VDOT 40), since easy
running is what most of those kilometres are. Giving a volume both in minutes and in distance is
bad input. Runs before validation, on the raw scenario data.
"""

from __future__ import annotations

from typing import Any

from peakplan.errors import ScenarioError
from peakplan.paces import KM_PER_MILE, distance_m, training_paces, vdot_from_race
from peakplan.timefmt import parse_duration_s

FIELDS = ("current_weekly", "peak_weekly", "longest_recent_run")
DEFAULT_VDOT = 40.0


def _vdot(data: dict[str, Any]) -> float:
    athlete, race = data.get("athlete") or {}, data.get("race") or {}
    try:
        if athlete.get("vdot") is not None:
            return float(athlete["vdot"])
        result = athlete.get("recent_race")
        if isinstance(result, dict) and result.get("time"):
            return vdot_from_race(distance_m(result["distance"]), parse_duration_s(str(result["time"])))
        if isinstance(race, dict) and race.get("goal_time") and isinstance(race.get("distance"), str | int | float):
            return vdot_from_race(distance_m(race["distance"]), parse_duration_s(str(race["goal_time"])))
    except (ValueError, TypeError, ArithmeticError):
        pass  # the schema check reports the malformed value
    return DEFAULT_VDOT


def easy_s_per_km(data: dict[str, Any]) -> float:
    slow, fast = training_paces(min(max(_vdot(data), 15.0), 90.0)).easy_s_per_km
    return (slow + fast) / 2


def to_minutes(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The raw scenario with every athlete distance field replaced by minutes."""
    athlete = data.get("athlete")
    if not isinstance(athlete, dict):
        return data
    athlete = dict(athlete)
    pace: float | None = None
    for base in FIELDS:
        given = [k for k in (f"{base}_km", f"{base}_miles") if k in athlete]
        if not given:
            continue
        if f"{base}_minutes" in athlete or len(given) > 1:
            names = ", ".join([*([f"{base}_minutes"] if f"{base}_minutes" in athlete else []), *given])
            raise ScenarioError(f"{source}: athlete gives {names}: give one of them (minutes, km or miles).")
        value = athlete.pop(given[0])
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 2000:
            raise ScenarioError(f"{source}: field `athlete.{given[0]}` = {value!r} is not a distance; give a number "
                                "between 0 and 2000.")
        km = value * (KM_PER_MILE if given[0].endswith("_miles") else 1.0)
        pace = pace or easy_s_per_km(data)
        athlete[f"{base}_minutes"] = round(km * pace / 60)
    return {**data, "athlete": athlete}
