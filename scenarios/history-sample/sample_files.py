"""Writers of synthetic activity files for the sample: FIT (Garmin's FIT SDK Encoder), GPX 1.1, TCX v2.

Each takes the activity's UTC start and its points ``(t_s, cumulative metres, heart rate)``.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from garmin_fit_sdk import Encoder, Profile

MESG = {name: num for num, name in Profile["types"]["mesg_num"].items()}
LOCAL = dt.timedelta(hours=2)
ORIGIN = (48.1, 11.5)          # where the made-up runner runs: metres go north along a meridian
METRES_PER_DEGREE = 111_195.0


def fit_activity(start: dt.datetime, points: list[tuple[int, float, int]], sport: str = "running",
                 sub_sport: str = "generic", name: str | None = None) -> bytes:
    """A FIT activity file: file_id, (sport), timer events, records, one lap, one session, activity."""
    end = start + dt.timedelta(seconds=points[-1][0])
    elapsed, distance = float(points[-1][0]), float(points[-1][1])
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": MESG["file_id"], "type": "activity", "manufacturer": "development",
                        "product": 0, "serial_number": 4242, "time_created": start})
    if name:
        encoder.write_mesg({"mesg_num": MESG["sport"], "sport": sport, "sub_sport": sub_sport, "name": name})
    encoder.write_mesg({"mesg_num": MESG["event"], "timestamp": start, "event": "timer", "event_type": "start"})
    for t_s, metres, hr in points:
        encoder.write_mesg({"mesg_num": MESG["record"], "timestamp": start + dt.timedelta(seconds=t_s),
                            "distance": metres, "heart_rate": hr})
    encoder.write_mesg({"mesg_num": MESG["event"], "timestamp": end, "event": "timer", "event_type": "stop_all"})
    totals = {"timestamp": end, "start_time": start, "total_elapsed_time": elapsed, "total_timer_time": elapsed,
              "total_distance": distance, "sport": sport, "sub_sport": sub_sport}
    encoder.write_mesg({"mesg_num": MESG["lap"], **totals})
    encoder.write_mesg({"mesg_num": MESG["session"], **totals, "first_lap_index": 0, "num_laps": 1,
                        "sport_profile_name": name or "Run"})
    encoder.write_mesg({"mesg_num": MESG["activity"], "timestamp": end, "local_timestamp": end + LOCAL,
                        "num_sessions": 1, "type": "manual", "event": "activity", "event_type": "stop"})
    return encoder.close()


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx_activity(start: dt.datetime, points: list[tuple[int, float, int]], name: str) -> str:
    """GPX 1.1 with Garmin's TrackPointExtension heart rate, as watches and Strava export it."""
    rows = []
    for t_s, metres, hr in points:
        lat = ORIGIN[0] + metres / METRES_PER_DEGREE
        rows.append(f'   <trkpt lat="{lat:.7f}" lon="{ORIGIN[1]:.7f}"><ele>520.0</ele>'
                    f"<time>{_iso(start + dt.timedelta(seconds=t_s))}</time><extensions>"
                    f"<gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr></gpxtpx:TrackPointExtension>"
                    "</extensions></trkpt>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="peakplan history sample" xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
            f" <metadata><time>{_iso(start)}</time></metadata>\n"
            f" <trk><name>{escape(name)}</name><type>running</type><trkseg>\n" + "\n".join(rows)
            + "\n </trkseg></trk>\n</gpx>\n")


def tcx_activity(start: dt.datetime, points: list[tuple[int, float, int]], distance: bool = True) -> str:
    """TCX v2, one lap; ``distance=False`` is a treadmill run without a foot pod (heart rate only)."""
    rows = []
    for t_s, metres, hr in points:
        far = f"<DistanceMeters>{metres:.2f}</DistanceMeters>" if distance else ""
        rows.append(f"<Trackpoint><Time>{_iso(start + dt.timedelta(seconds=t_s))}</Time>{far}"
                    f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>")
    total = points[-1][1] if distance else 0.0
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
            f'<Activities><Activity Sport="Running"><Id>{_iso(start)}</Id><Lap StartTime="{_iso(start)}">'
            f"<TotalTimeSeconds>{points[-1][0]}</TotalTimeSeconds><DistanceMeters>{total:.1f}</DistanceMeters>"
            "<Calories>0</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>\n"
            + "\n".join(rows) + "\n</Track></Lap></Activity></Activities>\n</TrainingCenterDatabase>\n")
