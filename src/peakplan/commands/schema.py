"""`peakplan schema`: the JSON Schema of scenario files as users write them (or, with --plan, of
plan files). Editors' YAML language servers take it: docs/editor.md."""

from __future__ import annotations

import json
from typing import Annotated

import typer


def schema_command(
    plan: Annotated[bool, typer.Option("--plan", help="the plan file's schema instead of the scenario's")] = False,
) -> None:
    """Print the JSON Schema of a scenario file, every field with its unit and default (or of a plan file
    with --plan)."""
    if plan:
        from peakplan.plan.file import PlanFile

        print(json.dumps(PlanFile.model_json_schema(mode="serialization"), indent=2))
        return
    from peakplan.scenario.input_schema import input_json_schema

    print(json.dumps(input_json_schema(), indent=2, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
