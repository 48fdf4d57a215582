"""Main sets of the quality sessions: hills, tempo, intervals, repetitions (race pace: ``sessions_race``).

Work time aims at the catalogue's ``quality_fraction`` x minutes (what the solver's caps count) in
round reps from each type's scheme table (``schemes``), within the schemes' tolerance unless the
session is too short to hold it or a per-session cap binds; time not run as reps is easy running.
Rep lengths follow Daniels' Running Formula and docs/science.md "Block shape" (seed article).
"""

from __future__ import annotations

from collections.abc import Sequence

from peakplan.workouts.model import Block, Repeat, Target
from peakplan.workouts.schemes import Scheme, block, options, pick, shorter_recoveries
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, snap_s, step
from peakplan.workouts.text import duration_text

# Hill repeats of 60-120 s, 8-10 a session, jogging back down in about 1.5-2 x the climb (practice).
HILL_SCHEMES = (Scheme(60, 120, 10), Scheme(90, 150, 10), Scheme(120, 180, 8))
# Daniels' cruise intervals: 5-15 min at T with about 1 min rest per 5 min of T (rounded to whole
# minutes), at most 6 reps; a steady tempo run is about 20 min (Daniels' Running Formula).
CRUISE_SCHEMES = (Scheme(300, 60, 6), Scheme(360, 60, 5), Scheme(480, 120, 4), Scheme(600, 120, 3),
                  Scheme(720, 180, 3), Scheme(900, 180, 2))
TEMPO_CONTINUOUS_MAX_S = 20 * 60
# Daniels: I reps of 3-5 min with equal (or shorter) jogs; at most 8 reps (practice) and at most
# 10 km at I pace a session (Daniels' Running Formula; docs/science.md "Quality caps"). Taper and
# race week keep the shorter reps.
INTERVAL_SCHEMES = (Scheme(180, 180, 8), Scheme(240, 240, 8), Scheme(300, 300, 8))
INTERVAL_LATE_SCHEMES = (Scheme(120, 120, 8), Scheme(180, 180, 8))
INTERVAL_MAX_KM = 10.0
# Daniels: R reps of 200-400 m (about 30-90 s) with 2-3 x the rep as easy jog; at most 16 short or
# 12 longer reps (practice) and at most 8 km at R pace a session (docs/science.md "Quality caps").
REP_SCHEMES = (Scheme(30, 90, 16), Scheme(60, 120, 12), Scheme(90, 210, 8))
REP_MAX_KM = 8.0


def describe(main: Repeat, what: str, between: str = "easy jog") -> str:
    """'5 × 3 min at interval pace, 3 min easy jog between': the main set in plain words."""
    work = main.work_step
    count = f"{main.times} × " if main.times > 1 else ""
    tail = f", {duration_text(main.steps[1].duration_s)} {between} between" if len(main.steps) > 1 else ""
    return f"{count}{duration_text(work.duration_s)} {what}{tail}"


def scheme_set(ctx: SessionDay, schemes: Sequence[Scheme], planned_s: float, work: Target, label: str,
               jog_label: str = "easy jog") -> Repeat | None:
    """The week's rep scheme as a repeat; None when not one rep fits the session."""
    room_s = ctx.available_s
    spares = options(shorter_recoveries(schemes), planned_s, room_s)
    choice = pick(options(schemes, planned_s, room_s), planned_s, ctx.week_in_phase, ctx.progress, spares)
    return None if choice is None else block(choice, work, label, ctx.zone("easy"), jog_label)


def no_room(ctx: SessionDay, name: str, work: Target) -> MainSet:
    """A session far below the catalogue's minimum: one steady effort of whole minutes, as much as fits, or none."""
    seconds = min(snap_s(ctx.work_target_s, 60), ctx.available_s // 60 * 60)
    if seconds < 60:
        return MainSet(f"{name}: easy run (too short for a main set)", ())
    effort: Block = step("main", "work", seconds, work, "steady effort")
    return MainSet(f"{name}: {duration_text(seconds)} at {work.effort} (too short for reps)", (effort,))


def hills(ctx: SessionDay) -> MainSet:
    main = scheme_set(ctx, HILL_SCHEMES, ctx.work_target_s, ctx.zone("hill"), "hill repeat", "jog back down")
    if main is None:
        return no_room(ctx, "Hills", ctx.zone("hill"))
    return MainSet(f"Hills: {describe(main, 'hard uphill', 'jog back down')}", (main,))


def tempo(ctx: SessionDay) -> MainSet:
    """Cruise intervals early in the turn of schemes, a continuous tempo of up to 20 min last."""
    planned_s = ctx.work_target_s
    steady = Scheme(min(TEMPO_CONTINUOUS_MAX_S, snap_s(planned_s, 60)), 0, 1)
    threshold = ctx.zone("threshold")
    main = scheme_set(ctx, (*CRUISE_SCHEMES, steady), planned_s, threshold, "cruise interval")
    if main is None:
        return no_room(ctx, "Tempo", threshold)
    if main.times == 1:
        only = main.work_step.model_copy(update={"label": "tempo"})
        return MainSet(f"Tempo: {duration_text(only.duration_s)} continuous at threshold", (only,))
    return MainSet(f"Cruise intervals: {describe(main, 'at threshold')}", (main,))


def intervals(ctx: SessionDay) -> MainSet:
    late = ctx.phase in ("taper", "race_week")
    planned_s = ctx.work_target_capped_s(INTERVAL_MAX_KM, "interval")
    main = scheme_set(ctx, INTERVAL_LATE_SCHEMES if late else INTERVAL_SCHEMES, planned_s, ctx.zone("interval"),
                      "interval")
    if main is None:
        return no_room(ctx, "Intervals", ctx.zone("interval"))
    return MainSet(f"Intervals: {describe(main, 'at interval pace')}", (main,))


def repetitions(ctx: SessionDay) -> MainSet:
    planned_s = ctx.work_target_capped_s(REP_MAX_KM, "repetition")
    main = scheme_set(ctx, REP_SCHEMES, planned_s, ctx.zone("repetition"), "repetition")
    if main is None:
        return no_room(ctx, "Repetitions", ctx.zone("repetition"))
    return MainSet(f"Repetitions: {describe(main, 'fast and relaxed at repetition pace')}", (main,))


def generic(ctx: SessionDay) -> MainSet:
    """A session type this module does not know: T-pace cruise intervals, or one steady T run, for its quality time."""
    name = ctx.session.replace("_", " ").capitalize()
    steady = Scheme(snap_s(ctx.work_target_s, 60), 0, 1)
    main = scheme_set(ctx, (*CRUISE_SCHEMES, steady), ctx.work_target_s, ctx.zone("threshold"), "threshold rep")
    if main is None:
        return no_room(ctx, name, ctx.zone("threshold"))
    if main.times == 1:
        return MainSet(f"{name}: {duration_text(main.work_step.duration_s)} continuous at threshold", (main.work_step,))
    return MainSet(f"{name}: {describe(main, 'at threshold')}", (main,))
