"""Reading and writing ``history.json`` (atomic writes; a file that is not a history is an InputError)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from peakplan.errors import InputError, format_validation_error
from peakplan.files.atomic import write_text_atomic
from peakplan.files.yaml_source import SourceError, read_text
from peakplan.history.model import History

FIX = "re-create it with `peakplan history FILES... -o history.json` (format: docs/history.md)"
MAX_HISTORY_BYTES = 200_000_000  # ten years of daily running is about 10 MB


class HistoryFileError(InputError):
    """A history file that cannot be used; the message names the file, the field and the fix."""


def history_json(history: History) -> str:
    return history.model_dump_json(indent=1) + "\n"


def write_history(path: str | Path, history: History) -> Path:
    return write_text_atomic(path, history_json(history))


def read_history(path: str | Path) -> History:
    """The history at ``path``; HistoryFileError naming the field when it is not one."""
    path = Path(path)
    try:
        text = read_text(path, "JSON history file", MAX_HISTORY_BYTES)
    except SourceError as exc:
        raise HistoryFileError(f"{exc} ({FIX})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HistoryFileError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}); {FIX}.") from None
    except RecursionError:
        raise HistoryFileError(f"{path}: the JSON is nested too deeply to be a history file; {FIX}.") from None
    if not isinstance(data, dict) or data.get("format") != History.model_fields["format"].default:
        raise HistoryFileError(f"{path}: not a peakplan history file (a JSON object with "
                               f"\"format\": \"{History.model_fields['format'].default}\"); {FIX}.")
    try:
        return History.model_validate_json(text)
    except ValidationError as exc:
        raise HistoryFileError(format_validation_error(exc, str(path), None, History, "see docs/history.md")
                               + f" To get a valid file, {FIX}.") from None
