"""Track points (time, cumulative distance, heart rate) into moving segments of about 30 seconds.

The rule (docs/history.md "Load"; docs/science.md "Load"):
- consecutive points make pieces; a piece longer than ``PAUSE_GAP_S`` is a pause (timer
  stopped, signal lost) and is left out whatever its distance;
- pieces are grouped in order into segments of at least ``SEGMENT_S`` seconds: long enough to
  average out GPS noise (which would inflate the mean of speed squared), short enough to keep
  interval repetitions apart;
- a segment slower than ``STOPPED_SPEED_M_PER_S`` (3.6 km/h) is stopped time (traffic lights,
  standing) and counts neither in minutes nor in load. Walking breaks, faster than that, count
  with their low intensity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peakplan.history.activity import Segment

SEGMENT_S = 30.0
PAUSE_GAP_S = 60.0
STOPPED_SPEED_M_PER_S = 1.0


@dataclass(frozen=True)
class Point:
    t_s: float                     # seconds since the activity's start
    distance_m: float | None       # cumulative distance, None when the device recorded none
    hr_bpm: float | None = None


def _pieces(points: Sequence[Point]) -> list[Segment]:
    """Pieces between consecutive points (pauses dropped); distance None when either end has none."""
    out: list[Segment] = []
    for before, after in zip(points, points[1:], strict=False):
        dt_s = after.t_s - before.t_s
        if dt_s <= 0 or dt_s > PAUSE_GAP_S:
            continue
        dd: float | None = None
        if before.distance_m is not None and after.distance_m is not None:
            dd = max(0.0, after.distance_m - before.distance_m)
        hrs = [h for h in (before.hr_bpm, after.hr_bpm) if h is not None]
        out.append(Segment(dt_s, dd, sum(hrs) / len(hrs) if hrs else None))
    return out


def _merge(pieces: Sequence[Segment]) -> Segment:
    duration = sum(p.duration_s for p in pieces)
    distances = [p.distance_m for p in pieces]
    distance = None if any(d is None for d in distances) else sum(d for d in distances if d is not None)
    timed = [(p.duration_s, p.hr_bpm) for p in pieces if p.hr_bpm is not None]
    hr_time = sum(t for t, _ in timed)
    hr = sum(t * h for t, h in timed if h is not None) / hr_time if hr_time > 0 else None
    return Segment(duration, distance, hr)


def is_stopped(segment: Segment) -> bool:
    speed = segment.speed_m_per_s
    return speed is not None and speed < STOPPED_SPEED_M_PER_S


def segments_from_points(points: Sequence[Point]) -> list[Segment]:
    """Moving segments of at least ``SEGMENT_S`` (the last one may be shorter); stopped ones left out."""
    grouped: list[Segment] = []
    current: list[Segment] = []
    for piece in _pieces(sorted(points, key=lambda p: p.t_s)):
        if current and (piece.distance_m is None) != (current[0].distance_m is None):
            grouped.append(_merge(current))  # do not mix stretches with and without distance
            current = []
        current.append(piece)
        if sum(p.duration_s for p in current) >= SEGMENT_S:
            grouped.append(_merge(current))
            current = []
    if current:
        grouped.append(_merge(current))
    return [s for s in grouped if not is_stopped(s)]


def moving_distance_m(segments: Sequence[Segment]) -> float | None:
    known = [s.distance_m for s in segments if s.distance_m is not None]
    return sum(known) if known else None
