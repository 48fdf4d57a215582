"""`peakplan paces`: JSON shape, units, and one-sentence errors with exit code 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.paces import KM_PER_MILE

runner = CliRunner()


def test_json_document() -> None:
    result = runner.invoke(app, ["paces", "--distance", "10k", "--time", "40:00", "--json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"vdot", "paces_s_per_km", "equivalents_s"}
    assert doc["vdot"] == pytest.approx(51.94, abs=0.01)
    paces = doc["paces_s_per_km"]
    assert set(paces) == {"easy", "marathon", "threshold", "interval", "repetition"}
    slow, fast = paces["easy"]
    assert slow > fast > paces["marathon"] > paces["threshold"] > paces["interval"] > paces["repetition"]
    assert doc["equivalents_s"]["10k"] == pytest.approx(2400, abs=0.1)
    assert list(doc["equivalents_s"]) == ["1500m", "mile", "3k", "5k", "10k", "15k", "half", "marathon"]


def test_miles_scale_the_paces() -> None:
    km = json.loads(runner.invoke(app, ["paces", "-d", "5k", "-t", "20:00", "--json"]).stdout)
    mi = json.loads(runner.invoke(app, ["paces", "-d", "5k", "-t", "20:00", "--json", "--units", "mi"]).stdout)
    assert mi["paces_s_per_mi"]["threshold"] == pytest.approx(km["paces_s_per_km"]["threshold"] * KM_PER_MILE, abs=0.2)
    assert mi["equivalents_s"] == km["equivalents_s"]


def test_table_output_mentions_every_pace() -> None:
    result = runner.invoke(app, ["paces", "-d", "half", "-t", "1:40:00"])
    assert result.exit_code == 0
    for word in ("VDOT", "easy", "marathon", "threshold", "interval", "repetition", "1500m", "half"):
        assert word in result.stdout


@pytest.mark.parametrize(("args", "field"), [
    (["-d", "10k", "-t", "4x:00"], "--time"),
    (["-d", "10k", "-t", "40:75"], "--time"),
    (["-d", "ultra", "-t", "40:00"], "--distance"),
    (["-d", "10k", "-t", "40:00", "--units", "yd"], "--units"),
    (["-d", "10k", "-t", "2:00"], "--time"),
    (["-d", "10k"], "--time"),
])
def test_bad_input_is_one_sentence_and_exit_2(args: list[str], field: str) -> None:
    result = runner.invoke(app, ["paces", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("error: ") and field in message and "\n" not in message
    assert "Traceback" not in result.output
