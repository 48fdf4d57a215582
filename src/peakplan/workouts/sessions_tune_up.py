"""A tune-up race day: warm-up, the race at its predicted time, cool-down (model/constraints/tune_up.py
plans the race's predicted minutes plus 25 minutes around it)."""

from __future__ import annotations

from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, step
from peakplan.workouts.targets import race_day_target

AROUND_S = 25 * 60  # warm-up and cool-down around a tune-up race (as planned by the tune_up rule)


def tune_up(ctx: SessionDay) -> MainSet:
    race_s = max(60, ctx.total_s - AROUND_S)
    tgt = race_day_target(ctx.paces, ctx.race_km, race_s)
    return MainSet(f"Tune-up race: {tgt.effort}", (step("main", "work", race_s, tgt, tgt.effort),))
