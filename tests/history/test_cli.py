"""`peakplan history` then `peakplan fit` on the shipped synthetic sample, and their bad-input paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.history import read_history
from peakplan.modelfiles import BanisterModel, load_readiness

from .files import ROOT, SAMPLE, fit_run

runner = CliRunner()
EXPECTED = json.loads((SAMPLE / "expected.json").read_text())
IMPORT = ["--vdot", str(EXPECTED["import"]["vdot"]), "--hr-rest", str(EXPECTED["import"]["hr_rest_bpm"]),
          "--hr-threshold", str(EXPECTED["import"]["hr_threshold_bpm"])]


@pytest.fixture(scope="module")
def sample_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("history") / "history.json"
    result = runner.invoke(app, ["history", str(SAMPLE / "activities"), *IMPORT, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.stdout


def test_history_summary_of_the_sample(sample_history: tuple[Path, str]) -> None:
    path, printed = sample_history
    history = read_history(path)
    assert len(history.tests) == len(EXPECTED["races"]) == 9
    assert "tests: 9" in printed and "cycling 1" in printed and "broken-watch.fit: is truncated" in printed
    assert "CTL" in printed and "best recent race" in printed and "last 4 weeks" in printed
    assert history.other_sports == {"cycling": 1}
    assert sorted(s.kind for s in history.skipped) == ["duplicate", "other_sport", "unreadable"]
    sources = {s.load_source for d in history.days for s in d.sessions}
    assert sources == {"pace", "hr", "rpe"}  # treadmill TCX without distance: heart rate; the no-watch row: RPE


def test_sample_races_match_the_model_that_made_them(sample_history: tuple[Path, str]) -> None:
    """expected.json and the files agree: each race's VDOT is the model's value (times rounded to 1 s)."""
    history = read_history(sample_history[0])
    for test, race in zip(history.tests, EXPECTED["races"], strict=True):
        assert str(test.date) == race["date"]
        assert test.vdot == pytest.approx(race["model_vdot"], abs=0.03)


def test_fit_writes_a_model_a_scenario_can_name(sample_history: tuple[Path, str], tmp_path: Path) -> None:
    model, chart = tmp_path / "my-model.yaml", tmp_path / "fit.svg"
    result = runner.invoke(app, ["fit", str(sample_history[0]), "-o", str(model), "--chart", str(chart),
                                 "--tau-fitness", "45", "--tau-fatigue", "11", "--fitted-on", "2026-09-07",
                                 "--draws", "100"])
    assert result.exit_code == 0, result.output
    loaded = load_readiness(str(model))
    assert isinstance(loaded, BanisterModel)
    text = model.read_text()
    assert "fitted by `peakplan fit` on 2026-09-07" in text and "day's own load excluded" in text
    assert "residuals" in result.stdout and "95 %" in result.stdout
    truth = EXPECTED["true_params"]
    assert (loaded.tau_fitness_days, loaded.tau_fatigue_days) == (45.0, 11.0)   # auto chose the fixed-tau fit
    intervals = dict(line.split(" 95 % ") for line in result.stdout.splitlines() if " 95 % [" in line)
    for name in ("k1", "k2", "p0"):
        key = next(k for k in intervals if k.split()[0] == name)
        low, high = (float(x) for x in intervals[key].strip("[]").split(", "))
        assert low <= truth[name] <= high, (name, low, high)
    assert chart.read_text().startswith("<svg")


def test_outputs_never_overwrite_inputs_or_foreign_files(tmp_path: Path) -> None:
    run = tmp_path / "run.fit"
    run.write_bytes(fit_run())
    result = runner.invoke(app, ["history", str(run), "--vdot", "45", "-o", str(run)])
    assert result.exit_code == 2 and "one of the inputs" in result.stderr
    notes = tmp_path / "notes.json"
    notes.write_text("my notes")
    result = runner.invoke(app, ["history", str(run), "--vdot", "45", "-o", str(notes)])
    assert result.exit_code == 2 and "not written by peakplan" in result.stderr
    assert notes.read_text() == "my notes" and run.read_bytes() == fit_run()


def test_bad_inputs_exit_2_with_one_message(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,minutes\n2026-02-30,40\n")
    result = runner.invoke(app, ["history", str(log)])
    assert result.exit_code == 2 and "line 2, column `date`" in result.stderr and "Traceback" not in result.output
    run = tmp_path / "run.fit"
    run.write_bytes(fit_run())
    history = tmp_path / "h.json"
    assert runner.invoke(app, ["history", str(run), "--vdot", "45", "-o", str(history)]).exit_code == 0
    result = runner.invoke(app, ["fit", str(history)])
    assert result.exit_code == 2 and "no races or time trials" in result.stderr
    result = runner.invoke(app, ["fit", str(history), "--convention", "included", "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 2 and "cannot be written" in result.stderr
    assert runner.invoke(app, ["history", str(run), "--threshold-pace", "fast"]).exit_code == 2
    assert runner.invoke(app, ["history", str(run), "--vdot", "120"]).exit_code == 2


def test_commands_import_only_what_they_need(sample_history: tuple[Path, str], tmp_path: Path) -> None:
    checks = {"history": (["history", str(SAMPLE / "activities" / "log.csv")], ("ortools", "scipy")),
              "fit": (["fit", str(sample_history[0]), "--variant", "fixed-tau"], ("ortools",))}
    for argv, forbidden in checks.values():
        code = ("import sys; from peakplan.cli import main; rc = main(sys.argv[1:]); "
                f"bad = [m for m in {forbidden!r} if m in sys.modules]; assert not bad, bad; sys.exit(rc)")
        out = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
