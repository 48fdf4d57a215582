"""Scenario variants from `--set PATH=V1,V2,...`: dotted paths checked against the scenario schema,
values parsed as YAML scalars, several `--set` options multiplied into a grid."""

from __future__ import annotations

import copy
import difflib
import itertools
import math
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peakplan.errors import shown
from peakplan.files.yaml_source import SourceError, load_yaml_value, read_yaml
from peakplan.modelfiles.store import is_path, resolve_path
from peakplan.scenario import Scenario, ScenarioError, load_scenario, scenario_from_dict

ANY_KEY = "<name>"
MAX_GRID_POINTS = 1_000  # variants one compare or sweep solves
RESOLVED = ("catalogue", "readiness")  # filled in from the files `model:` names; set model.* instead


@dataclass(frozen=True)
class Setting:
    path: str                      # dotted scenario path, e.g. rules.weekly_ramp.max_increase
    values: tuple[Any, ...]        # parsed values, in the order given
    texts: tuple[str, ...] = ()    # the values as typed, for labels


@dataclass(frozen=True)
class Variant:
    label: str
    source: str                    # the scenario file
    changes: dict[str, Any]        # path -> value applied to it
    scenario: Scenario


def _options(annotation: Any) -> list[Any]:
    """The members of a Union / Optional annotation (or the annotation itself)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [o for a in typing.get_args(annotation) for o in _options(a)]
    return [annotation]


def _children(annotation: Any) -> tuple[dict[str, Any], bool] | None:
    """Child name -> annotation under ``annotation``, and whether any key is allowed; None for a leaf."""
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            hidden = RESOLVED if option is Scenario else ()
            return {name: f.annotation for name, f in option.model_fields.items() if name not in hidden}, False
        if typing.get_origin(option) is dict:
            key, value = typing.get_args(option)
            if typing.get_origin(key) is typing.Literal:
                return dict.fromkeys(typing.get_args(key), value), False
            return {ANY_KEY: value}, True
    return None


def leaf_paths(annotation: Any = Scenario, prefix: str = "") -> list[str]:
    """Every settable dotted path of the scenario schema (``<name>`` where any key is allowed)."""
    children = _children(annotation)
    if children is None:
        return [prefix]
    return [p for name, sub in children[0].items() for p in leaf_paths(sub, f"{prefix}.{name}" if prefix else name)]


def _valid(path: str) -> bool:
    try:
        check_path(path)
    except ScenarioError:
        return False
    return True


def _suggest(prefix: str, bad: str, rest: list[str], choices: list[str], annotation: Any) -> str:
    close = difflib.get_close_matches(bad, choices, n=1, cutoff=0.6)
    if close:
        fixed = ".".join([*([prefix] if prefix else []), close[0]])
        return ".".join([fixed, *rest]) if rest and _valid(".".join([fixed, *rest])) else fixed
    tokens = [t for t in re.split(r"[_\W]+", bad.lower()) if len(t) > 2]
    leaves = leaf_paths(annotation, prefix)
    scored = [(sum(len(t) for t in tokens if t in leaf), difflib.SequenceMatcher(None, bad, leaf[len(prefix):]).ratio(), leaf)
              for leaf in leaves if not leaf.endswith(".enabled")]
    best = max(scored, default=(0, 0.0, ""))
    return best[2] if best[0] or best[1] >= 0.5 else ""


def check_path(path: str) -> None:
    """Raise ScenarioError unless ``path`` names a field of the scenario schema, with a close match."""
    parts = path.split(".")
    annotation: Any = Scenario
    for i, part in enumerate(parts):
        prefix = ".".join(parts[:i])
        children = _children(annotation)
        if children is None:
            raise ScenarioError(f"--set {path}: `{prefix}` is a single value; it has no field `{part}`. "
                                f"Use --set {prefix}=VALUE.")
        fields, any_key = children
        if any_key:
            annotation = fields[ANY_KEY]
            continue
        if part not in fields:
            where = f"under `{prefix}`" if prefix else "at the top level"
            hint = _suggest(prefix, part, parts[i + 1:], list(fields), annotation)
            hint = f" Did you mean `{hint}`?" if hint else ""
            raise ScenarioError(f"--set {path}: the scenario has no field `{part}` {where}.{hint} "
                                f"Fields there: {', '.join(fields)}.")
        annotation = fields[part]


def parse_setting(text: str) -> Setting:
    """``rules.weekly_ramp.max_increase=0.05,0.08`` -> Setting; values are YAML scalars."""
    path, sep, values = text.partition("=")
    path = path.strip()
    if not sep or not path or not values.strip():
        raise ScenarioError(f"--set {text!r}: write it as PATH=VALUE[,VALUE...], "
                            "e.g. --set rules.weekly_ramp.max_increase=0.05,0.10")
    check_path(path)
    parsed, texts = [], tuple(v.strip() for v in values.split(","))
    if len(texts) > MAX_GRID_POINTS:
        raise ScenarioError(f"--set {path}: {len(texts)} values; at most {MAX_GRID_POINTS} in a grid.")
    for raw in texts:
        try:
            parsed.append(load_yaml_value(raw.strip()) if raw.strip() else None)
        except SourceError:
            raise ScenarioError(f"--set {path}: value {shown(raw.strip())} cannot be read; quote it or simplify "
                                "it.") from None
    if None in parsed:
        raise ScenarioError(f"--set {path}: empty value in {values!r}; list values separated by commas.")
    return Setting(path, tuple(parsed), texts)


def grid(settings: list[Setting]) -> list[tuple[dict[str, Any], str]]:
    """Every combination of the settings' values with its label, e.g. ({path: 0.1}, 'max_increase=0.10')."""
    if len({s.path for s in settings}) != len(settings):
        raise ScenarioError("the same --set path is given twice; list all its values in one --set")
    points = math.prod(len(s.values) for s in settings)
    if points > MAX_GRID_POINTS:
        raise ScenarioError(f"the --set options make a grid of {points:,} points; at most {MAX_GRID_POINTS} are "
                            "solved in one run. Give fewer values.")
    out = []
    for combo in itertools.product(*(range(len(s.values)) for s in settings)):
        changes = {s.path: s.values[i] for s, i in zip(settings, combo, strict=True)}
        label = " ".join(f"{short(s.path)}={(s.texts or s.values)[i]}" for s, i in zip(settings, combo, strict=True))
        out.append((changes, label))
    return out


def apply(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of the raw scenario dict with each dotted path set (missing sections created)."""
    out = copy.deepcopy(data)
    for path, value in changes.items():
        node = out
        *parents, last = path.split(".")
        for key in parents:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[last] = copy.deepcopy(value)
    return out


def short(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def variants(path: Path, settings: list[Setting], label_with_file: bool = True) -> list[Variant]:
    """The scenario at ``path`` with every grid point of ``settings`` applied, each validated.

    Raises ScenarioError naming the file, the --set values and the field when a variant is invalid.
    """
    load_scenario(path)  # the file itself is valid: its own errors come first and unchanged
    data = read_yaml(path, "YAML scenario file")[0]
    base_dir = path.parent.resolve()
    out = []
    for changes, given in grid(settings):
        source = f"{path} with --set " + " ".join(f"{p}={shown(v)}" for p, v in changes.items()) if changes else str(path)
        trusted = [resolve_path(v, base_dir).resolve() for p, v in changes.items()
                   if p in ("model.catalogue", "model.readiness") and isinstance(v, str) and is_path(v)]
        scenario = scenario_from_dict(apply(data, changes), source, base_dir, trusted=trusted)
        label = " ".join(x for x in (path.stem if label_with_file or not changes else "", given) if x)
        out.append(Variant(label, str(path), changes, scenario))
    return out
