"""Athletes for the batch tests: a tiny 4-week 10K (solves in well under a second) varied per
athlete, written as scenario files or as a table, and the CLI run in-process."""

from __future__ import annotations

import copy
import csv
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
    "solver": {"time_limit_s": 30, "seed": 0},
}
# A taper week held under 10 % of the peak week, below what its long run needs: no plan keeps
# every rule (explained: long_run, taper, progression).
INFEASIBLE = {"rules.taper.volume_bands": [[0.0, 0.1], [0.33, 0.47]]}


def changes_for(i: int) -> dict[str, Any]:
    """Athlete i's fields that differ from TINY (dotted paths), all feasible."""
    return {"athlete.current_weekly_minutes": 180 + 5 * (i % 5), "athlete.peak_weekly_minutes": 280 + 10 * (i % 4),
            "athlete.longest_recent_run_minutes": 60 + 5 * (i % 3), "availability.max_minutes.sun": 90 + 5 * (i % 3)}


def scenario_data(changes: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(TINY)
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return data


def write_scenario(path: Path, changes: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(scenario_data(changes), sort_keys=False), encoding="utf-8")
    return path


def athlete_folder(folder: Path, n: int = 20) -> Path:
    """``n`` athlete scenario files a01.yaml ... in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_scenario(folder / f"a{i + 1:02d}.yaml", changes_for(i))
    return folder


def athlete_table(path: Path, rows: list[dict[str, Any]]) -> Path:
    """A CSV table with the union of the rows' keys as columns (empty cells where a row has none)."""
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_cli(*args: Any) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `peakplan ARGS`, in this process."""
    from typer.testing import CliRunner

    from peakplan.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
