"""A grid of workouts over every session type, phase, race distance, catalogue minute and week of a phase.

Shared by the workout tests (built once per run). ``Case`` keeps what a workout was built from so a
failing assertion can name it; ``planned_s`` is the catalogue's ``quality_fraction`` x minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from peakplan.modelfiles import load_catalogue
from peakplan.modelfiles.catalogue import Catalogue, SessionType
from peakplan.paces import training_paces
from peakplan.workouts import Repeat, Step, Workout, build_workout

# The shipped catalogue plus one quality type the builder has no shape for (it gets T-pace work).
_SHIPPED = load_catalogue("catalogue")
CATALOGUE = Catalogue(sessions={**_SHIPPED.sessions, "fartlek": SessionType(
    intensity_factor=0.85, min_minutes=30, max_minutes=80, hard=True, quality_kind="threshold",
    quality_fraction=0.30, phases=("build", "race_specific"))})
PACES = training_paces(45.0)
RACE_KMS = (5.0, 10.0, 15.0, 21.0975, 42.195)
WEEKS = (0, 1, 2)


@dataclass(frozen=True)
class Case:
    session: str
    minutes: int
    phase: str
    race_km: float
    week: int
    workout: Workout

    @property
    def planned_s(self) -> float:
        return CATALOGUE.sessions[self.session].quality_fraction * 60 * self.minutes

    def __repr__(self) -> str:
        return (f"{self.session} {self.minutes} min {self.phase} {self.race_km} km week {self.week}: "
                f"{self.workout.title}")


def build(session: str, minutes: int, phase: str, race_km: float, week: int, n_weeks: int = 3) -> Workout:
    """The workout of week ``week`` (0-based) of an ``n_weeks`` phase, with paces."""
    progress = week / (n_weeks - 1) if n_weeks > 1 else 0.5
    return build_workout(session, minutes, phase, PACES, race_km=race_km, progress=progress, week_in_phase=week,
                         catalogue=CATALOGUE)


@cache
def grid() -> tuple[Case, ...]:
    """Every running session type in each of its catalogue phases, at every catalogue minute (race pace: every distance)."""
    cases = []
    for session, spec in CATALOGUE.sessions.items():
        if session == "rest":
            continue
        for phase in spec.phases:
            for race_km in RACE_KMS if session == "race_pace" else (10.0,):  # only race pace depends on the race
                for minutes in range(spec.min_minutes, spec.max_minutes + 1):
                    cases += [Case(session, minutes, phase, race_km, week, build(session, minutes, phase, race_km, week))
                              for week in WEEKS]
    return tuple(cases)


def repeats(w: Workout) -> list[Repeat]:
    return [b for b in w.blocks if isinstance(b, Repeat)]


def loose_steps(w: Workout) -> list[Step]:
    """Steps that are blocks of their own (not inside a repeat)."""
    return [b for b in w.blocks if isinstance(b, Step)]


def work_steps(w: Workout) -> list[Step]:
    return [s for s in w.flat_steps() if s.kind == "work"]


def labelled(w: Workout, label: str) -> list[Step]:
    return [s for s in w.flat_steps() if s.label == label]
