"""progression: volume peaks late, one thing changes at a time, key sessions do not shrink.

- Loading week ``w`` of phase ``p``: ``E(w) ≤ phase_ceilings[p] · athlete.peak_weekly_minutes``.
- ``one_change_per_week``: every full loading week ``w`` that is not a deload and has a
  reference ``u = ref(w)``: the first week of a phase (``phase(u) ≠ phase(w)``, where
  new sessions come in) keeps ``V(w) ≤ 1.03 · V(u)`` unless week ``u − 1`` is interrupted; any
  other week keeps ``Q(w) ≤ Q(u) + 5``
  (``Q`` = the week's quality minutes: validate/plan_context.py).
- ``key_sessions_grow``: for consecutive weeks ``a < b`` of the list of normal, non-deload,
  non-tune-up loading weeks, both of phase ``p``, each session type ``k`` with
  ``per_phase[p][k].min ≥ 1`` (quotas on) has at least as many minutes in ``b`` as in ``a``
  (the week's total minutes of ``k``).
(docs/rules.md; docs/science.md "Progression".)
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, fmt_minutes, fmt_num, tight_tolerance, week_where
from peakplan.vocabulary import ANY_HARD

NAME = "progression"
PHASE_START_VOLUME_FACTOR = 1.03  # a week that brings new sessions holds volume (docs/science.md "Progression")
QUALITY_STEP_MINUTES = 5.0  # a week that adds volume adds at most 5 quality minutes (docs/science.md "Progression")


def _check_ceilings(ctx: PlanContext, out: Tally) -> None:
    rule, peak = ctx.scenario.rules.progression, ctx.scenario.athlete.peak_weekly_minutes
    for w in range(1, ctx.cal.loading_weeks + 1):
        phase = ctx.cal.week_phase[w - 1]
        share = rule.phase_ceilings.get(phase)  # type: ignore[call-overload]
        if share is None:  # no ceiling of its own: the peak itself (checked by weekly_ramp), a bound all the same
            out.note(week_where(w), peak - ctx.E(w), tight_tolerance(ctx.E(w), peak, peak))
            continue
        cap_minutes, e_minutes = share * peak, ctx.E(w)
        out.cap(e_minutes, cap_minutes, week_where(w), f"+{fmt_minutes(e_minutes - cap_minutes)} over the {phase} "
                f"ceiling", f"A {phase} week holds at most {fmt_num(100 * share)} % of the athlete's peak week "
                f"({fmt_minutes(cap_minutes)}); this one has {fmt_minutes(e_minutes)}.", tol_base=peak)


def _check_one_change(ctx: PlanContext, w: int, u: int, out: Tally) -> None:
    cal = ctx.cal
    if cal.week_phase[u - 1] != cal.week_phase[w - 1] and not (u > 1 and cal.week_interrupted[u - 2]):
        cap_minutes = PHASE_START_VOLUME_FACTOR * ctx.V(u)
        out.cap(ctx.V(w), cap_minutes, week_where(w), f"+{fmt_minutes(ctx.V(w) - cap_minutes)} over the phase-start "
                f"volume", f"The first {cal.week_phase[w - 1]} week brings new sessions, so its volume stays within "
                f"3 % of week {u} ({fmt_minutes(cap_minutes)}); it has {fmt_minutes(ctx.V(w))}.", tol_base=ctx.V(u))
        return
    cap_minutes = ctx.Q(u) + QUALITY_STEP_MINUTES
    out.cap(ctx.Q(w), cap_minutes, week_where(w), f"+{fmt_minutes(ctx.Q(w) - cap_minutes)} of quality over week {u}",
            f"Inside a phase a week adds volume, not intensity: its quality minutes ({fmt_minutes(ctx.Q(w))}) stay "
            f"within {fmt_num(QUALITY_STEP_MINUTES)} min of week {u}'s ({fmt_minutes(ctx.Q(u))}).",
            tol_base=_quality_session_minutes(ctx, w) + _quality_session_minutes(ctx, u))


def _quality_session_minutes(ctx: PlanContext, week: int) -> float:
    """Minutes of the week's quality sessions: what the quality fractions multiply."""
    return float(sum(int(ctx.days.minutes[d]) for d in ctx.cal.training_days_of_week(week)
                     if ctx.days.quality_kind[d] != "none"))


def _key_minutes(ctx: PlanContext, week: int, key: str) -> int:
    return sum(int(ctx.days.minutes[d]) for d in ctx.cal.training_days_of_week(week) if ctx.days.session[d] == key)


def _check_key_sessions(ctx: PlanContext, out: Tally) -> None:
    cal, quotas = ctx.cal, ctx.scenario.rules.quotas
    weeks = [w for w in range(1, cal.loading_weeks + 1)
             if cal.is_normal(w) and not cal.is_deload(w) and not cal.is_tune_up_week(w)]
    for a, b in zip(weeks, weeks[1:], strict=False):
        phase = cal.week_phase[a - 1]
        if cal.week_phase[b - 1] != phase:
            continue
        for key, bounds in quotas.of_phase(phase).items():
            if key == ANY_HARD or bounds.min < 1:
                continue
            before, after = _key_minutes(ctx, a, key), _key_minutes(ctx, b, key)
            out.expect(after >= before, week_where(b), f"{key} {before - after} min shorter than in week {a}",
                       f"The {phase} phase's key {key} session grows or holds from week to week: {after} min here, "
                       f"{before} min in week {a}.")


def check(ctx: PlanContext, out: Tally) -> None:
    rule, cal = ctx.scenario.rules.progression, ctx.cal
    _check_ceilings(ctx, out)
    if rule.one_change_per_week:
        for w in range(1, cal.loading_weeks + 1):
            u = cal.ref(w)
            if cal.week_length(w) == 7 and not cal.is_deload(w) and u is not None:
                _check_one_change(ctx, w, u, out)
    if rule.key_sessions_grow and ctx.scenario.rules.quotas.enabled:
        _check_key_sessions(ctx, out)
