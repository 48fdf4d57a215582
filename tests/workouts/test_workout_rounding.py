"""Workouts a coach would write: round steps, 5-minute warm-ups and cool-downs, capped reps.

Checked over the grid of every session type, catalogue phase, race distance, catalogue minute and
week of a phase (``workout_grid``). The stated rules:

- a step of its own (warm-up, easy running, a tempo, a marathon-pace segment) is whole minutes, >= 1 min;
- inside a repeat, reps are round: multiples of 10 s from 20 s, of 30 s from 1 min, whole minutes
  from 5 min; recoveries are multiples of 30 s from 30 s (a stride's jog back is the rest of its
  minute: 20 s + 40 s); each rep + recovery is whole minutes;
- warm-ups are 10-20 min (up to 30 min in sessions of 90 min or more) and cool-downs at least
  5 min, both in 5-minute steps; every quality main set has both;
- strides: 4-8 a session after at least 10 min of easy running, 5-10 min easy to finish;
- reps per session at most: 8 strides or pickups, 8 intervals, 12 race-pace or sharpening reps,
  16 repetitions, 10 hill repeats, 6 cruise intervals, 3 marathon-pace segments;
- Daniels' per-session volume caps: at most 10 km at I pace and 8 km at R pace.
"""

from __future__ import annotations

import pytest
from workout_grid import (
    CATALOGUE,
    LONG_MP_NO_WARM_UP,
    RUN_WALK_ROUNDS,
    RUN_WALK_WORK,
    TUNE_UP_AT_15,
    by_session,
    cases_of,
    grid,
    labelled,
    loose_steps,
    repeats,
    work_steps,
)

MAX_REPS = {"stride": 8, "pickup": 8, "interval": 8, "race-pace rep": 12, "sharpening rep": 12,
            "threshold-to-10K-pace rep": 12, "repetition": 16, "hill repeat": 10, "cruise interval": 6,
            "threshold rep": 6}
MAX_KM = {"interval": 10.0, "repetition": 8.0}
UNCAPPED = {"run"}  # run-walk's runs: docs/workouts.md states no cap for them (the session's minutes bound them)


def _round_rep(seconds: int) -> bool:
    grain = 60 if seconds >= 300 else 30 if seconds >= 60 else 10
    return seconds >= 20 and seconds % grain == 0


@pytest.mark.parametrize("session", by_session({"run_walk": RUN_WALK_ROUNDS}))
def test_steps_of_their_own_are_whole_minutes(session: str) -> None:
    for case in cases_of(session):
        for s in loose_steps(case.workout):
            assert s.duration_s % 60 == 0 and s.duration_s >= 60, (case, s.label, s.duration_s)


@pytest.mark.parametrize("session", by_session({"run_walk": RUN_WALK_ROUNDS}))
def test_reps_and_recoveries_are_round_and_each_round_is_whole_minutes(session: str) -> None:
    for case in cases_of(session):
        for block in repeats(case.workout):
            for s in block.steps:
                if s.kind == "work":
                    assert _round_rep(s.duration_s), (case, s.label, s.duration_s)
                elif block.work_step.label == "stride":
                    assert s.duration_s == 40, (case, s.duration_s)
                else:
                    assert s.duration_s >= 30 and s.duration_s % 30 == 0, (case, s.label, s.duration_s)
            assert sum(s.duration_s for s in block.steps) % 60 == 0, case


@pytest.mark.parametrize("session", by_session({"long_mp": LONG_MP_NO_WARM_UP, "run_walk": RUN_WALK_WORK,
                                                 "tune_up": TUNE_UP_AT_15}))
def test_warm_ups_and_cool_downs_come_in_5_minute_steps(session: str) -> None:
    for case in cases_of(session):
        w = case.workout
        warm_max_s = (30 if case.minutes >= 90 else 20) * 60
        for s in labelled(w, "warm-up"):
            assert s.duration_s % 300 == 0 and 600 <= s.duration_s <= warm_max_s, (case, s.duration_s)
        for s in labelled(w, "cool-down"):
            assert s.duration_s % 300 == 0 and s.duration_s >= 300, (case, s.duration_s)
        if case.session != "strides" and work_steps(w) and case.session != "race":
            assert len(labelled(w, "warm-up")) == 1 and len(labelled(w, "cool-down")) == 1, case


def test_strides_are_4_to_8_between_easy_running() -> None:
    for case in (c for c in grid() if c.session == "strides"):
        w = case.workout
        (block,) = repeats(w)
        assert 4 <= block.times <= 8, case
        first, last = w.blocks[0], w.blocks[-1]
        assert first.label == "easy run" and first.duration_s >= 600, case
        assert last.label == "easy running" and last.duration_s in (300, 600), case


def test_reps_per_session_are_capped() -> None:
    for case in grid():
        for block in repeats(case.workout):
            label = block.work_step.label
            assert label in MAX_REPS or label in UNCAPPED, (case, label)
            cap = MAX_REPS.get(label)
            assert cap is None or block.times <= cap, (case, block.times, cap)
        assert len(labelled(case.workout, "marathon pace")) <= 3, case


def test_daniels_per_session_volume_caps() -> None:
    for case in grid():
        for label, cap_km in MAX_KM.items():
            assert sum(s.km for s in labelled(case.workout, label)) <= cap_km + 1e-9, case


def test_the_grid_covers_every_catalogue_session() -> None:
    seen = {c.session for c in grid()}
    assert seen == set(CATALOGUE.sessions) - {"rest"}
