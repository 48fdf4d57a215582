"""Knobs: the scenario values that loosen a rule, each with its candidate values.

Every rule module (``model/constraints/<rule>.py``) lists its own knobs in ``knobs(scenario,
wheres)``, most natural first; :mod:`peakplan.explain.relax` searches them. A knob's candidates
run from the smallest change to the most relaxed value. Pure data: no solver code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Relaxation:
    field: str   # dotted scenario path, e.g. rules.long_run.max_share_of_week (readiness.tsb_min: the model's)
    value: Any   # the relaxed value, verified to give a plan
    text: str    # e.g. "rules.long_run.max_share_of_week 0.30 → 0.34"


@dataclass(frozen=True)
class Knob:
    field: str
    current: Any
    candidates: tuple[Any, ...]   # from the smallest change to the most relaxed value
    style: str = "int"  # how values print: int, share, number, bool, drop
    label: str = ""     # how the field prints, when not its dotted path

    def show(self, value: Any) -> str:
        if self.style == "bool":
            return "true" if value else "false"
        if self.style == "share":
            return f"{value:.2f}" if round(value, 2) == value else f"{value:g}"
        if self.style == "number":
            return f"{value:g}"
        if self.style == "mapping":
            return "{" + ", ".join(f"{k}: {v:g}" for k, v in sorted(value.items())) + "}"
        if self.style == "bands":
            return "[" + ", ".join(f"{lo:.2f}-{hi:.2f}" for lo, hi in value) + "]"
        return str(value)

    def relaxation(self, value: Any) -> Relaxation:
        if self.style == "drop":
            gone = sorted(set(self.current) - set(value))
            return Relaxation(self.field, value, f"{self.field}: drop {', '.join(str(d) for d in gone)}")
        name = self.label or self.field
        return Relaxation(self.field, value, f"{name} {self.show(self.current)} → {self.show(value)}")


def ints(current: int, limit: int, step: int = 1) -> tuple[int, ...]:
    """Integers from ``current`` (excluded) towards ``limit`` (included) on a ``step`` grid."""
    if current == limit:
        return ()
    if limit > current:
        first = (current // step + 1) * step
        return (*range(first, limit, step), limit)
    first = (current - 1) // step * step
    return (*range(first, limit, -step), limit)


def shares(current: float, limit: float) -> tuple[float, ...]:
    """Hundredths from ``current`` (excluded) towards ``limit`` (included)."""
    here, end = current * 100, round(limit * 100)
    if end > here:
        steps = range(math.floor(here + 1e-9) + 1, end + 1)
    else:
        steps = range(math.ceil(here - 1e-9) - 1, end - 1, -1)
    return tuple(v / 100 for v in steps)


def share_knob(field: str, current: float, limit: float) -> Knob:
    return Knob(field, current, shares(current, limit), "share")


def int_knob(field: str, current: int, limit: int, step: int = 1) -> Knob:
    return Knob(field, current, ints(current, limit, step))


def switch(field: str, current: bool) -> Knob | None:
    """Turning a true flag off (None when it is already off)."""
    return Knob(field, current, (not current,), "bool") if current else None


def disable(family: str) -> Knob:
    """The last resort for every rule: switch it off."""
    return Knob(f"rules.{family}.enabled", True, (False,), "bool")


def week_of(where: str) -> int | None:
    """The week number of a rule instance named 'week N' (or 'week N ...'), else None."""
    match = re.match(r"week (\d+)", where)
    return int(match.group(1)) if match else None
