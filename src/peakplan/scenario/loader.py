"""Read a scenario file, merge rule defaults, and turn every input problem into one clear message."""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from peakplan.modelfiles import load_defaults
from peakplan.scenario.schema import Race, Scenario
from peakplan.timefmt import parse_duration_s


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


def resolve(data: dict[str, Any], base_dir: Path | None = None) -> dict[str, Any]:
    """Fill rule and race-session defaults for the race distance into a raw scenario dict."""
    data = copy.deepcopy(data)
    defaults = load_defaults()
    race = data.get("race")
    if not isinstance(race, dict):
        return data  # validation will name the missing section
    try:
        race_class = Race.model_validate(race).distance_class
    except ValidationError:
        return data
    rules = deep_merge(defaults["common"], defaults["by_distance"][race_class])
    user_rules = data.get("rules") or {}
    data["rules"] = deep_merge(rules, user_rules) if isinstance(user_rules, dict) else user_rules
    session = dict(defaults["race"][race_class])
    if race.get("goal_time"):
        try:
            session["minutes"] = max(1, round(parse_duration_s(str(race["goal_time"])) / 60))
        except ValueError:
            pass  # the schema check reports the malformed goal time
    user_session = data.get("race_session") or {}
    data["race_session"] = {**session, **user_session} if isinstance(user_session, dict) else user_session
    model = data.get("model")
    if isinstance(model, dict) and base_dir is not None:
        for key in ("readiness", "catalogue"):
            value = model.get(key)
            if isinstance(value, str) and (value.endswith((".yaml", ".yml")) or "/" in value):
                if not Path(value).is_absolute():
                    model[key] = str((base_dir / value).resolve())
    return data


def scenario_from_dict(data: dict[str, Any], source: str = "scenario", base_dir: Path | None = None) -> Scenario:
    try:
        scenario = Scenario.model_validate(resolve(data, base_dir))
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, source)) from None
    if scenario.race.goal_time is not None:
        _check_duration(scenario.race.goal_time, "race.goal_time", source)
    if scenario.athlete.recent_race is not None:
        _check_duration(scenario.athlete.recent_race.time, "athlete.recent_race.time", source)
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(f"{path}: file not found. Check the path, or pick one of the shipped scenarios in scenarios/.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot be read ({exc}). Give a UTF-8 YAML scenario file.") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ScenarioError(f"{path}: malformed YAML{where}: {problem}. Fix the indentation or quoting there.") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a scenario file must be a YAML mapping with race, start_date, athlete, availability (see `peakplan schema`).")
    return scenario_from_dict(data, str(path), path.parent.resolve())


def _check_duration(text: str, field: str, source: str) -> None:
    try:
        parse_duration_s(text)
    except ValueError:
        raise ScenarioError(f"{source}: field `{field}` = {text!r} is not a time. Write it as h:mm:ss or mm:ss, e.g. 3:15:00.") from None


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names valid at the parent of ``loc``, for 'did you mean' suggestions."""
    current: Any = model
    for part in loc[:-1]:
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        annotation = fields[part].annotation
        current = next((a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type) and issubclass(a, BaseModel)), annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def format_validation_error(exc: ValidationError, source: str) -> str:
    lines = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not str(p).startswith(("function-", "literal[", "float", "int")))
        field = ".".join(str(p) for p in loc) or "(top level)"
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _allowed_fields(Scenario, loc), n=1)
            hint = f" Did you mean `{close[0]}`?" if close else " Remove it (see `peakplan schema` for the fields)."
            lines.append(f"unknown field `{field}`.{hint}")
        elif err["type"] == "missing":
            lines.append(f"field `{field}` is required. Add it (see `peakplan schema`).")
        else:
            got = err.get("input")
            shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
            lines.append(f"field `{field}`{shown}: {err['msg']}. Fix this value.")
    unique = list(dict.fromkeys(lines))
    return f"{source}: " + " Also: ".join(unique[:4]) + (f" (+{len(unique) - 4} more)" if len(unique) > 4 else "")
