"""Every session type x phase x distance: steps sum exactly to the minutes; main sets ~ quality_fraction.

Synthetic days cover each catalogue session (plus the race day and an unknown type) in every
phase, for 5K, 10K, half, marathon and a custom 15 km race, at the catalogue's min, middle and
max minutes, with and without paces, at the start, middle and end of a phase.
"""

from __future__ import annotations

import pytest

from peakplan.modelfiles import load_catalogue
from peakplan.paces import training_paces
from peakplan.vocabulary import PHASES
from peakplan.workouts import Repeat, Workout, build_workout
from peakplan.workouts.steps import REP_TOLERANCE, reserve_s

CATALOGUE = load_catalogue("catalogue")
SESSIONS = [*CATALOGUE.sessions, "race", "fartlek"]
RACE_KMS = [5.0, 10.0, 15.0, 21.0975, 42.195]
PACES = [training_paces(45.0), None]
PROGRESS = [0.0, 0.5, 1.0]
GRAIN_S = 15


def _minutes(session: str) -> list[int]:
    spec = CATALOGUE.sessions.get(session)
    if spec is None:
        return [1, 25, 45, 180, 260]
    lo, hi = spec.min_minutes, spec.max_minutes
    return sorted({lo, (lo + hi) // 2, hi})


def _check_quality(w: Workout, fraction: float) -> None:
    """Work is within 10 % (or half a grain per rep) of fraction x minutes, or the session had no room for more."""
    target_s = fraction * w.total_s
    block = next((b for b in w.blocks if isinstance(b, Repeat)), None)
    times = block.times if block else 1
    slack_s = max(REP_TOLERANCE * target_s, times * GRAIN_S / 2) + 1
    assert w.quality_s <= target_s + slack_s, (w.title, w.quality_s, target_s)
    round_s = sum(s.duration_s for s in block.steps) if block else 60
    free_s = w.part_s("warmup") + w.part_s("cooldown")
    close = w.quality_s >= target_s - slack_s - times * GRAIN_S
    assert close or free_s < reserve_s(w.total_s) + round_s + 600, (w.title, w.quality_s, target_s)


def _check_shape(w: Workout, paces_known: bool) -> None:
    order = {"warmup": 0, "main": 1, "cooldown": 2}
    parts = [order[b.part] for b in w.blocks]
    assert parts == sorted(parts)
    for step in w.flat_steps():
        assert step.duration_s > 0 and step.km > 0 and step.target.effort
        if step.target.s_per_km is not None:
            slow, fast = step.target.s_per_km
            assert slow >= fast > 0
        elif paces_known:
            assert step.label in ("drills", "hill repeat")
    assert w.km == pytest.approx(sum(s.km for s in w.flat_steps()))


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("session", SESSIONS)
def test_steps_sum_to_the_minutes(session: str, phase: str) -> None:
    fraction = CATALOGUE.sessions[session].quality_fraction if session in CATALOGUE.sessions else 0.0
    for race_km in RACE_KMS:
        for minutes in _minutes(session):
            for paces in PACES:
                for progress in PROGRESS:
                    w = build_workout(session, minutes, phase, paces, race_km=race_km, progress=progress, catalogue=CATALOGUE)
                    assert w.total_s == 60 * minutes, (session, phase, race_km, minutes, progress)
                    _check_shape(w, paces is not None)
                    if session not in ("long", "race", "fartlek", "rest") and minutes > 0:
                        _check_quality(w, fraction)


def test_every_minute_count_sums_exactly() -> None:
    """No rounding gap at any minute count, including durations outside the catalogue bounds."""
    paces = training_paces(52.0)
    for session in SESSIONS:
        for minutes in range(1 if session == "rest" else 241):
            w = build_workout(session, minutes, "race_specific", paces, race_km=10.0, progress=0.3, catalogue=CATALOGUE)
            assert w.total_s == 60 * minutes, (session, minutes)


def test_negative_minutes_and_running_rest_days_are_refused() -> None:
    with pytest.raises(ValueError):
        build_workout("easy", -5, "base", None, catalogue=CATALOGUE)
    with pytest.raises(ValueError, match="rest"):
        build_workout("rest", 30, "base", None, catalogue=CATALOGUE)
