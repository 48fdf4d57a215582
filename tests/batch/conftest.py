"""Batch test helpers: every plan file a batch writes goes through the independent validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from peakplan.batch.athletes import Athlete, file_name
from peakplan.plan.io import read_plan
from peakplan.validate import validate


def validated_plans(out: Path, athletes: list[Athlete]) -> dict[str, bytes]:
    """The bytes of each athlete's plan file, after checking it against the athlete's own scenario
    (as the batch resolved it from its input, not the copy embedded in the plan)."""
    plans = {}
    for athlete in athletes:
        path = out / "plans" / file_name(athlete.athlete)
        assert athlete.scenario is not None and path.is_file(), athlete
        plan = read_plan(path)
        violations = validate(athlete.scenario, plan)
        assert violations == [], "\n".join(str(v) for v in violations)
        assert plan.scenario == athlete.scenario
        plans[athlete.athlete] = path.read_bytes()
    return plans


def summary(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def rows_by_athlete(out: Path) -> dict[str, dict[str, Any]]:
    return {row["athlete"]: row for row in summary(out)["athletes"]}
