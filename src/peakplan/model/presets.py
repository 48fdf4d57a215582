"""Named CP-SAT settings (``models/solver-presets.yaml``), applied to a solver's parameters.

The preset file is the one documented place for solver tuning; each value there carries the
measurement that chose it. A preset is a mapping of CP-SAT ``SatParameters`` fields: scalars
are set, enum values are given by name (``search_branching: PSEUDO_COST_SEARCH``) and lists
extend repeated fields (``subsolvers``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from peakplan.modelfiles import models_dir

PRESET_FILE = "solver-presets.yaml"


@lru_cache(maxsize=1)
def _file() -> dict[str, Any]:
    with (models_dir() / PRESET_FILE).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("presets"), dict) or data.get("default") not in data["presets"]:
        raise ValueError(f"models/{PRESET_FILE} needs `default:` naming one of its `presets:`")
    return data


def default_preset() -> str:
    return str(_file()["default"])


def preset_names() -> tuple[str, ...]:
    return tuple(_file()["presets"])


def preset(name: str | None = None) -> dict[str, Any]:
    """The settings of preset ``name`` (the file's default when None)."""
    presets = _file()["presets"]
    name = name or default_preset()
    if name not in presets:
        raise ValueError(f"solver.preset = {name!r}: no such preset in models/{PRESET_FILE} "
                         f"(it has {', '.join(presets)})")
    return dict(presets[name] or {})


def apply(params: Any, settings: dict[str, Any]) -> None:
    """Set each preset field on a CP-SAT ``SatParameters`` (unknown fields raise ValueError)."""
    for key, value in settings.items():
        if not hasattr(params, key):
            raise ValueError(f"models/{PRESET_FILE}: {key!r} is not a CP-SAT parameter")
        if isinstance(value, list):
            field = getattr(params, key)
            field.clear()
            field.extend(value)
        elif isinstance(value, str) and hasattr(type(params), value):
            setattr(params, key, getattr(type(params), value))   # an enum value by name
        else:
            setattr(params, key, value)
