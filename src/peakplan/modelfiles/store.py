"""Finding, reading and checking model files: one cache, one place for their error messages.

A model file is named by a scenario (``model.catalogue``, ``model.readiness``) as a name in the
shipped ``models/`` folder (``banister``) or as a path (relative to the scenario file's folder).
Each file version (path, mtime, size) is parsed once per process. When a file cannot be used,
:class:`ModelFileError` names the file, the line, the field and the fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from peakplan.errors import closest, format_validation_error
from peakplan.files.yaml_source import SourceError, read_yaml
from peakplan.modelfiles.catalogue import Catalogue
from peakplan.modelfiles.checks import ModelFileError, check_numbers, not_a_model_file, swapped
from peakplan.modelfiles.readiness_models import BanisterModel, PmcModel

ReadinessFile = BanisterModel | PmcModel
KINDS: dict[str, type[BaseModel]] = {"catalogue": Catalogue}
NOT_MODELS = ("defaults", "solver-presets")


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
    wrong = swapped(field, data)
    if wrong:
        raise ModelFileError(f"{path}: {wrong} Point model.{field} at the right file.")
    foreign = not_a_model_file(field, path, data)
    if foreign:
        raise ModelFileError(foreign)
    root = _root_for(field, data)
    try:
        model = root.model_validate(data)
    except ValidationError as exc:
        example = "catalogue" if field == "catalogue" else "banister or models/pmc"
        message = format_validation_error(exc, str(path), lines, root, f"see models/{example}.yaml")
        if not isinstance(data, dict):
            message += f" The file must be a YAML mapping like models/{example}.yaml."
        raise ModelFileError(message + f" (the file named by model.{field})") from None
    check_numbers(field, path, model, lines)
    return model


def _file_key(path: Path) -> tuple[str, int, int]:
    """Path, mtime and size: an edited file is read again, an unchanged one is not."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def _check_confined(field: str, name: str, path: Path, allowed: Sequence[Path] | None) -> None:
    """A model file named in a scenario file must lie in the scenario's folder (or below), in the
    shipped models/, or be a path the user named on the command line (docs/hardening.md "Paths")."""
    if allowed is None:
        return
    try:
        real = path.resolve()
        if any(real == root or real.is_relative_to(root) for root in (a.resolve() for a in allowed)):
            return
    except (OSError, RuntimeError, ValueError):  # a symlink loop, an unusable path: nothing can be read there,
        return                                     # and reading it says so
    raise ModelFileError(
        f"model.{field} = {name[:200]!r}: {str(path)[:300]} is outside the scenario's folder and peakplan's models/, "
        "so it is not read. Copy the file next to the scenario (or below it), or name it on the command line "
        f"(--set model.{field}=PATH).")


def _load(field: str, name: str, base_dir: Path | None, allowed: Sequence[Path] | None = None) -> BaseModel:
    path = resolve_path(name, base_dir)
    _check_confined(field, name, path, allowed)
    try:
        key = _file_key(path)
    except FileNotFoundError:
        raise ModelFileError(_missing(field, name, path)) from None
    except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: a symlink loop (pathlib)
        raise ModelFileError(f"{path}: cannot be read ({str(exc)[:100]}); check the path named by model.{field}.") from None
    return _parsed(field, key)


def _missing(field: str, name: str, path: Path) -> str:
    if not is_path(name):
        names = shipped_names()
        close = closest(name, names)
        hint = f" Did you mean {close!r}?" if close else ""
        return (f"model.{field} = {name!r}: models/ has no such file ({', '.join(names)}).{hint} "
                "Or give the path of your own YAML file, relative to the scenario file.")
    return f"model.{field} = {name!r}: file {path} not found. Check the path (relative to the scenario file)."


def load_catalogue(name: str = "catalogue", base_dir: Path | None = None,
                   allowed: Sequence[Path] | None = None) -> Catalogue:
    """The catalogue (frozen, so safely shared); ModelFileError when it cannot be used. With
    ``allowed``, only a file inside one of those folders (or one of those files) is read."""
    model = _load("catalogue", name, base_dir, allowed)
    assert isinstance(model, Catalogue)
    return model


def load_readiness(name: str = "runner", base_dir: Path | None = None,
                   allowed: Sequence[Path] | None = None) -> ReadinessFile:
    """The readiness model (frozen); ModelFileError when it cannot be used (``allowed``: as above)."""
    model = _load("readiness", name, base_dir, allowed)
    assert isinstance(model, BanisterModel | PmcModel)
    return model


@lru_cache(maxsize=1)
def load_defaults() -> dict[str, Any]:
    """``models/defaults.yaml``: rule defaults by race distance (shipped, so trusted)."""
    data, _ = read_yaml(models_dir() / "defaults.yaml")
    assert isinstance(data, dict)
    return data
