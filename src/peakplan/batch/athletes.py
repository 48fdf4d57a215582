"""The athletes of a batch: INPUT (a folder of scenario files, or a table over a base scenario)
as :class:`Athlete` records in input order, each a resolved scenario or its input error.

Bad input of the batch itself (no such INPUT, an empty folder, an unusable table, no or a broken
``--base``) raises an :class:`~peakplan.errors.InputError` (exit 2). One athlete's bad input (a
broken scenario file, a value the schema refuses, a missing ``base`` file) becomes that
athlete's :attr:`Athlete.error` and never stops the others.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peakplan import __version__
from peakplan.batch.table import Row, Table, is_table, read_table
from peakplan.errors import InputError
from peakplan.files.yaml_source import parse_yaml, read_text
from peakplan.report.variants import apply
from peakplan.scenario import Scenario, load_scenario, scenario_from_dict

SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Athlete:
    athlete: str                      # the id: file stem or the table's `athlete` cell
    source: str                       # where the athlete's input is: a file, or a table row over its base
    scenario: Scenario | None = None  # resolved, with one CP-SAT worker (deterministic); None on error
    error: str = ""                   # one paragraph: file, field and fix

    @property
    def scenario_json(self) -> str:
        """The resolved scenario as sent to the workers (model files embedded: nothing to read there)."""
        return self.scenario.model_dump_json() if self.scenario is not None else ""

    @property
    def input_hash(self) -> str:
        """What decides whether a stored plan is still this athlete's: resolved scenario + peakplan version."""
        text = f"{self.scenario_json}\npeakplan {__version__}\n"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_name(athlete: str) -> str:
    """The athlete's plan file name: the id with anything but letters, digits, '.', '_' and '-' as '_'."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", athlete).strip("._") or "athlete"
    return f"{stem}.json"


def for_batch(scenario: Scenario, time_limit_s: float | None) -> Scenario:
    """One CP-SAT worker (one deterministic solve per core) and the batch's time limit, if given."""
    solver = {"workers": 1, **({"time_limit_s": time_limit_s} if time_limit_s is not None else {})}
    new_solver = scenario.solver.model_validate({**scenario.solver.model_dump(), **solver})
    return scenario.model_copy(update={"solver": new_solver})


def athletes_from(input_path: Path, base: Path | None = None, time_limit_s: float | None = None) -> list[Athlete]:
    """The athletes of INPUT, in order (file names sorted, or table rows); InputError for a bad batch."""
    if time_limit_s is not None and not 0 < time_limit_s <= 86400:
        raise InputError(f"--time-limit {time_limit_s:g}: give seconds per athlete, more than 0 and at most 86400.")
    if input_path.is_dir():
        if base is not None:
            raise InputError(f"--base {base}: is for a table of athletes; {input_path} is a folder of complete "
                             "scenario files. Leave out --base, or give a CSV/YAML table.")
        athletes = from_folder(input_path, time_limit_s)
    elif is_table(input_path):
        athletes = from_table(read_table(input_path), base, time_limit_s)
    elif input_path.exists():
        raise InputError(f"{input_path}: give a folder of scenario files or a CSV/YAML table of athletes "
                         "(.csv, .yaml, .yml).")
    else:
        raise InputError(f"{input_path}: no such folder or table. Check the path.")
    _check_file_names(athletes)
    return athletes


def from_folder(folder: Path, time_limit_s: float | None) -> list[Athlete]:
    """Each scenario file directly in ``folder`` (hidden files aside) is an athlete named by its stem."""
    files = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in SCENARIO_SUFFIXES and not p.name.startswith(".") and p.is_file())
    if not files:
        raise InputError(f"{folder}: holds no scenario files (*.yaml, *.yml); put one per athlete there, or give "
                         "a CSV/YAML table of athletes.")
    out = []
    for path in files:
        try:
            out.append(Athlete(path.stem, str(path), for_batch(load_scenario(path), time_limit_s)))
        except InputError as exc:
            out.append(Athlete(path.stem, str(path), error=str(exc)))
    return out


class _Bases:
    """Base scenarios read once each (raw data for `apply`, and the folder model paths are relative to)."""

    def __init__(self, table: Table, option: Path | None):
        self.table, self.option = table, option
        self._read: dict[Path, tuple[dict[str, Any], str] | InputError] = {}

    def path_for(self, row: Row) -> Path:
        if row.base:
            return (self.table.path.parent / row.base).resolve()
        if self.option is not None:
            return self.option.resolve()
        if self.table.base:
            return (self.table.path.parent / self.table.base).resolve()
        raise InputError(f"{row.where}: no base scenario for athlete `{row.athlete}`; add a `base` column (a "
                         "scenario file, relative to the table) or give --base SCENARIO.")

    def data(self, path: Path) -> tuple[dict[str, Any], str]:
        """(raw scenario dict, its name); InputError when the file is not a valid scenario."""
        if path not in self._read:
            try:
                scenario = load_scenario(path)   # the base's own errors come first and unchanged
                data, _ = parse_yaml(read_text(path, "YAML scenario file"), str(path))
                self._read[path] = (data, scenario.name or path.stem)
            except InputError as exc:
                self._read[path] = exc
        found = self._read[path]
        if isinstance(found, InputError):
            raise InputError(f"base scenario of this athlete: {found}")
        return found


def from_table(table: Table, base: Path | None, time_limit_s: float | None) -> list[Athlete]:
    """Each row applied to its base scenario (the row's `base`, else --base, else the table's `base:`)."""
    bases = _Bases(table, base)
    if base is not None:
        load_scenario(base)  # a broken --base is bad input of the whole batch: every row uses it
    elif not table.base and not any(row.base for row in table.rows):
        raise InputError(f"{table.path}: no base scenario; give --base SCENARIO, or a `base` column (a scenario "
                         "file, relative to the table)" + (" or a top-level `base:`" if table.path.suffix != ".csv"
                                                           else "") + ".")
    out = []
    for row in table.rows:
        source = row.where
        try:
            path = bases.path_for(row)
            source = f"{row.where} (athlete {row.athlete}) over {path.name}"
            if row.error:
                raise InputError(row.error)
            data, name = bases.data(path)
            named = {"name": f"{row.athlete}: {name}", **row.changes}
            scenario = scenario_from_dict(apply(data, named), source, path.parent)
            out.append(Athlete(row.athlete, source, for_batch(scenario, time_limit_s)))
        except InputError as exc:
            out.append(Athlete(row.athlete, source, error=str(exc)))
    return out


def _check_file_names(athletes: list[Athlete]) -> None:
    seen: dict[str, Athlete] = {}
    for a in athletes:
        key = file_name(a.athlete).casefold()
        if key in seen:
            raise InputError(f"athletes `{seen[key].athlete}` ({seen[key].source}) and `{a.athlete}` ({a.source}) would "
                             f"both write plans/{file_name(a.athlete)}; make their ids differ in letters or digits.")
        seen[key] = a
