"""plan_consistency for the plan's summaries: ``weeks``, ``readiness``, ``objective``, ``race``.

Week totals follow docs/plan-format.md and docs/rules.md "Calendar": ``minutes`` = ``V(w)``
(race excluded), ``load`` = sum of the week's rounded day loads (tolerance 5e-3: up to seven
values rounded to 3 decimals), ``low_intensity_share`` = low-intensity minutes / ``V(w)``,
``hard_sessions`` = hard training days, ``long_run_minutes`` = ``L(w)``. Where the format leaves
a choice open (whether the race counts in the race week's ``load`` and ``hard_sessions``; the
share of an empty week), every reading is accepted. Readiness: docs/rules.md "Readiness".
"""

from __future__ import annotations

import numpy as np

from peakplan.modelfiles import BanisterModel
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.prediction import check_prediction
from peakplan.validate.recompute import LOAD_ABS_TOL, effective_loads, expected_p0, pmc_trajectory, race_day_readiness
from peakplan.validate.stated import capped, close, same, shown
from peakplan.validate.violation import Tally, Violation, week_where

NAME = "plan_consistency"
WEEK_LOAD_ABS_TOL = 5e-3
READINESS_TOL = 1e-6  # relative and absolute
STATUSES = ("OPTIMAL", "FEASIBLE")


def _expected_week(ctx: PlanContext, w: int, loads: np.ndarray) -> dict[str, list]:
    """Acceptable values of each key of week ``w``'s entry."""
    ws, cal = ctx.weeks, ctx.cal
    training_load = float(sum(loads[d] for d in cal.training_days_of_week(w)))
    volume = int(ws.volume_minutes[w - 1])
    hard = int(ws.hard_training_days[w - 1])
    is_race_week = w == cal.n_weeks
    return {
        "week": [w], "phase": [cal.week_phase[w - 1]], "deload": [cal.week_deload[w - 1]],
        "days": [cal.week_length(w)], "minutes": [volume],
        "load": [training_load] + ([training_load + float(loads[cal.race_day])] if is_race_week else []),
        "low_intensity_share": [float(ws.low_intensity_minutes[w - 1]) / volume] if volume else [0.0, 1.0],
        "hard_sessions": [hard] + ([hard + 1] if is_race_week else []),
        "long_run_minutes": [int(ws.long_minutes[w - 1])],
    }


def _matches(stated: object, accepted: list, key: str) -> bool:
    tol = WEEK_LOAD_ABS_TOL if key == "load" else LOAD_ABS_TOL
    return any(close(stated, a, tol) if isinstance(a, float) else same(stated, a) for a in accepted)


def _check_weeks(ctx: PlanContext, out: Tally) -> None:
    weeks = ctx.plan.get("weeks")
    if not out.expect(isinstance(weeks, list), "weeks", "no `weeks` list", "The plan has no weekly summary."):
        return
    assert isinstance(weeks, list)
    out.expect(len(weeks) == ctx.cal.n_weeks, "weeks", f"{len(weeks)} weeks stated, {ctx.cal.n_weeks} in the block",
               "The weekly summary does not cover the block's weeks.")
    loads = effective_loads(ctx)
    found: dict[str, list] = {}
    for w, entry in enumerate(weeks[: ctx.cal.n_weeks], start=1):
        if not out.expect(isinstance(entry, dict), week_where(w), "not an object", "A week entry must be an object."):
            continue
        for key, accepted in _expected_week(ctx, w, loads).items():
            stated = entry.get(key)
            amount = f"{key} {shown(stated)} stated, {shown(accepted[0])} recomputed" if key in entry else f"no `{key}`"
            out.checks += 1
            if not _matches(stated, accepted, key):
                message = f"The week's {key.replace('_', ' ')} does not match its days."
                found.setdefault(key, []).append(Violation(NAME, week_where(w), amount, message))
    for violations in found.values():
        out.found += capped(violations)


def _expected_params(ctx: PlanContext) -> dict[str, float]:
    model = ctx.readiness_model
    if isinstance(model, BanisterModel):
        return {"k1": model.k1, "k2": model.k2, "tau_fitness_days": model.tau_fitness_days,
                "tau_fatigue_days": model.tau_fatigue_days, "p0": expected_p0(ctx)}
    pmc = pmc_trajectory(ctx, effective_loads(ctx))
    return {"tau_ctl_days": model.tau_ctl_days, "tau_atl_days": model.tau_atl_days, "tsb_min": model.tsb_min,
            "tsb_max": model.tsb_max, "ctl0": pmc.ctl0, "atl0": pmc.atl0}


def _expect_number(out: Tally, where: str, stated: object, expected: float, abs_tol: float,
                   rel_tol: float = 0.0) -> None:
    out.expect(close(stated, expected, abs_tol, rel_tol), where, f"{shown(stated)} stated, {expected:.6g} recomputed",
               f"The plan's {where} does not follow from its sessions and the scenario.")


def _check_readiness(ctx: PlanContext, out: Tally) -> None:
    loads = effective_loads(ctx)
    readiness = race_day_readiness(ctx, loads)
    _expect_number(out, "objective", ctx.plan.get("objective"), readiness, READINESS_TOL, READINESS_TOL)
    stated = ctx.plan.get("readiness")
    if not out.expect(isinstance(stated, dict), "readiness", "no `readiness` object", "The plan states no readiness."):
        return
    assert isinstance(stated, dict)
    out.expect(stated.get("model") == ctx.readiness_model.kind, "readiness.model",
               f"{shown(stated.get('model'))} stated, {ctx.readiness_model.kind!r} in the scenario",
               "The plan was scored with another readiness model than the scenario names.")
    _expect_number(out, "readiness.race_day", stated.get("race_day"), readiness, READINESS_TOL, READINESS_TOL)
    pmc = pmc_trajectory(ctx, loads)
    for key, value in (("ctl", pmc.race_ctl), ("atl", pmc.race_atl), ("tsb", pmc.race_tsb)):
        _expect_number(out, f"readiness.{key}", stated.get(key), value, LOAD_ABS_TOL)
    params = stated.get("params")
    params = params if isinstance(params, dict) else {}
    for key, value in _expected_params(ctx).items():
        _expect_number(out, f"readiness.params.{key}", params.get(key), value, LOAD_ABS_TOL, READINESS_TOL)


def _check_header(ctx: PlanContext, out: Tally) -> None:
    race = ctx.plan.get("race")
    race = race if isinstance(race, dict) else {}
    out.expect(race.get("date") == ctx.scenario.race.date.isoformat(), "race.date",
               f"{shown(race.get('date'))} stated, {ctx.scenario.race.date} in the scenario",
               "The plan is for another race date than the scenario.")
    _expect_number(out, "race.distance_km", race.get("distance_km"), ctx.scenario.race.distance_km, 1e-6)
    status = ctx.plan.get("status")
    out.expect(status in STATUSES, "status", f"status {shown(status)}", "A plan's status is OPTIMAL or FEASIBLE.")


def summary_mismatches(ctx: PlanContext, out: Tally) -> None:
    _check_header(ctx, out)
    _check_weeks(ctx, out)
    _check_readiness(ctx, out)
    check_prediction(ctx, out)
