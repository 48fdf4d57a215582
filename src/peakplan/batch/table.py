"""A table of athletes (CSV or YAML): one row per athlete, columns are dotted scenario paths.

Checked here, for the whole table (a problem is bad input of the batch, exit 2): the file can
be read; there is an ``athlete`` column and every row has an id; no id is given twice (plan files
are named after them); every other column except ``base`` is a scenario path as ``--set`` takes
it (``peakplan.report.variants.check_path``, with the closest valid path), and no column is
inside another. A cell that cannot be read spoils only its own row (:attr:`Row.error`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peakplan.errors import InputError, ScenarioError
from peakplan.files.yaml_source import SourceError, parse_yaml, read_text
from peakplan.report.variants import check_path

ID_COLUMN = "athlete"
BASE_COLUMN = "base"
TABLE_SUFFIXES = (".csv", ".yaml", ".yml")
MAX_TABLE_BYTES = 50_000_000          # ~100,000 athletes of about 30 columns
# h:mm:ss and mm:ss stay text: YAML 1.1 would read 1:40:00 as the base-60 number 6000.
CLOCK_TIME = re.compile(r"^\d+(:\d{1,2}){1,2}(\.\d+)?$")


class TableError(InputError):
    """A table of athletes that cannot be used as a whole (exit 2)."""


@dataclass(frozen=True)
class Row:
    where: str                          # "athletes.csv, line 7"
    athlete: str                        # the athlete's id, as written
    base: str = ""                      # the `base` cell (a scenario file, relative to the table)
    changes: dict[str, Any] = field(default_factory=dict)  # dotted path -> value
    error: str = ""                     # a cell that cannot be read: this athlete's input error


@dataclass(frozen=True)
class Table:
    path: Path
    rows: tuple[Row, ...]
    base: str = ""                      # a YAML table's top-level `base:`


def is_table(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in TABLE_SUFFIXES


def cell_value(text: str) -> Any:
    """A CSV cell as a YAML scalar like ``--set`` values (clock times stay text); '' = not set."""
    text = text.strip()
    if not text:
        return None
    if CLOCK_TIME.match(text):
        return text
    return yaml.safe_load(text)


def check_columns(source: Path, columns: list[str]) -> None:
    """TableError unless every column is the id, the base, or a settable scenario path."""
    if ID_COLUMN not in columns:
        raise TableError(f"{source}: no `{ID_COLUMN}` column; add one with an id per athlete (it names the plan "
                         f"file). Columns found: {', '.join(columns) or 'none'}.")
    paths = [c for c in columns if c not in (ID_COLUMN, BASE_COLUMN)]
    for column in paths:
        if not column:
            raise TableError(f"{source}: a column has no name; give every column a header (a dotted scenario path).")
        try:
            check_path(column)
        except ScenarioError as exc:
            reason = str(exc).removeprefix(f"--set {column}: ")
            raise TableError(f"{source}: column `{column}` is not a scenario path: {reason}") from None
    for column in paths:
        inner = next((c for c in paths if c.startswith(column + ".")), None)
        if inner:
            raise TableError(f"{source}: columns `{column}` and `{inner}` both set `{inner}`; keep one of them.")


def _rows_checked(source: Path, rows: list[Row]) -> list[Row]:
    seen: dict[str, str] = {}
    for row in rows:
        if not row.athlete:
            raise TableError(f"{row.where}: the `{ID_COLUMN}` cell is empty; give every athlete an id.")
        key = row.athlete.casefold()
        if key in seen:
            raise TableError(f"{row.where}: athlete `{row.athlete}` is also at {seen[key]}; ids must be distinct "
                             "(case aside), since they name the plan files.")
        seen[key] = row.where
    if not rows:
        raise TableError(f"{source}: the table has no athletes; add one row per athlete under the header.")
    return rows


def _csv_row(where: str, cells: dict[str | None, Any], n_columns: int) -> Row:
    athlete = str(cells.get(ID_COLUMN) or "").strip()
    base = str(cells.get(BASE_COLUMN) or "").strip()
    if None in cells or any(v is None for v in cells.values()):
        return Row(where, athlete, base, error=f"{where}: the row has a different number of cells than the header "
                                                f"({n_columns}); fix the commas on that line.")
    changes: dict[str, Any] = {}
    for column, text in cells.items():
        if column in (ID_COLUMN, BASE_COLUMN) or column is None:
            continue
        try:
            value = cell_value(str(text))
        except yaml.YAMLError:
            return Row(where, athlete, base, error=f"{where}, column `{column}`: the value {str(text).strip()!r} "
                                                    "cannot be read; quote it or simplify it.")
        if value is not None:
            changes[column] = value
    return Row(where, athlete, base, changes)


def read_csv(path: Path) -> Table:
    text = read_text(path, "CSV table of athletes", MAX_TABLE_BYTES).removeprefix("\ufeff")  # Excel's BOM
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), skipinitialspace=True)
        header = [c.strip() for c in reader.fieldnames or []]
        if len(set(header)) != len(header):
            twice = next(c for c in header if header.count(c) > 1)
            raise TableError(f"{path}: column `{twice}` is in the header twice; keep one.")
        reader.fieldnames = header
        check_columns(path, header)
        rows = [_csv_row(f"{path}, line {reader.line_num}", row, len(header)) for row in reader]
    except csv.Error as exc:
        raise TableError(f"{path}: not a readable CSV table ({exc}); save it as comma-separated UTF-8 text.") from None
    return Table(path, tuple(_rows_checked(path, rows)))


def _yaml_row(where: str, item: Any) -> Row:
    if not isinstance(item, dict):
        raise TableError(f"{where}: an athlete is a mapping of `{ID_COLUMN}`, optional `{BASE_COLUMN}` and dotted "
                         f"scenario paths to values, not {type(item).__name__}.")
    athlete, base = str(item.get(ID_COLUMN) or "").strip(), str(item.get(BASE_COLUMN) or "").strip()
    changes = {str(k): v for k, v in item.items() if k not in (ID_COLUMN, BASE_COLUMN) and v is not None}
    return Row(where, athlete, base, changes)


def read_yaml_table(path: Path) -> Table:
    """A YAML list of athletes, or a mapping with `athletes:` (that list) and an optional `base:`."""
    data, lines = parse_yaml(read_text(path, "YAML table of athletes", MAX_TABLE_BYTES), str(path))
    base, items = "", data
    loc: tuple[str, ...] = ()
    if isinstance(data, dict):
        if "start_date" in data:
            raise TableError(f"{path}: is a scenario, not a table of athletes; solve it with `peakplan solve`, or "
                             "put scenario files in a folder and give the folder to `peakplan batch`.")
        if not isinstance(data.get("athletes"), list) or set(data) - {"athletes", BASE_COLUMN}:
            raise TableError(f"{path}: a YAML table is a list of athletes, or a mapping with `athletes:` (that "
                             f"list) and an optional `base:` scenario file; found keys {', '.join(map(str, data))}.")
        base, items, loc = str(data.get(BASE_COLUMN) or ""), data["athletes"], ("athletes",)
    if not isinstance(items, list):
        raise TableError(f"{path}: a YAML table is a list of athletes (one mapping per athlete).")
    rows = [_yaml_row(f"{path}, line {lines.line((*loc, i)) or '?'}", item) for i, item in enumerate(items)]
    columns = list(dict.fromkeys(c for r in rows for c in (ID_COLUMN, *r.changes)))
    check_columns(path, columns)
    return Table(path, tuple(_rows_checked(path, rows)), base)


def read_table(path: Path) -> Table:
    """The table at ``path`` (by its suffix); TableError or SourceError for a table that cannot be used."""
    try:
        return read_csv(path) if path.suffix.lower() == ".csv" else read_yaml_table(path)
    except SourceError as exc:
        raise TableError(str(exc)) from None
