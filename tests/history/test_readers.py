"""Each reader on real files of its format: what it reads, and what it refuses (named, never a traceback)."""

from __future__ import annotations

import datetime as dt

import pytest

from peakplan.errors import InputError
from peakplan.history.activity import RUNNING, UNKNOWN, Unusable
from peakplan.history.csv_reader import read_log_csv
from peakplan.history.fit_reader import read_fit
from peakplan.history.gpx_reader import read_gpx
from peakplan.history.tcx_reader import read_tcx

from .files import START, fit_run, gpx_run, points, tcx_run, writers

LOCAL_START = dt.datetime(2026, 3, 2, 8, 0)


def test_fit_run_gives_moving_segments_distance_and_local_time() -> None:
    [run] = read_fit("run.fit", fit_run(30, 300, sub_sport="street"))
    assert run.sport == RUNNING and run.sub_sport == "street"
    assert run.start == LOCAL_START                        # the file's local_timestamp offset (+2 h)
    assert run.distance_m == pytest.approx(6000, abs=1)
    assert run.moving_s == pytest.approx(1800, abs=1)
    assert all(29 <= s.duration_s <= 31 for s in run.segments[:-1])
    assert run.mean_hr() == pytest.approx(140)
    assert not run.test


def test_fit_race_name_marks_a_test() -> None:
    [race] = read_fit("x.fit", fit_run(20, 240, name="Parkrun"))
    assert race.test and race.name == "Parkrun"


def test_fit_stopped_time_is_left_out() -> None:
    pts = points(20, 300)
    stopped = [(t, d if t < 600 else (d - 120 * 1000 / 300 if t >= 720 else 2000.0), h) for t, d, h in pts]
    [run] = read_fit("stop.fit", writers.fit_activity(START, stopped))
    assert run.moving_s == pytest.approx(1200 - 120, abs=31)   # two minutes at a standstill, +-one segment


def test_fit_other_sport_is_read_as_that_sport() -> None:
    [ride] = read_fit("ride.fit", writers.fit_activity(START, points(60, 120), sport="cycling"))
    assert ride.sport == "cycling" and ride.resolved_sport() == "cycling"


def test_truncated_fit_is_unusable_with_its_reason() -> None:
    data = fit_run()
    with pytest.raises(Unusable, match="truncated") as caught:
        read_fit("cut.fit", data[: len(data) // 2])
    assert caught.value.kind == "unreadable"


def test_corrupt_fit_is_unusable() -> None:
    data = bytearray(fit_run())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(Unusable) as caught:
        read_fit("bad.fit", bytes(data))
    assert caught.value.kind == "unreadable"


def test_not_a_fit_file_at_all() -> None:
    with pytest.raises(Unusable, match="not a FIT file"):
        read_fit("notes.fit", b"these are my notes, not a FIT file")


def test_fit_workout_file_is_not_an_activity() -> None:
    from peakplan.export.fit_workouts import workout_fit
    from peakplan.workouts.model import Step, Target, Workout

    step = Step(part="main", kind="run", label="easy", duration_s=1800,
                target=Target(effort="easy", s_per_km=None, estimate_s_per_km=330))
    workout = Workout(session="easy", minutes=30, phase="base", title="easy", blocks=(step,))
    with pytest.raises(Unusable, match="workout") as caught:
        read_fit("w.fit", workout_fit(workout, "easy", START))
    assert caught.value.kind == "not_activity"


def test_gpx_track_with_heart_rate() -> None:
    [run] = read_gpx("run.gpx", gpx_run(30, 300, name="Sunday parkrun").encode())
    assert run.sport == RUNNING and run.test and run.name == "Sunday parkrun"
    assert run.distance_m == pytest.approx(6000, rel=0.002)
    assert run.mean_hr() == pytest.approx(140)
    assert run.start == dt.datetime(2026, 3, 2, 6, 0)       # GPX times are UTC; no offset without --timezone


def test_gpx_without_type_uses_the_running_speed_band() -> None:
    text = gpx_run(30, 300).replace("<type>running</type>", "")
    [run] = read_gpx("x.gpx", text.encode())
    assert run.sport == UNKNOWN and run.resolved_sport() == RUNNING
    [slow] = read_gpx("walk.gpx", gpx_run(30, 720).replace("<type>running</type>", "").encode())
    assert slow.resolved_sport() == UNKNOWN


def test_gpx_route_without_times_is_no_activity() -> None:
    text = '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">' \
           '<trk><trkseg><trkpt lat="1" lon="1"/><trkpt lat="1.01" lon="1"/></trkseg></trk></gpx>'
    with pytest.raises(Unusable, match="no timed track points"):
        read_gpx("route.gpx", text.encode())


def test_xml_with_entities_is_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><gpx>&lol;</gpx>'
    with pytest.raises(Unusable, match="DTD"):
        read_gpx("bomb.gpx", bomb.encode())
    with pytest.raises(Unusable, match="DTD"):
        read_tcx("bomb.tcx", bomb.encode())


def test_broken_gpx_is_unusable() -> None:
    with pytest.raises(Unusable, match="not valid GPX"):
        read_gpx("x.gpx", b"<gpx><trk>")


def test_tcx_with_distance_and_treadmill_without() -> None:
    [run] = read_tcx("run.tcx", tcx_run(30, 300).encode())
    assert run.sport == RUNNING and run.distance_m == pytest.approx(6000, abs=1)
    [treadmill] = read_tcx("tm.tcx", tcx_run(30, 300, distance=False).encode())
    assert treadmill.distance_m is None and treadmill.moving_s == pytest.approx(1800, abs=1)
    assert all(s.distance_m is None and s.hr_bpm == 140 for s in treadmill.segments)


def test_tcx_biking_is_another_sport() -> None:
    [ride] = read_tcx("ride.tcx", tcx_run().replace('Sport="Running"', 'Sport="Biking"').encode())
    assert ride.sport == "cycling"


def test_csv_log_rows() -> None:
    text = ("date,minutes,km,avg_hr,rtss,rpe,race,distance,time,name\n"
            "2026-03-02,45,8.5,,,,,,,\n"
            "2026-03-03 18:30,30,,150,,,,,,\n"
            "2026-03-04,40,,,55,,,,,\n"
            "2026-03-05,35,,,,4,,,,\n"
            "2026-03-07,41.5,10,,,,yes,10k,40:00,Town 10K\n")
    rows = read_log_csv("log.csv", text.encode())
    assert [r.start for r in rows[:2]] == [dt.datetime(2026, 3, 2, 12), dt.datetime(2026, 3, 3, 18, 30)]
    assert rows[0].distance_m == 8500 and rows[1].avg_hr == 150 and rows[2].rtss == 55 and rows[3].rpe == 4
    race = rows[4]
    assert race.test and race.test_distance_m == 10000 and race.test_time_s == 2400 and race.name == "Town 10K"


@pytest.mark.parametrize(("text", "message"), [
    ("day,minutes\n2026-03-02,40\n", "column `day` is not known. Did you mean `date`"),
    ("minutes,km\n40,8\n", "no `date` column"),
    ("date,minuts\n2026-03-02,40\n", "Did you mean `minutes`"),
    ("date,minutes\n2026-13-02,40\n", "line 2, column `date`"),
    ("date,minutes\n2026-03-02,forty\n", "line 2, column `minutes` = 'forty' is not a number"),
    ("date,minutes,rpe\n2026-03-02,40,11\n", "outside 0-10"),
    ("date,minutes,distance\n2026-03-02,40,far\n", "column `distance`"),
    ("", "empty"),
])
def test_csv_errors_name_the_line_and_column(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_log_csv("log.csv", text.encode())


def test_multisport_fit_keeps_each_session_with_its_own_records() -> None:
    encoder = writers.Encoder()
    mesg = writers.MESG
    encoder.write_mesg({"mesg_num": mesg["file_id"], "type": "activity", "manufacturer": "development", "product": 0,
                        "time_created": START})
    legs = [("cycling", 0, 3600, 30000.0), ("running", 3700, 1800, 5400.0)]
    for sport, offset, seconds, metres in legs:
        begin = START + dt.timedelta(seconds=offset)
        for t in range(0, seconds + 1, 10):
            encoder.write_mesg({"mesg_num": mesg["record"], "timestamp": begin + dt.timedelta(seconds=t),
                                "distance": metres * t / seconds, "heart_rate": 140})
        encoder.write_mesg({"mesg_num": mesg["session"], "timestamp": begin + dt.timedelta(seconds=seconds),
                            "start_time": begin, "total_elapsed_time": seconds, "total_timer_time": seconds,
                            "total_distance": metres, "sport": sport})
    ride, run = read_fit("brick.fit", encoder.close())
    assert (ride.sport, run.sport) == ("cycling", RUNNING)
    assert run.distance_m == pytest.approx(5400) and run.moving_s == pytest.approx(1800, abs=1)
    assert run.start == dt.datetime(2026, 3, 2, 7, 1, 40)     # no activity message: UTC


def test_timezone_option_sets_the_wall_clock() -> None:
    from zoneinfo import ZoneInfo

    [run] = read_gpx("run.gpx", gpx_run().encode(), ZoneInfo("America/New_York"))
    assert run.start == dt.datetime(2026, 3, 2, 1, 0)
