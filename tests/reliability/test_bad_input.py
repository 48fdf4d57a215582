"""Bad input: one clear message naming the file, the field (and line) and the fix; exit code 2;
never a traceback. Internal errors exit 70. Plan files are written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from peakplan.cli import app, main
from peakplan.plan.build import build_plan
from peakplan.plan.io import write_plan
from peakplan.scenario import ScenarioError, load_scenario, scenario_from_dict

from .cases import BASE

BASE_TEXT = yaml.safe_dump(BASE, sort_keys=False)  # line 1 name, 2 start_date, 3 race, 4 distance, 5 date


def write(tmp_path: Path, text: str, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return str(info.value)


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("distance: 10k", "distance: marathn"),
     ["line 4", "race.distance", "Did you mean 'marathon'?"]),
    (lambda t: t.replace("athlete:", "athelte:"), ["unknown field `athelte`", "Did you mean `athlete`?"]),
    (lambda t: t.replace("  mon: 45", "  monday: 45"), ["`monday` is not allowed", "Did you mean `mon`?"]),
    (lambda t: t.replace("peak_weekly_minutes: 300", "peak_weekly_minutes: -300"),
     ["field `athlete.peak_weekly_minutes` = -300", "greater than 0"]),
    (lambda t: t.replace("peak_weekly_minutes: 300", "peak_weekly_minutes: lots"),
     ["athlete.peak_weekly_minutes", "'lots'", "valid integer"]),
    (lambda t: t.replace("date: '2027-01-31'", "date: 2026-12-01"),
     ["line 5", "race.date 2026-12-01 is before start_date 2027-01-04", "Fix one of the two dates"]),
    (lambda t: t.replace("date: '2027-01-31'", "date: 2027-02-30"), ["line 5", "not a real date", "YYYY-MM-DD"]),
    (lambda t: t.replace("long_run_day: sun", "long_run_day: sun\n  blackout_dates: [2026-12-24]"),
     ["availability.blackout_dates[0] = 2026-12-24", "before start_date", "remove it or fix the date"]),
    (lambda t: t.replace("long_run_day: sun", "long_run_day: sun\n  blackout_dates: [2027-03-01]"),
     ["on or after race day"]),
    (lambda t: t.replace("distance: 10k", "distance: -5"), ["race.distance", "-5 km is not a race distance"]),
    (lambda t: t.replace("distance: 10k", "distance: .nan"), ["race.distance", "not a finite number"]),
    (lambda t: t.replace("distance: 10k", "distance: 10k\n  goal_time: '99:00:00'"),
     ["race.goal_time", "5940 minutes"]),
    (lambda t: t.replace("  mon: 45", "  mon: 4500"), ["availability.max_minutes.mon = 4500", "between 0"]),
    (lambda t: t + "rules:\n  long_run: {max_shar_by_days: {3: 0.3}}\n",
     ["unknown field `rules.long_run.max_shar_by_days`", "Did you mean `max_share_by_days`?"]),
    (lambda t: t + "rules:\n  quotas: {per_phase: {bulid: {tempo: {min: 1}}}}\n", ["Did you mean `build`?"]),
    (lambda t: t + "rules:\n  quotas: {per_phase: {build: {tempo: {mni: 1}}}}\n", ["Did you mean `min`?"]),
    (lambda t: t + "start_date: '2027-01-05'\n", ["key `start_date` is written twice", "Keep one"]),
    (lambda t: t.replace("athlete:", "athlete: [1, 2\n"), ["malformed YAML at line"]),
    (lambda t: "\x1f" + t, ["line 1", "#x001f is not allowed"]),
    (lambda t: "- a\n- b\n", ["must be a YAML mapping"]),
])
def test_scenario_errors_name_file_field_line_and_fix(tmp_path, edit, expected):
    path = write(tmp_path, edit(BASE_TEXT))
    message = error_of(path)
    assert message.startswith(str(path))
    for part in expected:
        assert part in message, message
    result = cli("solve", str(path), "-q")
    assert result.exit_code == 2 and result.output.startswith("error: ") and "Traceback" not in result.output


def test_field_errors_carry_the_line_of_the_field(tmp_path):
    text = BASE_TEXT.replace("peak_weekly_minutes: 300", "peak_weekly_minutes: 0")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "peak_weekly_minutes" in t)
    assert f"scenario.yaml, line {line}: field `athlete.peak_weekly_minutes`" in error_of(write(tmp_path, text))


@pytest.mark.parametrize("model, content, expected", [
    ("readiness: pmcc", None, ["models/ has no such file", "Did you mean 'pmc'?"]),
    ("readiness: missing.yaml", None, ["missing.yaml not found", "model.readiness", "Check the path"]),
    ("readiness: broken.yaml", "kind: pmc\ntau_ctl_days: [\n", ["broken.yaml: malformed YAML at line 3"]),
    ("catalogue: pmc", None, ["this is a readiness model", "model.catalogue must name a session catalogue"]),
    ("catalogue: cat.yaml", "sessions:\n  easy: {intensity_factor: 0.7, min_minutes: -5, max_minutes: 60, hard: false}\n",
     ["cat.yaml, line 2", "sessions.easy.min_minutes", "greater than or equal to 0"]),
    ("readiness: inf.yaml", "kind: banister\nk1: .inf\nk2: 0.2\ntau_fitness_days: 40\ntau_fatigue_days: 10\n",
     ["inf.yaml, line 2", "`k1` is not a finite number"]),
    ("readiness: big.yaml", "kind: banister\nk1: 1e9\nk2: 0.2\ntau_fitness_days: 40\ntau_fatigue_days: 10\n",
     ["big.yaml, line 2", "absurd"]),
])
def test_model_file_errors(tmp_path, model, content, expected):
    if content is not None:
        write(tmp_path, content, model.split(": ")[1])
    path = write(tmp_path, BASE_TEXT + f"model: {{{model}}}\n")
    result = cli("solve", str(path), "-q")
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ") and "Traceback" not in result.output
    for part in expected:
        assert part in result.output, result.output


def test_quota_for_an_unknown_session_type_suggests_the_closest(tmp_path):
    path = write(tmp_path, BASE_TEXT + "rules:\n  quotas: {per_phase: {build: {tempoo: {min: 1}}}}\n")
    result = cli("solve", str(path), "-q")
    assert result.exit_code == 2 and "Did you mean 'tempo'?" in result.output


@pytest.mark.parametrize("args, expected", [
    (["solve", "nowhere.yaml"], "file not found"),
    (["solve", "."], "is a folder"),
    (["solve", "{base}", "--time-limit", "-1"], "--time-limit -1.0: Input should be greater than 0"),
    (["solve", "{base}", "--workers", "0"], "--workers 0"),
    (["solve", "{base}", "--out", "{folder}"], "is a folder; give a file name"),
    (["validate", "{base}", "nowhere.json"], "plan file not found"),
])
def test_cli_bad_arguments_exit_2(tmp_path, args, expected):
    base = write(tmp_path, BASE_TEXT)
    result = cli(*(a.format(base=base, folder=tmp_path) for a in args))
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output


def test_internal_error_exits_70_with_one_paragraph(tmp_path, monkeypatch):
    import peakplan.planner as planner  # the solve command imports planner.solve when it runs

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(planner, "solve", broken)
    base = write(tmp_path, BASE_TEXT)
    result = cli("solve", str(base), "-q")
    assert result.exit_code == 70
    assert result.output.startswith("internal error: ZeroDivisionError: a bug")
    assert "Traceback" not in result.output and "--debug" in result.output
    debug = cli("solve", str(base), "-q", "--debug")
    assert debug.exit_code == 70 and "Traceback" in debug.output


def test_main_returns_exit_codes_without_raising(tmp_path, capsys):
    assert main(["solve", str(tmp_path / "nowhere.yaml")]) == 2
    assert main(["solve"]) == 2  # usage error
    assert main(["schema"]) == 0
    assert "error: " in capsys.readouterr().err


def test_interrupted_plan_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    target.write_text('{"previous": true}\n', encoding="utf-8")
    sc = scenario_from_dict(BASE)
    plan = build_plan(sc, ["rest"] * (sc.n_days - 1), [0] * (sc.n_days - 1))

    def crash(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_plan(target, plan)
    assert json.loads(target.read_text(encoding="utf-8")) == {"previous": True}
    assert list(tmp_path.iterdir()) == [target]
