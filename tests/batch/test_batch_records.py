"""What a batch records: the predicted race time when a plan file states one, the input hash,
and a manifest that survives a line cut by a crash."""

from __future__ import annotations

import json
from types import SimpleNamespace

from peakplan.batch.athletes import athletes_from
from peakplan.batch.jobs import Job, predicted_time, solve_job
from peakplan.batch.outdir import MANIFEST, OutputFolder
from peakplan.timefmt import clock

from .helpers import athlete_folder, write_scenario


def test_predicted_time_is_the_plans_predicted_finish() -> None:
    assert predicted_time(SimpleNamespace(prediction=None)) == ""                      # a model not in VDOT
    assert predicted_time(SimpleNamespace(prediction=SimpleNamespace(race_time_s=12520.0))) == "3:28:40"
    assert predicted_time(SimpleNamespace(prediction=SimpleNamespace(race_time_s=2400))) == "40:00"


def test_a_solved_job_carries_the_plan_text_and_its_numbers(tmp_path) -> None:
    athlete = athletes_from(athlete_folder(tmp_path / "a", n=1))[0]
    result = solve_job(Job(athlete.athlete, athlete.scenario_json))
    assert result.status == "OPTIMAL" and result.has_plan
    plan = json.loads(result.plan_json)
    assert result.predicted_time == clock(plan["prediction"]["race_time_s"])
    assert plan["objective"] == result.readiness and plan["bound"] == result.bound
    assert plan["readiness"]["ctl"] == result.race_day_ctl and result.worker_peak_mb > 0
    broken = solve_job(Job("x", "{not json"))
    assert broken.status == "ERROR" and "internal error while solving" in broken.error and not broken.has_plan


def test_input_hash_follows_the_resolved_scenario(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "a", n=2)
    first = {a.athlete: a.input_hash for a in athletes_from(folder)}
    again = {a.athlete: a.input_hash for a in athletes_from(folder)}
    assert first == again and len(set(first.values())) == 2
    with_limit = {a.athlete: a.input_hash for a in athletes_from(folder, time_limit_s=5)}
    assert with_limit["a01"] != first["a01"]                  # the time limit is part of the input
    write_scenario(folder / "a02.yaml", {"athlete.peak_weekly_minutes": 333})
    assert athletes_from(folder)[1].input_hash != first["a02"]


def test_a_cut_manifest_line_is_ignored_and_that_athlete_solved_again(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "a", n=2)
    athletes = athletes_from(folder)
    out = OutputFolder(tmp_path / "out")
    rows = [out.record(a, solve_job(Job(a.athlete, a.scenario_json))) for a in athletes]
    out.finish(rows, {})
    lines = (tmp_path / "out" / MANIFEST).read_text(encoding="utf-8").splitlines()
    (tmp_path / "out" / MANIFEST).write_text(lines[0] + "\n" + lines[1][:40], encoding="utf-8")
    again = OutputFolder(tmp_path / "out")
    assert again.finished(athletes[0]) is not None and again.finished(athletes[1]) is None
    assert OutputFolder(tmp_path / "out", fresh=True).finished(athletes[0]) is None
