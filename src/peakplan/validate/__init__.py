"""Independent plan validator: recomputes every rule of docs/rules.md from a plan's days.

Shares no code with the CP-SAT model (``peakplan.model``) nor with the product's calendar,
readiness and plan pipeline; it reads only the scenario (schema and model-file data) and the
plan as JSON data. ``validate(scenario, plan)`` returns the violations, each named by
its constraint family (or ``plan_consistency`` for a stated number or label that does not
match its recomputation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peakplan.scenario.schema import Scenario
from peakplan.validate import (
    acwr,
    atl_cap,
    availability,
    claims,
    consistency,
    ctl_ramp,
    deload,
    fixed_days,
    form_window,
    hard_easy,
    intensity_mix,
    long_run,
    long_run_build,
    no_catch_up,
    phases,
    progression,
    quality_caps,
    quotas,
    race_week,
    scenario_match,
    sessions,
    taper,
    tight_claims,
    tune_up,
    weekly_ramp,
)
from peakplan.validate.plan_context import PlanContext, PlanFormatError, build_context
from peakplan.validate.violation import Tally, Violation

__all__ = ["FAMILIES", "PlanFormatError", "Report", "Violation", "validate", "validate_report"]

# The families in the order of docs/rules.md's table, then plan_consistency and the checks of
# what the plan file claims (the stated tight rules last: validate/tight_claims.py reads the margins
# the families recorded).
FAMILIES = (fixed_days, availability, sessions, phases, tune_up, weekly_ramp, deload, hard_easy, long_run,
            long_run_build, intensity_mix, quality_caps, taper, race_week, quotas, progression, form_window, acwr,
            ctl_ramp, atl_cap, no_catch_up, consistency, claims)
ALWAYS_ON = {"availability", "sessions", "tune_up", "plan_consistency", "fixed_days", "no_catch_up"}


@dataclass(frozen=True)
class Report:
    violations: list[Violation]
    checks: int  # individual comparisons made
    rules_checked: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.violations


def is_enabled(ctx: PlanContext, rule: str) -> bool:
    """A family is checked unless its ``rules.<name>.enabled`` is false in the scenario."""
    if rule in ALWAYS_ON:
        return True
    if rule == long_run_build.NAME and not ctx.scenario.rules.long_run.enabled:
        return False  # docs/rules.md: off when long_run is off
    if rule == form_window.NAME:  # no switch of its own: on exactly when the readiness model has a window
        return ctx.readiness_model.has_form_window
    return bool(getattr(ctx.scenario.rules, rule).enabled)


def _week_of(ctx: PlanContext, where: str) -> int | None:
    """The week a violation's place names: 'week N ...' or a date (YYYY-MM-DD ...)."""
    head = where.split(" ")
    if head[0] == "week" and len(head) > 1 and head[1].isdigit():
        return int(head[1])
    try:
        d = (dt.date.fromisoformat(head[0]) - ctx.cal.start_date).days
    except ValueError:
        return None
    return int(ctx.cal.week_of_day[d]) if 0 <= d < ctx.cal.n_days else None


def excused(ctx: PlanContext, v: Violation) -> bool:
    """A violation of a rule a re-plan excuses in its week (``replan.excused``: rule and place; the
    re-plan names them: the days already run break them, or leave no plan that keeps them)."""
    replan = ctx.scenario.replan
    if replan is None or v.rule == fixed_days.NAME:
        return False
    week = _week_of(ctx, v.where)
    return (v.rule, week) in {(rule, _week_of(ctx, where)) for rule, where in replan.excused}


def as_json_data(plan: Any) -> Any:
    """A plan as JSON data: a PlanFile (or any pydantic model) dumped, anything else as given."""
    dump = getattr(plan, "model_dump", None)
    return dump(mode="json") if callable(dump) else plan


def validate_report(scenario: Scenario, plan: Any) -> Report:
    """Check ``plan`` (a PlanFile, or the parsed plan JSON) against ``scenario``; counts the checks.

    Raises ``PlanFormatError`` if the plan is not an object with a ``days`` list. A plan made for
    another scenario gets one violation saying so (validate/scenario_match.py), not one per rule.
    """
    data = as_json_data(plan)
    other = scenario_match.mismatch(scenario, data)
    if other is not None:
        return Report([other], 1, (scenario_match.NAME,))
    ctx = build_context(scenario, data)
    violations: list[Violation] = []
    checks, checked, tallies = 0, [], {}
    for family in FAMILIES:
        if not is_enabled(ctx, family.NAME):
            continue
        tally = Tally(family.NAME)
        family.check(ctx, tally)
        violations += [v for v in tally.found if not excused(ctx, v)]
        checks += tally.checks
        checked.append(family.NAME)
        tallies[family.NAME] = tally
    stated = Tally(tight_claims.NAME)
    tight_claims.check(ctx.plan, tallies, stated)
    violations += stated.found
    checks += stated.checks
    return Report(violations, checks, tuple(dict.fromkeys(checked)))


def validate(scenario: Scenario, plan: Any) -> list[Violation]:
    """The violations of ``plan`` against ``scenario``; an empty list when it keeps every rule."""
    return validate_report(scenario, plan).violations
