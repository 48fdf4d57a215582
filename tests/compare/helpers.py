"""A tiny 4-week 10K scenario (solves in well under a second) as a YAML file, and CLI helpers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

TINY: dict[str, Any] = {
    "name": "tiny 10K",
    "start_date": "2027-01-04",
    "race": {"distance": "10k", "date": "2027-01-31", "goal_time": "45:00"},
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
    "availability": {"max_minutes": {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60, "sun": 100},
                     "long_run_day": "sun"},
    "solver": {"time_limit_s": 30, "workers": 1, "seed": 0},
}


def tiny_yaml(folder: Path, name: str = "tiny", **changes: Any) -> Path:
    """TINY with top-level sections merged (e.g. rules={...}) written to folder/name.yaml."""
    data = copy.deepcopy(TINY)
    for key, value in changes.items():
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def run_cli(*args: str):
    """(exit code, stdout, stderr) of `peakplan ARGS` (wide terminal so tables are not cut)."""
    from typer.testing import CliRunner

    from peakplan.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
