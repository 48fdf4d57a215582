"""The re-plan's three CP-SAT solves (docs/replan.md "Objective"); the first is in excuse.py.

1. *Excuse* (``replan/excuse.py``, only when some week holds a fixed day): the rule instances the
   days already run force out, the fewest, chosen in a stated order.
2. *Best*: race-day readiness maximized, as ``peakplan solve`` would (a from-scratch re-plan).
3. *Fewest changes*: readiness at least the best minus ``tolerance`` times the best plan's gain
   over stopping now; then, lexicographically, the fewest days whose session type differs from
   the original plan, then the fewest minutes moved (sum of |minutes - the original's|), as one
   weighted sum: a changed day weighs more than every minute of the block together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ortools.sat.python import cp_model

from peakplan.calendar import Calendar
from peakplan.explain.knobs import week_of
from peakplan.model.build import build
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import objective_coefficient, objective_value
from peakplan.model.solver import parameters
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import MAX_DAY_MINUTES, RACE, REST


@dataclass(frozen=True)
class Solved:
    status: str
    sessions: list[str]
    minutes: list[int]
    wall_time_s: float


def fixed_weeks(scenario: Scenario) -> set[int]:
    """The weeks that hold a fixed day."""
    days = fixed_days(scenario)
    if not days:
        return set()
    cal = Calendar(scenario)
    return {cal.week_of(d) for d in days}


def place_week(cal: Calendar, where: str) -> int | None:
    """The week a rule instance's place names ('week N ...' or a date); None for neither."""
    week = week_of(where)
    if week is not None:
        return week
    try:
        d = (dt.date.fromisoformat(where) - cal.scenario.start_date).days
    except ValueError:
        return None
    return cal.week_of(d) if 0 <= d < cal.scenario.n_days else None


def original_by_day(scenario: Scenario, original: dict[dt.date, tuple[str, int]]) -> list[tuple[str, int]]:
    """The original plan's (session, minutes) on each training day of the new block (rest when none)."""
    cal = Calendar(scenario)
    out = []
    for d in cal.training_days:
        session, minutes = original.get(cal.date(d), (REST, 0))
        out.append((REST, 0) if session == RACE else (session, minutes))
    return out


def add_hint(ctx: BuildContext, sessions: list[str], minutes: list[int], skip: set[int]) -> None:
    """Give CP-SAT a plan to start from: each training day's session and minutes, except the
    ``skip`` days (the fixed days, which the model already holds to what was run)."""
    v = ctx.vars
    for d in ctx.calendar.training_days:
        if d in skip:
            continue
        for name in v.types:
            chosen, length = v.session(d, name), v.session_minutes(d, name)
            if not isinstance(chosen, int):
                ctx.model.add_hint(chosen, int(sessions[d] == name))
            if isinstance(length, cp_model.IntVar):
                ctx.model.add_hint(length, minutes[d] if sessions[d] == name else 0)


def fixed_days(scenario: Scenario) -> set[int]:
    """The day indices the re-plan holds to what was run."""
    replan = scenario.replan
    return {(f.date - scenario.start_date).days for f in replan.fixed_days} if replan else set()


def fewest_changes(scenario: Scenario, original: list[tuple[str, int]], floor_scaled: int,
                   hint: Solved, time_limit_s: float) -> Solved:
    """Readiness (scaled, offset excluded) at least ``floor_scaled``; fewest changes from ``original``."""
    ctx, objective = build(scenario)
    model, v, cal = ctx.model, ctx.vars, ctx.calendar
    model.add(objective.expr >= floor_scaled)
    fixed = fixed_days(scenario)
    changed, moved = [], []
    for d in cal.training_days:
        if d in fixed:
            continue
        session, minutes = original[d]
        changed.append(1 - v.session(d, session))
        gap = model.new_int_var(0, MAX_DAY_MINUTES, f"moved_d{d}")
        model.add(gap >= v.minutes(d) - minutes)
        model.add(gap >= minutes - v.minutes(d))
        moved.append(gap)
    weight = MAX_DAY_MINUTES * len(moved) + 1
    model.minimize(weight * sum(changed) + sum(moved))
    add_hint(ctx, hint.sessions, hint.minutes, fixed)
    solver = parameters(scenario.solver.model_copy(update={"time_limit_s": time_limit_s}))
    code = solver.solve(model)
    status = solver.status_name(code)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solved(status, [], [], solver.wall_time)
    sessions, minutes_of = v.read_plan(solver.value)
    return Solved(status, sessions, minutes_of, solver.wall_time)


def readiness_floor(best_readiness: float, rest_readiness: float, offset: float, tolerance: float) -> int:
    """The scaled objective a fewer-changes plan must reach: the best minus the tolerance."""
    allowed = tolerance * max(best_readiness - rest_readiness, 0.0)
    return objective_coefficient(best_readiness - allowed - offset)


def count_changes(original: list[tuple[str, int]], sessions: list[str], minutes: list[int],
                  fixed: set[int]) -> tuple[int, int]:
    free = [d for d in range(len(sessions)) if d not in fixed]
    return (sum(sessions[d] != original[d][0] for d in free),
            sum(abs(minutes[d] - original[d][1]) for d in free))


__all__ = ["Solved", "add_hint", "count_changes", "fewest_changes", "fixed_days", "objective_value", "original_by_day",
           "readiness_floor"]
