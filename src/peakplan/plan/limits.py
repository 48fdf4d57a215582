"""Bounds on a plan file beyond its schema: what the exports, the report and compare rely on.

A plan file is user input: ``peakplan solve`` never writes anything near these bounds, but a
hand-edited or crafted file could make a reader build a billion-step list (``times: 10**9``) or
look up a weekday that does not exist. :func:`check_bounds` refuses such a file with a
:class:`PlanBoundsError` naming the field (``plan.io`` turns it into a PlanFileError); the validator still judges whether
the numbers inside the bounds are right.
"""

from __future__ import annotations

import datetime as dt

from peakplan.errors import InputError, shown
from peakplan.plan.file import PlanFile
from peakplan.vocabulary import MAX_RACE_MINUTES, WEEKDAYS
from peakplan.workouts.model import Repeat

DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))  # as for scenarios (scenario/checks.py)
MAX_DAYS = 7 * 61            # a block is at most 60 weeks, plus race day
MAX_BLOCKS = 200             # blocks of one workout (the product writes at most a handful)
MAX_REPEATS = 500            # rounds of one repeat (strides: 11)
MAX_STEPS = 100              # steps in one round
MAX_TEXT_CHARS = 1_000       # a session name, title, label or effort
MAX_TIGHT_RULES = 100_000


class PlanBoundsError(InputError):
    """A plan file outside the bounds (``plan.io`` reports it as a PlanFileError)."""


def _fail(source: str, field: str, problem: str, fix: str) -> PlanBoundsError:
    return PlanBoundsError(f"{source}: field `{field}` {problem}; {fix}")


def _check_text(source: str, field: str, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise _fail(source, field, f"is {len(text):,} characters long (at most {MAX_TEXT_CHARS:,})", "shorten it")


def _check_workout(source: str, where: str, plan: PlanFile, index: int) -> None:
    workout = plan.days[index].workout
    if workout is None:
        return
    if len(workout.blocks) > MAX_BLOCKS:
        raise _fail(source, f"{where}.blocks", f"holds {len(workout.blocks)} blocks (at most {MAX_BLOCKS})",
                    "a workout has a warm-up, a main set and a cool-down")
    _check_text(source, f"{where}.title", workout.title)
    for b, block in enumerate(workout.blocks):
        steps = block.steps if isinstance(block, Repeat) else (block,)
        if isinstance(block, Repeat) and (block.times > MAX_REPEATS or len(block.steps) > MAX_STEPS):
            raise _fail(source, f"{where}.blocks[{b}].times", f"repeats {block.times} x {len(block.steps)} steps "
                        f"(at most {MAX_REPEATS} x {MAX_STEPS})", "fix the repeat")
        for step in steps:
            if step.duration_s > 60 * MAX_RACE_MINUTES:
                raise _fail(source, f"{where}.blocks[{b}]", f"has a step of {step.duration_s:,} s",
                            f"a step lasts at most {MAX_RACE_MINUTES} minutes")
            for label, text in (("label", step.label), ("effort", step.target.effort)):
                _check_text(source, f"{where}.blocks[{b}].{label}", text)


def check_bounds(plan: PlanFile, source: str) -> None:
    """InputError naming the field when ``plan`` is outside the bounds of the module docstring."""
    if not plan.days or len(plan.days) > MAX_DAYS:
        raise _fail(source, "days", f"lists {len(plan.days)} days", f"a plan has 8 to {MAX_DAYS} days")
    if not plan.weeks or len(plan.weeks) > MAX_DAYS // 7 + 1:
        raise _fail(source, "weeks", f"lists {len(plan.weeks):,} weeks", f"a plan has 1 to {MAX_DAYS // 7 + 1}")
    if len(plan.tight_rules) > MAX_TIGHT_RULES:
        raise _fail(source, "tight_rules", f"lists {len(plan.tight_rules):,} entries", "re-create the plan")
    for i, day in enumerate(plan.days):
        where = f"days[{i}]"
        if not DATE_RANGE[0] <= day.date <= DATE_RANGE[1]:
            raise _fail(source, f"{where}.date", f"= {day.date}", f"dates lie in {DATE_RANGE[0].year}-{DATE_RANGE[1].year}")
        if day.weekday not in WEEKDAYS:
            raise _fail(source, f"{where}.weekday", f"= {shown(day.weekday)}", f"use one of {', '.join(WEEKDAYS)}")
        if day.minutes > MAX_RACE_MINUTES:
            raise _fail(source, f"{where}.minutes", f"= {day.minutes:,}", f"a day holds at most {MAX_RACE_MINUTES} "
                        "minutes")
        for name, text in (("session", day.session), ("phase", day.phase)):
            _check_text(source, f"{where}.{name}", text)
        _check_workout(source, f"{where}.workout", plan, i)
