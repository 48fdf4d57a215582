"""Reading and writing plan files: the one reader that validate, export, report and compare use.

A plan that cannot be read (missing, not JSON, not of the format of :mod:`peakplan.plan.file`)
raises :class:`PlanFileError` naming the file, the field and the fix. Writes are atomic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from peakplan.errors import InputError, dotted, first_non_finite, format_validation_error
from peakplan.files.atomic import write_text_atomic
from peakplan.files.limits import MAX_PLAN_BYTES
from peakplan.files.reading import SourceError, read_text
from peakplan.plan.file import PlanFile
from peakplan.plan.limits import PlanBoundsError, check_bounds

FIX = "re-create it with `peakplan solve SCENARIO --out plan.json` (format: docs/plan-format.md)"


class PlanFileError(InputError):
    """A plan file that cannot be used; the message names the file, the field and the fix."""


def plan_from_json(text: str, source: str = "plan") -> PlanFile:
    """The plan in ``text``; PlanFileError naming the field when it is not a valid plan file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                            f"fix it there or {FIX}.") from None
    except RecursionError:
        raise PlanFileError(f"{source}: the JSON is nested too deeply to be a plan file; {FIX}.") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise PlanFileError(f"{source}: not a plan file ({str(exc)[:120]}); {FIX}.") from None
    return plan_from_data(data, source)


def plan_from_data(data: Any, source: str = "plan") -> PlanFile:
    """A parsed JSON document (dicts and lists) as a PlanFile, with JSON's typing rules."""
    if isinstance(data, PlanFile):
        return data
    if not isinstance(data, dict) or "days" not in data:
        raise PlanFileError(f"{source}: not a peakplan plan file (a JSON object with `days`, `weeks`, "
                            f"`readiness`, ...); {FIX}.")
    loc = first_non_finite(data)
    if loc is not None:  # NaN and Infinity are JSON extensions no peakplan number uses
        raise PlanFileError(f"{source}: field `{dotted(loc)}` is not a finite number; {FIX}.")
    try:
        plan = PlanFile.model_validate_json(json.dumps(data))
        check_bounds(plan, source)
        return plan
    except PlanBoundsError as exc:
        raise PlanFileError(f"{exc}. To get a valid file, {FIX}.") from None
    except ValidationError as exc:
        raise PlanFileError(format_validation_error(exc, source, None, PlanFile, "see docs/plan-format.md")
                            + f" To get a valid file, {FIX}.") from None
    except (TypeError, ValueError) as exc:  # NaN, infinities, objects JSON cannot hold
        raise PlanFileError(f"{source}: not a plan file ({str(exc)[:120]}); {FIX}.") from None
    except RecursionError:
        raise PlanFileError(f"{source}: the JSON is nested too deeply to be a plan file; {FIX}.") from None


def read_plan(path: str | Path) -> PlanFile:
    """The plan file at ``path``; PlanFileError when it cannot be read or is not a plan."""
    path = Path(path)
    try:
        text = read_text(path, "JSON plan file", MAX_PLAN_BYTES)
    except SourceError as exc:
        message = str(exc)
        if "file not found" in message:
            message = f"{path}: plan file not found; check the path, or {FIX}."
        raise PlanFileError(message) from None
    return plan_from_json(text, str(path))


def write_plan(path: str | Path, plan: PlanFile) -> Path:
    """Write ``plan`` atomically (readers see the old file or the whole new one)."""
    return write_text_atomic(path, plan.to_json())
