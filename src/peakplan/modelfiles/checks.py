"""Checks of a model file's data beyond its pydantic schema (see :mod:`peakplan.modelfiles.store`).

- A file that is not a peakplan model file at all (no ``sessions:`` for a catalogue, no ``kind:``
  for a readiness model) is refused without quoting any of it: a scenario may point at a
  file that holds something else entirely, and its contents must not end up in a message.
- Numbers are finite and within bounds that keep the integer model's coefficients small:
  Banister gains at most ``MAX_GAIN``, ``p0`` and the form window at most ``MAX_LEVEL`` in
  magnitude (a huge time constant is fine: it means no decay); at most ``MAX_SESSION_TYPES``
  session types (the model has a variable per day and type).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peakplan.errors import ScenarioError, at, first_non_finite
from peakplan.files.limits import MAX_SESSION_TYPES
from peakplan.files.yaml_source import LineMap
from peakplan.modelfiles.catalogue import Catalogue
from peakplan.modelfiles.readiness_models import BanisterModel, PmcModel

MAX_GAIN = 100.0       # Banister k1/k2 above this overflow the integer objective: a typo, not a model
MAX_LEVEL = 1_000_000.0  # |p0| (model units) and |tsb_min|, |tsb_max| (load/day)
MARKER = {"catalogue": "sessions", "readiness": "kind"}


class ModelFileError(ScenarioError):
    """A model file a scenario names that cannot be used; the message names the file, line and fix."""


def swapped(field: str, data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if field == "catalogue" and "kind" in data and "sessions" not in data:
        return "this is a readiness model (it has `kind`), but model.catalogue must name a session catalogue."
    if field == "readiness" and "sessions" in data and "kind" not in data:
        return "this is a session catalogue, but model.readiness must name a readiness model (banister, pmc)."
    return None


def not_a_model_file(field: str, path: Path, data: Any) -> str | None:
    """The message for a file that is no peakplan model file (its contents are not shown)."""
    if isinstance(data, dict) and MARKER[field] in data:
        return None
    example = "models/catalogue.yaml" if field == "catalogue" else "models/banister.yaml or models/pmc.yaml"
    return (f"{path}: is not a peakplan {field} file (a YAML mapping with `{MARKER[field]}:` at the top, like "
            f"{example}); its contents are not shown. Point model.{field} at the right file.")


def _fail(path: Path, lines: LineMap, loc: tuple[Any, ...], text: str, field: str) -> None:
    raise ModelFileError(f"{at(str(path), lines.line(loc))}: {text} (the file named by model.{field})")


def check_numbers(field: str, path: Path, model: BaseModel, lines: LineMap) -> None:
    """Finite numbers only, within the bounds of the module docstring."""
    loc = first_non_finite(model.model_dump())
    if loc is not None:
        name = ".".join(str(p) for p in loc)
        _fail(path, lines, loc, f"field `{name}` is not a finite number. Give a real number.", field)
    if isinstance(model, Catalogue) and len(model.sessions) > MAX_SESSION_TYPES:
        _fail(path, lines, ("sessions",), f"{len(model.sessions)} session types; at most {MAX_SESSION_TYPES} "
              "are supported (the model grows with each). Merge similar types.", field)
    if isinstance(model, BanisterModel):
        for key in ("k1", "k2"):
            value = getattr(model, key)
            if value > MAX_GAIN:
                _fail(path, lines, (key,), f"field `{key}` = {value:g} is absurd for a Banister gain (fitted values "
                      f"are about 0.01-5; at most {MAX_GAIN:g}). Fix that file.", field)
    levels = ("p0",) if isinstance(model, BanisterModel) else ("tsb_min", "tsb_max") if isinstance(model, PmcModel) else ()
    for key in levels:
        if abs(getattr(model, key)) > MAX_LEVEL:
            _fail(path, lines, (key,), f"field `{key}` = {getattr(model, key):g} is out of range (at most "
                  f"{MAX_LEVEL:g} in magnitude). Fix that file.", field)
