"""The load rules: rTSS from pace, the cap, stopped time, and the heart-rate, RPE and duration fallbacks."""

from __future__ import annotations

import datetime as dt

import pytest

from peakplan.history.activity import Activity, Segment
from peakplan.history.load import EASY_INTENSITY_FACTOR, INTENSITY_CAP, RPE_LOAD_PER_UNIT, LoadSettings, session_load, tss
from peakplan.history.segments import Point, segments_from_points

T_PACE = 270.0                     # 4:30/km threshold
T_SPEED = 1000 / T_PACE
WHEN = dt.datetime(2026, 3, 2, 8)


def run(segments: list[Segment], **kwargs) -> Activity:
    return Activity(source="t", start=WHEN, sport="running", segments=segments,
                    elapsed_s=sum(s.duration_s for s in segments), **kwargs)


def test_one_hour_at_threshold_is_100_and_the_trainingpeaks_example() -> None:
    settings = LoadSettings(T_PACE)
    load, source = session_load(run([Segment(3600, 3600 * T_SPEED)]), settings)
    assert source == "pace" and load == pytest.approx(100.0)
    # threshold 4:30/km, 30 min at 5:00/km: IF 270/300 = 0.9, 0.5 h x 0.81 x 100 = 40.5
    load, _ = session_load(run([Segment(1800, 1800 * 1000 / 300)]), settings)
    assert load == pytest.approx(40.5)


def test_per_segment_intensity_counts_intervals_higher_than_their_average() -> None:
    fast, slow = Segment(300, 300 * T_SPEED * 1.1), Segment(300, 300 * T_SPEED * 0.6)
    mixed, _ = session_load(run([fast, slow] * 4), LoadSettings(T_PACE))
    even_speed = (fast.speed_m_per_s + slow.speed_m_per_s) / 2  # type: ignore[operator]
    even, _ = session_load(run([Segment(2400, 2400 * even_speed)]), LoadSettings(T_PACE))
    assert mixed > even


def test_intensity_is_capped() -> None:
    glitch, _ = session_load(run([Segment(60, 60 * T_SPEED * 5)]), LoadSettings(T_PACE))
    assert glitch == pytest.approx(tss(60, INTENSITY_CAP))


def test_stopped_segments_are_left_out_of_minutes_and_load() -> None:
    moving = [Point(t, t * 3.0) for t in range(0, 601, 10)]
    standing = [Point(600 + t, 1800.0) for t in range(10, 181, 10)]
    segments = segments_from_points(moving + standing)
    assert sum(s.duration_s for s in segments) == pytest.approx(600)


def test_pause_gaps_are_not_moving_time() -> None:
    points = [Point(t, t * 3.0) for t in range(0, 301, 10)] + [Point(300 + 600 + t, 900 + t * 3.0) for t in range(0, 301, 10)]
    assert sum(s.duration_s for s in segments_from_points(points)) == pytest.approx(600)


def test_heart_rate_fallback_without_pace() -> None:
    settings = LoadSettings(T_PACE, hr_rest_bpm=50, hr_threshold_bpm=170)
    load, source = session_load(run([Segment(3600, None, 140)]), settings)
    assert source == "hr" and load == pytest.approx(100 * ((140 - 50) / 120) ** 2)


def test_trail_runs_prefer_heart_rate_when_it_can_be_used() -> None:
    trail = run([Segment(3600, 3600 * T_SPEED * 0.7, 160)], sub_sport="trail")
    assert session_load(trail, LoadSettings(T_PACE, 50, 170))[1] == "hr"
    assert session_load(trail, LoadSettings(T_PACE))[1] == "pace"   # no threshold heart rate: pace after all


def test_rpe_and_duration_fallbacks() -> None:
    no_data = Activity(source="t", start=WHEN, sport="running", elapsed_s=2400, rpe=5)
    load, source = session_load(no_data, LoadSettings())
    assert source == "rpe" and load == pytest.approx(5 * 40 * RPE_LOAD_PER_UNIT)
    assert pytest.approx(100) == RPE_LOAD_PER_UNIT * 7 * 60   # RPE 7 for an hour = one hour at threshold
    plain = Activity(source="t", start=WHEN, sport="running", elapsed_s=3600)
    assert session_load(plain, LoadSettings()) == (pytest.approx(100 * EASY_INTENSITY_FACTOR**2), "duration")


def test_given_rtss_is_used_as_is() -> None:
    given = Activity(source="t", start=WHEN, sport="running", elapsed_s=3600, distance_m=12000, rtss=77)
    assert session_load(given, LoadSettings(T_PACE)) == (77, "rtss")

