"""Explaining an infeasible scenario in a coach's words: which rules conflict, with their values,
and for each conflicting rule a relaxation that restores a plan, verified by re-solving.

The conflict search is :mod:`peakplan.model.conflicts` (assumption literals and a deletion
filter); the words and the knobs of each rule live in its module under
``model/constraints/``; :mod:`peakplan.explain.relax` searches the knobs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from peakplan.explain.knobs import Relaxation
from peakplan.scenario.schema import Scenario

EXPLAIN_BUDGET_S = 20.0   # the whole explanation (conflict + relaxations) for shipped-size scenarios
MIN_RELAX_BUDGET_S = 3.0  # relaxations get at least this much, even after a slow conflict search

__all__ = ["EXPLAIN_BUDGET_S", "Conflict", "Explanation", "Relaxation", "describe", "explain"]


@dataclass(frozen=True)
class Conflict:
    rule: str
    where: str
    text: str
    relaxations: tuple[Relaxation, ...] = ()  # verified changes that each restore a plan (same for the family)


@dataclass(frozen=True)
class Explanation:
    conflicts: tuple[Conflict, ...]
    complete: bool  # False when the search for a minimal conflict ran out of time
    relaxed: bool = False  # whether relaxations were searched for
    out_of_time: bool = False  # the relaxation search hit its budget (a family may lack one)

    def families(self) -> list[str]:
        return list(dict.fromkeys(c.rule for c in self.conflicts))

    def lines(self) -> list[str]:
        """One line per conflicting rule: where, the rule in words, the verified relaxations."""
        if not self.conflicts:
            return ["no conflicting rule set was found within the time limit; try a longer --explain-limit"
                    if not self.complete else "the session catalogue and availability alone leave no plan"]
        return [_line(group, self.relaxed, self.out_of_time) for group in self._groups()]

    def _groups(self) -> list[list[Conflict]]:
        groups: dict[str, list[Conflict]] = {}
        for c in self.conflicts:
            groups.setdefault(c.rule, []).append(c)
        return list(groups.values())


def _line(group: list[Conflict], relaxed: bool, out_of_time: bool) -> str:
    first = group[0]
    wheres = ", ".join(c.where for c in group)
    texts = "; ".join(dict.fromkeys(c.text for c in group))
    line = f"{first.rule} ({wheres}): {texts}"
    if first.relaxations:
        line += " — relax: " + ", or ".join(r.text for r in first.relaxations)
    elif relaxed and out_of_time:
        line += " — no relaxation verified within the time limit (try a longer --explain-limit)"
    elif relaxed:
        line += " — no single change to this rule restores a plan (another conflict remains)"
    return line


def describe(scenario: Scenario, rule: str, where: str) -> str:
    """The rule instance in plain words, with the scenario's values (its rule module's words)."""
    from peakplan.model.constraints import BY_NAME

    family = BY_NAME.get(rule)
    return family.describe(scenario, where) if family is not None else rule


def explain(scenario: Scenario, time_limit_s: float = 10.0, *, relax: bool = False,
            budget_s: float = EXPLAIN_BUDGET_S) -> Explanation:
    """A minimal set of conflicting rule instances in words; with ``relax``, for each conflicting
    family up to two verified relaxations, the whole search kept to about ``budget_s`` seconds."""
    from peakplan.explain.relax import relaxations
    from peakplan.model.conflicts import search_conflict

    start = time.monotonic()
    conflict_s = max(budget_s / 2, 0.5)
    found, minimal = search_conflict(scenario, min(time_limit_s, conflict_s), deadline=start + conflict_s)
    if found is None:
        return Explanation((), complete=False)
    by_family: dict[str, list[str]] = {}
    for rule, where in found:
        by_family.setdefault(rule, []).append(where)
    fixes: dict[str, list[Relaxation]] = {}
    out_of_time = False
    if relax and found:
        left = max(budget_s - (time.monotonic() - start), MIN_RELAX_BUDGET_S)
        search = relaxations(by_family, scenario, budget_s=left)
        fixes, out_of_time = search.by_family, search.out_of_time
    conflicts = tuple(Conflict(rule, where, describe(scenario, rule, where), tuple(fixes.get(rule, ())))
                      for rule, where in found)
    return Explanation(conflicts, complete=minimal, relaxed=relax and bool(found), out_of_time=out_of_time)
