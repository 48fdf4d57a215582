"""progression: volume peaks late, and rises in small, single steps.

- Each loading phase's weekly volume is at most its ``phase_ceilings`` share of the athlete's peak
  weekly volume, so the peak comes in the last loading weeks rather than months of plateau.
- ``one_change_per_week``: volume and intensity never rise together. Against the last normal
  loading week (the ramp's reference), the first week of a phase, where harder sessions enter,
  holds volume within 3 % (it is the week whose reference lies in an earlier phase: a missed
  first week moves it); every other loading week raises quality main sets by at most 5
  minutes while volume may grow. A first week whose reference week is the return from an
  interrupted week holds quality instead (volume is still climbing back).
- ``key_sessions_grow``: a session type a phase requires every week is never shorter than in the
  phase's previous normal loading week (sessions progress instead of repeating).

Sources: progressive overload in small, defensible steps (seed article); Pfitzinger & Douglas
18/55's volume curve; raise volume or intensity, not both (docs/science.md "Progression").
"""

from __future__ import annotations

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob, disable, switch
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio, floor_ratio
from peakplan.model.variables import LinearExpr
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import ANY_HARD

NAME = "progression"
VOLUME_STEP = 0.03       # a rise of volume is more than 3 % (practice: noise below that is no step)
QUALITY_STEP_MINUTES = 5  # a rise of intensity is more than 5 minutes of main sets


def _quality_bp(ctx: BuildContext, week: int) -> LinearExpr:
    """Main-set minutes of the week's quality sessions, in basis points."""
    v = ctx.vars
    return sum(floor_ratio(k.quality_fraction) * v.session_minutes(d, n) for d in ctx.calendar.training_days_of_week(week)
               for n, k in v.types.items() if k.quality_kind != "none" and k.quality_fraction > 0)


def intensity_week(cal: Calendar, week: int, ref: int) -> bool:
    """The first week of a loading phase (after its reference week ``ref``, which is in another
    phase): where new, harder sessions enter. A phase whose first week was missed (interrupted)
    starts at its first normal week."""
    return cal.phase_by_week[ref] != cal.phase_by_week[week]


def _loading(cal: Calendar) -> range:
    return range(1, cal.loading_weeks + 1)


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.progression
    if not rule.enabled:
        return
    cal, v, book, peak = ctx.calendar, ctx.vars, ctx.rules, ctx.scenario.athlete.peak_weekly_minutes
    for w in _loading(cal):
        share = rule.phase_ceilings.get(cal.phase_by_week[w], 1.0)  # type: ignore[call-overload]
        book.add_le(NAME, f"week {w}", v.week_minutes(w) * 7 * RATIO_SCALE, cap_ratio(share) * peak * cal.week_length(w),
                    f"{cal.phase_by_week[w]} volume <= {share:.0%} of the athlete's peak")
    if rule.one_change_per_week:
        for w in _loading(cal):
            ref = cal.reference_week(w)
            if ref is None or w in cal.deload_weeks or not cal.is_full(w):
                continue
            if intensity_week(cal, w, ref) and ref - 1 not in cal.interrupted_weeks:
                # new intensity enters on a week that holds volume (unless the reference week is the
                # return from a break: volume is still climbing back, so quality holds instead)
                book.add_le(NAME, f"week {w}", v.week_minutes(w) * RATIO_SCALE,
                            cap_ratio(1 + VOLUME_STEP) * v.week_minutes(ref), "volume held while intensity rises")
            else:                       # volume may rise, quality only by a few minutes
                book.add_le(NAME, f"week {w}", _quality_bp(ctx, w),
                            _quality_bp(ctx, ref) + QUALITY_STEP_MINUTES * RATIO_SCALE, "quality held while volume rises")
    if rule.key_sessions_grow:
        _key_sessions(ctx)


def _key_sessions(ctx: BuildContext) -> None:
    cal, v, quotas = ctx.calendar, ctx.vars, ctx.scenario.rules.quotas
    if not quotas.enabled:
        return
    eligible = [w for w in _loading(cal) if cal.is_normal(w) and w not in cal.deload_weeks and w not in cal.tune_up_weeks]
    for before, after in zip(eligible, eligible[1:], strict=False):
        phase = cal.phase_by_week[after]
        if cal.phase_by_week[before] != phase:
            continue
        for name, bounds in quotas.of_phase(phase).items():
            if name == ANY_HARD or bounds.min < 1 or name not in v.types:
                continue
            grown = sum(v.session_minutes(d, name) for d in cal.training_days_of_week(after))
            earlier = sum(v.session_minutes(d, name) for d in cal.training_days_of_week(before))
            ctx.rules.add(NAME, f"week {after}", grown >= earlier)


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.progression
    ceilings = ", ".join(f"{p} {s:.0%}" for p, s in r.phase_ceilings.items())
    parts = [f"weekly volume by phase at most {ceilings} of the athlete's peak"]
    if r.one_change_per_week:
        parts.append("volume and quality never both raised in one week")
    if r.key_sessions_grow:
        parts.append("a phase's key sessions never shorter than the week before")
    return "; ".join(parts)


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.progression
    raised = tuple({p: round(min(1.0, s + 0.05 * k), 2) for p, s in r.phase_ceilings.items()} for k in range(1, 9))
    found = [Knob("rules.progression.phase_ceilings", r.phase_ceilings, raised, "mapping"),
             switch("rules.progression.one_change_per_week", r.one_change_per_week),
             switch("rules.progression.key_sessions_grow", r.key_sessions_grow)]
    return [k for k in found if k is not None] + [disable(NAME)]
