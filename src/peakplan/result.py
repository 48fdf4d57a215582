"""What a solve returns: status, the plan file (when there is a plan), the explanation (when
infeasible), and the solve time. Frozen; everything a caller reads is typed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from peakplan.plan.file import PlanDay, PlanFile, PlanWeek, Readiness, TightRule
from peakplan.scenario.schema import Scenario

if TYPE_CHECKING:
    import pandas

    from peakplan.explain import Explanation


class Status(StrEnum):
    OPTIMAL = "OPTIMAL"        # a plan, proven best for the readiness model
    FEASIBLE = "FEASIBLE"      # a plan, best found within the time limit (bound and gap say how far off)
    INFEASIBLE = "INFEASIBLE"  # no plan keeps every rule: see ``explanation``
    UNKNOWN = "UNKNOWN"        # no plan found within the time limit, and no proof that none exists


SOLUTION_PRESENT = frozenset({Status.OPTIMAL, Status.FEASIBLE})


@dataclass(frozen=True)
class Result:
    status: Status
    scenario: Scenario
    plan: PlanFile | None = None
    explanation: Explanation | None = None   # the conflicting rules, when INFEASIBLE and explained
    solve_time_s: float = 0.0
    interrupted: bool = False                # a stop request ended the search (plan = best so far)

    @property
    def has_plan(self) -> bool:
        return self.plan is not None

    def _plan(self) -> PlanFile:
        if self.plan is None:
            raise ValueError(f"no plan: status {self.status}")
        return self.plan

    @property
    def objective(self) -> float:
        """Race-day readiness of the plan (the model's unit)."""
        return self._plan().objective

    @property
    def bound(self) -> float:
        return self._plan().bound

    @property
    def gap(self) -> float:
        return self._plan().gap

    @property
    def readiness(self) -> Readiness:
        return self._plan().readiness

    @property
    def days(self) -> tuple[PlanDay, ...]:
        return self.plan.days if self.plan is not None else ()

    @property
    def weeks(self) -> tuple[PlanWeek, ...]:
        return self.plan.weeks if self.plan is not None else ()

    @property
    def tight_rules(self) -> tuple[TightRule, ...]:
        return self.plan.tight_rules if self.plan is not None else ()

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per day (date, week, phase, session, minutes, km, load, hard, CTL, ATL, TSB,
        workout title), for notebooks."""
        import pandas

        rows: list[dict[str, Any]] = []
        for d in self._plan().days:
            row = d.model_dump(exclude={"workout"})
            row["workout"] = d.workout.title if d.workout is not None else ""
            rows.append(row)
        return pandas.DataFrame(rows).set_index("date")
