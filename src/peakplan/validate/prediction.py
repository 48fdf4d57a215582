"""plan_consistency for the plan's ``prediction`` (readiness models in VDOT): every number recomputed.

docs/rules.md "Readiness": the current VDOT (athlete.vdot, recent race, goal time, else 40);
race-day VDOT = the readiness; "no training" = the readiness of an all-rest block; "keep training as
now" = the readiness of a block at the daily load before the block, every training day; finish
times from the Daniels & Gilbert equations at those VDOTs. A plan of another model states none.
"""

from __future__ import annotations

import numpy as np

from peakplan.modelfiles import BanisterModel
from peakplan.paces import race_time_s
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import banister_readiness, effective_loads, expected_p0
from peakplan.validate.session_load import athlete_vdot, pre_block, pre_block_level
from peakplan.validate.stated import close, shown
from peakplan.validate.violation import Tally

NAME = "plan_consistency"
VDOT_TOL = 1e-4   # VDOTs are written to 6 decimals
TIME_TOL_S = 0.2  # finish times are written to 0.1 s


def _finish_s(vdot: float, km: float) -> float | None:
    try:
        return race_time_s(vdot, km * 1000.0)
    except ValueError:
        return None


def _expected(ctx: PlanContext) -> dict[str, float | None]:
    model = ctx.readiness_model
    assert isinstance(model, BanisterModel)
    loads, before, p0 = effective_loads(ctx), pre_block(ctx.scenario, ctx.paces), expected_p0(ctx)
    zero = np.zeros_like(loads)
    steady = np.full_like(loads, pre_block_level(ctx.scenario, ctx.paces))
    race_day, now = banister_readiness(model, loads, before, p0), athlete_vdot(ctx.scenario)
    km = ctx.scenario.race.distance_km
    return {"current_vdot": now, "race_day_vdot": race_day, "no_training_vdot": banister_readiness(model, zero, before, p0),
            "keep_training_vdot": banister_readiness(model, steady, before, p0),
            "race_time_s": _finish_s(race_day, km), "current_race_time_s": _finish_s(now, km)}


def check_prediction(ctx: PlanContext, out: Tally) -> None:
    model, stated = ctx.readiness_model, ctx.plan.get("prediction")
    in_vdot = isinstance(model, BanisterModel) and model.unit == "vdot"
    if not in_vdot:
        out.expect(stated is None, "prediction", "a prediction is stated",
                   "Only a readiness model in VDOT predicts a finish time; this plan's model does not.")
        return
    if not out.expect(isinstance(stated, dict), "prediction", "no `prediction`",
                      "A plan scored in VDOT states its predicted race-day VDOT and finish time."):
        return
    assert isinstance(stated, dict)
    for key, expected in _expected(ctx).items():
        value, where = stated.get(key), f"prediction.{key}"
        if expected is None:
            out.expect(value is None, where, f"{shown(value)} stated", "No finish time exists for this VDOT.")
            continue
        tol = TIME_TOL_S if key.endswith("_s") else VDOT_TOL
        out.expect(close(value, expected, tol), where, f"{shown(value)} stated, {expected:.6g} recomputed",
                   f"The plan's {where} does not follow from its loads, the athlete and the model.")
