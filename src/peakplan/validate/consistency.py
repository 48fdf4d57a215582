"""plan_consistency: every number and label the plan states matches its recomputation.

The plan file is fully recomputable from ``days`` and the scenario (docs/plan-format.md): dates,
weekdays, week numbers, phase labels, loads, hard flags and CTL/ATL/TSB per day; week numbers,
phases, deload flags and weekly totals; readiness and objective. Loads, CTL, ATL and TSB are
written rounded to 3 decimals (abs tolerance 2e-3); readiness is computed from those rounded
loads (tolerance 1e-6 relative + 1e-6 absolute). Structural problems found while reading the
days (missing or duplicate dates, ...) are reported here too. At most ``PER_FIELD_LIMIT``
mismatches of one field are listed (one for CTL/ATL/TSB, whose errors carry forward), then one
line counts the rest.
"""

from __future__ import annotations

import numpy as np

from peakplan.validate.consistency_summary import summary_mismatches
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.plan_days import session_type
from peakplan.validate.recompute import LOAD_ABS_TOL, Pmc, effective_loads, pmc_trajectory, recomputed_loads
from peakplan.validate.stated import PER_FIELD_LIMIT, capped, close, same, shown
from peakplan.validate.violation import Tally, Violation

NAME = "plan_consistency"
TRAJECTORY = ("ctl", "atl", "tsb")
DAY_MESSAGES = {
    "weekday": "The weekday written for this date is wrong.",
    "week": "The week number does not follow the race-day count-back of docs/rules.md.",
    "phase": "The phase label is not the one the scenario's phase split gives for this week.",
    "minutes": "The race day's minutes must be the race session's duration.",
    "hard": "The hard flag does not match the session type in the catalogue.",
    "load": "The load is not the session's minutes x its load per minute (docs/rules.md \"Load\"), so readiness "
            "rests on wrong numbers.",
    "ctl": "The stated fitness (CTL) does not follow from the plan's loads.",
    "atl": "The stated fatigue (ATL) does not follow from the plan's loads.",
    "tsb": "The stated form (TSB) does not follow from the plan's loads.",
}


def _expected_day(ctx: PlanContext, d: int, loads: np.ndarray, pmc: Pmc) -> dict[str, object]:
    """What a correct plan states for day ``d`` (numbers as floats, compared with tolerance)."""
    cal = ctx.cal
    expected: dict[str, object] = {"weekday": cal.weekday(d), "week": int(cal.week_of_day[d]),
                                   "phase": cal.phase_of_day(d)}
    if d == cal.race_day:
        expected |= {"minutes": ctx.scenario.race_session.minutes, "hard": True, "load": float(loads[d])}
    elif (kind := session_type(ctx.catalogue, ctx.days.session[d])) is not None:
        expected |= {"hard": kind.hard, "load": float(loads[d])}  # unknown types: reported by sessions
    return expected | {"ctl": float(pmc.ctl[d]), "atl": float(pmc.atl[d]), "tsb": float(pmc.tsb[d])}


def _day_mismatches(ctx: PlanContext, out: Tally) -> dict[str, list[Violation]]:
    loads = recomputed_loads(ctx)
    pmc = pmc_trajectory(ctx, effective_loads(ctx))
    found: dict[str, list[Violation]] = {}
    for d, entry in enumerate(ctx.days.entries):
        if entry is None:
            continue
        where = ctx.cal.date(d).isoformat()
        for key, expected in _expected_day(ctx, d, loads, pmc).items():
            out.checks += 1
            stated = entry.get(key)
            ok = close(stated, expected, LOAD_ABS_TOL) if isinstance(expected, float) else same(stated, expected)
            if not ok:
                amount = f"{key} {shown(stated)} stated, {shown(expected)} recomputed" if key in entry \
                    else f"no `{key}`"
                found.setdefault(key, []).append(Violation(NAME, where, amount, DAY_MESSAGES[key]))
    return found


def check(ctx: PlanContext, out: Tally) -> None:
    out.checks += len(ctx.days.entries)
    out.found += capped(ctx.days.problems, 2 * PER_FIELD_LIMIT)
    for key, violations in _day_mismatches(ctx, out).items():
        # one wrong load shifts CTL/ATL/TSB on every later day: the first day says it all
        out.found += capped(violations, 1 if key in TRAJECTORY else PER_FIELD_LIMIT)
    summary_mismatches(ctx, out)
