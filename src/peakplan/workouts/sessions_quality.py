"""Main sets of the quality sessions: hills, tempo, intervals, repetitions, race pace, marathon pace.

Work time aims at the catalogue's ``quality_fraction`` x minutes (what the solver's caps count),
rounded to whole repeats, within 10 % (``layout.REP_TOLERANCE``) unless the session is too short
to hold that much work with its recoveries and warm-up. Rep lengths grow with progress through
the phase (0 = first week, 1 = last), following docs/science.md "Block shape" (seed article) and
Daniels' Running Formula.
"""

from __future__ import annotations

from peakplan.workouts.model import Repeat, Target
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, lerp, repeats, snap_s, step
from peakplan.workouts.targets import race_target, tempo_to_race_target

HILL_REP_S = (60, 90)            # 60 s hill repeats growing to 90 s (practice)
HILL_JOG_DOWN = 2.0              # jog back down: about twice the climb (practice)
CRUISE_REP_S = (5 * 60, 10 * 60)  # Daniels cruise intervals: 5-10 min at T ...
CRUISE_REST_PER_5_MIN_S = 60     # ... with 1 min rest per 5 min of T (Daniels' Running Formula)
TEMPO_CONTINUOUS_MAX_S = 20 * 60  # Daniels: a steady tempo run is about 20 min
INTERVAL_REP_S = (3 * 60, 5 * 60)  # Daniels: I reps of 3-5 min, jog recoveries equal or shorter
REP_REP_S = (60, 90)             # R reps of 200-400 m (Daniels) ...
REP_RECOVERY = 2.0               # ... with recoveries 2-3 x the rep (Daniels)
PEAK_FASTER_BY = 0.03            # peak: "short repeats slightly faster than race pace" (seed article; practice)
PEAK_REP_S = (60, 120)           # ... of 1-2 min with equal recoveries (practice)
# Race-specific reps: 2-5 min near race pace with equal recoveries (seed article); half and
# marathon use longer sustained efforts with short floats (seed article; recoveries practice).
RACE_REP_S = {"5k": (120, 300), "10k": (120, 300), "half": (360, 720), "marathon": (600, 1200)}
SUSTAINED_RECOVERY = {"half": 1 / 3, "marathon": 1 / 5}
# Taper keeps intensity at race pace (Bosquet et al. 2007); race week is short and sharp (seed article).
TAPER_REP_S = {"5k": 180, "10k": 180, "half": 300, "marathon": 480}
RACE_WEEK_REP_S = {"5k": 60, "10k": 60, "half": 120, "marathon": 120}
MP_SPLIT_FLOAT_S = 5 * 60        # early M runs split in two with 5 min easy between (practice)
GENERIC_REP_S, GENERIC_RECOVERY_S = 5 * 60, 2 * 60  # unknown quality types: T reps (practice)


def _grown(span: tuple[int, int], ctx: SessionDay, grain_s: int) -> int:
    return snap_s(lerp(*span, ctx.progress), grain_s)


def _interval_set(ctx: SessionDay, rep_s: int, recovery_s: int, tgt: Target, label: str, grain_s: int = 15) -> Repeat:
    work = step("main", "work", rep_s, tgt, label)
    jog = step("main", "recovery", recovery_s, ctx.zone("easy"), "easy jog") if recovery_s else None
    return repeats(work, jog, ctx.work_target_s, ctx.available_s, grain_s)


def _describe(block: Repeat, what: str) -> str:
    work = block.work_step
    tail = f", {_clock(block.steps[1].duration_s)} jog" if len(block.steps) > 1 else ""
    count = f"{block.times} × " if block.times > 1 else ""
    return f"{count}{_clock(work.duration_s)} {what}{tail}"


def _clock(seconds: int) -> str:
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds // 60}:{seconds % 60:02d}"


def hills(ctx: SessionDay) -> MainSet:
    rep_s = _grown(HILL_REP_S, ctx, 15)
    block = _interval_set(ctx, rep_s, int(rep_s * HILL_JOG_DOWN), ctx.zone("hill"), "hill repeat")
    return MainSet(f"Hills: {_describe(block, 'uphill')}", (block,))


def tempo(ctx: SessionDay) -> MainSet:
    """A continuous T run once the phase is under way and the work fits 20 min; cruise intervals otherwise."""
    threshold = ctx.zone("threshold")
    if ctx.progress >= 0.5 and ctx.work_target_s <= TEMPO_CONTINUOUS_MAX_S:
        block = repeats(step("main", "work", snap_s(ctx.work_target_s, 60), threshold, "tempo"), None,
                        ctx.work_target_s, ctx.available_s)
        return MainSet(f"Tempo: {_describe(block, 'at threshold')}", (block,))
    rep_s = _grown(CRUISE_REP_S, ctx, 60)
    rest_s = max(60, rep_s // 300 * CRUISE_REST_PER_5_MIN_S)
    block = _interval_set(ctx, rep_s, rest_s, threshold, "cruise interval")
    return MainSet(f"Cruise intervals: {_describe(block, 'at threshold')}", (block,))


def intervals(ctx: SessionDay) -> MainSet:
    late = ctx.phase in ("taper", "race_week")
    rep_s = INTERVAL_REP_S[0] if late else _grown(INTERVAL_REP_S, ctx, 30)
    block = _interval_set(ctx, rep_s, rep_s, ctx.zone("interval"), "interval")
    return MainSet(f"Intervals: {_describe(block, 'at interval pace')}", (block,))


def repetitions(ctx: SessionDay) -> MainSet:
    rep_s = _grown(REP_REP_S, ctx, 15)
    block = _interval_set(ctx, rep_s, int(rep_s * REP_RECOVERY), ctx.zone("repetition"), "repetition")
    return MainSet(f"Repetitions: {_describe(block, 'at repetition pace')}", (block,))


def race_pace(ctx: SessionDay) -> MainSet:
    """Near-race-pace work shaped by phase and distance (docs/science.md "Block shape")."""
    cls = ctx.race_class
    if ctx.phase == "peak":
        rep_s = _grown(PEAK_REP_S, ctx, 15)
        recovery_s, tgt = rep_s, race_target(ctx.paces, ctx.race_km, PEAK_FASTER_BY)
    elif ctx.phase in ("taper", "race_week"):
        rep_s = (TAPER_REP_S if ctx.phase == "taper" else RACE_WEEK_REP_S)[cls]
        sustained = cls in SUSTAINED_RECOVERY and ctx.phase == "taper"
        recovery_s, tgt = (120 if sustained else rep_s), race_target(ctx.paces, ctx.race_km)
    else:
        rep_s = _grown(RACE_REP_S[cls], ctx, 60 if cls in SUSTAINED_RECOVERY else 30)
        share = SUSTAINED_RECOVERY.get(cls)
        recovery_s = snap_s(rep_s * share, 30) if share else rep_s
        tgt = tempo_to_race_target(ctx.paces, ctx.race_km) if cls == "10k" else race_target(ctx.paces, ctx.race_km)
    grain_s = 60 if cls in SUSTAINED_RECOVERY and ctx.phase not in ("peak", "race_week") else 15
    block = _interval_set(ctx, rep_s, recovery_s, tgt, "race-pace rep", grain_s)
    return MainSet(f"Race pace: {_describe(block, 'at ' + tgt.effort)}", (block,))


def marathon_pace(ctx: SessionDay) -> MainSet:
    """A continuous M-pace run; early in race-specific, split in two with a 5-min easy float."""
    marathon = ctx.zone("marathon")
    split = ctx.phase == "race_specific" and ctx.progress < 0.5 and ctx.work_target_s >= 30 * 60
    if split:
        work = step("main", "work", snap_s(ctx.work_target_s / 2, 60), marathon, "marathon pace")
        block = repeats(work, step("main", "recovery", MP_SPLIT_FLOAT_S, ctx.zone("easy"), "easy float"),
                        ctx.work_target_s, ctx.available_s)
    else:
        work = step("main", "work", snap_s(ctx.work_target_s, 60), marathon, "marathon pace")
        block = repeats(work, None, ctx.work_target_s, ctx.available_s)
    return MainSet(f"Marathon pace: {_describe(block, 'at marathon pace')}", (block,))


def generic(ctx: SessionDay) -> MainSet:
    """A session type this module does not know: T-pace reps for its quality time."""
    block = _interval_set(ctx, GENERIC_REP_S, GENERIC_RECOVERY_S, ctx.zone("threshold"), "threshold rep")
    return MainSet(f"{ctx.session.replace('_', ' ').capitalize()}: {_describe(block, 'at threshold')}", (block,))
