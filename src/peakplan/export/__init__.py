"""Exports of a plan file: iCalendar, CSV, Markdown and FIT workouts (a zip of .fit files).

``render(plan, fmt)`` returns the bytes of a :class:`~peakplan.plan.file.PlanFile` in a format;
every exporter reads the plan's stored workouts, so what a watch shows is what the plan says.
"""

from __future__ import annotations

from collections.abc import Callable

from peakplan.plan.file import PlanFile

FORMATS = ("ics", "csv", "md", "fit")
BINARY_FORMATS = ("fit",)

__all__ = ["BINARY_FORMATS", "FORMATS", "render"]


def _renderer(fmt: str) -> Callable[[PlanFile], bytes]:
    """The exporter of ``fmt``, imported on demand (icalendar and the FIT SDK load only when used)."""
    if fmt == "ics":
        from peakplan.export.ics import to_ics
        return to_ics
    if fmt == "csv":
        from peakplan.export.csv_rows import to_csv
        return to_csv
    if fmt == "md":
        from peakplan.export.markdown import to_markdown
        return to_markdown
    if fmt == "fit":
        from peakplan.export.fit_workouts import to_fit_zip
        return to_fit_zip
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def render(plan: PlanFile, fmt: str) -> bytes:
    """The plan in format ``fmt`` (one of ``FORMATS``)."""
    return _renderer(fmt)(plan)
