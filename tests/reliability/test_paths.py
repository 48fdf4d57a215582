"""Model paths are confined to the scenario's folder (and below), models/, and paths named on the
command line; file contents never appear in messages; every read is bounded and never blocks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from peakplan.errors import ScenarioError
from peakplan.report.variants import parse_setting, variants
from peakplan.scenario import load_scenario, scenario_from_dict
from reliability.cases import BASE

CATALOGUE = Path(__file__).resolve().parents[2] / "models" / "catalogue.yaml"


def scenario_in(folder: Path, **model: str) -> Path:
    path = folder / "scenario.yaml"
    path.write_text(yaml.safe_dump({**BASE, "model": model}), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return str(caught.value)


def test_etc_passwd_is_not_read(tmp_path):
    message = error_of(scenario_in(tmp_path, catalogue="/etc/passwd"))
    assert "outside the scenario's folder" in message and "root:" not in message


def test_parent_folder_and_symlinks_out_are_refused(tmp_path):
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "cat.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    assert "outside" in error_of(scenario_in(inner, catalogue="../cat.yaml"))
    (inner / "link.yaml").symlink_to(tmp_path / "cat.yaml")
    assert "outside" in error_of(scenario_in(inner, catalogue="link.yaml"))


def test_the_scenarios_folder_below_and_models_are_allowed(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "cat.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_scenario(scenario_in(tmp_path, catalogue="mine/cat.yaml")).catalogue.sessions
    from peakplan.modelfiles import models_dir  # the installed package's models/ (the source tree's when editable)

    assert load_scenario(scenario_in(tmp_path, catalogue=str(models_dir() / "catalogue.yaml"))).catalogue.sessions


def test_a_path_named_on_the_command_line_is_allowed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "cat.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    scenario = scenario_in(home)
    (variant,) = variants(scenario, [parse_setting(f"model.catalogue={elsewhere / 'cat.yaml'}")])
    assert variant.scenario.catalogue.sessions


def test_python_dicts_name_any_path(tmp_path):
    (tmp_path / "cat.yaml").write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    assert scenario_from_dict({**BASE, "model": {"catalogue": str(tmp_path / "cat.yaml")}}).catalogue.sessions


def test_a_secret_file_next_to_the_scenario_is_not_quoted(tmp_path):
    (tmp_path / "secrets.yaml").write_text("api_key: sk-live-123456\npassword: hunter2\n", encoding="utf-8")
    for field in ("catalogue", "readiness"):
        message = error_of(scenario_in(tmp_path, **{field: "secrets.yaml"}))
        assert "is not a peakplan" in message and "contents are not shown" in message
        assert "hunter2" not in message and "sk-live" not in message and "api_key" not in message


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "loop"])
def test_special_model_files_end_at_once(tmp_path, kind):
    target = tmp_path / "cat.yaml"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to("/dev/zero")
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(tmp_path / "b.yaml")
        (tmp_path / "b.yaml").symlink_to(target)
    scenario = scenario_in(tmp_path, catalogue="cat.yaml")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "peakplan.cli", "solve", str(scenario)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert time.monotonic() - started < 60  # no hang (the timeout above would fire first)


def test_a_scenario_that_is_a_fifo_or_device_is_refused(tmp_path):
    fifo = tmp_path / "s.yaml"
    os.mkfifo(fifo)
    assert "named pipe" in error_of(fifo)
    assert "a device" in error_of(Path("/dev/zero"))
