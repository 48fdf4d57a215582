"""Every session type x phase x distance: steps sum exactly to the minutes, in running order.

Synthetic days cover each catalogue session (plus the race day and an unknown type) in every
phase, for 5K, 10K, half, marathon and a custom 15 km race, at the catalogue's min, middle and
max minutes, with and without paces, at the start, middle and end of a phase, with and without
the week's index in its phase. (Main-set time against quality_fraction: test_workout_quality_time.)
"""

from __future__ import annotations

import pytest
from workout_grid import RUN_WALK_SHORT, RUN_WALK_WALK_EFFORT

from peakplan.modelfiles import load_catalogue
from peakplan.paces import training_paces
from peakplan.vocabulary import PHASES
from peakplan.workouts import Workout, build_workout

CATALOGUE = load_catalogue("catalogue")
SESSIONS = [*CATALOGUE.sessions, "race", "fartlek"]
RACE_KMS = [5.0, 10.0, 15.0, 21.0975, 42.195]
PACES = [training_paces(45.0), None]
PROGRESS = [(0.0, None), (1.0, None), (0.0, 0), (0.4, 2), (1.0, 5)]  # (progress, week_in_phase)


def _minutes(session: str) -> list[int]:
    spec = CATALOGUE.sessions.get(session)
    if spec is None:
        return [1, 25, 45, 180, 260]
    lo, hi = spec.min_minutes, spec.max_minutes
    return sorted({lo, (lo + hi) // 2, hi})


def _check_shape(w: Workout, paces_known: bool) -> None:
    order = {"warmup": 0, "main": 1, "cooldown": 2}
    parts = [order[b.part] for b in w.blocks]
    assert parts == sorted(parts)
    for step in w.flat_steps():
        assert step.duration_s > 0 and step.km > 0 and step.target.effort
        if step.target.s_per_km is not None:
            slow, fast = step.target.s_per_km
            assert slow >= fast > 0
        elif paces_known:  # only drills, hill repeats and run-walk's walks carry no pace
            assert step.label in ("drills", "hill repeat", "walk")
    assert w.km == pytest.approx(sum(s.km for s in w.flat_steps()))


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("session", SESSIONS)
def test_steps_sum_to_the_minutes(session: str, phase: str) -> None:
    for race_km in RACE_KMS:
        for minutes in _minutes(session):
            for paces in PACES:
                for progress, week in PROGRESS:
                    w = build_workout(session, minutes, phase, paces, race_km=race_km, progress=progress,
                                      week_in_phase=week, catalogue=CATALOGUE)
                    assert w.total_s == 60 * minutes, (session, phase, race_km, minutes, progress, week)
                    _check_shape(w, paces is not None)


@pytest.mark.parametrize("session", [
    pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=RUN_WALK_SHORT)) if s == "run_walk" else s
    for s in SESSIONS])
def test_every_minute_count_sums_exactly(session: str) -> None:
    """No rounding gap at any minute count, including durations outside the catalogue bounds."""
    paces = training_paces(52.0)
    for minutes in range(1 if session == "rest" else 241):
        for week in (None, 1):
            w = build_workout(session, minutes, "race_specific", paces, race_km=10.0, progress=0.3,
                              week_in_phase=week, catalogue=CATALOGUE)
            assert w.total_s == 60 * minutes, (session, minutes, week)


@pytest.mark.xfail(strict=True, reason=RUN_WALK_WALK_EFFORT)
def test_a_walk_is_a_walk() -> None:
    w = build_workout("run_walk", 30, "base", training_paces(45.0), race_km=10.0, progress=0.0, week_in_phase=0,
                      catalogue=CATALOGUE)
    walks = [s for s in w.flat_steps() if s.label == "walk"]
    assert walks and all("walk" in s.target.effort for s in walks)


def test_negative_minutes_and_running_rest_days_are_refused() -> None:
    with pytest.raises(ValueError):
        build_workout("easy", -5, "base", None, catalogue=CATALOGUE)
    with pytest.raises(ValueError, match="rest"):
        build_workout("rest", 30, "base", None, catalogue=CATALOGUE)
