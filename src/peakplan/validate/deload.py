"""deload: a recovery week cuts volume against its reference week, and the week after comes back
at most a little above that level.

Deload week ``w`` (validate/phase_layout.py), ``u = ref(w)``: ``E(w) ≤ volume_factor · REF(u)``;
the week after it (``w+1``, a loading week that is not a deload): ``E(w+1) ≤ return_factor ·
REF(u)`` (docs/rules.md; docs/science.md "Recovery weeks").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, week_where

NAME = "deload"


def _check_cap(ctx: PlanContext, w: int, factor: float, u: int | None, label: str, out: Tally) -> None:
    cap_minutes, e_minutes = factor * ctx.REF(u), ctx.E(w)
    out.cap(e_minutes, cap_minutes, week_where(w), f"+{fmt_minutes(e_minutes - cap_minutes)} over the {label} cap",
            f"A {label} week may hold at most {fmt_num(100 * factor)} % of {ctx.ref_name(u)} "
            f"({fmt_minutes(cap_minutes)}); this one has {fmt_minutes(e_minutes)}.", tol_base=ctx.REF(u))


def check(ctx: PlanContext, out: Tally) -> None:
    rule, cal = ctx.scenario.rules.deload, ctx.cal
    for w in range(1, cal.loading_weeks + 1):
        if not cal.is_deload(w):
            continue
        u = cal.ref(w)
        _check_cap(ctx, w, rule.volume_factor, u, "deload", out)
        if cal.is_loading(w + 1) and not cal.is_deload(w + 1):
            _check_cap(ctx, w + 1, rule.return_factor, u, "return", out)
