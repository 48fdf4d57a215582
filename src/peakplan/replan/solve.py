"""The re-plan's three CP-SAT solves (docs/replan.md "Objective").

1. *Excuse* (only when some week holds a fixed day): the rule instances of the weeks that hold a
   fixed day get enforcement literals and the number kept is maximized. The ones that must go
   (the days already run break them) become ``replan.excused``; every other rule holds. When
   that is infeasible (the days run leave no plan that keeps every later rule), later instances
   of the rules other than load safety may go too, then (still infeasible) any instance; a later
   instance weighs ``FUTURE_WEIGHT`` kept rules of the weeks run (``SAFETY_WEIGHT`` for the
   load-safety rules, which go last), plus one per week past the days run: the fewest go, and of
   equally few the nearest the break.
2. *Best*: race-day readiness maximized, as ``peakplan solve`` would (a from-scratch re-plan).
3. *Fewest changes*: readiness at least the best minus ``tolerance`` times the best plan's gain
   over stopping now; then, lexicographically, the fewest days whose session type differs from
   the original plan, then the fewest minutes moved (sum of |minutes - the original's|), as one
   weighted sum: a changed day weighs more than every minute of the block together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    if scenario.replan is None:
        return set()
    cal = Calendar(scenario)
    return {cal.week_of((f.date - scenario.start_date).days) for f in scenario.replan.fixed_days}


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


FUTURE_WEIGHT = 1000   # excusing a rule in a week still to plan costs this many rules of a week under way
# the load-safety rules go last: a week after an illness may skip its quotas, not its ramp
SAFETY_WEIGHT = 10 * FUTURE_WEIGHT
SAFETY = frozenset({"weekly_ramp", "deload", "hard_easy", "long_run", "availability", "no_catch_up", "acwr",
                    "ctl_ramp", "atl_cap"})


def _weight(cal: Calendar, key: tuple[str, str], weeks: set[int]) -> int:
    """What keeping the instance is worth. A later one is worth one more for each week it lies
    past the days run: of equally few, the ones nearest the break go (the return weeks bend, the
    peak and taper keep their shape), so the choice is stated, not the solver's."""
    week = place_week(cal, key[1])
    if week in weeks:
        return 1
    past = week - max(weeks) if week is not None and week > max(weeks) else 0
    return (SAFETY_WEIGHT if key[0] in SAFETY else FUTURE_WEIGHT) + past


STAGES = ("weeks run", "safety kept", "any")


def _soft_in(stage: str, cal: Calendar, weeks: set[int]) -> Callable[[str, str], bool]:
    def soft(family: str, where: str) -> bool:
        if family == "fixed_days":
            return False
        if place_week(cal, where) in weeks:
            return True
        return stage == "any" or (stage == "safety kept" and family not in SAFETY)
    return soft


def excused(scenario: Scenario, time_limit_s: float) -> tuple[str, tuple[tuple[str, str], ...]]:
    """("OPTIMAL" or "FEASIBLE", the rule instances the days already run force out), or
    ("INFEASIBLE", ()) when no plan exists even so, or ("UNKNOWN", ()) at the time limit.

    In stages, each tried only when the one before is infeasible: first only the instances of the
    weeks that hold a fixed day may go; then also later instances of rules other than the load-safety
    ones (a missed week can put the ramp back under what the long-run peak needs); then any
    instance. Each instance of a week still to plan weighs ``FUTURE_WEIGHT`` kept rules of the weeks
    run (``SAFETY_WEIGHT`` for a load-safety rule), plus one per week past the days run: the fewest
    go, the nearest of equally few.
    """
    weeks = fixed_weeks(scenario)
    if not weeks:
        return "OPTIMAL", ()
    cal = Calendar(scenario)   # one calendar for every instance's place (not one per instance)
    for stage in STAGES:
        ctx, _ = build(scenario, soft=_soft_in(stage, cal, weeks))
        literals = ctx.rules.literals
        ctx.model.maximize(sum(lit * _weight(cal, key, weeks) for key, lit in literals.items()))
        solver = parameters(scenario.solver.model_copy(update={"time_limit_s": time_limit_s}))
        code = solver.solve(ctx.model)
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return solver.status_name(code), tuple(sorted(key for key, lit in literals.items()
                                                          if solver.value(lit) == 0))
        if code != cp_model.INFEASIBLE:
            return "UNKNOWN", ()
    return "INFEASIBLE", ()


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


__all__ = ["Solved", "add_hint", "count_changes", "excused", "fewest_changes", "fixed_days", "objective_value", "original_by_day",
           "readiness_floor"]
