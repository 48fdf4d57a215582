"""YAML traps and resource limits: YAML 1.2 numbers (`21:00` is text), distances with units,
unbuildable tags, absurd times, alias bombs, deep nesting, huge values; one bounded message each."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from peakplan.errors import ScenarioError
from peakplan.files.limits import MAX_MESSAGE_CHARS
from peakplan.scenario import load_scenario, scenario_from_dict
from peakplan.scenario.records import RECORDS, fastest_s
from reliability.cases import BASE

BASE_TEXT = yaml.safe_dump(BASE, sort_keys=False)


def load_text(tmp_path: Path, text: str):
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ScenarioError) as caught:
        load_text(tmp_path, text)
    message = str(caught.value)
    assert len(message) <= MAX_MESSAGE_CHARS and "scenario.yaml" in message
    return message


def with_race(**race) -> str:
    data = copy.deepcopy(BASE)
    data["race"] |= race
    return yaml.safe_dump(data, sort_keys=False)


def test_unquoted_times_are_the_times_they_look_like(tmp_path):
    text = BASE_TEXT.replace("date: '2027-01-31'", "date: '2027-01-31'\n  goal_time: 41:00")
    assert load_text(tmp_path, text).race.goal_time == "41:00"
    assert load_text(tmp_path, text).race_session.minutes == 41  # not 2460 (YAML 1.1 base 60)


@pytest.mark.parametrize(("written", "km"), [("6.2mi", 6.2 * 1.609344), ("10 km", 10.0), ("5000 m", 5.0),
                                             ("26.2 miles", 26.2 * 1.609344), ("12.5", 12.5), ("10K", "10k")])
def test_distances_with_units(tmp_path, written, km):
    text = BASE_TEXT.replace("distance: 10k", f"distance: {written}")
    assert load_text(tmp_path, text).race.distance == pytest.approx(km) if isinstance(km, float) else km


def test_recent_race_with_a_unit(tmp_path):
    data = copy.deepcopy(BASE)
    data["athlete"]["recent_race"] = {"distance": "5000 m", "time": "22:00"}
    assert scenario_from_dict(data).athlete.recent_race.distance == 5.0


@pytest.mark.parametrize("tag", ["!!int abc", "!!bool maybe", "!!timestamp soon", "!!float x", "!!str [1]",
                                 "!!python/object:os.system x"])
def test_tags_with_bad_values_are_bad_input(tmp_path, tag):
    message = error_of(tmp_path, BASE_TEXT.replace("current_weekly_minutes: 200", f"current_weekly_minutes: {tag}"))
    assert "line 7" in message


def test_marathon_goal_of_three_thirty_suggests_hours(tmp_path):
    message = error_of(tmp_path, with_race(distance="marathon", goal_time="3:30"))
    assert "3 min 30 s" in message and "Did you mean 3:30:00" in message and "2:00:35" in message


@pytest.mark.parametrize("record", RECORDS[2:], ids=lambda r: r.name)
def test_faster_than_the_world_record_names_the_record(tmp_path, record):
    if record.km not in (5.0, 10.0, 21.0975, 42.195):
        return  # the race distances; the others are checked through recent_race below
    seconds = record.seconds - 5
    goal = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    names = {5.0: "5k", 10.0: "10k", 21.0975: "half", 42.195: "marathon"}
    message = error_of(tmp_path, with_race(distance=names[record.km], goal_time=goal))
    assert "faster than any human" in message and record.holder in message


def test_a_recent_race_faster_than_the_mile_record(tmp_path):
    data = copy.deepcopy(BASE)
    data["athlete"]["recent_race"] = {"distance": "mile", "time": "3:40"}
    with pytest.raises(ScenarioError, match="El Guerrouj"):
        scenario_from_dict(data, "s.yaml")


def test_the_bound_is_never_above_a_record():
    for record in RECORDS:
        assert fastest_s(record.km) == pytest.approx(record.seconds)
    assert fastest_s(15.0) < 41 * 60 + 5  # the 15 km road record (41:05) is slower than the bound


def test_a_time_outside_the_pace_tables_is_bad_input(tmp_path):
    message = error_of(tmp_path, with_race(distance="5k", goal_time="1:30:00"))
    assert "race.goal_time" in message and "leave it out" in message


@pytest.mark.parametrize("written", ["true", "on", "yes", "false"])
def test_a_yes_no_distance_is_bad_input(tmp_path, written):
    text = with_race(distance="@").replace("'@'", written)   # fuzz input 60547: `distance: true` read as 1 km
    message = error_of(tmp_path, text)
    assert "race.distance" in message and "yes/no" in message


def test_a_recent_race_only_the_schema_reads_is_checked_against_the_pace_tables(tmp_path):
    data = copy.deepcopy(BASE)   # fuzz input 48936: '+1' is read as 1 km by the schema alone; 22:30 is VDOT 3.9
    data["athlete"]["recent_race"] = {"distance": "+1", "time": "22:30"}
    message = error_of(tmp_path, yaml.safe_dump(data))
    assert "athlete.recent_race.time" in message and "VDOT 3.9" in message and "leave it out" in message


@pytest.mark.parametrize("distance", ["1e8", "100000000", "1e300", "-5", "0"])
def test_absurd_distances_end_at_once(tmp_path, distance):
    data = copy.deepcopy(BASE)
    data["race"]["distance"] = float(distance)
    data["athlete"]["recent_race"] = {"distance": "10k", "time": "45:00"}
    message = error_of(tmp_path, yaml.safe_dump(data))
    assert "race.distance" in message


def test_alias_bomb(tmp_path):
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    assert "expands to more than" in error_of(tmp_path, bomb + BASE_TEXT)


@pytest.mark.parametrize("text", ["x: " + "[" * 5000, "".join(" " * i + "k:\n" for i in range(100)),
                                  "name: &a [*a]\n", "name: " + "9" * 40 + "\n", "name: 1e15\n",
                                  "name: " + "x" * 20_000 + "\n"])
def test_limits(tmp_path, text):
    error_of(tmp_path, text + BASE_TEXT.replace("name: tiny 10K\n", ""))


def test_thousands_of_unknown_keys_give_one_short_message():
    data = {**copy.deepcopy(BASE), **{f"unknown_{i}": i for i in range(20_000)}}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(data, "big.yaml")
    message = str(caught.value)
    assert message.startswith("big.yaml: unknown field") and "more)" in message and len(message) < 1000


def test_dates_outside_the_calendar(tmp_path):
    message = error_of(tmp_path, BASE_TEXT.replace("start_date: '2027-01-04'", "start_date: '9999-12-20'")
                       .replace("date: '2027-01-31'", "date: '9999-12-31'"))
    assert "a typo in the year" in message
