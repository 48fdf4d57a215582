"""The athlete's completed runs: import (FIT, GPX, TCX, CSV, folders, zips, Garmin and Strava exports),
the history file, and the start-of-block state a scenario can take from it. See docs/history.md.

Heavy parsers (fitdecode, gpxpy, tcxreader) load only when files are imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peakplan.history.io import HistoryFileError, read_history, write_history
from peakplan.history.model import Day, History, Session, Skipped, Test
from peakplan.history.start import StartState, start_state

if TYPE_CHECKING:
    from peakplan.history.build import ImportOptions

__all__ = ["Day", "History", "HistoryFileError", "ImportOptions", "Session", "Skipped", "StartState", "Test",
           "import_history", "read_history", "start_state", "write_history"]


def import_history(paths: Any, options: ImportOptions | None = None) -> History:
    """:func:`peakplan.history.build.import_history` (imported on first use: it loads the parsers)."""
    from peakplan.history.build import import_history as build

    return build(paths, options)


def __getattr__(name: str) -> Any:
    if name == "ImportOptions":
        from peakplan.history.build import ImportOptions

        return ImportOptions
    raise AttributeError(name)
