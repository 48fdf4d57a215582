"""Finding, reading and checking model files: one cache, one place for their error messages.

A model file is named by a scenario (``model.catalogue``, ``model.readiness``) as a name in the
shipped ``models/`` folder (``banister``) or as a path (relative to the scenario file's folder).
Each file version (path, mtime, size) is parsed once per process. When a file cannot be used,
:class:`ModelFileError` names the file, the line, the field and the fix.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from peakplan.errors import ScenarioError, at, closest, first_non_finite, format_validation_error
from peakplan.files.yaml_source import LineMap, SourceError, read_yaml
from peakplan.modelfiles.catalogue import Catalogue
from peakplan.modelfiles.readiness_models import BanisterModel, PmcModel

ReadinessFile = BanisterModel | PmcModel
KINDS: dict[str, type[BaseModel]] = {"catalogue": Catalogue}
MAX_GAIN = 100.0  # Banister k1/k2 above this overflow the integer objective: a typo, not a model
NOT_MODELS = ("defaults", "solver-presets")


class ModelFileError(ScenarioError):
    """A model file a scenario names that cannot be used; the message names the file, line and fix."""


def models_dir() -> Path:
    """The shipped ``models/`` folder: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "models", here.parent.parent / "models"):
        if (candidate / "catalogue.yaml").is_file():
            return candidate
    raise FileNotFoundError("peakplan's models/ folder is missing from this installation")


def shipped_names() -> list[str]:
    return sorted(p.stem for p in models_dir().glob("*.yaml") if p.stem not in NOT_MODELS)


def is_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name


def resolve_path(name: str, base_dir: Path | None = None) -> Path:
    """A models/ name (``banister``) or a path relative to ``base_dir`` (the scenario's folder)."""
    if is_path(name):
        path = Path(name)
        return path if path.is_absolute() or base_dir is None else base_dir / path
    return models_dir() / f"{name}.yaml"


def _root_for(field: str, data: Any) -> type[BaseModel]:
    if field == "catalogue":
        return Catalogue
    return PmcModel if isinstance(data, dict) and data.get("kind") == "pmc" else BanisterModel


@lru_cache(maxsize=128)
def _parsed(field: str, key: tuple[str, int, int]) -> BaseModel:
    """The model of one file version; ModelFileError when it cannot be used."""
    path = Path(key[0])
    try:
        data, lines = read_yaml(path, f"{field} YAML file")
    except SourceError as err:
        raise ModelFileError(f"{err} (the file named by model.{field})") from None
    swapped = _swapped(field, data)
    if swapped:
        raise ModelFileError(f"{path}: {swapped} Point model.{field} at the right file.")
    root = _root_for(field, data)
    try:
        model = root.model_validate(data)
    except ValidationError as exc:
        example = "catalogue" if field == "catalogue" else "banister or models/pmc"
        message = format_validation_error(exc, str(path), lines, root, f"see models/{example}.yaml")
        if not isinstance(data, dict):
            message += f" The file must be a YAML mapping like models/{example}.yaml."
        raise ModelFileError(message + f" (the file named by model.{field})") from None
    _check_numbers(field, path, model, lines)
    return model


def _swapped(field: str, data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if field == "catalogue" and "kind" in data and "sessions" not in data:
        return "this is a readiness model (it has `kind`), but model.catalogue must name a session catalogue."
    if field == "readiness" and "sessions" in data and "kind" not in data:
        return "this is a session catalogue, but model.readiness must name a readiness model (banister, pmc)."
    return None


def _check_numbers(field: str, path: Path, model: BaseModel, lines: LineMap) -> None:
    """Finite numbers only, and Banister gains small enough for the integer objective."""
    loc = first_non_finite(model.model_dump())
    if loc is not None:
        name = ".".join(str(p) for p in loc)
        raise ModelFileError(f"{at(str(path), lines.line(loc))}: field `{name}` is not a finite number. "
                             f"Give a real number. (the file named by model.{field})")
    if isinstance(model, BanisterModel):
        for key in ("k1", "k2"):
            value = getattr(model, key)
            if value > MAX_GAIN:
                raise ModelFileError(f"{at(str(path), lines.line((key,)))}: field `{key}` = {value:g} is absurd for a "
                                     f"Banister gain (fitted values are about 0.01-5; at most {MAX_GAIN:g}). Fix that file.")


def _file_key(path: Path) -> tuple[str, int, int]:
    """Path, mtime and size: an edited file is read again, an unchanged one is not."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def _load(field: str, name: str, base_dir: Path | None) -> BaseModel:
    path = resolve_path(name, base_dir)
    try:
        key = _file_key(path)
    except FileNotFoundError:
        raise ModelFileError(_missing(field, name, path)) from None
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc}); check the path named by model.{field}.") from None
    return _parsed(field, key)


def _missing(field: str, name: str, path: Path) -> str:
    if not is_path(name):
        names = shipped_names()
        close = closest(name, names)
        hint = f" Did you mean {close!r}?" if close else ""
        return (f"model.{field} = {name!r}: models/ has no such file ({', '.join(names)}).{hint} "
                "Or give the path of your own YAML file, relative to the scenario file.")
    return f"model.{field} = {name!r}: file {path} not found. Check the path (relative to the scenario file)."


def load_catalogue(name: str = "catalogue", base_dir: Path | None = None) -> Catalogue:
    """The catalogue (frozen, so safely shared); ModelFileError when it cannot be used."""
    model = _load("catalogue", name, base_dir)
    assert isinstance(model, Catalogue)
    return model


def load_readiness(name: str = "runner", base_dir: Path | None = None) -> ReadinessFile:
    """The readiness model (frozen); ModelFileError when it cannot be used."""
    model = _load("readiness", name, base_dir)
    assert isinstance(model, BanisterModel | PmcModel)
    return model


@lru_cache(maxsize=1)
def load_defaults() -> dict[str, Any]:
    """``models/defaults.yaml``: rule defaults by race distance (shipped, so trusted)."""
    data, _ = read_yaml(models_dir() / "defaults.yaml")
    assert isinstance(data, dict)
    return data
