"""Checks of the race and the recent race on the raw scenario, before anything is built from them.

- A distance given as a number is in ``RACE_KM`` (checked first: the race-time prediction
  searches over the distance, and an absurd one would make it run for ever).
- A goal or race time is not faster than the world record for its distance
  (:mod:`peakplan.scenario.records`); ``3:30`` for a marathon reads as 3 min 30 s, and the
  message suggests ``3:30:00``.
- The time the plan's paces come from (the recent race, else the goal) is one the pace tables
  cover (``peakplan.paces``): the same function the plan uses decides.
"""

from __future__ import annotations

import math
from typing import Any

from peakplan.errors import Lines, ScenarioError, at
from peakplan.scenario.records import fastest_s, nearest_record
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
    _check_pace_source(data, source, lines)


def _check_pace_source(data: dict[str, Any], source: str, lines: Lines) -> None:
    """The plan's paces come from the recent race, else the goal time: the pace tables must cover it."""
    from peakplan.paces import paces_from_race

    parts = [p for p in reversed(_race_parts(data)) if isinstance(p[2], str) and _km(p[1]) is not None
             and math.isfinite(_km(p[1]) or math.nan)]
    if not parts:
        return
    loc, distance, time = parts[0]
    field = ".".join((*loc[:-1], "goal_time" if loc[0] == "race" else "time"))
    try:
        paces_from_race(_km(distance) if loc[0] == "race" else distance, time)  # type: ignore[arg-type]
    except (ValueError, OverflowError, ArithmeticError) as exc:
        if "not a duration" in str(exc):
            return  # reported by the format check
        raise ScenarioError(
            f"{_where((*loc[:-1], field.rsplit('.', 1)[-1]), source, lines)}: field `{field}` = {time!r} over "
            f"{_km(distance):g} km sets the plan's paces, but {exc}. Fix the time, or leave it out to plan by "
            "effort names.") from None
