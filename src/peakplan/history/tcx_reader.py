"""TCX activities (Garmin Training Center XML), read with ``tcxreader``.

``tcxreader`` keeps every track point (``only_gps=False``: treadmill files have no positions) with
its time, cumulative distance and heart rate; those become moving segments as for FIT. The sport
is the ``Activity Sport`` attribute (Running, Biking, Other). TCX has no activity name the reader
exposes, so a test is recognised from the file name (or mark it in a CSV).
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

from tcxreader.tcxreader import TCXReader

from peakplan.history.activity import Activity, Unusable, local_clock, sport_name, valid_hr
from peakplan.history.gpx_reader import safe_xml_text
from peakplan.history.races import file_title, looks_like_test
from peakplan.history.segments import Point, segments_from_points


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)  # TCX times are UTC


def read_tcx(name: str, data: bytes, zone: dt.tzinfo | None = None) -> list[Activity]:
    text = safe_xml_text(data, "TCX")
    try:
        exercise = TCXReader().read(io.BytesIO(text.encode("utf-8")), only_gps=False)
    except ET.ParseError as exc:
        raise Unusable("unreadable", f"is not valid XML ({exc})") from None
    except (ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError, IndexError) as exc:
        raise Unusable("unreadable", f"cannot be read as TCX ({type(exc).__name__}: {exc})") from None
    points_in = [tp for tp in exercise.trackpoints or [] if tp.time is not None]
    if len(points_in) < 2:
        raise Unusable("no_data", "has fewer than two timed track points: nothing was recorded")
    start = _aware(points_in[0].time)
    points = [Point((_aware(tp.time) - start).total_seconds(),
                    float(tp.distance) if tp.distance is not None else None, valid_hr(tp.hr_value)) for tp in points_in]
    segments = segments_from_points(points)
    distances = [p.distance_m for p in points if p.distance_m is not None]
    distance = (max(distances) - min(distances)) if distances else None
    return [Activity(source=name, start=local_clock(None, zone)(start), sport=sport_name(exercise.activity_type),
                     segments=segments, elapsed_s=points[-1].t_s, distance_m=distance,
                     test=looks_like_test([file_title(name)]), rank=2, start_utc=start)]
