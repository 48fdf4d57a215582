"""Build the CP-SAT model of a scenario: variables, the rule families, the objective."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from peakplan.calendar import Calendar
from peakplan.model.constraints import FAMILIES, PRUNING, fixed_days
from peakplan.model.objective import Objective, add_objective
from peakplan.model.rulebook import BuildContext, RuleBook
from peakplan.model.variables import Variables
from peakplan.scenario.schema import Scenario


def build(scenario: Scenario, explain: bool = False, only: frozenset[tuple[str, str]] | None = None,
          soft: Callable[[str, str], bool] | None = None) -> tuple[BuildContext, Objective]:
    """The model of ``scenario``. ``explain`` gives every rule instance an enforcement literal and
    builds every (day, type) pair (a relaxed rule must be able to allow it); ``only`` keeps just
    those rule instances (the deletion filter of ``model/conflicts.py``); ``soft`` gives an
    enforcement literal to the instances it accepts (re-planning: the weeks already under way).
    A re-plan's excused instances (``replan.excused``) are left out."""
    model = cp_model.CpModel()
    calendar = Calendar(scenario)
    catalogue = scenario.catalogue
    plain = not explain and only is None
    impossible: frozenset[tuple[int, str]] = frozenset()
    if plain:
        impossible = frozenset().union(*(f.impossible(calendar, catalogue) for f in PRUNING))
        # a day already run holds what was run, whatever another family forbids there
        impossible -= {(d, session) for d, (session, _) in fixed_days.fixed_by_day(calendar).items()}
    ctx = BuildContext(scenario=scenario, calendar=calendar, model=model,
                       vars=Variables(model, calendar, catalogue, impossible),
                       rules=RuleBook(model, explain=explain, only=only, soft=soft,
                                      skip=frozenset(scenario.replan.excused) if scenario.replan else frozenset()))
    for family in FAMILIES:
        family.add(ctx)
    return ctx, add_objective(ctx)
