"""Does `peakplan schema` accept what the loader accepted? Up to pydantic's lax coercions.

The loader (pydantic in lax mode) also takes a number written as quoted text (`"180"`), a
boolean for an integer, and `"yes"`/`"no"` text for a boolean, which the JSON Schema, like an
editor, flags. Those values are coerced as pydantic would before the schema is asked.
"""

from __future__ import annotations

from typing import Any


def _editor_data(text: str) -> Any:
    import yaml

    class Editor(yaml.SafeLoader):
        pass

    Editor.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Editor)  # a SafeLoader subclass


LAX_TRUE, LAX_FALSE = ("true", "yes", "on", "1", "y", "t"), ("false", "no", "off", "0", "n", "f")


def _lax_value(instance: Any, expected: Any) -> tuple[bool, Any]:
    """What pydantic's lax mode makes of ``instance`` for a JSON Schema ``type`` (the loader's
    documented leniency: a number or boolean written as text, a boolean or whole float as an integer)."""
    types = set(expected if isinstance(expected, list) else [expected])
    if types & {"integer", "number"}:
        if isinstance(instance, bool):
            return True, int(instance)
        if isinstance(instance, str):
            try:
                number = float(instance)
            except ValueError:
                return False, None
            return True, number
    if "boolean" in types and isinstance(instance, str | int) and str(instance).lower() in LAX_TRUE + LAX_FALSE:
        return True, str(instance).lower() in LAX_TRUE
    return False, None


def _leaves(error: Any) -> list[Any]:
    return [error, *(leaf for sub in (error.context or []) for leaf in _leaves(sub))]


def _coerce_once(data: Any, validator: Any) -> bool:
    for error in validator.iter_errors(data):
        for leaf in _leaves(error):
            ok, value = _lax_value(leaf.instance, leaf.schema.get("type")) if leaf.validator == "type" else (False, None)
            path = list(leaf.absolute_path)
            if ok and path:
                node = data
                for key in path[:-1]:
                    node = node[key]
                node[path[-1]] = value
                return True
    return False


def schema_agrees(schema: dict[str, Any], text: str) -> bool:
    """``peakplan schema`` accepts what the loader accepted, up to pydantic's lax coercions."""
    import jsonschema

    try:
        data = _editor_data(text)
    except Exception:  # YAML 1.1 and 1.2 readers differ on exotic text: nothing to compare
        return True
    validator = jsonschema.Draft202012Validator(schema)
    for _ in range(50):
        if not _coerce_once(data, validator):
            break
    return bool(validator.is_valid(data))
