"""The solver's answer as plain data: status, plan days, readiness, bound and gap, tight rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from peakplan import __version__

SOLUTION_PRESENT = frozenset({"OPTIMAL", "FEASIBLE"})


@dataclass(frozen=True)
class PlanDay:
    date: dt.date
    weekday: str
    week: int
    phase: str
    session: str
    minutes: int
    km: float
    load: float
    hard: bool
    ctl: float
    atl: float
    tsb: float
    workout: str = ""     # one-line structured workout (warm-up, main set, cool-down, paces)


@dataclass(frozen=True)
class PlanWeek:
    week: int
    phase: str
    deload: bool
    days: int
    minutes: int
    load: float
    low_intensity_share: float
    hard_sessions: int
    long_run_minutes: int


@dataclass(frozen=True)
class TightRule:
    rule: str
    where: str
    detail: str


@dataclass
class Result:
    status: str                          # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN
    scenario: Any                        # the resolved Scenario
    objective: float | None = None       # race-day readiness of the plan
    bound: float | None = None           # proven upper bound on readiness
    gap: float | None = None             # (bound - objective) / |objective - p0|
    solve_time_s: float = 0.0
    readiness: dict[str, Any] = field(default_factory=dict)
    days: list[PlanDay] = field(default_factory=list)
    weeks: list[PlanWeek] = field(default_factory=list)
    tight_rules: list[TightRule] = field(default_factory=list)
    explanation: Any = None              # for INFEASIBLE: the conflicting rules

    @property
    def has_plan(self) -> bool:
        return self.status in SOLUTION_PRESENT

    def to_plan_dict(self) -> dict[str, Any]:
        """The plan file contract of docs/plan-format.md. No timings: same scenario and seed
        give a byte-identical file."""
        if not self.has_plan:
            raise ValueError(f"no plan to write: status {self.status}")
        sc = self.scenario
        return {
            "peakplan_version": __version__,
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "race": {"date": sc.race.date.isoformat(), "distance_km": sc.race.distance_km},
            "readiness": self.readiness,
            "weeks": [_fields(w) for w in self.weeks],
            "days": [{**_fields(d), "date": d.date.isoformat()} for d in self.days],
            "tight_rules": [_fields(t) for t in self.tight_rules],
            "scenario": sc.model_dump(mode="json"),
        }


def _fields(record: Any) -> dict[str, Any]:
    """A flat dataclass as a dict in field order (``asdict`` deep-copies: 10 ms on a 16-week plan)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}
