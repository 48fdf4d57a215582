"""Phases and deloads of the block, recomputed from the scenario (docs/rules.md "Phases and deloads").

- Loading weeks ``1 … R`` are split into base, build, race_specific, peak by the phase shares:
  ``q_p = R · s_p / Σs``, ``c_p = floor(q_p)``, the weeks left go one each to the largest
  remainders, ties to peak, race_specific, build, base. Shares are read as the decimals the user
  wrote (``Fraction(str(x))``) so ties are exact ties, not float accidents
  (docs/science.md "Block shape").
- Deload weeks: a counter ``k`` of loading weeks since the last recovery; an interrupted week
  resets it and is no deload; otherwise ``w`` is a deload when ``k = every_weeks − 1``, or (with
  ``at_phase_ends``) when it closes its phase and ``k ≥ 2``; a deload resets ``k``
  (docs/science.md "Recovery weeks").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from peakplan.scenario.schema import Deload
from peakplan.vocabulary import LOADING_PHASES

TIE_ORDER = ("peak", "race_specific", "build", "base")  # who gets a leftover week first on a tie


def split_loading_weeks(loading_weeks: int, shares: dict[str, float]) -> dict[str, int]:
    """Weeks per loading phase: floor of each quota, leftovers by largest remainder."""
    exact = {p: Fraction(str(shares.get(p, 0.0))) for p in LOADING_PHASES}
    total = sum(exact.values())
    quota = {p: loading_weeks * exact[p] / total for p in LOADING_PHASES}
    count = {p: math.floor(q) for p, q in quota.items()}
    left = loading_weeks - sum(count.values())
    by_remainder = sorted(TIE_ORDER, key=lambda p: -(quota[p] - count[p]))  # stable: ties keep TIE_ORDER
    for p in by_remainder[:left]:
        count[p] += 1
    return count


def week_phases(loading_weeks: int, taper_weeks: int, shares: dict[str, float]) -> tuple[str, ...]:
    """The phase of every week, index ``w − 1``: loading phases, taper weeks, race week."""
    counts = split_loading_weeks(loading_weeks, shares)
    phases = [p for p in LOADING_PHASES for _ in range(counts[p])]
    return tuple(phases + ["taper"] * taper_weeks + ["race_week"])


def deload_weeks(rule: Deload, phases: Sequence[str], interrupted: Sequence[bool], loading_weeks: int) -> tuple[bool, ...]:
    """Whether each week (index ``w − 1``) is a deload, by the counter walk over ``w = 1 … R−1``."""
    flags = [False] * len(phases)
    if not rule.enabled:
        return tuple(flags)
    k = 0
    for w in range(1, loading_weeks):
        if interrupted[w - 1]:
            k = 0
            continue
        closes_phase = phases[w - 1] != phases[w]
        if k == rule.every_weeks - 1 or (rule.at_phase_ends and closes_phase and k >= 2):
            flags[w - 1], k = True, 0
        else:
            k += 1
    return tuple(flags)
