"""Checks of a scenario that the schema cannot express with a good message.

Each raises :class:`~peakplan.errors.ScenarioError` naming the file, the field (with its
line) and the fix. Run once, when the scenario is loaded: a loaded scenario is known good.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import TypeAdapter, ValidationError

from peakplan.errors import Lines, ScenarioError, at, closest, dotted, first_non_finite
from peakplan.modelfiles import presets
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import parse_duration_s
from peakplan.vocabulary import ANY_HARD, MAX_DAY_MINUTES, MAX_RACE_MINUTES

DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))  # calendars and exports count days past these
RACE_KM = (0.4, 400.0)           # a race distance outside this range is a typo, not a race


_DATE = TypeAdapter(dt.date)


def _as_date(value: Any) -> dt.date | None:
    try:
        return _DATE.validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return None  # not a date at all: the schema check says so


# --- on the raw data, before the schema ------------------------------------------------------

def check_dates(data: dict[str, Any], source: str, lines: Lines) -> None:
    """Race before start, blackout dates outside the block: named with both dates and lines."""
    race = data.get("race")
    start = _as_date(data.get("start_date"))
    day = _as_date(race.get("date")) if isinstance(race, dict) else None
    if start is None or day is None:
        return
    for loc, given in ((("start_date",), start), (("race", "date"), day)):
        if not DATE_RANGE[0] <= given <= DATE_RANGE[1]:
            raise ScenarioError(f"{at(source, lines.line(loc))}: {dotted(loc)} {given} is outside {DATE_RANGE[0].year}-"
                                f"{DATE_RANGE[1].year}; a typo in the year? Fix the date.")
    if day <= start:
        raise ScenarioError(
            f"{at(source, lines.line(('race', 'date')))}: race.date {day} is "
            f"{'the same day as' if day == start else 'before'} start_date {start} "
            f"(line {lines.line(('start_date',)) or '?'}): the race must come after the block starts. "
            "Fix one of the two dates (a typo in the year?).")
    availability = data.get("availability")
    blackouts = availability.get("blackout_dates") if isinstance(availability, dict) else None
    if not isinstance(blackouts, list):
        return
    for i, value in enumerate(blackouts):
        date = _as_date(value)
        if date is None or start <= date < day:
            continue
        why = (f"before start_date {start} (in the past of the block)" if date < start
               else f"on or after race day {day}")
        raise ScenarioError(
            f"{at(source, lines.line(('availability', 'blackout_dates', i)))}: "
            f"availability.blackout_dates[{i}] = {date} is {why}. A blackout date must fall between "
            f"{start} and {day - dt.timedelta(days=1)}; remove it or fix the date.")


def check_goal_time(data: dict[str, Any], source: str, lines: Lines) -> None:
    race = data.get("race")
    goal = race.get("goal_time") if isinstance(race, dict) else None
    if goal is None or not isinstance(goal, str | int | float):
        return
    try:
        minutes = parse_duration_s(str(goal)) / 60
    except (ValueError, OverflowError):
        return  # reported by check_duration with the expected format
    if minutes > MAX_RACE_MINUTES:
        raise ScenarioError(
            f"{at(source, lines.line(('race', 'goal_time')))}: race.goal_time {goal!r} is {minutes:.0f} minutes; "
            f"a race lasts at most {MAX_RACE_MINUTES} minutes here. Write the time as h:mm:ss, e.g. 3:30:00.")


def check_day_minutes(data: dict[str, Any], source: str, lines: Lines) -> None:
    """A weekday's minutes outside 0-600, named with its weekday and line (the schema names none)."""
    availability = data.get("availability")
    minutes = availability.get("max_minutes") if isinstance(availability, dict) else None
    if not isinstance(minutes, dict):
        return
    for day, value in minutes.items():
        if isinstance(value, int | float) and not isinstance(value, bool) and not 0 <= value <= MAX_DAY_MINUTES:
            loc = ("availability", "max_minutes", day)
            raise ScenarioError(f"{at(source, lines.line(loc))}: availability.max_minutes.{day} = {value:g}: running "
                                f"minutes in a day must be between 0 (no running) and {MAX_DAY_MINUTES}. "
                                "Fix this value.")


def check_no_resolved_fields(data: dict[str, Any], source: str, lines: Lines) -> None:
    """``catalogue`` and ``readiness`` are filled in from the files ``model:`` names, never written."""
    for key in ("catalogue", "readiness"):
        if key in data:
            raise ScenarioError(f"{at(source, lines.line((key,)))}: unknown field `{key}`. Name the file in "
                                f"`model: {{{key}: ...}}` instead (a name in models/ or a path).")


# --- on the validated scenario ---------------------------------------------------------------

def check_duration(text: str, field: str, source: str, lines: Lines) -> None:
    try:
        parse_duration_s(text)
    except (ValueError, OverflowError):
        loc = tuple(field.split("."))
        raise ScenarioError(f"{at(source, lines.line(loc))}: field `{field}` = {text!r} is not a time. "
                            "Write it as h:mm:ss or mm:ss, e.g. 3:15:00.") from None


def check_values(scenario: Scenario, source: str, lines: Lines) -> None:
    """Finite numbers, race distances in a sane range, the times well formed."""
    loc = first_non_finite(scenario.model_dump())
    if loc is not None:
        raise ScenarioError(f"{at(source, lines.line(loc))}: field `{dotted(loc)}` is not a finite number. "
                            "Give a real number.")
    if scenario.race.goal_time is not None:
        check_duration(scenario.race.goal_time, "race.goal_time", source, lines)
    if scenario.athlete.recent_race is not None:
        check_duration(scenario.athlete.recent_race.time, "athlete.recent_race.time", source, lines)
    low, high = RACE_KM
    checks: list[tuple[tuple[str, ...], Any]] = [(("race", "distance"), scenario.race.distance)]
    if scenario.athlete.recent_race is not None:
        checks.append((("athlete", "recent_race", "distance"), scenario.athlete.recent_race.distance))
    for where, distance in checks:
        if isinstance(distance, float | int) and not low <= distance <= high:
            raise ScenarioError(
                f"{at(source, lines.line(where))}: field `{dotted(where)}` = {distance:g} km is not a race distance. "
                f"Give 5k, 10k, half, marathon or a distance in km between {low:g} and {high:g}.")


def check_against_models(scenario: Scenario, source: str, lines: Lines) -> None:
    """Quotas name catalogue types, a required long run has a long type, the preset exists."""
    catalogue = scenario.catalogue
    if scenario.rules.quotas.enabled:
        for phase, quota in scenario.rules.quotas.per_phase.items():
            for key in quota:
                if key != ANY_HARD and key not in catalogue.sessions:
                    close = closest(key, [*catalogue.sessions, ANY_HARD])
                    hint = f" Did you mean {close!r}?" if close else ""
                    where = at(source, lines.line(("rules", "quotas", "per_phase", phase, key)))
                    raise ScenarioError(
                        f"{where}: rules.quotas.per_phase.{phase}.{key}: the catalogue has no session type {key!r} "
                        f"(it has {', '.join(catalogue.sessions)}).{hint} Rename the quota, or set "
                        "rules.quotas.enabled: false.")
    rule = scenario.rules.long_run
    if rule.enabled and rule.required_weekly and not catalogue.has_long:
        raise ScenarioError(
            f"{source}: rules.long_run.required_weekly is true but the catalogue has no session type with "
            "`long: true`. Add a long session type to the catalogue, or set rules.long_run.required_weekly: false.")
    preset = scenario.solver.preset
    if preset is not None and preset not in presets.preset_names():
        raise ScenarioError(f"{at(source, lines.line(('solver', 'preset')))}: solver.preset = {preset!r} is not a "
                            f"preset of models/solver-presets.yaml; use one of {', '.join(presets.preset_names())}, "
                            "or leave it out for the default.")
