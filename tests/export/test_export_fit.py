"""FIT export, re-read with Garmin's decoder: one workout file per running day, steps = the plan's minutes."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream
from synthetic_plan import plan_file, shipped_plan

from peakplan.export import render


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()


def _decode(data: bytes) -> dict[str, list[dict[str, Any]]]:
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    assert decoder.is_fit() and decoder.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


def _seconds(steps: list[dict[str, Any]]) -> float:
    """Total time of a workout, repeats expanded (a repeat step loops back to `duration_step`)."""
    total, index = 0.0, 0
    loops: dict[int, int] = {}
    while index < len(steps):
        step = steps[index]
        if step["duration_type"] == "repeat_until_steps_cmplt":
            done = loops.get(index, 1)
            if done < step["repeat_steps"]:
                loops[index] = done + 1
                index = step["duration_step"]
                continue
        else:
            total += step["duration_time"]
        index += 1
    return total


@pytest.fixture(scope="module")
def archive(marathon_plan: dict[str, Any]) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(render(plan_file(marathon_plan), "fit")))


def test_one_file_per_running_day(archive: zipfile.ZipFile, marathon_plan: dict[str, Any]) -> None:
    running = [d for d in marathon_plan["days"] if d["session"] != "rest"]
    names = archive.namelist()
    assert names == [f"{d['date']}-{d['session'].replace('_', '-')}.fit" for d in running]


def test_workout_messages_match_the_plan(archive: zipfile.ZipFile, marathon_plan: dict[str, Any]) -> None:
    by_date = {d["date"]: d for d in marathon_plan["days"]}
    for name in archive.namelist():
        messages = _decode(archive.read(name))
        day = by_date[name[:10]]
        assert messages["file_id_mesgs"][0]["type"] == "workout"
        (workout,) = messages["workout_mesgs"]
        steps = messages["workout_step_mesgs"]
        assert workout["sport"] == "running" and workout["num_valid_steps"] == len(steps)
        assert _seconds(steps) == pytest.approx(60 * day["minutes"])


def test_speed_targets_bracket_the_pace(archive: zipfile.ZipFile, marathon_plan: dict[str, Any]) -> None:
    day = next(d for d in marathon_plan["days"] if d["session"] == "race_pace" and d["phase"] == "peak")
    steps = _decode(archive.read(f"{day['date']}-race-pace.fit"))["workout_step_mesgs"]
    work = [s for s in steps if s.get("intensity") == "active" and s.get("target_type") == "speed"]
    assert work, "race-pace reps carry a speed target"
    for step in work:
        low, high = step["custom_target_speed_low"], step["custom_target_speed_high"]
        assert 2.0 < low < high < 7.0  # m/s: a 8:20/km to 2:23/km window
    repeat = next(s for s in steps if s["duration_type"] == "repeat_until_steps_cmplt")
    assert repeat["repeat_steps"] >= 2
