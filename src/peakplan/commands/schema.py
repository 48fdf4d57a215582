"""`peakplan schema`: the JSON Schema of scenario files."""

from __future__ import annotations

import json

import typer

from peakplan.scenario import Scenario


def schema_command() -> None:
    """Print the JSON Schema of a scenario file."""
    print(json.dumps(Scenario.model_json_schema(), indent=2))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
