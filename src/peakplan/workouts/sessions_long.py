"""Main sets of the long aerobic sessions beyond the plain long run: a long run with a marathon-pace
segment, a medium-long run, and run-walk for beginners. Each fills its whole time in whole minutes.
"""

from __future__ import annotations

from peakplan.workouts.model import Repeat
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, lerp, step, whole

MP_STEP_S = 5 * 60          # marathon-pace segments in 5-minute steps (practice)
MP_MIN_S = 15 * 60
FINISH_SHARE = 0.1          # an easy finish of about a tenth of the run after the MP segment (practice)
# Run-walk: runs of 1 min growing to 5 min with the phase, 90 s walks shrinking to 60 s (NHS Couch
# to 5K begins with 60 s running and 90 s walking; practice).
RUN_S, WALK_S = (60, 300), (90, 60)


def long_mp(ctx: SessionDay) -> MainSet:
    """Long run at easy pace with its planned marathon-pace minutes as one segment late in the run."""
    total_min = ctx.total_s // 60
    mp_min = max(MP_MIN_S, whole(ctx.work_target_s / MP_STEP_S) * MP_STEP_S) // 60
    mp_min = min(mp_min, total_min - 20)
    finish_min = max(5, whole(total_min * FINISH_SHARE))
    easy_min = total_min - mp_min - finish_min
    if mp_min < 10 or easy_min < 10:
        return MainSet("Long run", (step("main", "run", ctx.total_s, ctx.zone("easy"), "long run, easy"),))
    blocks = (step("main", "run", easy_min * 60 + ctx.total_s % 60, ctx.zone("easy"), "long run, easy"),
              step("main", "work", mp_min * 60, ctx.zone("marathon"), "marathon pace"),
              step("main", "run", finish_min * 60, ctx.zone("easy"), "easy finish"))
    return MainSet(f"Long run with {mp_min} min at marathon pace", blocks)


def medium_long(ctx: SessionDay) -> MainSet:
    return MainSet("Medium-long run", (step("main", "run", ctx.total_s, ctx.zone("easy"), "medium-long run, easy"),))


def run_walk(ctx: SessionDay) -> MainSet:
    """Alternating runs and walks, runs growing through the phase; a few easy minutes first."""
    run_s = whole(lerp(*RUN_S, ctx.progress) / 30) * 30
    walk_s = whole(lerp(*WALK_S, ctx.progress) / 30) * 30
    lead_s = 5 * 60
    times = max(1, (ctx.total_s - lead_s) // (run_s + walk_s))
    block = Repeat(times=times, steps=(step("main", "work", run_s, ctx.zone("easy"), "run"),
                                       step("main", "recovery", walk_s, ctx.zone("drills"), "walk")))
    rest_s = ctx.total_s - block.duration_s
    head = step("main", "run", rest_s, ctx.zone("recovery"), "easy jog or brisk walk")
    return MainSet(f"Run-walk: {times} × ({run_s // 60}:{run_s % 60:02d} run, {walk_s // 60}:{walk_s % 60:02d} walk)",
                   (head, block))
