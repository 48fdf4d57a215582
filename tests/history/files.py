"""Small activity files for the tests, written with the sample's own writers (FIT SDK, GPX, TCX)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "history-sample"
_spec = importlib.util.spec_from_file_location("sample_files", SAMPLE / "sample_files.py")
assert _spec is not None and _spec.loader is not None
writers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(writers)

START = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)   # 08:00 in the writers' CEST clock


def points(minutes: float, s_per_km: float, step_s: int = 10, hr: int = 140) -> list[tuple[int, float, int]]:
    """Even-paced points every ``step_s`` seconds."""
    return [(t, round(t * 1000 / s_per_km, 2), hr) for t in range(0, int(minutes * 60) + 1, step_s)]


def fit_run(minutes: float = 30, s_per_km: float = 300, start: dt.datetime = START, **kwargs) -> bytes:
    return writers.fit_activity(start, points(minutes, s_per_km), **kwargs)


def gpx_run(minutes: float = 30, s_per_km: float = 300, start: dt.datetime = START, name: str = "Morning Run") -> str:
    return writers.gpx_activity(start, points(minutes, s_per_km), name)


def tcx_run(minutes: float = 30, s_per_km: float = 300, start: dt.datetime = START, distance: bool = True) -> str:
    return writers.tcx_activity(start, points(minutes, s_per_km), distance)
