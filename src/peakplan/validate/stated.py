"""Comparisons of a plan's stated values with recomputed ones (for plan_consistency)."""

from __future__ import annotations

import math

from peakplan.validate.violation import Violation

PER_FIELD_LIMIT = 5


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def close(stated: object, expected: float, abs_tol: float, rel_tol: float = 0.0) -> bool:
    return is_number(stated) and abs(float(stated) - expected) <= abs_tol + rel_tol * abs(expected)  # type: ignore[arg-type]


def same(stated: object, expected: object) -> bool:
    """Equal and of the same JSON kind (``true`` is not ``1``)."""
    return type(stated) is type(expected) and stated == expected


def shown(value: object) -> str:
    """A stated or expected value as JSON would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return f"{value:.3f}" if isinstance(value, float) else repr(value) if isinstance(value, str) else str(value)


def capped(violations: list[Violation], limit: int = PER_FIELD_LIMIT) -> list[Violation]:
    if len(violations) <= limit:
        return violations
    rest = len(violations) - limit
    first = violations[limit]
    more = Violation(first.rule, first.where, f"and {rest} more like it from here",
                     f"{rest} more entries, from this one on, repeat the kind of mismatch above ({first.amount}).")
    return violations[:limit] + [more]
