"""Main sets of the aerobic sessions: recovery, easy, long (with a marathon-pace finish), strides, race.

Shapes follow docs/science.md "Block shape" (seed article): strides and drills in base, short pickups in
build, light strides in race week.
"""

from __future__ import annotations

from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, lerp, repeats, step, whole
from peakplan.workouts.targets import race_day_target

# Marathon-pace finish of a long run, marathon plans only, race-specific and peak phases
# (Daniels' Running Formula marathon plans; Pfitzinger's "long run with MP miles", practice):
# 10 % of the run early in the phase growing to 20 %, at most 30 min, in 5-min steps, and only
# on long runs of 90 min or more.
MP_FINISH_SHARE = (0.10, 0.20)
MP_FINISH_MAX_S = 30 * 60
MP_FINISH_MIN_RUN_S = 90 * 60
# Off: the solver counts a long run as all easy (catalogue quality_fraction 0), so a finish at
# marathon pace would hide quality minutes from the intensity-mix rule and Daniels' caps. The
# marathon plan gets its marathon-pace work from the `marathon_pace` sessions instead.
MP_FINISH_PHASES: tuple[str, ...] = ()

# Strides: 20 s fast-relaxed with about 60 s easy jog or walk back (practice); in build they
# become 30 s pickups at 5K effort. Drills, 5 min, open base-phase stride sessions of 35 min+.
STRIDE_S = 20
PICKUP_S = 30
STRIDE_RECOVERY_S = 60
DRILLS_S = 5 * 60
DRILLS_MIN_SESSION_S = 35 * 60
EASY_AROUND_STRIDES_S = 10 * 60   # strides come after at least 10 min of easy running (practice)


def recovery(ctx: SessionDay) -> MainSet:
    return MainSet("Recovery jog",
                   (step("main", "run", ctx.total_s, ctx.zone("recovery"), "recovery jog"),))


def easy(ctx: SessionDay) -> MainSet:
    return MainSet("Easy run", (step("main", "run", ctx.total_s, ctx.zone("easy"), "easy run"),))


def long(ctx: SessionDay) -> MainSet:
    """Long run at E pace; a marathon-pace finish in marathon plans in race-specific and peak phases."""
    finish_s = _mp_finish_s(ctx)
    if finish_s == 0:
        return MainSet("Long run", (step("main", "run", ctx.total_s, ctx.zone("easy"), "long run, easy"),))
    blocks = (step("main", "run", ctx.total_s - finish_s, ctx.zone("easy"), "long run, easy"),
              step("main", "work", finish_s, ctx.zone("marathon"), "marathon-pace finish"))
    return MainSet(f"Long run, last {finish_s // 60} min at marathon pace", blocks)


def _mp_finish_s(ctx: SessionDay) -> int:
    if ctx.race_class != "marathon" or ctx.phase not in MP_FINISH_PHASES or ctx.total_s < MP_FINISH_MIN_RUN_S:
        return 0
    share = lerp(*MP_FINISH_SHARE, ctx.progress)
    return min(MP_FINISH_MAX_S, whole(ctx.total_s * share / 300) * 300)


def strides(ctx: SessionDay) -> MainSet:
    """Easy running, then strides (pickups in build); drills first in base. Strides count as main-set work."""
    pickups = ctx.phase == "build"
    rep_s, zone = (PICKUP_S, "pickup") if pickups else (STRIDE_S, "stride")
    drills = ctx.phase == "base" and ctx.total_s >= DRILLS_MIN_SESSION_S
    head = (step("main", "run", DRILLS_S, ctx.zone("drills"), "drills"),) if drills else ()
    work = step("main", "work", rep_s, ctx.zone(zone), "pickup" if pickups else "stride")
    jog = step("main", "recovery", STRIDE_RECOVERY_S, ctx.zone("easy"), "easy jog back")
    available_s = ctx.total_s - len(head) * DRILLS_S - EASY_AROUND_STRIDES_S
    # grain = the rep: strides stay 20 s (pickups 30 s) and only their count follows the target
    block = repeats(work, jog, max(ctx.work_target_s, rep_s), available_s, grain_s=rep_s)
    what = f"{block.times} × {rep_s} s {'pickups' if pickups else 'strides'}"
    title = f"Easy run with {'drills and ' if drills else ''}{what}"
    return MainSet(title, (*head, block), warm_share=0.85, warm_label="easy run", cool_label="easy jog")


def race(ctx: SessionDay) -> MainSet:
    """Race day: the whole planned time at race pace; its distance is the race distance exactly."""
    tgt = race_day_target(ctx.paces, ctx.race_km, ctx.total_s)
    return MainSet(f"Race day: {tgt.effort}", (step("main", "work", ctx.total_s, tgt, tgt.effort),))


def rest(ctx: SessionDay) -> MainSet:
    return MainSet("Rest day", ())
