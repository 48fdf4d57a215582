"""Atomic file output: a temp file in the same folder, fsync, then rename over the target.

An interrupted write never leaves a half file and never destroys the previous one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_text_atomic(path: str | Path, text: str) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def plan_json(plan: dict[str, Any]) -> str:
    """The canonical text of a plan file (stable key order, so equal plans are equal bytes)."""
    return json.dumps(plan, indent=1, ensure_ascii=False) + "\n"


def write_plan(path: str | Path, plan: dict[str, Any]) -> Path:
    return write_text_atomic(path, plan_json(plan))
