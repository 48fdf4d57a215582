"""quality_caps: the main set of a quality session is capped by the week's volume.

A session's main set is ``quality_fraction · minutes``. By its type's ``quality_kind``:
threshold ≤ ``threshold_share·E(w)``, intervals ≤ ``intervals_share·E(w)``, repetitions ≤
``repetitions_share·E(w)``, marathon_pace ≤ ``marathon_pace_max_minutes`` (docs/rules.md).
Source: Daniels' Running Formula (T ≤ 10 %, I ≤ 8 %, R ≤ 5 % of weekly volume; M-pace run
≤ 110 min), docs/science.md "Quality caps". Every quality kind's cap is a bound on every training
day (0 main-set minutes where the kind is not run; such a bound binds in a week without running),
so its margin is recorded for the stated tight rules (validate/tight_claims.py).
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, tight_tolerance

NAME = "quality_caps"


def _cap_minutes(ctx: PlanContext, kind: str, week: int) -> tuple[float, str]:
    rule = ctx.scenario.rules.quality_caps
    if kind == "marathon_pace":
        return float(rule.marathon_pace_max_minutes), f"{rule.marathon_pace_max_minutes} min"
    share = {"threshold": rule.threshold_share, "intervals": rule.intervals_share,
             "repetitions": rule.repetitions_share}[kind]
    return share * ctx.E(week), f"{fmt_num(100 * share)} % of the week"


def check(ctx: PlanContext, out: Tally) -> None:
    kinds = sorted({k.quality_kind for k in ctx.catalogue.sessions.values()
                    if k.quality_kind != "none" and k.quality_fraction > 0})
    for d in range(ctx.cal.race_day):
        week = int(ctx.cal.week_of_day[d])
        for other in kinds:  # every quality type's main set is capped on every day: 0 where it is not run
            cap_minutes, _ = _cap_minutes(ctx, other, week)
            base = 0.0 if other == "marathon_pace" else ctx.E(week)
            out.note(ctx.cal.date(d).isoformat(), cap_minutes, tight_tolerance(0.0, cap_minutes, base))
        kind = ctx.days.quality_kind[d]
        if kind == "none":
            continue
        main_minutes = float(ctx.days.quality_fraction[d] * ctx.days.minutes[d])
        cap_minutes, cap_text = _cap_minutes(ctx, kind, week)
        base = ctx.days.minutes[d] if kind == "marathon_pace" else ctx.E(week)
        out.cap(main_minutes, cap_minutes, ctx.cal.date(d).isoformat(),
                f"+{fmt_minutes(main_minutes - cap_minutes)} of {kind} over the cap",
                f"The {kind.replace('_', ' ')} main set ({fmt_minutes(main_minutes)}) may be at most {cap_text} "
                f"({fmt_minutes(cap_minutes)}).", tol_base=float(base))
