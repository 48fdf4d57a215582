"""Main sets of the race-specific sessions: race pace (by phase and distance) and marathon pace.

Shapes follow docs/science.md "Block shape" (seed article): race-specific reps near race pace,
longer sustained efforts for the half and marathon; peak sharpening reps a little faster than
race pace, labelled as such; taper reps at race pace (Bosquet et al. 2007: intensity kept); race
week short and sharp. Each step's label says the pace it is run at.
"""

from __future__ import annotations

from peakplan.workouts.model import Block, Target
from peakplan.workouts.schemes import Choice, Scheme, pick, within
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.sessions_quality import describe, no_room, scheme_set
from peakplan.workouts.steps import MainSet, snap_s, step, whole
from peakplan.workouts.targets import race_target, tempo_to_race_target
from peakplan.workouts.text import duration_text

_SHORT = (Scheme(120, 120, 10), Scheme(180, 180, 8), Scheme(240, 240, 8), Scheme(300, 300, 8))
# Race-specific: 2-5 min near race pace with equal recoveries for 5K/10K (seed article); half and
# marathon run longer sustained efforts with short floats, about 1/3 and 1/5 of the rep (seed
# article; recoveries practice, rounded to whole minutes). At most 10-12 race-pace reps (practice).
RACE_SPECIFIC = {
    "5k": _SHORT, "10k": _SHORT,
    "half": (Scheme(360, 120, 5), Scheme(480, 180, 4), Scheme(600, 180, 4), Scheme(720, 240, 3)),
    "marathon": (Scheme(600, 120, 4), Scheme(720, 180, 3), Scheme(900, 180, 3),
                 Scheme(1200, 240, 3)),
}
# Peak: "short repeats slightly faster than race pace" (seed article): 1-2 min, 3 % faster, with
# equal recoveries, at most 12 (practice).
PEAK_FASTER_BY = 0.03
PEAK = (Scheme(60, 60, 12), Scheme(90, 90, 12), Scheme(120, 120, 12))
# Taper keeps intensity at race pace with fewer, shorter reps (Bosquet et al. 2007; practice);
# race week is short and sharp (seed article).
TAPER = {
    "5k": (Scheme(120, 120, 8), Scheme(180, 180, 8)), "10k": (Scheme(120, 120, 8), Scheme(180, 180, 8)),
    "half": (Scheme(240, 120, 6), Scheme(300, 120, 6)), "marathon": (Scheme(360, 120, 4), Scheme(480, 120, 4)),
}
RACE_WEEK = {"5k": (Scheme(60, 60, 8),), "10k": (Scheme(60, 60, 8),), "half": (Scheme(120, 120, 6),),
             "marathon": (Scheme(120, 120, 6),)}
# Marathon-pace runs: one to three segments in 5-min steps with 5 min easy floats between, at
# least 10 min each; split runs come first in a phase's turn of schemes, the continuous run last
# (practice: Pfitzinger's and Daniels' M sessions grow from segments to one steady run).
MP_GRAIN_S = 5 * 60
MP_FLOAT_S = 5 * 60
MP_SEGMENT_MIN_S = 10 * 60
MP_MAX_SEGMENTS = 3


def race_pace(ctx: SessionDay) -> MainSet:
    """Near-race-pace work shaped by phase and distance."""
    name, schemes, tgt, label = _race_pace_kind(ctx)
    main = scheme_set(ctx, schemes, ctx.work_target_s, tgt, label)
    if main is None:
        return no_room(ctx, name, tgt)
    what = tgt.effort if tgt.effort.startswith("slightly") else f"at {tgt.effort}"
    if main.times == 1:
        return MainSet(f"{name}: {duration_text(main.work_step.duration_s)} continuous {what}", (main.work_step,))
    return MainSet(f"{name}: {describe(main, what)}", (main,))


def _race_pace_kind(ctx: SessionDay) -> tuple[str, tuple[Scheme, ...], Target, str]:
    """Title word, schemes, target and step label of the day's race-pace session."""
    cls, race = ctx.race_class, race_target(ctx.paces, ctx.race_km)
    if ctx.phase == "peak":
        return "Sharpening", PEAK, race_target(ctx.paces, ctx.race_km, PEAK_FASTER_BY), "sharpening rep"
    if ctx.phase == "race_week":
        return "Race pace", RACE_WEEK[cls], race, "race-pace rep"
    schemes = TAPER[cls] if ctx.phase == "taper" else RACE_SPECIFIC[cls]
    if cls in ("half", "marathon"):  # sustained work: last in the turn, one continuous run at race pace
        return "Race pace", (*schemes, Scheme(snap_s(ctx.work_target_s, 60), 0, 1)), race, "race-pace rep"
    if cls == "10k" and ctx.phase != "taper":
        return "Race-pace work", schemes, tempo_to_race_target(ctx.paces, ctx.race_km), "threshold-to-10K-pace rep"
    return "Race pace", schemes, race, "race-pace rep"


def marathon_pace(ctx: SessionDay) -> MainSet:
    """Marathon-pace segments with easy floats between (no float after the last), or one continuous run."""
    planned_s = ctx.work_target_s
    choices = [c for n in range(MP_MAX_SEGMENTS, 0, -1) if (c := _segments(n, planned_s, ctx.available_s))]
    choice = pick(choices, planned_s, ctx.week_in_phase, ctx.progress)
    if choice is None:
        return no_room(ctx, "Marathon pace", ctx.zone("marathon"))
    marathon, easy = ctx.zone("marathon"), ctx.zone("easy")
    segment = step("main", "work", choice.scheme.rep_s, marathon, "marathon pace")
    floats = step("main", "recovery", MP_FLOAT_S, easy, "easy float")
    blocks: tuple[Block, ...] = (segment,) + (floats, segment) * (choice.times - 1)
    each = duration_text(choice.scheme.rep_s)
    what = f"{each} continuous at marathon pace" if choice.times == 1 else \
        f"{choice.times} × {each} at marathon pace, {duration_text(MP_FLOAT_S)} easy float between"
    return MainSet(f"Marathon pace: {what}", blocks)


def _segments(n: int, planned_s: float, room_s: int) -> Choice | None:
    """``n`` equal segments in 5-min steps nearest the plan (the lower step when only it is within tolerance)."""
    near_s = whole(planned_s / n / MP_GRAIN_S) * MP_GRAIN_S
    seg_s = near_s if within(n * near_s, planned_s) else near_s - MP_GRAIN_S
    fits_s = (room_s - (n - 1) * MP_FLOAT_S) // n // MP_GRAIN_S * MP_GRAIN_S
    seg_s = min(max(seg_s, MP_GRAIN_S), fits_s)
    if seg_s < (MP_SEGMENT_MIN_S if n > 1 else MP_GRAIN_S):
        return None
    return Choice(Scheme(seg_s, MP_FLOAT_S, n), n)
