"""The words and limits every part of peakplan shares: weekdays, phases, race distances, day caps.

A leaf module (no peakplan imports), so the scenario schema, the model files, the model and the
validator can all use the same names without importing each other.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PHASES = ("base", "build", "race_specific", "peak", "taper", "race_week")
LOADING_PHASES = ("base", "build", "race_specific", "peak")
DISTANCE_KM = {"5k": 5.0, "10k": 10.0, "half": 21.0975, "marathon": 42.195}

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Phase = Literal["base", "build", "race_specific", "peak", "taper", "race_week"]
LoadingPhase = Literal["base", "build", "race_specific", "peak"]

MAX_DAY_MINUTES = 600    # the most running minutes one day (or one session) may hold
MAX_RACE_MINUTES = 1000  # the longest race duration accepted
REST = "rest"            # the session name of a day off (always allowed, 0 minutes)
RACE = "race"            # the session name of race day (reserved: no catalogue entry may use it)
DEFAULT_READINESS = "runner"  # models/runner.yaml: the Banister model in VDOT
ANY_HARD = "any_hard"    # the quota key that counts every hard session


def weekday_of(date: dt.date) -> Weekday:
    """'mon' .. 'sun' of a date."""
    return WEEKDAYS[date.weekday()]  # type: ignore[return-value]


def distance_class(km: float) -> str:
    """Nearest standard distance of a race of ``km``: picks distance-specific defaults."""
    return "5k" if km <= 7.5 else "10k" if km <= 15 else "half" if km <= 30 else "marathon"
