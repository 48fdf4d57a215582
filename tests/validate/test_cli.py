"""`peakplan validate SCENARIO PLAN.json`: exit codes 0 / 1 / 2, table, --json, no tracebacks."""

from __future__ import annotations

import json

import pytest
import typer
import yaml
from typer.testing import CliRunner

from peakplan.commands.validate import register

from .plan_builder import BASE_SCENARIO, BASE_WEEKS, build_plan, make_scenario


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer(add_completion=False)
    register(app)

    @app.callback()
    def main() -> None:  # keeps `validate` a subcommand, as in the full peakplan app
        """test app"""

    return app


@pytest.fixture
def files(tmp_path):
    scenario_path = tmp_path / "scenario.yaml"
    scenario_path.write_text(yaml.safe_dump(BASE_SCENARIO), encoding="utf-8")
    plan = build_plan(make_scenario(), BASE_WEEKS)
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    return scenario_path, plan_path, plan


def _run(app, *args):
    return CliRunner().invoke(app, ["validate", *map(str, args)])


def test_ok(app, files):
    scenario_path, plan_path, _ = files
    result = _run(app, scenario_path, plan_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("plan keeps every rule (") and "checks)" in result.output


def test_violations_table_and_json(app, files):
    scenario_path, plan_path, plan = files
    plan["days"][1]["load"] = 99.0
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    result = _run(app, scenario_path, plan_path)
    assert result.exit_code == 1
    assert "plan_consistency" in result.output and "2027-01-05" in result.output
    result = _run(app, scenario_path, plan_path, "--json")
    assert result.exit_code == 1
    assert json.loads(result.output) == [{"rule": "plan_consistency", "where": "2027-01-05",
                                          "amount": "load 99.000 stated, 43.902 recomputed",
                                          "message": result_message(result.output)}]


def result_message(output: str) -> str:
    return json.loads(output)[0]["message"]


@pytest.mark.parametrize(("plan_text", "needle"), [
    # one reader for every command (peakplan.plan.io): a file that is not of the plan format is
    # named as such, with the first fields that are wrong
    (None, "not found"), ("{not json", "not valid JSON"), ("[1, 2]", "not a peakplan plan file"),
    ('{"days": 3}', "field `peakplan_version` is required"),
])
def test_bad_plan_file(app, files, plan_text, needle):
    scenario_path, plan_path, _ = files
    if plan_text is None:
        plan_path.unlink()
    else:
        plan_path.write_text(plan_text, encoding="utf-8")
    result = _run(app, scenario_path, plan_path)
    assert result.exit_code == 2
    assert needle in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_scenario_file(app, files, tmp_path):
    _, plan_path, _ = files
    bad = tmp_path / "bad.yaml"
    bad.write_text("race: [1\n", encoding="utf-8")
    for path in (bad, tmp_path / "missing.yaml"):
        result = _run(app, path, plan_path)
        # the wording is the scenario loader's (ScenarioError); the command prints it as is
        assert result.exit_code == 2 and path.name in result.output and "Traceback" not in result.output


def test_missing_model_file(app, files, tmp_path):
    scenario_path, plan_path, _ = files
    data = dict(BASE_SCENARIO, model={"catalogue": "no/such/catalogue.yaml"})
    scenario_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = _run(app, scenario_path, plan_path)
    # model files are read when the scenario loads: the loader's message names the field and the file
    assert result.exit_code == 2 and "model.catalogue" in result.output and "not found" in result.output
    assert "no/such/catalogue.yaml" in result.output and "Traceback" not in result.output
