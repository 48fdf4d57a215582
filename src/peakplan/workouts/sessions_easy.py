"""Main sets of the aerobic sessions: recovery, easy, long (with a marathon-pace finish), strides, race.

Shapes follow docs/science.md "Block shape" (seed article): strides and drills in base, short pickups in
build, light strides in race week.
"""

from __future__ import annotations

from peakplan.workouts.model import Repeat
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import REP_TOLERANCE, MainSet, easy_frame_min_s, lerp, step, whole
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

# Strides: 20 s fast-relaxed with 40 s easy jog or walk back (practice; each stride + jog is a whole
# minute); in build they become 30 s pickups at 5K effort with 90 s easy. 4-8 a session: at most
# the catalogue's "6-8 x 20 s" (practice; the coach review allows 8-10, 8 is the stricter),
# at least 4 so a short day still has a set; time the plan gives beyond 8 stays easy running.
# Drills, 5 min, open base-phase stride sessions of 35 min+.
STRIDE_S, STRIDE_JOG_S = 20, 40
PICKUP_S, PICKUP_JOG_S = 30, 90
STRIDES_MIN, STRIDES_MAX = 4, 8
DRILLS_S = 5 * 60
DRILLS_MIN_SESSION_S = 35 * 60


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
    """Easy running, then 4-8 strides (pickups in build); drills first in base. Strides count as main-set work."""
    pickups = ctx.phase == "build"
    rep_s, jog_s, zone = (PICKUP_S, PICKUP_JOG_S, "pickup") if pickups else (STRIDE_S, STRIDE_JOG_S, "stride")
    drills = ctx.phase == "base" and ctx.total_s >= DRILLS_MIN_SESSION_S
    head = (step("main", "run", DRILLS_S, ctx.zone("drills"), "drills"),) if drills else ()
    room_s = ctx.total_s - easy_frame_min_s(ctx.total_s) - len(head) * DRILLS_S
    if room_s < rep_s + jog_s:  # far below the catalogue's minimum: no room for strides
        return easy(ctx)
    near = whole(ctx.work_target_s / rep_s)
    if near * rep_s > ctx.work_target_s * (1 + REP_TOLERANCE):  # never over the plan by more than the tolerance
        near -= 1
    times = min(STRIDES_MAX, max(STRIDES_MIN, near), room_s // (rep_s + jog_s))
    work = step("main", "work", rep_s, ctx.zone(zone), "pickup" if pickups else "stride")
    jog = step("main", "recovery", jog_s, ctx.zone("easy"), "easy jog back")
    block = Repeat(times=times, steps=(work, jog))
    what = f"{times} × {rep_s} s {'pickups' if pickups else 'strides'}"
    title = f"Easy run with {'drills and ' if drills else ''}{what}"
    return MainSet(title, (*head, block), framing="easy")


def race(ctx: SessionDay) -> MainSet:
    """Race day: the whole planned time at race pace; its distance is the race distance exactly."""
    tgt = race_day_target(ctx.paces, ctx.race_km, ctx.total_s)
    return MainSet(f"Race day: {tgt.effort}", (step("main", "work", ctx.total_s, tgt, tgt.effort),))


def rest(ctx: SessionDay) -> MainSet:
    return MainSet("Rest day", ())
