"""The output folder of a batch: ``plans/<athlete>.json``, ``manifest.jsonl`` and the summary.

The manifest gets one line per finished athlete as soon as its plan file is written, so a batch
stopped by Ctrl-C, a crash or a lost machine resumes where it was. A later run skips an athlete
whose last line has the same input hash (resolved scenario + peakplan version) and either a plan
whose file is still there with the same SHA-256, or proven infeasibility; everything else is
solved again. A folder that has files but no manifest is not ours: it is refused, not overwritten.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import IO

from peakplan.batch.athletes import Athlete, file_name
from peakplan.batch.jobs import JobResult
from peakplan.batch.summary import SummaryRow, write_summary
from peakplan.errors import InputError
from peakplan.files.atomic import write_text_atomic

MANIFEST = "manifest.jsonl"
PLANS = "plans"
KNOWN_FOR_GOOD = ("OPTIMAL", "FEASIBLE", "INFEASIBLE")


class OutputFolder:
    def __init__(self, path: Path, fresh: bool = False):
        """Open (or create) ``path``; InputError when it is a file, not writable, or someone else's folder."""
        self.path = path
        self.plans = path / PLANS
        self.manifest = path / MANIFEST
        if path.exists() and not path.is_dir():
            raise InputError(f"-o {path}: is a file; give a folder for the plans and the summary.")
        if path.is_dir() and any(path.iterdir()) and not self.manifest.is_file():
            raise InputError(f"-o {path}: the folder has files but no {MANIFEST}, so it is not the output of a "
                             "`peakplan batch`; give a new or empty folder (nothing there is overwritten).")
        try:
            self.plans.mkdir(parents=True, exist_ok=True)
            self.manifest.touch()  # marks the folder as a batch's from the start
        except OSError as exc:
            raise InputError(f"-o {path}: cannot write there ({exc.strerror or exc}); pick a writable folder.") from None
        self.previous = {} if fresh else self._read_manifest()
        self._journal: IO[str] | None = None

    def _read_manifest(self) -> dict[str, SummaryRow]:
        """The last manifest line of each athlete; a cut or foreign line is ignored (it is solved again)."""
        rows: dict[str, SummaryRow] = {}
        if not self.manifest.is_file():
            return rows
        for line in self.manifest.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                row = SummaryRow.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError):
                continue
            rows[row.athlete] = row
        return rows

    def plan_path(self, athlete: str) -> Path:
        return self.plans / file_name(athlete)

    def finished(self, athlete: Athlete) -> SummaryRow | None:
        """The stored row when ``athlete``'s result is known for this very input, else None."""
        row = self.previous.get(athlete.athlete)
        if row is None or row.input_hash != athlete.input_hash or row.status not in KNOWN_FOR_GOOD:
            return None
        if row.plan_file:
            path = self.path / row.plan_file
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != row.plan_sha256:
                return None  # the plan file went missing or was changed: make it again
        return replace(row, resumed=True, source=athlete.source)

    def record(self, athlete: Athlete, result: JobResult) -> SummaryRow:
        """Write the athlete's plan file (atomic), then its manifest line; returns its summary row."""
        plan_file = ""
        if result.has_plan:
            path = write_text_atomic(self.plan_path(athlete.athlete), result.plan_json)
            plan_file = path.relative_to(self.path).as_posix()
        row = SummaryRow.from_result(athlete, result, plan_file)
        if self._journal is None:
            self._journal = self.manifest.open("a", encoding="utf-8")
        self._journal.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        self._journal.flush()
        return row

    def finish(self, rows: list[SummaryRow], meta: dict[str, object]) -> tuple[Path, Path]:
        """The summary (CSV and JSON), and the manifest compacted to one line per athlete ever seen."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        current = {r.athlete: r for r in rows if r.input_hash and r.status != "NOT_RUN"}
        kept = {**{a: r for a, r in self._read_manifest().items() if a not in current}, **current}
        lines = "".join(json.dumps(replace(r, resumed=False).to_dict(), ensure_ascii=False) + "\n" for r in kept.values())
        write_text_atomic(self.manifest, lines)
        return write_summary(self.path, rows, meta)
