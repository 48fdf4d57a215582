"""A scenario that starts from a history file (athlete.history): what it fills in, what it refuses,
and that the shipped sample's history and fitted model are what the two commands make today."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from peakplan.athlete import PRE_BLOCK_DAYS, pre_block_loads, start_state
from peakplan.cli import app
from peakplan.errors import ScenarioError
from peakplan.history import read_history
from peakplan.history import start_state as history_start_state
from peakplan.history.model import Day, History, LoadRules
from peakplan.scenario import load_scenario

from .files import SAMPLE

SCENARIO = SAMPLE / "half-from-history.yaml"
EXPECTED = json.loads((SAMPLE / "expected.json").read_text())
runner = CliRunner()


def _write(tmp_path: Path, athlete: dict, start: str = "2026-09-07", history: Path | None = None) -> Path:
    data = yaml.safe_load(SCENARIO.read_text())
    data["start_date"], data["athlete"] = start, athlete
    data.pop("model")
    if history is not None:
        (tmp_path / "history.json").write_bytes(history.read_bytes())
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_the_sample_fills_in_what_the_scenario_leaves_out() -> None:
    scenario = load_scenario(SCENARIO)
    history = read_history(SAMPLE / "history.json")
    state = history_start_state(history, scenario.start_date)
    athlete = scenario.athlete
    # the summary `peakplan history` prints: weeks 287 209 301 262, longest run 120, parkrun 21:48 on 2026-09-05
    assert [round(m) for m in state.weekly_minutes_last_4] == [287, 209, 301, 262]
    assert athlete.current_weekly_minutes == round(sum(state.weekly_minutes_last_4) / 4) == 265
    assert athlete.longest_recent_run_minutes == 120
    assert athlete.recent_race is not None and (athlete.recent_race.distance, athlete.recent_race.time) == (5.0, "21:48")
    assert np.allclose(athlete.loads_before, state.loads_before, atol=5e-4)
    assert len(athlete.loads_before) == (scenario.start_date - history.first_date).days


def test_stated_fields_win(tmp_path: Path) -> None:
    path = _write(tmp_path, {"history": "history.json", "current_weekly_minutes": 200, "peak_weekly_minutes": 380,
                             "longest_recent_run_minutes": 90, "vdot": 44.0}, history=SAMPLE / "history.json")
    athlete = load_scenario(path).athlete
    assert (athlete.current_weekly_minutes, athlete.longest_recent_run_minutes, athlete.vdot) == (200, 90, 44.0)
    assert athlete.recent_race is None and len(athlete.loads_before) > 0


def _history(first: dt.date, days: int, load: float) -> History:
    rows = [Day(date=first + dt.timedelta(days=i), minutes=40.0, km=8.0, load=load, load_source="duration", sessions=())
            for i in range(days)]
    return History(first_date=first, last_date=rows[-1].date, days=tuple(rows), tests=(), vdot=45.0,
                   rules=LoadRules.model_validate(read_history(SAMPLE / "history.json").rules.model_dump()),
                   skipped=(), other_sports={})


def test_a_long_history_gives_the_pmc_of_its_loads(tmp_path: Path) -> None:
    """Over 500 days the padding before the kept 400 is forgotten: CTL/ATL are the history's own PMC (loads kept to
    3 decimals)."""
    rng = np.random.default_rng(3)
    history = _history(dt.date(2025, 4, 1), 500, 50.0)
    days = tuple(d.model_copy(update={"load": float(rng.uniform(20, 90))}) for d in history.days)
    history = history.model_copy(update={"days": days})
    (tmp_path / "history.json").write_text(history.model_dump_json())
    start = history.last_date + dt.timedelta(days=1)
    scenario = load_scenario(_write(tmp_path, {"history": "history.json", "peak_weekly_minutes": 380},
                                    start=start.isoformat()))
    ctl, atl = start_state(scenario)
    expected = history_start_state(history, start)
    assert len(pre_block_loads(scenario)) == PRE_BLOCK_DAYS
    assert ctl == pytest.approx(expected.ctl, abs=0.01) and atl == pytest.approx(expected.atl, abs=1e-3)


@pytest.mark.parametrize(("athlete", "start", "words"), [
    ({"history": "missing.json", "peak_weekly_minutes": 380}, "2026-09-07", ["athlete.history", "not found"]),
    ({"history": "history.json", "peak_weekly_minutes": 380, "loads_before": [1.0]}, "2026-09-07",
     ["either athlete.history or athlete.loads_before"]),
    ({"history": "history.json", "peak_weekly_minutes": 380}, "2026-05-01", ["history begins on 2026-05-05"]),
    ({"history": "history.json", "peak_weekly_minutes": 380}, "2026-11-02", ["days before the block starts",
                                                                             "peakplan history"]),
])
def test_bad_histories_are_explained(tmp_path: Path, athlete: dict, start: str, words: list[str]) -> None:
    path = _write(tmp_path, athlete, start=start, history=SAMPLE / "history.json")
    if start == "2026-11-02":  # race moved later so the block is long enough
        data = yaml.safe_load(path.read_text())
        data["race"]["date"] = "2027-02-14"
        path.write_text(yaml.safe_dump(data))
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = str(err.value)
    assert str(path) in text and all(w in text for w in words), text


def test_the_shipped_history_and_model_are_what_the_commands_make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """scenarios/history-sample/history.json and fitted-model.yaml, made again (README's two commands)."""
    monkeypatch.chdir(SAMPLE)
    imp = EXPECTED["import"]
    out, model = tmp_path / "history.json", tmp_path / "fitted-model.yaml"
    result = runner.invoke(app, ["history", "activities", "--vdot", str(imp["vdot"]), "--hr-rest", str(imp["hr_rest_bpm"]),
                                 "--hr-threshold", str(imp["hr_threshold_bpm"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (SAMPLE / "history.json").read_bytes()
    result = runner.invoke(app, ["fit", str(out), "-o", str(model), "--tau-fitness", "45", "--tau-fatigue", "11",
                                 "--fitted-on", "2026-09-07"])
    assert result.exit_code == 0, result.output
    assert model.read_text() == (SAMPLE / "fitted-model.yaml").read_text()


def test_report_draws_the_plans_model_against_the_races(tmp_path: Path) -> None:
    from peakplan.fitting import fit_series, series_from_history
    from peakplan.plan.io import write_plan
    from peakplan.planner import solve

    scenario = load_scenario(SCENARIO)
    result = solve(scenario)
    assert result.plan is not None
    plan_path, out = tmp_path / "plan.json", tmp_path / "report.html"
    write_plan(plan_path, result.plan)
    done = runner.invoke(app, ["report", str(plan_path), "--history", str(SAMPLE / "history.json"), "-o", str(out)])
    assert done.exit_code == 0, done.output
    html = out.read_text()
    assert 'id="model-fit-chart"' in html and "9 races of history.json" in html
    # the shipped model is the fixed-tau fit of these races: drawn with the level that fits best, it is that fit
    fit = fit_series(series_from_history(read_history(SAMPLE / "history.json")), "fixed_tau", taus=(45.0, 11.0), draws=0)
    assert f"RMSE {fit.rmse:.2f} VDOT" in html and f"p0 {fit.params.p0:.1f}" in html
