"""The summary table of a batch: one :class:`SummaryRow` per athlete, in input order, written as
``summary.csv`` (one row each, the columns below) and ``summary.json`` (the rows, the counts and
how the batch ran). Both are written atomically; ``peakplan batch`` writes them at the end and
when stopped by Ctrl-C (athletes not reached then have status NOT_RUN).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peakplan.files.atomic import write_text_atomic

if TYPE_CHECKING:
    from peakplan.batch.athletes import Athlete
    from peakplan.batch.jobs import JobResult

SUMMARY_CSV = "summary.csv"
SUMMARY_JSON = "summary.json"
WITH_PLAN = ("OPTIMAL", "FEASIBLE")
# INPUT_ERROR: the athlete's input is bad; NOT_RUN: the batch was stopped first; ERROR: a bug or a dead worker.
STATUSES = ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN", "INPUT_ERROR", "ERROR", "NOT_RUN")


@dataclass(frozen=True)
class SummaryRow:
    athlete: str
    status: str
    predicted_time: str = ""          # h:mm:ss, when the plan file states a predicted race time
    readiness: float | None = None    # race-day readiness = the objective, in the readiness model's unit
    readiness_model: str = ""
    bound: float | None = None        # proven upper bound on readiness
    gap: float | None = None          # relative gap between readiness and bound (0 = proven optimal)
    race_day_ctl: float | None = None
    race_day_tsb: float | None = None
    solve_time_s: float | None = None
    plan_file: str = ""               # relative to the output folder
    resumed: bool = False             # skipped this run: the stored result is for the same input
    error: str = ""                   # the one-paragraph input error, the conflicting rules, or the cause
    source: str = ""                  # the athlete's scenario file, or table row and base scenario
    input_hash: str = ""              # SHA-256 of the resolved scenario JSON + peakplan version
    plan_sha256: str = ""             # SHA-256 of the plan file as written

    @property
    def has_plan(self) -> bool:
        return self.status in WITH_PLAN

    @classmethod
    def from_result(cls, athlete: Athlete, result: JobResult, plan_file: str) -> SummaryRow:
        return cls(athlete.athlete, result.status, result.predicted_time, result.readiness, result.readiness_model,
                   result.bound, result.gap, result.race_day_ctl, result.race_day_tsb, result.solve_time_s,
                   plan_file, False, result.error, athlete.source, athlete.input_hash, result.plan_sha256)

    @classmethod
    def not_solved(cls, athlete: Athlete, status: str, error: str) -> SummaryRow:
        """An athlete with bad input (INPUT_ERROR) or not reached (NOT_RUN)."""
        return cls(athlete.athlete, status, error=error, source=athlete.source,
                   input_hash=athlete.input_hash if athlete.scenario is not None else "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummaryRow:
        names = {f.name for f in fields(cls)}
        row = cls(**{k: v for k, v in data.items() if k in names})
        if not isinstance(row.athlete, str) or row.status not in STATUSES:
            raise ValueError(f"not a summary row: {data!r}")
        return row


COLUMNS = tuple(f.name for f in fields(SummaryRow))


def counts(rows: list[SummaryRow]) -> dict[str, int]:
    """How many athletes: in all, with a plan, resumed, and per status (statuses that occur)."""
    by_status = {s: sum(r.status == s for r in rows) for s in STATUSES}
    return {"athletes": len(rows), "with_plan": sum(r.has_plan for r in rows), "resumed": sum(r.resumed for r in rows),
            **{s.lower(): n for s, n in by_status.items() if n}}


def _csv_text(rows: list[SummaryRow]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.to_dict().items()})
    return out.getvalue()


def write_summary(folder: Path, rows: list[SummaryRow], meta: dict[str, Any]) -> tuple[Path, Path]:
    """``summary.csv`` and ``summary.json`` in ``folder``; returns their paths."""
    doc = {**meta, "counts": counts(rows), "columns": list(COLUMNS), "athletes": [r.to_dict() for r in rows]}
    csv_path = write_text_atomic(folder / SUMMARY_CSV, _csv_text(rows))
    json_path = write_text_atomic(folder / SUMMARY_JSON, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return csv_path, json_path
