"""quotas: per phase, the number of sessions of each kind a week stays in [min, max] (the
minimum in normal weeks without a tune-up race only), and at most ``max_per_phase`` in the phase.

Specificity by distance and phase: 5K/10K keep threshold and VO2max work to the end, the half
threshold and race pace, the marathon marathon pace inside and beside long runs, intervals sparing
and none in its taper (Daniels; Pfitzinger; docs/science.md "Session quotas"); the taper keeps
intensity (Bosquet et al. 2007). ``any_hard`` counts every hard session.
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
        for key, bounds in rule.of_phase(cal.phase_by_week[w]).items():
            count = v.week_hard_days(w) if key == ANY_HARD else v.week_count(w, key)
            where = f"week {w}"
            if bounds.min > 0 and cal.is_normal(w) and w not in cal.tune_up_weeks:
                book.add(NAME, where, count >= bounds.min)
            if bounds.max is not None:
                book.add(NAME, where, count <= bounds.max)
    for phase in dict.fromkeys(cal.phase_by_week.values()):
        weeks = [w for w, p in cal.phase_by_week.items() if p == phase]
        for key, bounds in rule.of_phase(phase).items():
            if bounds.max_per_phase is not None and key != ANY_HARD:
                book.add(NAME, f"week {weeks[0]}", sum(v.week_count(w, key) for w in weeks) <= bounds.max_per_phase)


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
