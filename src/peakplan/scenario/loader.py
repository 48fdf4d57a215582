"""Read a scenario file: merge rule defaults, read the model files it names, check everything once.

Every input problem becomes one :class:`~peakplan.errors.ScenarioError` (exit code 2) naming the
file, the field (with its line when the file writes it) and the fix. A loaded scenario is
complete (every default and both model files filled in) and known good: nothing downstream
checks it again.
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from peakplan.errors import Lines, NoLines, ScenarioError, format_validation_error
from peakplan.files.yaml_source import SourceError, parse_yaml, read_text
from peakplan.modelfiles import BanisterModel, ModelFileError, load_catalogue, load_defaults, load_readiness, models_dir
from peakplan.modelfiles.store import is_path
from peakplan.scenario import checks, race_checks
from peakplan.scenario.athlete_history import from_history
from peakplan.scenario.athlete_units import to_minutes
from peakplan.scenario.schema import Race, Scenario
from peakplan.scenario.units import normalise_distances
from peakplan.timefmt import parse_duration_s
from peakplan.vocabulary import DEFAULT_READINESS

_FALLBACK_CLASS = "marathon"     # defaults used while the race itself is invalid (reported anyway)


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
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


def _race_session(data: dict[str, Any], race: Any, race_class: str) -> dict[str, Any]:
    """Race-day duration (goal time, else predicted from a recent race, else the default) and IF."""
    session = dict(load_defaults()["race"][race_class])
    goal = race.get("goal_time") if isinstance(race, dict) else None
    if goal:
        with contextlib.suppress(ValueError, OverflowError):  # the schema check reports a malformed goal time
            session["minutes"] = max(1, round(parse_duration_s(str(goal)) / 60))
    else:
        predicted = _predicted_race_minutes(data, race)
        if predicted is not None:
            session["minutes"] = predicted
    user_session = data.get("race_session") or {}
    return {**session, **user_session} if isinstance(user_session, dict) else user_session


def _model_names(data: dict[str, Any], base_dir: Path | None) -> dict[str, Any]:
    """``model:`` with paths made absolute (relative paths are relative to the scenario's folder)."""
    model = data.get("model")
    if not isinstance(model, dict):
        return model if model is not None else {}
    model = dict(model)
    for key in ("readiness", "catalogue"):
        value = model.get(key)
        if isinstance(value, str) and is_path(value) and "\0" not in value and base_dir is not None \
                and not Path(value).is_absolute():
            model[key] = os.path.normpath(base_dir / value)  # symlinks are followed (and checked) when read
    return model


def _level(data: dict[str, Any], defaults: dict[str, Any]) -> str:
    """athlete.level, else novice under the stated weekly minutes, else intermediate (written into the data)."""
    athlete = data.get("athlete")
    if not isinstance(athlete, dict):
        return "intermediate"
    level = athlete.get("level")
    if level is None:
        minutes = athlete.get("current_weekly_minutes")
        low = isinstance(minutes, int | float) and minutes < defaults["levels"]["novice_below_weekly_minutes"]
        level = athlete["level"] = "novice" if low else "intermediate"
    return level if isinstance(level, str) else "intermediate"


def resolve(data: dict[str, Any], base_dir: Path | None = None, trusted: Collection[Path] = ()) -> dict[str, Any]:
    """A raw scenario dict with every default filled in and the model files read into it.

    With a ``base_dir`` (the scenario came from a file) model files are read only from that folder
    and below, from models/, or from the ``trusted`` paths (files named on the command line).
    """
    data = copy.deepcopy(data)
    defaults = load_defaults()
    race = data.get("race")
    race_class = _distance_class(race)
    level = _level(data, defaults)
    by_level = defaults["by_level"].get(level, {})
    rules = deep_merge(defaults["common"], defaults["by_distance"][race_class])
    rules = deep_merge(rules, by_level)
    user_rules = data.get("rules") or {}
    data["rules"] = deep_merge(rules, user_rules) if isinstance(user_rules, dict) else user_rules
    data["race_session"] = _race_session(data, race, race_class)
    data["model"] = _model_names(data, base_dir)
    names = data["model"] if isinstance(data["model"], dict) else {}
    if level == "novice" and isinstance(data["model"], dict) and "catalogue" not in names:
        data["model"]["catalogue"] = names["catalogue"] = defaults["levels"]["novice_catalogue"]
    catalogue, readiness = names.get("catalogue", "catalogue"), names.get("readiness", DEFAULT_READINESS)
    if isinstance(catalogue, str) and isinstance(readiness, str):  # else the schema reports the type
        allowed = None if base_dir is None else [base_dir, models_dir(), *trusted]
        data["catalogue"] = load_catalogue(catalogue, base_dir, allowed).model_dump()
        data["readiness"] = load_readiness(readiness, base_dir, allowed).model_dump()
    return data


def _predicted_race_minutes(data: dict[str, Any], race: Any) -> int | None:
    """Race duration predicted from the athlete's recent race (Daniels VDOT equivalents), if any."""
    from peakplan.paces import paces_from_race

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


def scenario_from_dict(data: Any, source: str = "scenario", base_dir: Path | None = None,
                       lines: Lines | None = None, trusted: Collection[Path] = ()) -> Scenario:
    """Validate a raw scenario dict (defaults and model files merged in); ScenarioError on any problem.

    ``base_dir`` is the scenario file's folder: relative model paths start there, and model
    files outside it and models/ are refused unless they are (or lie in) a ``trusted`` path.
    """
    lines = lines or NoLines()
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario must be a mapping with start_date, race, athlete, availability "
                            "(see `peakplan schema`).")
    data = normalise_distances(data)
    checks.check_no_resolved_fields(data, source, lines)
    checks.check_dates(data, source, lines)
    race_checks.check_distances(data, source, lines)
    checks.check_goal_time(data, source, lines)
    race_checks.check_times(data, source, lines)
    checks.check_day_minutes(data, source, lines)
    data = to_minutes(from_history(data, source, base_dir, lines), source)
    try:
        resolved = resolve(data, base_dir, trusted)
    except ModelFileError as exc:  # the message names the model file; say which scenario names it
        text = str(exc)
        raise ModelFileError(text if source in text else f"{source}: {text}") from None
    try:
        scenario = Scenario.model_validate(resolved)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, source, lines, Scenario)) from None
    except RecursionError:
        raise ScenarioError(f"{source}: the scenario refers to itself (YAML anchors); write the values out.") from None
    checks.check_values(scenario, source, lines)
    race_checks.check_pace_source(scenario, source, lines)
    checks.check_against_models(scenario, source, lines)
    return with_athlete_baseline(scenario)


def with_athlete_baseline(scenario: Scenario) -> Scenario:
    """A VDOT readiness model with ``baseline: athlete`` gets its p0 from the athlete's current VDOT."""
    from peakplan.athlete import current_fitness, loads_of, pre_block_loads
    from peakplan.readiness import untrained_p0

    model = scenario.readiness
    if not isinstance(model, BanisterModel) or model.baseline != "athlete":
        return scenario
    p0 = untrained_p0(model, current_fitness(scenario).vdot, pre_block_loads(scenario, loads_of(scenario)))
    return scenario.model_copy(update={"readiness": model.model_copy(update={"p0": round(p0, 6)})})


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in a YAML file, complete and checked; ScenarioError names file, line and fix."""
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
