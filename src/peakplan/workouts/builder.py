"""Turn one plan day into a structured workout whose steps sum exactly to its minutes."""

from __future__ import annotations

from collections.abc import Callable

from peakplan.modelfiles import Catalogue
from peakplan.paces import Paces
from peakplan.workouts import sessions_easy as easy_sets
from peakplan.workouts import sessions_long as long_sets
from peakplan.workouts import sessions_quality as quality_sets
from peakplan.workouts import sessions_race as race_sets
from peakplan.workouts import sessions_tune_up as tune_up_sets
from peakplan.workouts.model import Workout
from peakplan.workouts.session_day import SessionDay
from peakplan.workouts.steps import MainSet, framed

BUILDERS: dict[str, Callable[[SessionDay], MainSet]] = {
    "rest": easy_sets.rest,
    "recovery": easy_sets.recovery,
    "easy": easy_sets.easy,
    "long": easy_sets.long,
    "strides": easy_sets.strides,
    "race": easy_sets.race,
    "tune_up": tune_up_sets.tune_up,
    "long_mp": long_sets.long_mp,
    "medium_long": long_sets.medium_long,
    "run_walk": long_sets.run_walk,
    "hills": quality_sets.hills,
    "tempo": quality_sets.tempo,
    "intervals": quality_sets.intervals,
    "repetitions": quality_sets.repetitions,
    "race_pace": race_sets.race_pace,
    "marathon_pace": race_sets.marathon_pace,
}
MARATHON_KM = 42.195


def quality_fraction(session: str, catalogue: Catalogue) -> float:
    """The catalogue's main-set share of a session (0 for rest, race and unknown types)."""
    kind = catalogue.sessions.get(session)
    return kind.quality_fraction if kind is not None else 0.0


def build_workout(session: str, minutes: int, phase: str, paces: Paces | None, *, catalogue: Catalogue,
                  race_km: float = MARATHON_KM, progress: float = 0.5, week_in_phase: int | None = None) -> Workout:
    """Warm-up, main set and cool-down for one plan day; ``sum(step seconds) == 60 * minutes``.

    ``progress`` is how far the day's week is through its phase (0 = first week, 1 = last) and
    ``week_in_phase`` the week's index in its phase (0 = first): quality sessions take their rep
    scheme in turn by it, so a session type does not repeat the same main set week after week
    (without it, rep lengths grow with ``progress``). ``paces`` None gives effort names instead
    of pace ranges.
    """
    if minutes < 0:
        raise ValueError(f"minutes must be >= 0, got {minutes}")
    if session == "rest" and minutes:
        raise ValueError(f"a rest day has 0 minutes, got {minutes} (docs/rules.md: minutes = 0 exactly on rest)")
    if minutes == 0:
        return Workout(session=session, minutes=minutes, phase=phase, title="Rest day", blocks=())
    ctx = SessionDay(session=session, total_s=60 * minutes, phase=phase, progress=progress, race_km=race_km,
                     paces=paces, quality_fraction=quality_fraction(session, catalogue), week_in_phase=week_in_phase)
    builder = BUILDERS.get(session) or (quality_sets.generic if ctx.quality_fraction > 0 else easy_sets.easy)
    main = builder(ctx)
    return Workout(session=session, minutes=minutes, phase=phase, title=main.title,
                   blocks=framed(ctx.total_s, main, ctx.zone("easy")))


def km_for(session: str, minutes: int, paces: Paces | None, *, catalogue: Catalogue, phase: str = "build",
           race_km: float = MARATHON_KM, progress: float = 0.5, week_in_phase: int | None = None) -> float:
    """Estimated km of a session: the sum over its workout's steps of time / pace (2 decimals).

    Give the day's ``phase``, the race distance, progress and week in phase to match the workout the
    exports show exactly; the defaults give a close estimate. ``race`` returns ``race_km``.
    """
    if session == "race":
        return round(race_km, 2)
    workout = build_workout(session, minutes, phase, paces, race_km=race_km, progress=progress,
                            week_in_phase=week_in_phase, catalogue=catalogue)
    return round(workout.km, 2)
