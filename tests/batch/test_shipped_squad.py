"""The shipped squad table: 120 athletes over scenarios/marathon-16w.yaml that all load, as the
generator makes them, and whose plans validate (a few solved here; benchmarks/BATCH.md runs all)."""

from __future__ import annotations

import sys
from pathlib import Path

from peakplan.batch.athletes import athletes_from
from peakplan.batch.jobs import Job, solve_job
from peakplan.plan.io import plan_from_json
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.squad_table import write

SQUAD = ROOT / "scenarios" / "squad" / "athletes.csv"
BASE = ROOT / "scenarios" / "marathon-16w.yaml"


def test_the_squad_table_is_what_its_generator_writes(tmp_path) -> None:
    assert write(tmp_path / "athletes.csv").read_bytes() == SQUAD.read_bytes()


def test_every_squad_athlete_loads_and_they_differ() -> None:
    athletes = athletes_from(SQUAD, BASE)
    assert len(athletes) >= 100 and all(a.scenario is not None and not a.error for a in athletes)
    scenarios = [a.scenario for a in athletes if a.scenario is not None]
    assert len({a.input_hash for a in athletes}) == len(athletes)
    assert {s.availability.long_run_day for s in scenarios} == {"sat", "sun"}
    assert len({s.athlete.peak_weekly_minutes for s in scenarios}) > 20
    assert all(s.athlete.recent_race is not None and s.race.goal_time for s in scenarios)


def test_a_few_squad_plans_solve_and_validate() -> None:
    for athlete in athletes_from(SQUAD, BASE)[:3]:
        assert athlete.scenario is not None
        result = solve_job(Job(athlete.athlete, athlete.scenario_json))
        assert result.status in ("OPTIMAL", "FEASIBLE"), result.error   # proof may outlast the limit on a busy machine
        assert validate(athlete.scenario, plan_from_json(result.plan_json)) == []
