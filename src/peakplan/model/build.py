"""Build the CP-SAT model of a scenario: variables, the constraint families, the objective."""

from __future__ import annotations

from ortools.sat.python import cp_model

from peakplan.model.calendar import Calendar
from peakplan.model.constraints import (
    availability,
    deload,
    hard_easy,
    intensity_mix,
    long_run,
    phases,
    quality_caps,
    quotas,
    race_week,
    taper,
    weekly_ramp,
)
from peakplan.model.context import BuildContext, RuleBook
from peakplan.model.readiness import Objective, add_objective
from peakplan.model.variables import Variables
from peakplan.modelfiles import Catalogue, ReadinessModel
from peakplan.scenario.schema import Scenario

# Hard rules first, then the shape of the block; the order only affects model readability.
FAMILIES = (availability, phases, weekly_ramp, deload, hard_easy, long_run,
            intensity_mix, quality_caps, taper, race_week, quotas)
# Families that forbid some (day, session type) pairs outright; those pairs get no variables.
PRUNING = (availability, phases)


def build(scenario: Scenario, catalogue: Catalogue, readiness: ReadinessModel,
          explain: bool = False, only: frozenset | None = None) -> tuple[BuildContext, Objective]:
    model = cp_model.CpModel()
    calendar = Calendar(scenario)
    plain = not explain and only is None   # explanations must be able to relax every rule
    impossible = frozenset().union(*(f.impossible(calendar, catalogue) for f in PRUNING)) if plain else frozenset()
    ctx = BuildContext(scenario=scenario, catalogue=catalogue, readiness=readiness, calendar=calendar,
                       model=model, vars=Variables(model, calendar, catalogue, impossible),
                       rules=RuleBook(model, explain=explain, only=only))
    for family in FAMILIES:
        family.add(ctx)
    return ctx, add_objective(ctx)
