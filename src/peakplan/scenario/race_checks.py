"""Checks of the race and the recent race on the raw scenario, before anything is built from them.

- A distance given as a number is in ``RACE_KM`` (checked first: the race-time prediction
  searches over the distance, and an absurd one would make it run for ever).
- A goal or race time is not faster than the world record for its distance
  (:mod:`peakplan.scenario.records`); ``3:30`` for a marathon reads as 3 min 30 s, and the
  message suggests ``3:30:00``.
- The time the plan's paces come from (the recent race, else the goal) is one the pace tables
  cover (``peakplan.paces``), checked on the validated scenario by the function the plan uses
  (a distance only the schema reads, ``true`` or ``"+1"``, cannot slip past it).
"""

from __future__ import annotations

import math
from typing import Any

from peakplan.errors import Lines, ScenarioError, at
from peakplan.scenario.records import fastest_s, nearest_record
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import clock, parse_duration_s
from peakplan.vocabulary import DISTANCE_KM

RACE_KM = (0.4, 400.0)           # a race distance outside this range is a typo, not a race
WALK_S_PER_KM = 900.0            # 4 km/h: a time slower than walking is no reading of a race time
RESULT_KM = {"1500m": 1.5, "mile": 1.609344, "3k": 3.0, "15k": 15.0, **DISTANCE_KM}


def _km(distance: Any) -> float | None:
    if isinstance(distance, str):
        return RESULT_KM.get(distance)
    if isinstance(distance, int | float) and not isinstance(distance, bool):
        return float(distance)
    return None


def _where(loc: tuple[str, ...], source: str, lines: Lines) -> str:
    return at(source, lines.line(loc))


def _race_parts(data: dict[str, Any]) -> list[tuple[tuple[str, ...], Any, Any]]:
    """(location of the distance, the distance, the time) of the race and of the recent race."""
    out: list[tuple[tuple[str, ...], Any, Any]] = []
    race = data.get("race")
    if isinstance(race, dict):
        out.append((("race", "distance"), race.get("distance"), race.get("goal_time")))
    athlete = data.get("athlete")
    result = athlete.get("recent_race") if isinstance(athlete, dict) else None
    if isinstance(result, dict):
        out.append((("athlete", "recent_race", "distance"), result.get("distance"), result.get("time")))
    return out


def check_distances(data: dict[str, Any], source: str, lines: Lines) -> None:
    low, high = RACE_KM
    for loc, distance, _ in _race_parts(data):
        if isinstance(distance, bool):   # YAML's true/on/yes: pydantic would read it as 1 km
            raise ScenarioError(
                f"{_where(loc, source, lines)}: field `{'.'.join(loc)}` = {str(distance).lower()} is a yes/no value, "
                "not a race distance. Give 5k, 10k, half, marathon, a distance in km, or one with a unit (3.1mi).")
        number = isinstance(distance, int | float) and not isinstance(distance, bool)
        if number and math.isfinite(distance) and not low <= distance <= high:  # NaN: the finite check says so
            raise ScenarioError(
                f"{_where(loc, source, lines)}: field `{'.'.join(loc)}` = {distance:g} km is not a race distance. "
                f"Give 5k, 10k, half, marathon, a distance in km between {low:g} and {high:g}, or one with a unit "
                "(3.1mi, 5000 m).")


def _suggestion(text: str, km: float) -> str:
    """For 'm:ss' read as minutes and seconds: the same digits as hours and minutes, if plausible."""
    parts = text.strip().split(":")
    if len(parts) != 2:
        return ""
    try:
        as_hours = parse_duration_s(f"{text.strip()}:00")
    except ValueError:
        return ""
    plausible = fastest_s(km) <= as_hours <= km * WALK_S_PER_KM
    return f" Did you mean {text.strip()}:00 (h:mm:ss)?" if plausible else ""


def spoken(seconds: float) -> str:
    """'3 min 30 s', '1 h 05 min 10 s': a duration nobody can misread."""
    h, rest = divmod(round(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h} h {m:02d} min {s:02d} s" if h else f"{m} min {s:02d} s"


def check_times(data: dict[str, Any], source: str, lines: Lines) -> None:
    """No time faster than the world record; the pace-setting time within the pace tables."""
    for loc, distance, time in _race_parts(data):
        km = _km(distance)
        if km is None or not math.isfinite(km) or km <= 0 or not isinstance(time, str):
            continue  # the schema reports a missing or mistyped value
        try:
            seconds = parse_duration_s(time)
        except (ValueError, OverflowError):
            continue  # reported by the format check, with the expected form
        field = ".".join((*loc[:-1], "goal_time" if loc[0] == "race" else "time"))
        record = nearest_record(km)
        if seconds < fastest_s(km):
            raise ScenarioError(
                f"{_where((*loc[:-1], field.rsplit('.', 1)[-1]), source, lines)}: field `{field}` = {time!r} reads as "
                f"{spoken(seconds)} for {km:g} km, faster than any human has run it (the bound is "
                f"{clock(fastest_s(km))}, from the {record.name} world record {clock(record.seconds)}, "
                f"{record.holder}).{_suggestion(time, km) or ' Check the time (h:mm:ss or mm:ss).'}")


def check_pace_source(scenario: Scenario, source: str, lines: Lines) -> None:
    """On the validated scenario (distances read, as the plan reads them): the time the plan's paces
    come from (athlete.vdot, else the recent race, else the goal time) is one the pace tables cover."""
    from peakplan.athlete import plan_paces

    try:
        plan_paces(scenario)
    except (ValueError, OverflowError, ArithmeticError) as exc:
        result = scenario.athlete.recent_race
        loc = ("athlete", "recent_race", "time") if result is not None else ("race", "goal_time")
        time = result.time if result is not None else scenario.race.goal_time
        distance = result.distance if result is not None else scenario.race.distance_km
        km = _km(distance)
        over = f"{km:g} km" if km is not None else str(distance)
        raise ScenarioError(
            f"{_where(loc, source, lines)}: field `{'.'.join(loc)}` = {time!r} over {over} sets the plan's paces, "
            f"but {exc}. Fix the time or the distance, or leave it out to plan by effort names.") from None
