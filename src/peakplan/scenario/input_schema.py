"""The scenario file a user writes, as a pydantic model derived from the resolved :class:`Scenario`.

Not written by hand: :func:`input_model` walks ``Scenario`` and ``models/defaults.yaml``, so a new
field or rule appears here by itself. It differs from ``Scenario`` where the loader fills
things in:

- ``rules`` and every field of every rule are optional; the default comes from
  ``models/defaults.yaml`` (``common`` merged with ``by_distance``): one default when all race
  distances share it, otherwise the defaults by distance are listed in the description;
- ``race_session`` is optional (from the goal time, a recent race, or the defaults);
- ``catalogue`` and ``readiness`` are not written (``model:`` names their files);
- race distances may carry a unit (``3.1mi``, ``10 km``), as :mod:`peakplan.scenario.units` reads.

Field constraints (``ge``/``le``), descriptions (with units) and defaults are copied, so the JSON
Schema (``peakplan schema``) tells an editor what each field means, its unit and its default.
Cross-field checks stay in the loader: a file the schema accepts may still be refused, with a
message, for e.g. a race date before the start date.
"""

from __future__ import annotations

import copy
import json
import types
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model
from pydantic.fields import FieldInfo

from peakplan.modelfiles import load_defaults
from peakplan.scenario.schema import Race as RaceModel
from peakplan.scenario.schema import RaceResult, Rules, Scenario
from peakplan.scenario.units import KM_PER_UNIT, RESULT_NAMES, UNITS_HELP

RESOLVED = ("catalogue", "readiness")          # read from the files `model:` names
FILLED_IN = ("rules", "race_session")          # the loader fills them in when absent
DISTANCE_CLASSES = ("5k", "10k", "half", "marathon")


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


# ECMA-262 regex (JSON Schema): a number, optional spaces, a unit in any case.
UNIT_PATTERN = (r"^\s*([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(" + "|".join(_any_case(u) for u in sorted(KM_PER_UNIT, key=len,
                                                                                                   reverse=True))
                + r")\s*$")
NAME_PATTERN = r"^\s*(" + "|".join(_any_case(n) for n in RESULT_NAMES) + r")\s*$"  # names in any case, as the loader
DistanceWithUnit = Annotated[str, StringConstraints(pattern=f"{UNIT_PATTERN}|{NAME_PATTERN}")]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


def rule_defaults() -> dict[str, dict[str, dict[str, Any]]]:
    """rule -> field -> {distance class: default} from models/defaults.yaml."""
    from peakplan.scenario.loader import deep_merge

    data = load_defaults()
    merged = {c: deep_merge(data["common"], data["by_distance"][c]) for c in DISTANCE_CLASSES}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for c, rules in merged.items():
        for rule, fields in rules.items():
            for name, value in fields.items():
                out.setdefault(rule, {}).setdefault(name, {})[c] = value
    return out


def _no_default(schema: dict[str, Any]) -> None:
    """For a field that may be left out but not written as null: no ``default`` in the schema."""
    schema.pop("default", None)


def _omittable(info: FieldInfo, annotation: Any, description: str | None = None) -> tuple[Any, FieldInfo]:
    """A field the loader fills in when it is left out (writing ``null`` is not the same)."""
    return _copied(info, annotation, default=None, default_factory=None, json_schema_extra=_no_default,
                   description=description or info.description)


def _default_text(by_class: dict[str, Any]) -> str:
    return "; ".join(f"{c}: {json.dumps(v)}" for c, v in by_class.items())


def _input_annotation(annotation: Any) -> Any:
    """``annotation`` with every model inside it replaced by its input model."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return input_model_of(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_input_annotation(a) for a in args)]  # noqa: UP007 - built at run time
    if origin is dict:
        return dict[args[0], _input_annotation(args[1])]  # type: ignore[valid-type,misc]
    if origin is tuple:
        return tuple[tuple(_input_annotation(a) for a in args)]  # type: ignore[misc]
    return annotation


def _copied(info: FieldInfo, annotation: Any, **changes: Any) -> tuple[Any, FieldInfo]:
    """(annotation with the field's constraints, a FieldInfo with its description and default)."""
    kwargs: dict[str, Any] = {"description": info.description}
    if info.default_factory is not None:
        kwargs["default_factory"] = info.default_factory
    elif not info.is_required():
        kwargs["default"] = copy.deepcopy(info.default)
    kwargs.update(changes)
    typed = Annotated[annotation, *info.metadata] if info.metadata else annotation
    return typed, Field(**kwargs)


def _rule_field(rule: str, name: str, info: FieldInfo, defaults: dict[str, dict[str, Any]]) -> tuple[Any, FieldInfo]:
    """A rule's field, optional, with its default from models/defaults.yaml."""
    by_class = defaults.get(name)
    annotation = _input_annotation(info.annotation)
    if by_class is None:  # not in defaults.yaml: the schema's own default (or none)
        return _copied(info, annotation) if not info.is_required() else _omittable(info, annotation)
    values = list(by_class.values())
    if all(v == values[0] for v in values):
        return _copied(info, annotation, default=copy.deepcopy(values[0]), default_factory=None)
    return _omittable(info, annotation, f"{info.description or name}. Default by race distance: "
                                        f"{_default_text(by_class)}")


def _rule_model(rule: str, model: type[BaseModel], defaults: dict[str, dict[str, Any]]) -> type[BaseModel]:
    fields = {name: _rule_field(rule, name, info, defaults) for name, info in model.model_fields.items()}
    return create_model(f"{model.__name__}Input", __base__=_Input, __doc__=model.__doc__,
                        **fields)  # type: ignore[call-overload]


@cache
def input_model_of(model: type[BaseModel]) -> type[BaseModel]:
    """The input counterpart of one schema model (fields, constraints, defaults, descriptions)."""
    if model is Rules:
        return _rules_input()
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if model is Scenario and name in RESOLVED:
            continue
        annotation = _input_annotation(info.annotation)
        if (model, name) in ((RaceModel, "distance"), (RaceResult, "distance")):
            annotation = annotation | DistanceWithUnit
            info = FieldInfo.merge_field_infos(info, description=f"{info.description}; or {UNITS_HELP}")
        if model is Scenario and name in FILLED_IN:
            fields[name] = _copied(info, annotation | None, default=None,
                                   description=f"{info.description} (optional: filled in from models/defaults.yaml)")
        else:
            fields[name] = _copied(info, annotation)
    title = "Scenario" if model is Scenario else f"{model.__name__}Input"
    return create_model(title, __base__=_Input, __doc__=model.__doc__, **fields)


def _rules_input() -> type[BaseModel]:
    defaults = rule_defaults()
    fields = {}
    for rule, info in Rules.model_fields.items():
        rule_model = typing.get_args(info.annotation)[0] if typing.get_origin(info.annotation) else info.annotation
        assert isinstance(rule_model, type) and issubclass(rule_model, BaseModel), rule
        sub = _rule_model(rule, rule_model, defaults.get(rule, {}))
        fields[rule] = _omittable(info, sub, f"{info.description}; every field optional (defaults: "
                                             "models/defaults.yaml)")
    return create_model("RulesInput", __base__=_Input, __doc__=Rules.__doc__, **fields)  # type: ignore[call-overload]


def input_model() -> type[BaseModel]:
    """The model of a scenario file as written (``peakplan schema`` prints its JSON Schema)."""
    return input_model_of(Scenario)


def input_json_schema() -> dict[str, Any]:
    schema = input_model().model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "peakplan scenario"
    schema["description"] = ("A peakplan scenario file (YAML). Generated by `peakplan schema` from the scenario model "
                             "and models/defaults.yaml.")
    return schema
