"""Whole imports: folders, zips, Garmin's zip of zips, Strava's export, .gz, bounds, duplicates, tests, days."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from peakplan.errors import InputError
from peakplan.history import read_history, write_history
from peakplan.history.build import ImportOptions, import_history
from peakplan.history.io import HistoryFileError, history_json
from peakplan.paces import training_paces, vdot_from_race

from .files import START, fit_run, gpx_run, tcx_run, writers

VDOT45 = ImportOptions(vdot=45)


def day(n: int, hour: int = 6) -> dt.datetime:
    return START + dt.timedelta(days=n, hours=hour - 6)


def folder_of(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "runs"
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return root


def test_folder_of_mixed_formats(tmp_path: Path) -> None:
    root = folder_of(tmp_path, {"a.fit": fit_run(40, 300, start=day(0)), "b/b.gpx": gpx_run(30, 330, start=day(2)),
                                "c.tcx": tcx_run(20, 360, start=day(3)), "notes.txt": "ignored",
                                "ride.fit": writers.fit_activity(day(4), [(0, 0.0, 120), (3600, 30000.0, 130)],
                                                                 sport="cycling")})
    history = import_history([root], VDOT45)
    assert [d.date for d in history.days] == [dt.date(2026, 3, 2), dt.date(2026, 3, 4), dt.date(2026, 3, 5)]
    assert [round(d.km, 1) for d in history.days] == [8.0, 5.5, 3.3]
    assert {d.load_source for d in history.days} == {"pace"}
    assert history.other_sports == {"cycling": 1}
    assert history.rules.threshold_s_per_km == pytest.approx(training_paces(45).threshold_s_per_km, abs=0.01)
    assert history.rules.threshold_from == "--vdot 45"


def test_truncated_files_are_named_and_counted(tmp_path: Path) -> None:
    good = fit_run(start=day(0))
    root = folder_of(tmp_path, {"good.fit": good, "cut.fit": good[:300], "empty.gpx": b""})
    history = import_history([root], VDOT45)
    reasons = {Path(s.source).name: s.kind for s in history.skipped}
    assert reasons == {"cut.fit": "unreadable", "empty.gpx": "unreadable"}
    assert len(history.days) == 1


def test_zip_and_garmin_zip_of_zips_and_gz(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("UploadedFiles/1.fit", fit_run(start=day(0)))
        z.writestr("UploadedFiles/2.fit", fit_run(start=day(1)))
    outer = tmp_path / "garmin-export.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue())
        z.writestr("DI_CONNECT/readme.json", "{}")
    (tmp_path / "3.fit.gz").write_bytes(gzip.compress(fit_run(start=day(2))))
    history = import_history([outer, tmp_path / "3.fit.gz"], VDOT45)
    assert len(history.days) == 3
    assert history.days[0].sessions[0].source.endswith("UploadedFiles_0-_Part1.zip:UploadedFiles/1.fit")


def test_strava_export_layout(tmp_path: Path) -> None:
    header = ("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
              "Filename,Elapsed Time\n")
    rows = ['1,"Mar 2, 2026, 6:00:00 AM",Easy,Run,,1800,6.0,activities/1.fit.gz,1800',
            '2,"Mar 3, 2026, 6:00:00 AM",Commute,Ride,,3600,30,activities/2.gpx,3600',
            '3,"Mar 4, 2026, 6:00:00 AM",Treadmill by hand,Run,,2400,6.5,,2400',
            '4,"Mar 7, 2026, 8:00:00 AM",Spring 5K race,Run,,1500,5,activities/4.tcx,1500']
    root = folder_of(tmp_path, {"activities.csv": header + "\n".join(rows) + "\n",
                                "activities/1.fit.gz": gzip.compress(fit_run(start=day(0))),
                                "activities/2.gpx": "not even read: Strava says it is a ride",
                                "activities/4.tcx": tcx_run(20, 240, start=day(5, 8))})
    history = import_history([root])
    assert history.other_sports == {"cycling": 1}
    manual = history.days[1].sessions[0]
    assert manual.load_source == "duration" and manual.minutes == 40 and manual.km is None
    assert [t.name for t in history.tests] == ["Spring 5K race"]
    assert history.vdot == pytest.approx(vdot_from_race(5000, 1200), abs=0.01)   # threshold from the race
    assert import_history([root / "activities.csv"]).days == history.days          # the index alone names the export


def test_duplicates_keep_the_richest_copy(tmp_path: Path) -> None:
    root = folder_of(tmp_path, {"run.fit": fit_run(start=day(0)), "run.gpx": gpx_run(start=day(0)),
                                "log.csv": "date,minutes\n2026-03-02,30\n2026-03-03,45\n"})
    history = import_history([root], VDOT45)
    assert [d.date for d in history.days] == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]
    assert history.days[0].sessions[0].source.endswith("run.fit")
    assert sorted(s.kind for s in history.skipped) == ["duplicate", "duplicate"]


def test_best_recent_race_sets_the_threshold_and_bad_tests_are_reported(tmp_path: Path) -> None:
    root = folder_of(tmp_path, {"old-race.fit": fit_run(20, 240, start=day(-300), name="Race"),
                                "race.fit": fit_run(21, 252, start=day(0), name="Race"),
                                "tt.fit": fit_run(3, 200, start=day(1), name="TT 1k")})
    history = import_history([root])
    assert len(history.tests) == 2
    assert history.vdot == pytest.approx(history.tests[-1].vdot)   # the older, faster race is outside 180 days
    assert [s.kind for s in history.skipped] == ["bad_test"]
    assert history.days[-1].sessions[0].test is False


def test_pace_without_a_threshold_is_an_error_with_the_fix(tmp_path: Path) -> None:
    root = folder_of(tmp_path, {"a.fit": fit_run()})
    with pytest.raises(InputError, match="--vdot"):
        import_history([root])
    assert import_history([root], ImportOptions(threshold_s_per_km=270)).days[0].load_source == "pace"


def test_no_running_and_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_history([tmp_path / "nope"])
    with pytest.raises(InputError, match="not an activity file"):
        (tmp_path / "x.docx").write_text("x")
        import_history([tmp_path / "x.docx"])
    root = folder_of(tmp_path, {"ride.fit": writers.fit_activity(START, [(0, 0.0, 120), (3600, 30000.0, 130)],
                                                                 sport="cycling")})
    with pytest.raises(InputError, match="no running activity"):
        import_history([root])


def test_huge_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import peakplan.history.sources as sources

    root = folder_of(tmp_path, {"big.fit": fit_run(60), "small.fit": fit_run(5, start=day(1))})
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 2000)
    history = import_history([root], VDOT45)
    assert [(Path(s.source).name, s.kind) for s in history.skipped] == [("big.fit", "too_large")]
    assert "refused above" in history.skipped[0].reason


def test_history_file_round_trip_is_byte_stable(tmp_path: Path) -> None:
    root = folder_of(tmp_path, {"a.fit": fit_run(start=day(0)), "b.fit": fit_run(50, 280, start=day(3))})
    first = import_history([root], VDOT45)
    write_history(tmp_path / "h.json", first)
    assert read_history(tmp_path / "h.json") == first
    assert history_json(import_history([root], VDOT45)) == (tmp_path / "h.json").read_text()


@pytest.mark.parametrize("text", ["[1, 2]", "{\"format\": \"peakplan-history/1\", \"days\": 3}", "{oops"])
def test_bad_history_files(tmp_path: Path, text: str) -> None:
    (tmp_path / "h.json").write_text(text)
    with pytest.raises(HistoryFileError, match="peakplan history"):
        read_history(tmp_path / "h.json")


def test_every_truncation_and_byte_flip_is_a_named_skip(tmp_path: Path) -> None:
    fit, gpx, tcx = fit_run(start=day(1)), gpx_run(start=day(2)).encode(), tcx_run(start=day(3)).encode()
    rng = np.random.default_rng(5)
    broken: dict[str, bytes | str] = {"good.fit": fit_run(start=day(0))}
    for name, data in (("f.fit", fit), ("g.gpx", gpx), ("t.tcx", tcx)):
        for i, cut in enumerate(rng.integers(1, len(data) - 1, 15)):
            broken[f"cut{i}-{name}"] = data[:cut]
        for i in range(10):
            flipped = bytearray(data)
            flipped[int(rng.integers(0, len(data)))] ^= int(rng.integers(1, 256))
            broken[f"flip{i}-{name}"] = bytes(flipped)
    history = import_history([folder_of(tmp_path, broken)], VDOT45)
    named = {Path(s.source).name for s in history.skipped}
    kept = {Path(s.source).name for d in history.days for s in d.sessions}
    assert "good.fit" in kept
    assert named | kept == set(broken)        # every file is either used or named with its reason
    assert all(s.reason for s in history.skipped)
    assert sum(s.kind == "unreadable" and s.source.endswith(".fit") for s in history.skipped) >= 15


def test_strava_zip_with_a_top_folder(tmp_path: Path) -> None:
    index = ("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Filename\n"
             '1,"Mar 2, 2026, 6:00:00 AM",Lunch Ride,Ride,3600,activities/1.fit\n'
             '2,"Mar 3, 2026, 6:00:00 AM",Parkrun,Run,1300,activities/2.fit\n')
    export = tmp_path / "export_1.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("export_1/activities.csv", index)
        z.writestr("export_1/activities/1.fit", b"never read")
        z.writestr("export_1/activities/2.fit", fit_run(21, 252, start=day(1)))
    history = import_history([export])
    assert history.other_sports == {"cycling": 1} and [t.name for t in history.tests] == ["Parkrun"]
