"""GPX tracks (``gpxpy``): each ``<trk>`` with timed points is one activity.

Distance is the great-circle (haversine) distance between consecutive points of a track segment;
a new ``<trkseg>`` is a pause. Heart rate comes from Garmin's TrackPointExtension (``hr``). The
sport is the track's ``<type>``; without one, the moving-speed band of :mod:`.activity` decides.
A route or waypoint file (no timestamps) is not a recorded activity.
"""

from __future__ import annotations

import datetime as dt

import gpxpy
import gpxpy.geo
import gpxpy.gpx

from peakplan.history.activity import Activity, Segment, Unusable, local_clock, sport_name, valid_hr
from peakplan.history.races import file_title, looks_like_test
from peakplan.history.segments import Point, segments_from_points

XML_HEAD_BYTES = 4096


def safe_xml_text(data: bytes, what: str) -> str:
    """The file as text; Unusable for binary data or a DTD (activity files never need one, and entity
    declarations are how XML bombs work)."""
    head = data[:XML_HEAD_BYTES].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise Unusable("unreadable", f"declares a DTD or XML entities, which {what} files never need; refused for safety")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unusable("unreadable", f"is not UTF-8 text ({exc.reason} at byte {exc.start}); is it really {what}?") from None


def _hr(point: gpxpy.gpx.GPXTrackPoint) -> float | None:
    for extension in point.extensions:
        for element in extension.iter():
            tag = str(element.tag)
            if tag == "hr" or tag.endswith("}hr"):
                try:
                    return valid_hr(float(element.text or ""))
                except ValueError:
                    return None
    return None


def _segment_points(points: list[gpxpy.gpx.GPXTrackPoint], start: dt.datetime) -> list[Point]:
    out: list[Point] = []
    distance = 0.0
    for before, point in zip([None, *points], points, strict=False):
        if before is not None:
            distance += gpxpy.geo.haversine_distance(before.latitude, before.longitude, point.latitude, point.longitude)
        assert point.time is not None
        out.append(Point((point.time - start).total_seconds(), distance, _hr(point)))
    return out


def _track(name: str, gpx: gpxpy.gpx.GPX, track: gpxpy.gpx.GPXTrack, zone: dt.tzinfo | None) -> Activity | None:
    timed = [[p for p in seg.points if p.time is not None] for seg in track.segments]
    timed = [seg for seg in timed if seg]
    if not timed:
        return None
    start = min(seg[0].time for seg in timed if seg[0].time is not None)
    end = max(seg[-1].time for seg in timed if seg[-1].time is not None)
    segments: list[Segment] = []
    for seg in timed:
        segments += segments_from_points(_segment_points(seg, start))
    distance = sum(s.distance_m or 0.0 for s in segments)
    title = track.name or gpx.name
    return Activity(source=name, start=local_clock(None, zone)(start), sport=sport_name(track.type),
                    segments=segments, elapsed_s=(end - start).total_seconds(), distance_m=distance, name=title,
                    test=looks_like_test([track.name, gpx.name, gpx.description, file_title(name)]), rank=1,
                    start_utc=start if start.tzinfo is not None else start.replace(tzinfo=dt.UTC))


def read_gpx(name: str, data: bytes, zone: dt.tzinfo | None = None) -> list[Activity]:
    text = safe_xml_text(data, "GPX")
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        raise Unusable("unreadable", f"is not valid GPX ({exc})") from None
    activities = [a for a in (_track(name, gpx, t, zone) for t in gpx.tracks) if a is not None]
    if not activities:
        raise Unusable("no_data", "has no timed track points (a route or waypoints, not a recorded activity)")
    return activities

