"""quotas: per phase and full week, the number of sessions of each kind stays in [min, max].

Distance-specific emphasis: 5K/10K VO2max intervals and repetitions, half threshold, marathon
marathon pace and long runs (Daniels; plan conventions; SCIENCE.md R16); taper keeps intensity
(Bosquet et al. 2007). ``any_hard`` counts every hard session.
"""

from __future__ import annotations

from peakplan.model.context import BuildContext

NAME = "quotas"
ANY_HARD = "any_hard"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.quotas
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    for w in cal.weeks:
        if not cal.is_full(w):
            continue
        for key, bounds in rule.per_phase.get(cal.phase_by_week[w], {}).items():
            count = v.week_hard_days(w) if key == ANY_HARD else v.week_count(w, key)
            where = f"week {w}"
            if bounds.min > 0:
                book.add(NAME, where, count >= bounds.min)
            if bounds.max is not None:
                book.add(NAME, where, count <= bounds.max)
