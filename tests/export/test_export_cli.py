"""`peakplan export`: writes each format atomically; bad input is one sentence on stderr and exit 2."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from synthetic_plan import shipped_plan, write_plan_file
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.files.atomic import write_bytes_atomic


@pytest.fixture(scope="module")
def marathon_plan() -> dict[str, Any]:
    return shipped_plan()


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan_file(tmp_path)


runner = CliRunner()


@pytest.mark.parametrize("fmt", ["ics", "csv", "md", "fit"])
def test_writes_each_format(tmp_path: Path, plan_file: Path, fmt: str) -> None:
    out = tmp_path / f"plan.{fmt}"
    result = runner.invoke(app, ["export", str(plan_file), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_text_formats_go_to_stdout(plan_file: Path) -> None:
    result = runner.invoke(app, ["export", str(plan_file), "--format", "md"])
    assert result.exit_code == 0 and result.stdout.startswith("# ")


def _bad_plans(tmp_path: Path, plan: dict[str, Any]) -> dict[str, Path]:
    def write(name: str, text: str) -> Path:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return tmp_path / name

    no_days = {k: v for k, v in plan.items() if k != "days"}
    bad_minutes = json.loads(json.dumps(plan))
    bad_minutes["days"][3]["minutes"] = "forty"
    return {
        "missing": tmp_path / "nope.json",
        "malformed": write("broken.json", '{"race": {"date": "2027-01-01",'),
        "no_days": write("no_days.json", json.dumps(no_days)),
        "bad_minutes": write("bad_minutes.json", json.dumps(bad_minutes)),
        "not_object": write("list.json", "[1, 2]"),
    }


@pytest.mark.parametrize(("case", "words"), [
    ("missing", "not found"), ("malformed", "line 1"), ("no_days", "`days`"),
    ("bad_minutes", "`days[3].minutes`"), ("not_object", "JSON object"),
])
def test_bad_plans_fail_cleanly(tmp_path: Path, marathon_plan: dict[str, Any], case: str, words: str) -> None:
    path = _bad_plans(tmp_path, marathon_plan)[case]
    out = tmp_path / "out.ics"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["export", str(path), "--format", "ics", "-o", str(out)])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.startswith("error: ") and words in message and "\n" not in message
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "keep me"  # never clobbered on error


@pytest.mark.parametrize(("args", "words"), [
    (["--format", "pdf"], "--format"),
    ([], "--format"),
    (["--format", "fit"], "-o"),
    (["--format", "csv", "-o", "/no/such/dir/plan.csv"], "cannot be written"),
])
def test_bad_options_fail_cleanly(plan_file: Path, args: list[str], words: str) -> None:
    result = runner.invoke(app, ["export", str(plan_file), *args])
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.output


def test_atomic_write_keeps_the_old_file_on_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]
