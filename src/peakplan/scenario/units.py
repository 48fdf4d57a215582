"""Race distances as people write them: names (``5k``, ``Marathon``) or a number with a unit.

``3.1mi``, ``10 km``, ``5000 m``, ``26.2 miles`` become kilometres before the scenario is checked;
a bare number is kilometres, as the schema says. A name the schema knows stays a name, so the
distance-specific defaults and paces use the exact standard distance.
"""

from __future__ import annotations

import re
from typing import Any

KM_PER_UNIT = {"km": 1.0, "k": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometers": 1.0,
               "m": 0.001, "metre": 0.001, "metres": 0.001, "meter": 0.001, "meters": 0.001,
               "mi": 1.609344, "mile": 1.609344, "miles": 1.609344}   # international mile
_WITH_UNIT = re.compile(r"^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*([a-z]+)\s*$")
RACE_NAMES = ("5k", "10k", "half", "marathon")
RESULT_NAMES = ("1500m", "mile", "3k", "5k", "10k", "15k", "half", "marathon")
UNITS_HELP = "a number of km, or a number with km, m or mi (e.g. 3.1mi, 10 km, 5000 m)"


def distance_value(value: Any, names: tuple[str, ...]) -> Any:
    """``value`` as the schema takes it: a known name, or km as a float; anything else unchanged
    (the schema then reports it)."""
    if not isinstance(value, str) or len(value) > 40:
        return value
    text = value.strip().lower()
    if text in names:
        return text
    compact = text.replace(" ", "")
    if compact in names:
        return compact
    match = _WITH_UNIT.match(text)
    if match is None or match.group(2) not in KM_PER_UNIT:
        return value
    return float(match.group(1)) * KM_PER_UNIT[match.group(2)]


def normalise_distances(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the raw scenario with ``race.distance`` and ``athlete.recent_race.distance`` read."""
    out = dict(data)
    race = out.get("race")
    if isinstance(race, dict) and "distance" in race:
        out["race"] = {**race, "distance": distance_value(race["distance"], RACE_NAMES)}
    athlete = out.get("athlete")
    result = athlete.get("recent_race") if isinstance(athlete, dict) else None
    if isinstance(athlete, dict) and isinstance(result, dict) and "distance" in result:
        out["athlete"] = {**athlete, "recent_race": {**result, "distance": distance_value(result["distance"], RESULT_NAMES)}}
    return out
