"""taper: volume comes down in bands of the peak week before the race, frequency is kept.

``P = ref(R+1)``, the peak week (the latest loading, normal, non-deload week), when there is
one: ``E(w) ≤ E(P)`` for every loading week. Taper week ``j = 1 … weeks+1`` (week ``R+j``, the
race week last), ``volume_bands[j] = (lo, hi)``: ``lo · REF(P) ≤ E(R+j) ≤ hi · REF(P)`` (without a
peak week REF is the athlete's current volume). With ``keep_frequency`` and a peak week: running
days of each of those weeks ≥ running days of ``P`` − 1. With ``long_run_bands`` and a peak week:
``L(w) ≤ L(P)`` for every loading week and ``lo · L(P) ≤ L(R+j) ≤ hi · L(P)`` for ``j ≤ weeks``
(docs/rules.md; docs/science.md "Taper").
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, exceeds, fmt_minutes, fmt_num, week_where

NAME = "taper"


def _check_band(out: Tally, w: int, value: float, band: tuple[float, float], ref: float, what: str,
                ref_name: str) -> None:
    low, high = band
    floor_minutes, cap_minutes = low * ref, high * ref
    out.cap(value, cap_minutes, week_where(w), f"+{fmt_minutes(value - cap_minutes)} over the {what} cap",
            f"This week's {what} may be at most {fmt_num(100 * high)} % of {ref_name} ({fmt_minutes(cap_minutes)}); "
            f"it is {fmt_minutes(value)}.", tol_base=ref)
    out.floor(value, floor_minutes, week_where(w), f"{fmt_minutes(floor_minutes - value)} under the {what} floor",
              f"This week's {what} should be at least {fmt_num(100 * low)} % of {ref_name} "
              f"({fmt_minutes(floor_minutes)}); it is only {fmt_minutes(value)}.", tol_base=ref)


def _check_peak_is_highest(ctx: PlanContext, p: int, out: Tally) -> None:
    rule = ctx.scenario.rules.taper
    for w in range(1, ctx.cal.loading_weeks + 1):
        out.expect(not exceeds(ctx.E(w), ctx.E(p)), week_where(w), f"+{fmt_minutes(ctx.E(w) - ctx.E(p))} over the "
                   f"peak week {p}", f"The peak week (week {p}, {fmt_minutes(ctx.E(p))}) is the block's biggest week.")
        if rule.long_run_bands:
            out.expect(not exceeds(ctx.L(w), ctx.L(p)), week_where(w),
                       f"long run +{fmt_minutes(ctx.L(w) - ctx.L(p))} over the peak week's",
                       f"No loading week's long run is longer than the peak week's ({fmt_minutes(ctx.L(p))}).")


def _check_frequency(ctx: PlanContext, p: int, w: int, out: Tally) -> None:
    need, running = ctx.running_days(p) - 1, ctx.running_days(w)
    out.floor(running, need, week_where(w), f"{need - running} running day(s) short",
              f"The taper keeps the running frequency: at least {need} running days (peak week {p} had "
              f"{need + 1}); this week has {running}.", tol_base=0)


def check(ctx: PlanContext, out: Tally) -> None:
    rule, r = ctx.scenario.rules.taper, ctx.cal.loading_weeks
    p = ctx.cal.ref(r + 1)
    if p is not None:
        _check_peak_is_highest(ctx, p, out)
    peak_name = ctx.ref_name(p) if p is None else f"peak week {p}"
    for j, band in enumerate(rule.volume_bands, start=1):
        w = r + j
        _check_band(out, w, ctx.E(w), band, ctx.REF(p), "volume", peak_name)
        if p is not None and rule.keep_frequency:
            _check_frequency(ctx, p, w, out)
    if p is not None:
        for j, band in enumerate(rule.long_run_bands, start=1):
            _check_band(out, r + j, ctx.L(r + j), band, ctx.L(p), "long run", f"peak week {p}'s long run")
