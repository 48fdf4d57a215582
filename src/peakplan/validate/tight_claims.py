"""plan_consistency for the plan's stated ``tight_rules``: each is re-derived from the families' checks.

A stated entry ``{rule, where, detail}`` says that a bound of family ``rule`` at place ``where`` (a
date, ``week N``, ``week N ceiling`` or ``race day``) holds with equality. The families record the
margin of every bound they check (``Tally.cap`` / ``Tally.floor``, validate/violation.py); the entry
holds when the family can be tight (``BOUND_FAMILIES``), is on in the scenario, and one of its
margins at that place is 0 within its tolerance. Anything else is a violation at the entry's place
(``tight_rules[i]`` when it has none), naming the closest margin found there. ``detail`` is free
text and not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peakplan.validate.stated import capped
from peakplan.validate.violation import Margin, Tally, Violation, fmt_num

NAME = "plan_consistency"
# The families with bounds a plan can state as tight (those whose checks record margins).
BOUND_FAMILIES = frozenset({"availability", "deload", "form_window", "hard_easy", "intensity_mix", "long_run",
                            "long_run_build", "no_catch_up", "progression", "quality_caps", "race_week", "taper",
                            "tune_up", "weekly_ramp"})
PER_CLAIM_LIMIT = 10
MESSAGE = "A stated tight rule must be a bound of that family that the plan meets with equality."


def _problem(entry: Any, tallies: Mapping[str, Tally]) -> str | None:
    """Why one stated entry does not hold (None: it does)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str) or not isinstance(entry.get("where"), str):
        return "not an object with a rule and a where"
    rule, where = entry["rule"], entry["where"]
    if rule not in BOUND_FAMILIES:
        return f"{rule!r} is no rule family with bounds that can be tight"
    if rule not in tallies:
        return f"{rule} is switched off in the scenario"
    here = [m for m in tallies[rule].margins if m.where == where]
    if not here:
        return f"{rule} puts no bound at {where!r}"
    if any(m.tight for m in here):
        return None
    closest: Margin = min(here, key=lambda m: abs(m.margin) - m.tolerance)
    return (f"{rule} stated tight, but its closest bound at {where} has a margin of {fmt_num(closest.margin, 3)} "
            f"(tolerance {closest.tolerance:.2g})")


def check(plan: Mapping[str, Any], tallies: Mapping[str, Tally], out: Tally) -> None:
    """Check every stated tight rule against the margins in ``tallies`` (family name -> its Tally,
    for the families checked: on in the scenario)."""
    stated = plan.get("tight_rules", [])
    if not out.expect(isinstance(stated, list | tuple), "tight_rules", "not a list",
                      "The tight rules must be a list of {rule, where, detail} entries."):
        return
    found: list[Violation] = []
    for i, entry in enumerate(stated):
        out.checks += 1
        problem = _problem(entry, tallies)
        if problem is not None:
            where = entry["where"] if isinstance(entry, dict) and isinstance(entry.get("where"), str) else None
            found.append(Violation(NAME, where or f"tight_rules[{i}]", problem[:160], MESSAGE))
    out.found += capped(found, PER_CLAIM_LIMIT)
