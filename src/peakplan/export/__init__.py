"""Exports of a plan file: iCalendar, CSV, Markdown and FIT workouts (a zip of .fit files).

``render(plan, fmt)`` returns the bytes; ``export_file(plan_path, fmt, out_path)`` writes them
atomically. Both raise :class:`PlanError` for a plan they cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from peakplan.export.atomic import write_atomic
from peakplan.export.csv_rows import to_csv
from peakplan.export.fit_workouts import to_fit_zip
from peakplan.export.ics import to_ics
from peakplan.export.markdown import to_markdown
from peakplan.export.plan_io import PlanError, PlanView, load_plan, plan_view

RENDERERS: dict[str, Callable[[PlanView], bytes]] = {
    "ics": to_ics,
    "csv": to_csv,
    "md": to_markdown,
    "fit": to_fit_zip,
}
FORMATS = tuple(RENDERERS)
BINARY_FORMATS = ("fit",)

__all__ = ["BINARY_FORMATS", "FORMATS", "PlanError", "export_file", "load_plan", "plan_view", "render", "write_atomic"]


def render(plan: dict[str, Any], fmt: str) -> bytes:
    """The plan in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](plan_view(plan))


def export_file(plan_path: str | Path, fmt: str, out_path: str | Path) -> int:
    """Render ``plan_path`` and write it atomically to ``out_path``; returns the bytes written."""
    data = render(load_plan(plan_path), fmt)
    write_atomic(out_path, data)
    return len(data)
