"""Read a scenario file, merge rule defaults, and turn every input problem into one clear message.

Each message names the file, the field (with its line when the file writes it) and the fix;
misspelt names get the closest valid one. Errors are :class:`ScenarioError` (exit code 2).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import math
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from peakplan.scenario.schema import Race, Scenario
from peakplan.scenario.source import LineMap, SourceError, parse_yaml, read_text
from peakplan.timefmt import parse_duration_s

MAX_RACE_MINUTES = 1000          # RaceSession.minutes upper bound
MAX_DAY_MINUTES = 600            # Availability.max_minutes upper bound
RACE_KM = (0.4, 400.0)           # a race distance outside this range is a typo, not a race
_FALLBACK_CLASS = "marathon"     # defaults used while the race itself is invalid (reported anyway)
_NO_LINES = LineMap(None)


class ScenarioError(ValueError):
    """Bad input: the message names the file, the field and the fix."""


def deep_merge(base: dict, override: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _distance_class(race: Any) -> str:
    try:
        return Race.model_validate(race).distance_class
    except (ValidationError, KeyError, TypeError, ValueError):
        return _FALLBACK_CLASS  # the race's own error is reported; avoid follow-up "rules missing" noise


def resolve(data: dict[str, Any], base_dir: Path | None = None) -> dict[str, Any]:
    """Fill rule and race-session defaults for the race distance into a raw scenario dict."""
    from peakplan.modelfiles import load_defaults  # here: modelfiles imports this package

    data = copy.deepcopy(data)
    defaults = load_defaults()
    race = data.get("race")
    race_class = _distance_class(race)
    rules = deep_merge(defaults["common"], defaults["by_distance"][race_class])
    user_rules = data.get("rules") or {}
    data["rules"] = deep_merge(rules, user_rules) if isinstance(user_rules, dict) else user_rules
    session = dict(defaults["race"][race_class])
    goal = race.get("goal_time") if isinstance(race, dict) else None
    if goal:
        try:
            session["minutes"] = max(1, round(parse_duration_s(str(goal)) / 60))
        except (ValueError, OverflowError):
            pass  # the schema check reports the malformed goal time
    else:
        predicted = _predicted_race_minutes(data, race)
        if predicted is not None:
            session["minutes"] = predicted
    user_session = data.get("race_session") or {}
    data["race_session"] = {**session, **user_session} if isinstance(user_session, dict) else user_session
    model = data.get("model")
    if isinstance(model, dict) and base_dir is not None:
        for key in ("readiness", "catalogue"):
            value = model.get(key)
            is_path = isinstance(value, str) and (value.endswith((".yaml", ".yml")) or "/" in value)
            if is_path and "\0" not in value and not Path(value).is_absolute():
                model[key] = str((base_dir / value).resolve())
    return data


def _predicted_race_minutes(data: dict[str, Any], race: dict[str, Any]) -> int | None:
    """Race duration predicted from the athlete's recent race (Daniels VDOT equivalents), if any."""
    from peakplan.paces import paces_from_race  # paces imports the scenario package

    athlete = data.get("athlete")
    result = athlete.get("recent_race") if isinstance(athlete, dict) else None
    if not isinstance(result, dict) or not result.get("time"):
        return None
    try:
        distance_km = Race.model_validate(race).distance_km
        paces = paces_from_race(result["distance"], str(result["time"]))
        return max(1, round(paces.race_time_s(distance_km) / 60))
    except (ValueError, TypeError, KeyError, ArithmeticError, ValidationError):
        return None  # the schema check reports a malformed race result


def scenario_from_dict(data: dict[str, Any], source: str = "scenario", base_dir: Path | None = None,
                       lines: LineMap | None = None) -> Scenario:
    """Validate a raw scenario dict (defaults merged in); ScenarioError on any problem."""
    lines = lines or _NO_LINES
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario must be a mapping with start_date, race, athlete, availability "
                            "(see `peakplan schema`).")
    _check_dates(data, source, lines)
    _check_goal_time(data, source, lines)
    _check_day_minutes(data, source, lines)
    try:
        scenario = Scenario.model_validate(resolve(data, base_dir))
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, source, lines)) from None
    except RecursionError:
        raise ScenarioError(f"{source}: the scenario refers to itself (YAML anchors); write the values out.") from None
    if scenario.race.goal_time is not None:
        _check_duration(scenario.race.goal_time, "race.goal_time", source, lines)
    if scenario.athlete.recent_race is not None:
        _check_duration(scenario.athlete.recent_race.time, "athlete.recent_race.time", source, lines)
    _check_values(scenario, source, lines)
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        text = read_text(path, "YAML scenario file")
        data, lines = parse_yaml(text, str(path))
    except SourceError as exc:
        raise ScenarioError(_not_found_hint(str(exc), path)) from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a scenario file must be a YAML mapping with start_date, race, athlete, "
                            "availability (see `peakplan schema`).")
    return scenario_from_dict(data, str(path), path.parent.resolve(), lines)


def _not_found_hint(message: str, path: Path) -> str:
    if "file not found" in message:
        return f"{path}: file not found. Check the path, or pick one of the shipped scenarios in scenarios/."
    return message


# --- checks the schema cannot express with a good message -----------------------------------

def _at(source: str, line: int | None) -> str:
    return f"{source}, line {line}" if line else source


_DATE = TypeAdapter(dt.date)


def _as_date(value: Any) -> dt.date | None:
    try:
        return _DATE.validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return None  # not a date at all: the schema check says so


def _check_dates(data: dict, source: str, lines: LineMap) -> None:
    """Race before start, blackout dates outside the block: named with both dates and lines."""
    race = data.get("race")
    start = _as_date(data.get("start_date"))
    day = _as_date(race.get("date")) if isinstance(race, dict) else None
    if start is None or day is None:
        return
    if day <= start:
        raise ScenarioError(
            f"{_at(source, lines.line(('race', 'date')))}: race.date {day} is "
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
            f"{_at(source, lines.line(('availability', 'blackout_dates', i)))}: "
            f"availability.blackout_dates[{i}] = {date} is {why}. A blackout date must fall between "
            f"{start} and {day - dt.timedelta(days=1)}; remove it or fix the date.")


def _check_goal_time(data: dict, source: str, lines: LineMap) -> None:
    race = data.get("race")
    goal = race.get("goal_time") if isinstance(race, dict) else None
    if goal is None or not isinstance(goal, str | int | float):
        return
    try:
        minutes = parse_duration_s(str(goal)) / 60
    except (ValueError, OverflowError):
        return  # reported by _check_duration with the expected format
    if minutes > MAX_RACE_MINUTES:
        raise ScenarioError(
            f"{_at(source, lines.line(('race', 'goal_time')))}: race.goal_time {goal!r} is {minutes:.0f} minutes; "
            f"a race lasts at most {MAX_RACE_MINUTES} minutes here. Write the time as h:mm:ss, e.g. 3:30:00.")


def _check_day_minutes(data: dict, source: str, lines: LineMap) -> None:
    """A weekday's minutes outside 0-600, named with its weekday and line (the schema names none)."""
    availability = data.get("availability")
    minutes = availability.get("max_minutes") if isinstance(availability, dict) else None
    if not isinstance(minutes, dict):
        return
    for day, value in minutes.items():
        if isinstance(value, int | float) and not isinstance(value, bool) and not 0 <= value <= MAX_DAY_MINUTES:
            loc = ("availability", "max_minutes", day)
            raise ScenarioError(f"{_at(source, lines.line(loc))}: availability.max_minutes.{day} = {value:g}: running "
                                f"minutes in a day must be between 0 (no running) and {MAX_DAY_MINUTES}. Fix this value.")


def _check_duration(text: str, field: str, source: str, lines: LineMap) -> None:
    try:
        parse_duration_s(text)
    except (ValueError, OverflowError):
        loc = tuple(field.split("."))
        raise ScenarioError(f"{_at(source, lines.line(loc))}: field `{field}` = {text!r} is not a time. "
                            "Write it as h:mm:ss or mm:ss, e.g. 3:15:00.") from None


def _non_finite(value: Any, loc: tuple = ()) -> tuple | None:
    """Path of the first NaN or infinite number in a dumped model."""
    if isinstance(value, float) and not math.isfinite(value):
        return loc
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list | tuple) else ()
    for key, item in items:
        found = _non_finite(item, (*loc, key))
        if found is not None:
            return found
    return None


def check_finite(model: BaseModel, source: str, lines: LineMap) -> None:
    """No NaN or infinity anywhere: they would poison the integer model."""
    loc = _non_finite(model.model_dump())
    if loc is not None:
        field = _dotted(loc)
        raise ScenarioError(f"{_at(source, lines.line(loc))}: field `{field}` is not a finite number. "
                            "Give a real number.")


def _check_values(scenario: Scenario, source: str, lines: LineMap) -> None:
    check_finite(scenario, source, lines)
    low, high = RACE_KM
    checks = [(("race", "distance"), scenario.race.distance)]
    if scenario.athlete.recent_race is not None:
        checks.append((("athlete", "recent_race", "distance"), scenario.athlete.recent_race.distance))
    for loc, distance in checks:
        if isinstance(distance, float | int) and not low <= distance <= high:
            raise ScenarioError(
                f"{_at(source, lines.line(loc))}: field `{_dotted(loc)}` = {distance:g} km is not a race distance. "
                f"Give 5k, 10k, half, marathon or a distance in km between {low:g} and {high:g}.")


# --- pydantic errors in words ----------------------------------------------------------------

_UNION_TAG = re.compile(r"^([a-z-]+\[.*\]|float|int|str|bool|none)$")  # pydantic's union branch names in locs


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if not (isinstance(p, str) and _UNION_TAG.match(p)))


def _model_of(annotation: Any) -> Any:
    """The pydantic model or dict type inside an annotation (Optional, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is dict:
        return annotation
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names valid at the parent of ``loc``, for 'did you mean' suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if typing.get_origin(current) is dict:  # the part is a key; go to the value type
            current = _model_of(typing.get_args(current)[1])
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        current = _model_of(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def closest(word: Any, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(str(word).lower(), choices, n=1, cutoff=0.5)
    return close[0] if close else None


def _expected(err: dict) -> list[str]:
    return re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))


def _error_text(err: dict, loc: tuple, root: type[BaseModel], fields_hint: str) -> str:
    kind, field = err["type"], _dotted(loc)
    if kind == "extra_forbidden":
        close = closest(loc[-1], allowed_fields(root, loc))
        hint = f" Did you mean `{close}`?" if close else f" Remove it ({fields_hint} for the fields)."
        return f"unknown field `{field}`.{hint}"
    if kind == "missing":
        return f"field `{field}` is required. Add it ({fields_hint})."
    if kind == "literal_error" and err["loc"][-1] == "[key]":
        choices = _expected(err)
        close = closest(loc[-1], choices)
        hint = f" Did you mean `{close}`?" if close else ""
        return f"`{loc[-1]}` is not allowed in `{_dotted(loc[:-1])}`; use one of {', '.join(choices)}.{hint}"
    if kind == "literal_error":
        choices = _expected(err)
        close = closest(err.get("input"), choices)
        hint = f" Did you mean {close!r}?" if close else ""
        return f"field `{field}` = {err.get('input')!r}: use one of {', '.join(choices)}.{hint}"
    msg = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if not loc:
        return f"{msg}."
    got = err.get("input")
    shown = "" if isinstance(got, dict | list | tuple) else f" = {got!r}"
    return f"field `{field}`{shown}: {msg}. Fix this value."


def _key(err: dict) -> tuple:
    loc = _clean_loc(err["loc"])
    return loc[:-1] if loc and loc[-1] == "[key]" else loc


def format_validation_error(exc: ValidationError, source: str, lines: LineMap | None = None,
                            root: type[BaseModel] = Scenario, fields_hint: str = "see `peakplan schema`") -> str:
    """One paragraph: file, line, field, problem and fix for each error (literal errors first)."""
    lines = lines or _NO_LINES
    by_field: dict[tuple, dict] = {}
    for err in exc.errors():
        loc = _key(err)
        if loc not in by_field or err["type"] == "literal_error":  # a union's other branches add noise
            by_field[loc] = err
    misspelt = {(*loc[:-1], closest(loc[-1], allowed_fields(root, loc)))
                for loc, err in by_field.items() if err["type"] == "extra_forbidden" and loc}
    parts = []
    for loc, err in by_field.items():
        if err["type"] == "missing" and loc in misspelt:
            continue  # "unknown field `athelte`. Did you mean `athlete`?" says it all
        line = lines.nearest(loc) if err["type"] == "missing" else lines.line(loc)
        text = _error_text(err, loc, root, fields_hint)
        parts.append(f"line {line}: {text}" if line else text)
    unique = list(dict.fromkeys(parts))
    head = unique[0]
    if head.startswith("line "):
        number, _, rest = head.partition(": ")
        head = f"{source}, {number}: {rest}"
    else:
        head = f"{source}: {head}"
    more = " ".join(f"Also {p}" if p.startswith("line ") else f"Also: {p}" for p in unique[1:4])
    extra = f" (+{len(unique) - 4} more)" if len(unique) > 4 else ""
    return " ".join(x for x in (head, more) if x) + extra
