"""What every constraint family receives, and the rule book that names each constraint.

Each rule instance (family + where, e.g. ``weekly_ramp`` / ``week 5``) is registered in the
:class:`RuleBook`. In explain mode every instance gets one enforcement literal so CP-SAT can
report which instances conflict (sufficient assumptions); after a solve the book tells which
instances are tight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from peakplan.calendar import Calendar
from peakplan.model.variables import LinearExpr, Variables
from peakplan.modelfiles import BanisterModel, Catalogue, PmcModel
from peakplan.scenario.schema import Scenario


@dataclass
class Record:
    family: str
    where: str
    detail: str
    slack: LinearExpr  # >= 0 when the constraint holds; 0 means tight


@dataclass
class RuleBook:
    model: cp_model.CpModel
    explain: bool = False
    only: frozenset[tuple[str, str]] | None = None  # keep just these instances (deletion filter)
    soft: Callable[[str, str], bool] | None = None  # these instances get an enforcement literal (re-planning)
    skip: frozenset[tuple[str, str]] = frozenset()   # these instances are left out (a re-plan's excused ones)
    literals: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)

    def literal(self, family: str, where: str) -> cp_model.IntVar:
        key = (family, where)
        if key not in self.literals:
            self.literals[key] = self.model.new_bool_var(f"rule_{family}_{where.replace(' ', '_')}")
        return self.literals[key]

    def kept(self, family: str, where: str) -> bool:
        return (self.only is None or (family, where) in self.only) and (family, where) not in self.skip

    def add(self, family: str, where: str, constraint: cp_model.BoundedLinearExpression | bool) -> None:
        """A rule constraint that is never reported as tight (structural or logical)."""
        if not self.kept(family, where):
            return
        if constraint is True:   # about a (day, type) pair built without variables: nothing to add
            return
        # False (a floor over pairs built without variables) is added as is: the model is infeasible
        ct = self.model.add(constraint)
        if self.explain or (self.soft is not None and self.soft(family, where)):
            ct.only_enforce_if(self.literal(family, where))

    def add_le(self, family: str, where: str, lhs: LinearExpr, rhs: LinearExpr, detail: str) -> None:
        """``lhs <= rhs``, reported as tight when equality holds in the plan."""
        self.add(family, where, lhs <= rhs)
        if not self.kept(family, where):
            return
        self.records.append(Record(family, where, detail, rhs - lhs))

    def add_ge(self, family: str, where: str, lhs: LinearExpr, rhs: LinearExpr, detail: str) -> None:
        self.add_le(family, where, rhs, lhs, detail)


@dataclass
class BuildContext:
    scenario: Scenario
    calendar: Calendar
    model: cp_model.CpModel
    vars: Variables
    rules: RuleBook
    day_load_vars: list[LinearExpr] | None = None  # built on first use (model/objective.py: day_loads)

    @property
    def catalogue(self) -> Catalogue:
        return self.scenario.catalogue

    @property
    def readiness(self) -> BanisterModel | PmcModel:
        return self.scenario.readiness
