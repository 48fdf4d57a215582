"""Main sets follow phase and race distance (docs/science.md "Block shape"; seed article)."""

from __future__ import annotations

import pytest

from peakplan.modelfiles import load_catalogue
from peakplan.paces import training_paces
from peakplan.workouts import Repeat, Workout, build_workout

PACES = training_paces(50.0)
CATALOGUE = load_catalogue("catalogue")


def _repeat(w: Workout) -> Repeat:
    return next(b for b in w.blocks if isinstance(b, Repeat))


def _work_steps(w: Workout) -> list:
    return [s for s in w.flat_steps() if s.kind == "work"]


def test_strides_are_capped_at_8_and_the_rest_is_easy_running() -> None:
    w = build_workout("strides", 70, "base", PACES, catalogue=CATALOGUE)  # 5 % of 70 min would be 10.5 strides
    assert _repeat(w).times == 8 and w.title == "Easy run with drills and 8 × 20 s strides"
    labels = ["strides" if isinstance(b, Repeat) else b.label for b in w.blocks]
    assert labels == ["easy run", "drills", "strides", "easy running"]
    assert w.blocks[0].duration_s == 47 * 60 and w.blocks[-1].duration_s == 10 * 60


def test_base_strides_have_drills_and_20_s_strides() -> None:
    w = build_workout("strides", 45, "base", PACES, catalogue=CATALOGUE)
    assert any(s.label == "drills" for s in w.flat_steps())
    assert {s.duration_s for s in _work_steps(w)} == {20}
    assert _repeat(w).times == 7  # 5 % of 45 min = 135 s = 6.75 strides of 20 s -> 7


def test_build_strides_become_pickups() -> None:
    w = build_workout("strides", 45, "build", PACES, catalogue=CATALOGUE)
    assert {s.duration_s for s in _work_steps(w)} == {30}
    assert not any(s.label == "drills" for s in w.flat_steps())


def test_build_tempo_moves_from_cruise_intervals_to_a_continuous_run() -> None:
    early = build_workout("tempo", 50, "build", PACES, progress=0.0, catalogue=CATALOGUE)
    late = build_workout("tempo", 50, "build", PACES, progress=1.0, catalogue=CATALOGUE)
    assert _repeat(early).times == 4 and _repeat(early).work_step.duration_s == 300  # 40 % of 50 = 20 min
    (tempo,) = _work_steps(late)  # one continuous step, not a one-round repeat
    assert tempo.label == "tempo" and tempo.duration_s == 20 * 60 and late.title == "Tempo: 20 min continuous at threshold"
    assert all(s.target.s_per_km[1] < PACES.threshold_s_per_km < s.target.s_per_km[0] for s in _work_steps(late))


@pytest.mark.parametrize("race_km", [5.0, 10.0])
def test_race_specific_reps_are_2_to_5_min_with_equal_recoveries_and_lengthen(race_km: float) -> None:
    reps = []
    for progress in (0.0, 0.5, 1.0):
        block = _repeat(build_workout("race_pace", 60, "race_specific", PACES, race_km=race_km, progress=progress,
                                      catalogue=CATALOGUE))
        work, jog = block.steps
        assert 120 <= work.duration_s <= 300 and jog.duration_s == work.duration_s
        reps.append(work.duration_s)
    assert reps == sorted(reps) and reps[0] < reps[-1]


def test_10k_race_specific_targets_the_tempo_to_race_pace_range() -> None:
    w = build_workout("race_pace", 60, "race_specific", PACES, race_km=10.0, catalogue=CATALOGUE)
    slow, fast = _work_steps(w)[0].target.s_per_km
    assert slow == pytest.approx(PACES.threshold_s_per_km) and fast == pytest.approx(PACES.race_s_per_km(10.0))


@pytest.mark.parametrize(("race_km", "min_rep_s"), [(21.0975, 360), (42.195, 600)])
def test_half_and_marathon_race_specific_work_is_sustained(race_km: float, min_rep_s: int) -> None:
    block = _repeat(build_workout("race_pace", 80, "race_specific", PACES, race_km=race_km, progress=0.0, catalogue=CATALOGUE))
    assert block.work_step.duration_s >= min_rep_s
    if len(block.steps) > 1:
        assert block.steps[1].duration_s < block.work_step.duration_s


@pytest.mark.parametrize("race_km", [5.0, 10.0, 21.0975, 42.195])
def test_peak_repeats_are_short_and_a_little_faster_than_race_pace(race_km: float) -> None:
    w = build_workout("race_pace", 50, "peak", PACES, race_km=race_km, catalogue=CATALOGUE)
    block = _repeat(w)
    assert block.work_step.duration_s <= 120
    slow, _ = block.work_step.target.s_per_km
    assert slow < PACES.race_s_per_km(race_km)


def test_race_week_is_short_and_sharp() -> None:
    w = build_workout("race_pace", 40, "race_week", PACES, race_km=10.0, catalogue=CATALOGUE)
    assert _repeat(w).work_step.duration_s == 60
    assert w.quality_s <= 0.35 * 40 * 60 + 30


@pytest.mark.parametrize(("race_km", "phase"), [
    (42.195, "race_specific"), (42.195, "peak"), (42.195, "base"), (42.195, "taper"),
    (21.0975, "race_specific"), (10.0, "peak"),
])
def test_long_runs_stay_easy_as_the_solver_counts_them(race_km: float, phase: str) -> None:
    """The catalogue's long run has quality_fraction 0, so its workout has no faster finish:
    a marathon-pace finish would hide quality minutes from the intensity-mix rule."""
    w = build_workout("long", 140, phase, PACES, race_km=race_km, progress=1.0, catalogue=CATALOGUE)
    assert _work_steps(w) == []


def test_intervals_are_3_to_5_min_with_equal_jogs() -> None:
    for progress in (0.0, 1.0):
        work, jog = _repeat(build_workout("intervals", 60, "race_specific", PACES, progress=progress, catalogue=CATALOGUE)).steps
        assert 180 <= work.duration_s <= 300 and jog.duration_s == work.duration_s


def test_repetitions_get_long_recoveries() -> None:
    work, jog = _repeat(build_workout("repetitions", 50, "peak", PACES, catalogue=CATALOGUE)).steps
    assert 2 * work.duration_s <= jog.duration_s <= 3 * work.duration_s  # Daniels: 2-3 x the rep
    assert work.target.s_per_km[1] < PACES.repetition_s_per_km < work.target.s_per_km[0]


def test_hills_carry_an_effort_not_a_pace() -> None:
    work = _repeat(build_workout("hills", 50, "build", PACES, catalogue=CATALOGUE)).work_step
    assert work.target.s_per_km is None and "uphill" in work.target.effort


def test_without_paces_targets_are_effort_names() -> None:
    w = build_workout("tempo", 50, "build", None, progress=1.0, catalogue=CATALOGUE)
    efforts = {s.target.effort for s in w.flat_steps()}
    assert efforts == {"easy", "threshold effort"}
    assert all(s.target.s_per_km is None for s in w.flat_steps())


def test_race_day_covers_the_race_distance() -> None:
    w = build_workout("race", 215, "race_week", PACES, race_km=42.195, catalogue=CATALOGUE)
    assert w.km == pytest.approx(42.195) and w.quality_s == 215 * 60


def test_unknown_session_types_fall_back_sensibly() -> None:
    assert build_workout("fartlek", 45, "build", PACES, catalogue=CATALOGUE).title == "Easy run"
    assert build_workout("rest", 0, "build", PACES, catalogue=CATALOGUE).blocks == ()


def test_peak_sharpening_says_it_is_faster_than_race_pace() -> None:
    w = build_workout("race_pace", 60, "peak", PACES, race_km=5.0, progress=1.0, catalogue=CATALOGUE)
    assert w.title == "Sharpening: 10 × 2 min slightly faster than 5K pace, 2 min easy jog between"
    assert _work_steps(w)[0].target.effort == "slightly faster than 5K pace"


def test_pickups_run_at_the_5k_pace_they_name() -> None:
    w = build_workout("strides", 45, "build", PACES, catalogue=CATALOGUE)
    slow, fast = _work_steps(w)[0].target.s_per_km
    assert "5K" in _work_steps(w)[0].target.effort and fast < PACES.race_s_per_km(5.0) < slow


def test_marathon_pace_segments_have_floats_between_not_after() -> None:
    w = build_workout("marathon_pace", 90, "race_specific", PACES, progress=0.0, catalogue=CATALOGUE)
    main = [(s.label, s.duration_s // 60) for s in w.flat_steps() if s.part == "main"]
    assert main == [("marathon pace", 25), ("easy float", 5), ("marathon pace", 25)]
    assert [(b.label, b.duration_s // 60) for b in w.blocks if b.part != "main"] == [("warm-up", 20), ("cool-down", 15)]


def test_a_75_min_interval_session_is_framed_in_round_minutes() -> None:
    w = build_workout("intervals", 75, "race_specific", PACES, progress=0.0, catalogue=CATALOGUE)
    assert w.title == "Intervals: 7 × 3 min at interval pace, 3 min easy jog between"
    frame = [(b.label, b.duration_s // 60) for b in w.blocks if b.part != "main"]
    assert frame == [("warm-up", 15), ("easy running", 3), ("cool-down", 15)]
