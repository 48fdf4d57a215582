"""`peakplan schema`: the JSON Schema of the scenario file a user writes, derived from the resolved
Scenario and models/defaults.yaml. Every shipped scenario, the test suite's scenarios and the
README example pass it (read as an editor's YAML 1.2 language server reads them: dates are text);
every field has a description, every rule field a default (one, or one per race distance)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from compare.helpers import TINY
from reliability.cases import BASE as TINY_10K
from reliability.cases import CASES
from reliability.test_interrupt import SLOW
from typer.testing import CliRunner
from validate.plan_builder import BASE_SCENARIO

from peakplan.cli import app
from peakplan.scenario import load_scenario
from peakplan.scenario.input_schema import input_model, rule_defaults
from peakplan.scenario.schema import Rules

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2 core as editors read it: a date is a string (no timestamp type)."""


EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def as_editor_reads(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)


def json_ready(data: Any) -> Any:
    """Dates in Python dicts written as the ISO text a file holds."""
    return json.loads(json.dumps(data, default=str))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_passes(schema, path):
    assert errors(schema, as_editor_reads(path.read_text(encoding="utf-8"))) == []
    load_scenario(path)  # and the loader takes it


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    scenario_blocks = [b for b in blocks if "start_date:" in b]
    assert scenario_blocks, "the README shows no scenario"
    return scenario_blocks[0]


def test_the_readme_example_passes(schema):
    assert errors(schema, as_editor_reads(readme_example())) == []


TEST_SCENARIOS = {"validate base": BASE_SCENARIO, "reliability tiny 10K": TINY_10K, "compare tiny": TINY,
                  "interrupt slow": SLOW}


@pytest.mark.parametrize("name", list(TEST_SCENARIOS))
def test_the_suites_scenarios_pass(schema, name):
    assert errors(schema, json_ready(TEST_SCENARIOS[name])) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_over_constrained_cases_pass(schema, case, tmp_path):
    # infeasible, but well-formed: the schema is about form, the solver about feasibility
    assert errors(schema, json_ready(case.data(tmp_path))) == []


def test_units_and_sexagesimal_looking_times_pass(schema):
    text = (SHIPPED[0].read_text(encoding="utf-8").replace("distance: 10k", "distance: 6.2mi")
            .replace('goal_time: "45:00"', "goal_time: 45:00"))
    data = as_editor_reads(text)
    assert errors(schema, data) == []


def test_typos_and_wrong_types_fail(schema):
    data = as_editor_reads(SHIPPED[0].read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    bad["athlete"]["current_weekly_minuts"] = 200
    assert any("current_weekly_minuts" in e for e in errors(schema, bad))
    bad = copy.deepcopy(data)
    bad["rules"] = {"taper": {"weeks": "two"}}
    assert any(e.startswith("rules") for e in errors(schema, bad))
    bad = copy.deepcopy(data)
    bad["catalogue"] = {"sessions": {}}  # filled in from model.catalogue, never written
    assert errors(schema, bad)
    bad = copy.deepcopy(data)
    bad["race"]["distance"] = "3.1 furlongs"
    assert errors(schema, bad)


def _properties(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    return schema["$defs"][ref.rsplit("/", 1)[-1]]["properties"]


def test_every_field_has_a_description(schema):
    missing = [f"{name}.{field}" for name, model in schema["$defs"].items()
               for field, spec in model.get("properties", {}).items() if not spec.get("description")]
    missing += [field for field, spec in schema["properties"].items() if not spec.get("description")]
    assert missing == []


def test_every_rule_field_is_optional_with_its_default(schema):
    """Derived, not copied: every field of every rule in the Scenario model is here, optional, with
    the default of models/defaults.yaml (or the defaults by race distance in its description)."""
    rules = _properties(schema, "RulesInput")
    defaults = rule_defaults()
    assert set(rules) == set(Rules.model_fields)
    for rule, spec in rules.items():
        model = Rules.model_fields[rule].annotation
        fields = _properties(schema, spec["$ref"])
        assert set(fields) == set(model.model_fields), rule
        assert not schema["$defs"][spec["$ref"].rsplit("/", 1)[-1]].get("required"), rule
        for name, field in fields.items():
            by_distance = defaults.get(rule, {}).get(name)
            if by_distance is None:
                continue
            values = json.loads(json.dumps(list(by_distance.values())))  # as JSON holds them: keys are text
            if all(v == values[0] for v in values):
                assert field["default"] == values[0], (rule, name)
            else:
                assert "Default by race distance: " in field["description"], (rule, name)


def test_units_in_descriptions(schema):
    athlete = schema["$defs"]["AthleteInput"]["properties"]
    assert "minutes" in athlete["current_weekly_minutes"]["description"]
    assert "share" in _properties(schema, "#/$defs/WeeklyRampInput")["max_increase"]["description"]
    assert "seconds" in schema["$defs"]["SolverInput"]["properties"]["time_limit_s"]["description"]


def test_the_pydantic_input_model_takes_the_shipped_files():
    for path in SHIPPED:
        input_model().model_validate(as_editor_reads(path.read_text(encoding="utf-8")))
