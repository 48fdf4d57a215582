"""The data files in ``models/``: session catalogue, readiness models, rule defaults, solver presets.

Pure data (pydantic, YAML); no solver code. Everything that reads a model file goes through
:mod:`peakplan.modelfiles.store` (one cache, one set of error messages).
"""

from peakplan.modelfiles.catalogue import REST_TYPE, Catalogue, QualityKind, SessionType
from peakplan.modelfiles.readiness_models import BanisterModel, PmcModel, ReadinessModel
from peakplan.modelfiles.store import (
    ModelFileError,
    load_catalogue,
    load_defaults,
    load_readiness,
    models_dir,
    resolve_path,
    shipped_names,
)

__all__ = ["REST_TYPE", "BanisterModel", "Catalogue", "ModelFileError", "PmcModel", "QualityKind",
           "ReadinessModel", "SessionType", "load_catalogue", "load_defaults", "load_readiness", "models_dir",
           "resolve_path", "shipped_names"]
