"""The re-plan's first solve: which rule instances the days already run force out.

The rule instances of the weeks that hold a fixed day get enforcement literals and what is kept
is maximized; the ones that must go become ``replan.excused``, every other rule holds. When that
is infeasible (the days run leave no plan that keeps every later rule), later instances of the
rules other than load safety may go too, then (still infeasible) any instance.

Which go is the model's choice, stated, never the search's (a solution hint must not change it):
1. the fewest: a later instance weighs ``FUTURE_WEIGHT`` / ``WEEK_RUN_WEIGHT`` (1000) instances of
   the weeks under way, a load-safety one ten times more (a week after an illness may skip its
   quotas, not its ramp);
2. of equally few, the nearest the break (the return weeks bend; the peak and taper keep their
   shape);
3. then by family, in ``ORDER``: the session mix bends before the build's shape, and that before
   the block's structure that protects race day; of the load-safety rules, the load-model caps
   first and the athlete's availability last.
"""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from peakplan.calendar import Calendar
from peakplan.model.build import build
from peakplan.model.solver import parameters
from peakplan.replan.solve import fixed_weeks, place_week
from peakplan.scenario.schema import Scenario

WEEK_RUN_WEIGHT = 10_000          # keeping an instance of a week under way
FUTURE_WEIGHT = 1000 * WEEK_RUN_WEIGHT
SAFETY_WEIGHT = 10 * FUTURE_WEIGHT
SAFETY = frozenset({"weekly_ramp", "deload", "hard_easy", "long_run", "availability", "no_catch_up", "acwr",
                    "ctl_ramp", "atl_cap"})
# first to go first; a family not listed goes after the listed ones of its kind
ORDER = ("quotas", "intensity_mix", "tune_up", "long_run_build", "progression", "quality_caps", "phases",
         "form_window", "taper", "race_week",
         "acwr", "ctl_ramp", "atl_cap", "hard_easy", "long_run", "deload", "weekly_ramp", "no_catch_up",
         "availability")
RANKS = 32                        # > len(ORDER): a week farther always outweighs any family
STAGES = ("weeks run", "safety kept", "any")


def weight(cal: Calendar, key: tuple[str, str], weeks: set[int]) -> int:
    """What keeping the rule instance ``key`` (family, place) is worth, ``weeks`` being the weeks
    that hold a fixed day. The order terms stay under a tier's weight for up to 300 instances."""
    family, where = key
    rank = ORDER.index(family) if family in ORDER else len(ORDER)
    week = place_week(cal, where)
    if week in weeks:
        return WEEK_RUN_WEIGHT + rank
    past = week - max(weeks) if week is not None and week > max(weeks) else 0
    return (SAFETY_WEIGHT if family in SAFETY else FUTURE_WEIGHT) + past * RANKS + rank


def _soft_in(stage: str, cal: Calendar, weeks: set[int]) -> Callable[[str, str], bool]:
    def soft(family: str, where: str) -> bool:
        if family == "fixed_days":
            return False
        if place_week(cal, where) in weeks:
            return True
        return stage == "any" or (stage == "safety kept" and family not in SAFETY)
    return soft


def excused(scenario: Scenario, time_limit_s: float) -> tuple[str, tuple[tuple[str, str], ...]]:
    """("OPTIMAL" or "FEASIBLE", the rule instances that go), or ("INFEASIBLE", ()) when no plan
    exists even so, or ("UNKNOWN", ()) at the time limit. The stages are tried in turn, each only
    when the one before is infeasible."""
    weeks = fixed_weeks(scenario)
    if not weeks:
        return "OPTIMAL", ()
    cal = Calendar(scenario)   # one calendar for every instance's place (not one per instance)
    for stage in STAGES:
        ctx, _ = build(scenario, soft=_soft_in(stage, cal, weeks))
        literals = ctx.rules.literals
        ctx.model.maximize(sum(lit * weight(cal, key, weeks) for key, lit in literals.items()))
        solver = parameters(scenario.solver.model_copy(update={"time_limit_s": time_limit_s}))
        code = solver.solve(ctx.model)
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return solver.status_name(code), tuple(sorted(key for key, lit in literals.items()
                                                          if solver.value(lit) == 0))
        if code != cp_model.INFEASIBLE:
            return "UNKNOWN", ()
    return "INFEASIBLE", ()
