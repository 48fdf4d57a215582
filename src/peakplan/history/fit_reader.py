"""FIT activity files (Garmin's binary format), read with ``fitdecode``.

Each ``session`` message is one activity (a multisport file has several; only running ones are
kept by the builder). Its records (timestamp, cumulative distance, heart rate) become moving
segments (:mod:`.segments`); without record distances, its laps; without laps, the session's own
totals. A file that is not an activity (workout, course, settings, monitoring), is truncated or
fails its CRC is :class:`Unusable` with the reason, never an exception the user sees. Reading
stops after ``MAX_RECORDS`` records or ``PARSE_SECONDS`` seconds.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from dataclasses import dataclass, field
from typing import Any

import fitdecode

from peakplan.history.activity import Activity, Segment, Unusable, local_clock, sport_name, valid_hr
from peakplan.history.races import file_title, looks_like_test
from peakplan.history.segments import Point, is_stopped, segments_from_points

MAX_RECORDS = 400_000  # 1-second records for 110 hours
PARSE_SECONDS = 30.0


@dataclass
class _Frames:
    file_type: Any = None
    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    records: list[tuple[dt.datetime, float | None, float | None]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    offset: dt.timedelta | None = None


SESSION_FIELDS = ("start_time", "timestamp", "total_elapsed_time", "total_timer_time", "total_distance", "sport",
                  "sub_sport", "avg_heart_rate", "sport_profile_name")
LAP_FIELDS = ("start_time", "total_timer_time", "total_distance", "avg_heart_rate")


def _values(frame: fitdecode.FitDataMessage, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: frame.get_value(name, fallback=None) for name in names}


def _take(frames: _Frames, frame: fitdecode.FitDataMessage) -> None:
    name = frame.name
    if name == "record":
        stamp = frame.get_value("timestamp", fallback=None)
        if isinstance(stamp, dt.datetime):
            distance = frame.get_value("distance", fallback=None)
            frames.records.append((stamp, float(distance) if isinstance(distance, int | float) else None,
                                   valid_hr(frame.get_value("heart_rate", fallback=None))))
    elif name == "file_id":
        frames.file_type = frame.get_value("type", fallback=None)
    elif name == "session":
        frames.sessions.append(_values(frame, SESSION_FIELDS))
    elif name == "lap":
        frames.laps.append(_values(frame, LAP_FIELDS))
    elif name in ("sport", "workout"):
        text = frame.get_value("name" if name == "sport" else "wkt_name", fallback=None)
        if isinstance(text, str):
            frames.names.append(text)
    elif name == "activity":
        local, utc = frame.get_value("local_timestamp", fallback=None), frame.get_value("timestamp", fallback=None)
        if isinstance(local, dt.datetime) and isinstance(utc, dt.datetime):
            frames.offset = dt.timedelta(minutes=round((local - utc).total_seconds() / 900) * 15)


def _frames(data: bytes) -> _Frames:
    frames = _Frames()
    deadline = time.monotonic() + PARSE_SECONDS
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.IGNORE) as reader:
            for count, frame in enumerate(reader):
                if isinstance(frame, fitdecode.FitDataMessage):
                    _take(frames, frame)
                if count % 4096 == 0 and time.monotonic() > deadline:
                    raise Unusable("too_large", f"took longer than {PARSE_SECONDS:.0f} s to read; refused")
                if len(frames.records) > MAX_RECORDS:
                    raise Unusable("too_large", f"has more than {MAX_RECORDS:,} records; refused")
    except fitdecode.FitEOFError:
        raise Unusable("unreadable", "is truncated (the FIT data ends early); re-export it from the watch "
                                     "or the website") from None
    except fitdecode.FitCRCError:
        raise Unusable("unreadable", "is corrupt (its FIT checksum does not match)") from None
    except fitdecode.FitHeaderError as exc:
        raise Unusable("unreadable", f"is not a FIT file ({exc})") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, TypeError, OverflowError) as exc:
        raise Unusable("unreadable", f"cannot be decoded as FIT ({type(exc).__name__}: {exc})") from None
    return frames


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _segments(frames: _Frames, start: dt.datetime, end: dt.datetime, timer_s: float,
              distance: float | None, hr: float | None) -> list[Segment]:
    """Record segments; else lap segments; else the session as one segment."""
    points = [Point((t - start).total_seconds(), d, h) for t, d, h in frames.records if start <= t <= end]
    if len(points) >= 2 and any(p.distance_m is not None for p in points):
        return segments_from_points(points)
    laps = [lap for lap in frames.laps if isinstance(lap["start_time"], dt.datetime) and start <= lap["start_time"] <= end]
    lap_segments = [Segment(_number(lap["total_timer_time"]) or 0.0, _number(lap["total_distance"]),
                            valid_hr(lap["avg_heart_rate"])) for lap in laps]
    lap_segments = [s for s in lap_segments if s.duration_s > 0 and s.distance_m is not None and not is_stopped(s)]
    if lap_segments:
        return lap_segments
    if len(points) >= 2:  # heart rate without distance (a treadmill without a foot pod)
        return segments_from_points(points)
    return [Segment(timer_s, distance, hr)] if timer_s > 0 else []


def _activity(name: str, frames: _Frames, session: dict[str, Any], zone: dt.tzinfo | None) -> Activity:
    start = session["start_time"] if isinstance(session["start_time"], dt.datetime) else frames.records[0][0]
    elapsed = _number(session["total_elapsed_time"]) or 0.0
    timer = _number(session["total_timer_time"]) or elapsed
    distance = _number(session["total_distance"])
    hr = valid_hr(session["avg_heart_rate"])
    segments = _segments(frames, start, start + dt.timedelta(seconds=elapsed + 1), timer, distance, hr)
    texts = [session["sport_profile_name"], *frames.names, file_title(name)]
    sub = session["sub_sport"]
    return Activity(source=name, start=local_clock(frames.offset, zone)(start), sport=sport_name(session["sport"]),
                    segments=segments, elapsed_s=elapsed, distance_m=distance, avg_hr=hr,
                    name=session["sport_profile_name"] if isinstance(session["sport_profile_name"], str) else None,
                    sub_sport=sub if isinstance(sub, str) and sub != "generic" else None,
                    test=looks_like_test(t for t in texts if isinstance(t, str)), rank=3, start_utc=start)


def _session_from_records(frames: _Frames) -> dict[str, Any]:
    """A file with records but no session message (some exports): one session over all records."""
    first, last = frames.records[0][0], frames.records[-1][0]
    distances = [d for _, d, _ in frames.records if d is not None]
    return {"start_time": first, "total_elapsed_time": (last - first).total_seconds(), "total_timer_time": None,
            "total_distance": max(distances) - min(distances) if distances else None, "sport": None,
            "sub_sport": None, "avg_heart_rate": None, "sport_profile_name": None}


def read_fit(name: str, data: bytes, zone: dt.tzinfo | None = None) -> list[Activity]:
    """The activities of one FIT file; Unusable when it cannot give any."""
    frames = _frames(data)
    if frames.file_type not in ("activity", None):
        raise Unusable("not_activity", f"is a FIT {frames.file_type} file, not a recorded activity")
    frames.records.sort(key=lambda r: r[0])
    sessions = frames.sessions or ([_session_from_records(frames)] if len(frames.records) >= 2 else [])
    if not sessions:
        raise Unusable("no_data", "has no session and no records: nothing was recorded")
    sessions = [s for s in sessions if isinstance(s["start_time"], dt.datetime) or frames.records]
    return [_activity(name, frames, s, zone) for s in sessions]
