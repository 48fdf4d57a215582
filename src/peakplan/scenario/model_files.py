"""The model files a scenario names (``model.catalogue``, ``model.readiness``), loaded with clear errors.

:mod:`peakplan.modelfiles` does the loading; when it fails this module re-reads the file with
line numbers and says which file, which line, which field and what to do, as a ScenarioError.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from peakplan.modelfiles import (
    BanisterModel,
    Catalogue,
    PmcModel,
    ReadinessModel,
    load_catalogue,
    load_readiness,
    models_dir,
    resolve_path,
)
from peakplan.scenario.loader import ScenarioError, check_finite, closest, format_validation_error
from peakplan.scenario.source import LineMap, SourceError, read_yaml

MAX_GAIN = 100.0  # Banister k1/k2 above this overflow the integer objective: a typo, not a model


def shipped_names() -> list[str]:
    return sorted(p.stem for p in models_dir().glob("*.yaml") if p.stem != "defaults")


def load_model(field: str, name: str) -> Catalogue | ReadinessModel:
    """``model.<field>`` = ``name`` loaded, or a ScenarioError naming the file, line and fix."""
    loader: Callable[[str], Any] = load_catalogue if field == "catalogue" else load_readiness
    path = resolve_path(name, None)
    try:
        model = loader(name)
    except Exception as exc:  # noqa: BLE001 - every failure becomes one message
        raise ScenarioError(_diagnose(field, name, path, exc)) from None
    _check_numbers(field, path, model)
    return model


def _diagnose(field: str, name: str, path: Path, exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError) and path.parent == models_dir():
        names = shipped_names()
        close = closest(name, names)
        hint = f" Did you mean {close!r}?" if close else ""
        return (f"model.{field} = {name!r}: models/ has no such file ({', '.join(names)}).{hint} "
                "Or give the path of your own YAML file, relative to the scenario file.")
    try:
        data, lines = read_yaml(path, f"{field} YAML file")
    except SourceError as err:
        return f"{err} (the file named by model.{field})"
    if isinstance(exc, ValidationError):
        return _invalid(field, path, data, lines, exc)
    return f"{path}: cannot be used as model.{field} ({exc}). Fix that file."


def _invalid(field: str, path: Path, data: Any, lines: LineMap, exc: ValidationError) -> str:
    swapped = _swapped(field, data)
    if swapped:
        return f"{path}: {swapped} Point model.{field} at the right file."
    root: type[BaseModel] = Catalogue
    if field == "readiness":
        root = PmcModel if isinstance(data, dict) and data.get("kind") == "pmc" else BanisterModel
    example = "catalogue" if field == "catalogue" else "banister or models/pmc"
    message = format_validation_error(exc, str(path), lines, root, f"see models/{example}.yaml")
    if not isinstance(data, dict):
        message += f" The file must be a YAML mapping like models/{example}.yaml."
    return message + f" (the file named by model.{field})"


def _swapped(field: str, data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if field == "catalogue" and "kind" in data and "sessions" not in data:
        return "this is a readiness model (it has `kind`), but model.catalogue must name a session catalogue."
    if field == "readiness" and "sessions" in data and "kind" not in data:
        return "this is a session catalogue, but model.readiness must name a readiness model (banister, pmc)."
    return None


def _check_numbers(field: str, path: Path, model: BaseModel) -> None:
    """Finite numbers only, and Banister gains small enough for the integer objective."""
    try:
        check_finite(model, str(path), _LazyLines(path))
    except ScenarioError as exc:
        raise ScenarioError(f"{exc} (the file named by model.{field})") from None
    if isinstance(model, BanisterModel):
        for key in ("k1", "k2"):
            value = getattr(model, key)
            if value > MAX_GAIN:
                line = _lines(path).line((key,))
                where = f", line {line}" if line else ""
                raise ScenarioError(f"{path}{where}: field `{key}` = {value:g} is absurd for a Banister gain "
                                    f"(fitted values are about 0.01-5; at most {MAX_GAIN:g}). Fix that file.")


class _LazyLines:
    """The file's line map, read only when an error needs a line number (not on every solve)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def line(self, loc: Any) -> int | None:
        return _lines(self.path).line(loc)


def _lines(path: Path) -> LineMap:
    try:
        return read_yaml(path)[1]
    except SourceError:
        return LineMap(None)
