"""quotas: per phase and full week, the number of sessions of each kind stays in [min, max].

Distance-specific emphasis: 5K/10K VO2max intervals and repetitions, half threshold, marathon
marathon pace and long runs (Daniels; plan conventions; docs/science.md "Session quotas"); taper keeps intensity
(Bosquet et al. 2007). ``any_hard`` counts every hard session.
"""

from __future__ import annotations

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob, disable, int_knob, week_of
from peakplan.model.rulebook import BuildContext
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import ANY_HARD

NAME = "quotas"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.quotas
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    for w in cal.weeks:
        if not cal.is_full(w):
            continue
        for key, bounds in rule.of_phase(cal.phase_by_week[w]).items():
            count = v.week_hard_days(w) if key == ANY_HARD else v.week_count(w, key)
            where = f"week {w}"
            if bounds.min > 0:
                book.add(NAME, where, count >= bounds.min)
            if bounds.max is not None:
                book.add(NAME, where, count <= bounds.max)


def _phase(scenario: Scenario, where: str) -> str | None:
    week = week_of(where)
    return Calendar(scenario).phase_by_week.get(week) if week is not None else None


def describe(scenario: Scenario, where: str) -> str:
    phase = _phase(scenario, where)
    quota = scenario.rules.quotas.of_phase(phase)
    entries = ", ".join(f"{k} {b.min}..{b.max if b.max is not None else '∞'} a week" for k, b in quota.items())
    return f"session quotas in {phase} weeks: {entries}" if phase else "per-phase session quotas"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    out = []
    for phase in dict.fromkeys(_phase(scenario, w) for w in wheres):
        quota = scenario.rules.quotas.of_phase(phase)
        for key, bounds in quota.items():
            base = f"rules.quotas.per_phase.{phase}.{key}"
            if bounds.min > 0:
                out.append(int_knob(f"{base}.min", bounds.min, 0))
            if bounds.max is not None:
                out.append(int_knob(f"{base}.max", bounds.max, 7))
    return [*out, disable(NAME)]
