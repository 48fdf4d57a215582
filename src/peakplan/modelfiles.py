"""Readers for the data files in ``models/``: session catalogue, readiness models, defaults.

Shared by the CP-SAT model and the independent validator (they share nothing else). Each file
is plain YAML whose numbers carry their sources in comments.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from peakplan.scenario.schema import PHASES

QualityKind = Literal["none", "threshold", "intervals", "repetitions", "marathon_pace"]


def models_dir() -> Path:
    """The shipped ``models/`` folder: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parent.parent / "models"):
        if (candidate / "catalogue.yaml").is_file():
            return candidate
    raise FileNotFoundError("peakplan's models/ folder is missing from this installation")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SessionType(_Frozen):
    intensity_factor: float = Field(ge=0, le=1.5)
    min_minutes: int = Field(ge=0, le=600)
    max_minutes: int = Field(ge=0, le=600)
    hard: bool
    long: bool = False
    quality_kind: QualityKind = "none"
    quality_fraction: float = Field(default=0.0, ge=0, le=1)
    phases: tuple[str, ...] = PHASES

    @model_validator(mode="after")
    def _check(self) -> SessionType:
        if self.min_minutes > self.max_minutes:
            raise ValueError("min_minutes is larger than max_minutes")
        unknown = [p for p in self.phases if p not in PHASES]
        if unknown:
            raise ValueError(f"unknown phase(s) {unknown}; use {', '.join(PHASES)}")
        return self

    @property
    def load_per_minute(self) -> float:
        """Load of one minute: hours x IF^2 x 100 (TSS convention, SCIENCE.md section 2)."""
        return self.intensity_factor**2 * 100.0 / 60.0


class Catalogue(_Frozen):
    sessions: dict[str, SessionType]

    @model_validator(mode="after")
    def _check(self) -> Catalogue:
        if not self.sessions:
            raise ValueError("the catalogue lists no session types")
        if "race" in self.sessions:
            raise ValueError("'race' is reserved for the race-day session; rename that session type")
        return self


class BanisterModel(_Frozen):
    kind: Literal["banister"]
    k1: float = Field(gt=0)
    k2: float = Field(ge=0)
    tau_fitness_days: float = Field(gt=0)
    tau_fatigue_days: float = Field(gt=0)
    p0: float = 0.0

    def day_weight(self, days_before_race: int) -> float:
        """c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2} (Banister et al. 1975; Clarke & Skiba 2013)."""
        n = days_before_race
        return self.k1 * math.exp(-n / self.tau_fitness_days) - self.k2 * math.exp(-n / self.tau_fatigue_days)


class PmcModel(_Frozen):
    kind: Literal["pmc"]
    tau_ctl_days: float = Field(gt=0)
    tau_atl_days: float = Field(gt=0)
    tsb_min: float
    tsb_max: float

    @model_validator(mode="after")
    def _window(self) -> PmcModel:
        if self.tsb_min > self.tsb_max:
            raise ValueError("tsb_min is larger than tsb_max")
        return self


ReadinessModel = BanisterModel | PmcModel


def resolve_path(name: str, base_dir: Path | None) -> Path:
    """A models/ name (``banister``) or a path relative to the scenario file's folder."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        path = Path(name)
        return path if path.is_absolute() or base_dir is None else base_dir / path
    return models_dir() / f"{name}.yaml"


def _read_yaml(path: Path) -> object:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _file_key(path: Path) -> tuple[str, int, int]:
    """Path, mtime and size: an edited file is read again, an unchanged one is not."""
    stat = path.stat()  # FileNotFoundError for a missing file, as before
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=64)
def _catalogue(key: tuple[str, int, int]) -> Catalogue:
    return Catalogue.model_validate(_read_yaml(Path(key[0])))


@lru_cache(maxsize=64)
def _readiness(key: tuple[str, int, int]) -> ReadinessModel:
    data = _read_yaml(Path(key[0]))
    if isinstance(data, dict) and data.get("kind") == "pmc":
        return PmcModel.model_validate(data)
    return BanisterModel.model_validate(data)


def load_catalogue(name: str, base_dir: Path | None = None) -> Catalogue:
    """The catalogue (frozen, so safely shared): parsed once per file version, not once per solve."""
    return _catalogue(_file_key(resolve_path(name, base_dir)))


def load_readiness(name: str, base_dir: Path | None = None) -> ReadinessModel:
    """The readiness model (frozen), parsed once per file version."""
    return _readiness(_file_key(resolve_path(name, base_dir)))


@lru_cache(maxsize=1)
def load_defaults() -> dict:
    data = _read_yaml(models_dir() / "defaults.yaml")
    assert isinstance(data, dict)
    return data
