"""The command line on hostile targets and names: `-o -`, symlinks, folders, FIFOs, devices, huge
files, rich markup in names, a plan checked against another race, an 80-column terminal,
`--version`, `--format` from the suffix. Each ends as its rule says, never with a traceback."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from compare.helpers import tiny_yaml
from rich.console import Console
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.plan.io import read_plan
from peakplan.result import Result, Status

runner = CliRunner()


@pytest.fixture(scope="module")
def solved(tmp_path_factory) -> tuple[Path, Path]:
    """(the tiny scenario file, its plan file), solved once."""
    folder = tmp_path_factory.mktemp("solved")
    scenario = tiny_yaml(folder)
    plan = folder / "plan.json"
    result = runner.invoke(app, ["solve", str(scenario), "-q", "-o", str(plan)])
    assert result.exit_code == 0, result.output
    return scenario, plan


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_out_dash_writes_the_plan_to_stdout_and_the_rest_to_stderr(solved, tmp_path, monkeypatch):
    scenario, _ = solved
    monkeypatch.chdir(tmp_path)
    result = invoke("solve", scenario, "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "OPTIMAL"
    assert "status OPTIMAL" in result.stderr
    assert not (tmp_path / "-").exists()


def test_out_symlink_stays_a_link(solved, tmp_path):
    scenario, _ = solved
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    assert invoke("solve", scenario, "-q", "-o", link).exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["status"] == "OPTIMAL"


def test_out_folder_is_refused_before_the_solve(solved, tmp_path):
    scenario, _ = solved
    result = invoke("solve", scenario, "-o", tmp_path)
    assert result.exit_code == 2 and "is a folder" in result.stderr and "status" not in result.stdout


def test_out_dev_null_is_written_not_replaced(solved):
    scenario, _ = solved
    assert invoke("solve", scenario, "-q", "-o", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_export_to_a_fifo_without_reader_exits_2(solved, tmp_path):
    _, plan = solved
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    result = invoke("export", plan, "-o", fifo)
    assert result.exit_code == 2 and "no process reads" in result.stderr


@pytest.mark.parametrize(("name", "fmt"), [("plan.CSV", "csv"), ("plan.ics", "ics"), ("plan.Md", "md"),
                                           ("watch.zip", "fit")])
def test_format_from_the_suffix(solved, tmp_path, name, fmt):
    _, plan = solved
    result = invoke("export", plan, "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert f"bytes, {fmt})" in result.stderr


def test_format_is_case_insensitive_and_needed_without_a_suffix(solved, tmp_path):
    _, plan = solved
    assert invoke("export", plan, "--format", "CSV").stdout.startswith("date,weekday")
    result = invoke("export", plan, "-o", tmp_path / "plan.txt")
    assert result.exit_code == 2 and "--format" in result.stderr


@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "huge"])
def test_unreadable_plan_files_exit_2_at_once(solved, tmp_path, kind):
    scenario, _ = solved
    path = tmp_path / "plan.json"
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        with open(path, "wb") as fh:
            fh.truncate(30_000_000)  # sparse: over the 20 MB limit, nothing written
    for args in (("validate", scenario, path), ("export", path, "--format", "md"), ("report", path, "-o",
                 tmp_path / "r.html"), ("compare", path, path)):
        proc = subprocess.run([sys.executable, "-m", "peakplan.cli", *map(str, args)], capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr


def test_markup_in_a_scenario_name_is_printed_literally(tmp_path):
    scenario = tiny_yaml(tmp_path)
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("name: tiny 10K", "name: '[/] [bold red]x[/bold red] <b>'"),
                        encoding="utf-8")
    result = invoke("solve", scenario, "-o", tmp_path / "plan.json")
    assert result.exit_code == 0, result.output
    assert "[/] [bold red]x[/bold red] <b>: minutes per day" in result.stdout
    assert invoke("compare", tmp_path / "plan.json").exit_code == 0


def test_a_plan_checked_against_another_race_is_one_line(solved, tmp_path):
    scenario, plan = solved
    other = tiny_yaml(tmp_path, "other", race={"date": "2027-02-07"})
    result = invoke("validate", other, plan, "--json")
    assert result.exit_code == 1
    (only,) = json.loads(result.stdout)
    assert only["amount"] == "this plan is for another scenario" and "race.date" in only["message"]


def test_version():
    from peakplan import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"peakplan {__version__}"


def render_at(width: int, result: Result) -> str:
    from peakplan.commands.render import plan_table

    console = Console(width=width, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(plan_table(result, width))
    return console.export_text()


def test_week_table_fits_80_columns(solved):
    _, plan_path = solved
    plan = read_plan(plan_path)
    result = Result(Status.OPTIMAL, plan.scenario, plan)
    for width in (80, 100, 120):
        text = render_at(width, result)
        assert "…" not in text
        rows = [line for line in text.splitlines() if re.match(r"^[│\s]*\d+[\s│]", line)]
        assert len(rows) == len(plan.weeks)  # one line a week: nothing folded
        assert all(len(line) <= width for line in text.splitlines())
        assert all(f"{w.minutes}" in row for w, row in zip(plan.weeks, rows, strict=True))
