"""Named race distances (metres) and parsing of a distance given on the command line."""

from __future__ import annotations

# Standard race distances, metres. The mile is the international mile (1609.344 m); the half
# marathon and marathon are the IAAF distances. Names match ``RaceResult.distance`` in the schema.
RACE_DISTANCES_M: dict[str, float] = {
    "1500m": 1500.0,
    "mile": 1609.344,
    "3k": 3000.0,
    "5k": 5000.0,
    "10k": 10000.0,
    "15k": 15000.0,
    "half": 21097.5,
    "marathon": 42195.0,
}

# Aliases a runner may type; each maps to a name above.
_ALIASES = {"1500": "1500m", "1.5k": "1500m", "1mi": "mile", "3000m": "3k", "5000m": "5k", "5km": "5k",
            "10000m": "10k", "10km": "10k", "15km": "15k", "half-marathon": "half", "halfmarathon": "half",
            "hm": "half", "21.1k": "half", "mara": "marathon", "42.2k": "marathon"}

KM_PER_MILE = 1.609344


def distance_m(value: str | float) -> float:
    """Metres of a named distance (``10k``, ``half``...) or of a number of kilometres (``12.5``, ``8km``).

    Raises ValueError naming the accepted forms.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        km = float(value)
    else:
        text = str(value).strip().lower().replace(" ", "")
        name = _ALIASES.get(text, text)
        if name in RACE_DISTANCES_M:
            return RACE_DISTANCES_M[name]
        try:
            km = float(text.removesuffix("km"))
        except ValueError:
            names = ", ".join(RACE_DISTANCES_M)
            raise ValueError(f"unknown distance {value!r}; use one of {names}, or km such as 12.5") from None
    if not 0.8 <= km <= 100:
        raise ValueError(f"distance {km:g} km is outside 0.8-100 km, the range the Daniels tables cover")
    return km * 1000.0
