"""The one place where real numbers become CP-SAT integers.

CP-SAT only handles integers. Every ratio (shares, growth factors, taper multipliers) is
expressed in basis points (``RATIO_SCALE``) and every objective coefficient in millionths of a
readiness unit (``OBJECTIVE_SCALE``). Caps are rounded down and floors up, so a plan the model
accepts always keeps the rule as written in docs/rules.md.
"""

from __future__ import annotations

import math

RATIO_SCALE = 10_000          # 1.0 == 10_000 basis points
OBJECTIVE_SCALE = 1_000_000   # 1 readiness unit == 1e6 objective units
_EPS = 1e-6                   # absorbs binary noise such as 0.29 * 1e4 = 2899.9999999999995


def cap_ratio(value: float) -> int:
    """A ratio used as an upper bound, in basis points, rounded down."""
    return math.floor(value * RATIO_SCALE + _EPS)


def floor_ratio(value: float) -> int:
    """A ratio used as a lower bound, in basis points, rounded up."""
    return math.ceil(value * RATIO_SCALE - _EPS)


def objective_coefficient(value: float) -> int:
    """An objective coefficient (readiness per minute), rounded to the nearest integer unit."""
    return round(value * OBJECTIVE_SCALE)


def objective_value(scaled: float) -> float:
    return scaled / OBJECTIVE_SCALE


LOAD_SCALE = 1_000            # a day's load variable counts milli-units of load (1 TSS == 1000)


def load_coefficient(load_per_minute: float) -> int:
    """A session type's load per minute in milli-units, rounded to the nearest unit."""
    return round(load_per_minute * LOAD_SCALE)
