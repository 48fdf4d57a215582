"""Relaxations that restore feasibility, found by re-solving.

For a conflicting rule family, each *knob* (``knobs()`` of its rule module) is one scenario
value that loosens it, with its candidate values from the smallest change to the most relaxed
one. The most relaxed value is probed first; if the scenario then has a plan, a bisection finds
the smallest change that still has one. Every reported value was verified by
:func:`peakplan.planner.solve` (stopping at the first plan), so a relaxation is a fact, not a
guess. Probes are cached and the whole search keeps to a budget.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from peakplan.explain.knobs import Knob, Relaxation
from peakplan.scenario.schema import Scenario

PROBE_LIMIT_S = 4.0     # one feasibility probe (first plan or infeasibility proof)


def knobs(family: str, wheres: list[str], scenario: Scenario) -> list[Knob]:
    """The values that loosen ``family``, most natural first (switching it off last)."""
    from peakplan.model.constraints import BY_NAME

    module = BY_NAME.get(family)
    found = module.knobs(scenario, wheres) if module is not None else []
    return [k for k in found if k.candidates]


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    data[last] = value


def apply(scenario: Scenario, relaxation: Relaxation | Knob | str, value: Any = None) -> Scenario:
    """The scenario with one field changed (a Relaxation, or a field + value); ValueError if invalid."""
    field = relaxation if isinstance(relaxation, str) else relaxation.field
    if isinstance(relaxation, Relaxation):
        value = relaxation.value
    data = scenario.model_dump()
    _set(data, field, value)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


class Prober:
    """Feasibility of single-field changes, cached, within a time budget."""

    def __init__(self, scenario: Scenario, budget_s: float):
        self.scenario = scenario
        self.deadline = time.monotonic() + budget_s
        self.cache: dict[tuple[str, str], bool | None] = {}
        self.probes = 0
        self.out_of_time = False  # some probe was skipped or undecided for lack of time

    def left_s(self) -> float:
        return self.deadline - time.monotonic()

    def feasible(self, field: str, value: Any) -> bool | None:
        """True: a plan exists with this change; False: none; None: undecided (time, invalid value)."""
        key = (field, repr(value))
        if key not in self.cache:
            self.cache[key] = self._probe(field, value)
        return self.cache[key]

    def _probe(self, field: str, value: Any) -> bool | None:
        from peakplan.planner import solve

        limit = min(PROBE_LIMIT_S, self.left_s())
        if limit < 0.2:
            self.out_of_time = True
            return None
        try:
            scenario = apply(self.scenario, field, value)
        except ValueError:  # the relaxed value breaks another check (e.g. the taper no longer fits)
            return False
        solver = scenario.solver.model_copy(update={"time_limit_s": limit})
        self.probes += 1
        result = solve(scenario.model_copy(update={"solver": solver}), first_solution=True, explain=False)
        if result.has_plan or result.status == "INFEASIBLE":
            return result.has_plan
        self.out_of_time = True
        return None


def smallest(knob: Knob, prober: Prober) -> Relaxation | None:
    """The smallest verified change of ``knob`` that gives a plan (bisection; None if none)."""
    values = knob.candidates
    if not values or not prober.feasible(knob.field, values[-1]):
        return None
    lo, hi = -1, len(values) - 1  # values[lo] (or the current value) has no plan, values[hi] has one
    while hi - lo > 1:
        if prober.left_s() <= 0.2:
            prober.out_of_time = True  # values[hi] is verified, a smaller change may exist
            break
        mid = (lo + hi) // 2
        if prober.feasible(knob.field, values[mid]):
            hi = mid
        else:
            lo = mid
    return knob.relaxation(values[hi])


def _search(family: str, wheres: list[str], prober: Prober) -> Iterator[Relaxation]:
    for knob in knobs(family, wheres, prober.scenario):
        if prober.left_s() <= 0.2:
            prober.out_of_time = True
            return
        found = smallest(knob, prober)
        if found is not None:
            yield found


@dataclass
class Found:
    by_family: dict[str, list[Relaxation]]
    out_of_time: bool  # the budget ended the search: other (or smaller) relaxations may exist


def relaxations(conflict: dict[str, list[str]], scenario: Scenario, budget_s: float = 15.0,
                per_family: int = 2) -> Found:
    """Up to ``per_family`` verified relaxations for each family of ``conflict`` ({family: wheres}).

    Families take turns, so each gets its first relaxation before any gets a second.
    """
    prober = Prober(scenario, budget_s)
    searches = {family: _search(family, wheres, prober) for family, wheres in conflict.items()}
    found: dict[str, list[Relaxation]] = {family: [] for family in conflict}
    for _ in range(per_family):
        for family, search in searches.items():
            relaxation = next(search, None)
            if relaxation is not None:
                found[family].append(relaxation)
    return Found(found, prober.out_of_time)
