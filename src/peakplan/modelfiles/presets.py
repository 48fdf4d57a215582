"""Named CP-SAT settings (``models/solver-presets.yaml``): the one documented place for tuning.

Each value there carries the measurement that chose it. A preset is a mapping of CP-SAT
``SatParameters`` fields (applied by :func:`peakplan.model.solver.parameters`): scalars are set,
enum values are given by name (``search_branching: PSEUDO_COST_SEARCH``) and lists extend
repeated fields (``subsolvers``). This module only reads the file: it imports no OR-Tools.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from peakplan.files.yaml_source import read_yaml
from peakplan.modelfiles.store import models_dir

PRESET_FILE = "solver-presets.yaml"


@lru_cache(maxsize=1)
def _file() -> dict[str, Any]:
    data, _ = read_yaml(models_dir() / PRESET_FILE)
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
