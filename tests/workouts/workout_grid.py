"""A grid of workouts over every session type, phase, race distance, catalogue minute and week of a phase.

Shared by the workout tests (built once per run). ``Case`` keeps what a workout was built from so a
failing assertion can name it; ``planned_s`` is the catalogue's ``quality_fraction`` x minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from peakplan.modelfiles import load_catalogue
from peakplan.modelfiles.catalogue import Catalogue, SessionType
from peakplan.paces import training_paces
from peakplan.workouts import Repeat, Step, Workout, build_workout

# The shipped catalogue plus one quality type the builder has no shape for (it gets T-pace work).
_SHIPPED = load_catalogue("catalogue")
CATALOGUE = Catalogue(sessions={**_SHIPPED.sessions, "fartlek": SessionType(
    intensity_factor=0.85, min_minutes=30, max_minutes=80, hard=True, quality_kind="threshold",
    quality_fraction=0.30, work_pace="threshold", phases=("build", "race_specific"))})
PACES = training_paces(45.0)
SESSIONS = tuple(n for n in CATALOGUE.sessions if n != "rest")

# Known src bugs against docs/workouts.md, found when the catalogue gained its new session types;
# the grid tests run per session and mark these strict xfails, so every other session still counts.
LONG_MP_OVER = ("workouts/sessions_long.py long_mp rounds its marathon-pace segment up to 5-min steps beyond the "
                "10 % tolerance (90 min: 0.25 x 90 = 22.5 min planned, 25 min built: 11 % over)")
LONG_MP_NO_WARM_UP = ("workouts/sessions_long.py long_mp has marathon-pace work but no warm-up and cool-down steps "
                      "(docs/workouts.md: every quality main set has both)")
LONG_MP_SAME = ("workouts/sessions_long.py long_mp has one shape, so the same MP long run repeats three weeks "
                "running (docs/workouts.md 'Variety week to week')")
TUNE_UP_FRACTION = ("models/catalogue.yaml tune_up quality_fraction 0.8 disagrees with the tune-up day (the race = "
                    "minutes - 25 min, workouts/sessions_tune_up.py): short below 125 min (15 min: 1 min of 12 "
                    "planned), over above (300 min: 275 of 240)")
RUN_WALK_ROUNDS = ("workouts/sessions_long.py run_walk: 1:00 run + 1:30 walk rounds are not whole minutes, and its "
                   "lead-in step is not whole minutes (docs/workouts.md 'Round steps')")
RUN_WALK_WORK = ("workouts/sessions_long.py run_walk marks its easy runs kind 'work' (main-set quality time, "
                 "workouts/model.py) though the catalogue gives run_walk quality_fraction 0: a 20-min run-walk "
                 "holds 6 min of 'quality' and, as quality work, would need a warm-up and a cool-down")
TUNE_UP_AT_15 = ("models/catalogue.yaml tune_up min_minutes 15 is below the 25 min the tune_up rule puts around any "
                 "race: a 15-min tune-up is a 1-min race between a 7-min warm-up and a 7-min cool-down")
RUN_WALK_SHORT = ("workouts/sessions_long.py run_walk: a session of 1-3 min (shorter than one run + walk round) "
                  "gets a negative lead-in step (pydantic ValidationError) instead of summing to its minutes")
RUN_WALK_WALK_EFFORT = ("workouts/sessions_long.py run_walk: the walk step's target is the drills zone, so a walk "
                        "reads 'skips, high knees, heel flicks' and is estimated at drills speed")


def by_session(known: dict[str, str]) -> list:
    """Every catalogue session type as a test parameter; those in ``known`` as strict xfails with the reason."""
    return [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=known[s])) if s in known else s
            for s in SESSIONS]


def cases_of(session: str) -> list[Case]:
    found = [c for c in grid() if c.session == session]
    assert found, session
    return found
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
