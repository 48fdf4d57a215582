"""The plan file's JSON Schema in docs/ is current, and every plan the suite writes conforms to it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from peakplan.plan.file import PlanFile
from peakplan.plan.io import PlanFileError, plan_from_json

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docs" / "plan-file.schema.json"


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == PlanFile.model_json_schema(mode="serialization"), \
        "docs/plan-file.schema.json is stale: run `peakplan schema --plan > docs/plan-file.schema.json`"


def test_every_field_has_a_description() -> None:
    schema = PlanFile.model_json_schema(mode="serialization")
    defs = schema["$defs"]
    plan_models = ("PlanDay", "PlanWeek", "Readiness", "RaceInfo", "TightRule", "Step", "Repeat", "Target", "Workout",
                   "Paces")
    missing = [f"{name}.{field}" for name in plan_models for field, spec in defs[name]["properties"].items()
               if "description" not in spec and field not in ("type", "part", "target")]
    assert not missing


@pytest.mark.parametrize("name", ["5k-8w", "marathon-16w"])
def test_written_plans_conform_to_the_schema(name: str, shipped_results) -> None:
    plan = shipped_results[name].plan
    document = json.loads(plan.to_json())
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert plan_from_json(plan.to_json()) == plan  # and the one reader reads it back unchanged


def test_a_plan_that_breaks_the_schema_is_bad_input(shipped_results) -> None:
    document = json.loads(shipped_results["5k-8w"].plan.to_json())
    document["days"][3]["minutes"] = "thirty"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    with pytest.raises(PlanFileError, match=r"days\[3\]\.minutes"):
        plan_from_json(json.dumps(document))
