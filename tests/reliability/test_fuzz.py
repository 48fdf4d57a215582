"""Fuzz: random text and random mutations of the shipped scenario files, through the loader and the
CLI in-process. Never a traceback; only ScenarioError from the loader; only documented exit codes.

The number of fuzzed inputs that ran is printed at the end and written to tests/.reports/fuzz.txt.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peakplan.cli import app
from peakplan.scenario import Scenario, ScenarioError, load_scenario

from .conftest import EXITS, FUZZ

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
SMALL = [p for p in SHIPPED if p.stem in ("5k-8w", "10k-12w")]  # quick to solve, for the CLI fuzz
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3}
FUZZ_SETTINGS = settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

ODD_VALUES = [None, "", "text", "0", -1, -1000, 0, 10**12, 1e308, -0.5, 0.5, 3.7, True, False, [], [1, "a"], {},
              {"x": 1}, "2027-02-30", "2026-01-01", dt.date(1999, 1, 1), dt.date(2100, 1, 1), math.nan, math.inf,
              "3:30:00", "monday", "marathn", "∞", "a" * 300]


def leaf_paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path of a nested dict/list (dict keys and list indexes)."""
    paths = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        paths.append((*prefix, key))
        paths.extend(leaf_paths(value, (*prefix, key)))
    return paths


def parent_of(data: Any, path: tuple) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def typo(word: str, i: int, kind: int) -> str:
    if not word:
        return "x"
    i %= len(word)
    if kind == 0:
        return word[:i] + word[i + 1:] or "x"            # drop a letter
    if kind == 1 and len(word) > 1:
        j = min(i + 1, len(word) - 1)
        chars = list(word)
        chars[i], chars[j] = chars[j], chars[i]
        return "".join(chars)                            # swap two letters
    return word[:i] + "z" + word[i:]                     # insert a letter


RULES = {"weekly_ramp": {"max_increase": 0.10}, "hard_easy": {"max_hard_per_week": 2},
         "long_run": {"max_share_of_week": 0.30, "max_minutes": 120}, "intensity_mix": {"min_low_intensity_share": 0.75},
         "taper": {"volume_reduction": 0.5}, "quotas": {"per_phase": {"build": {"tempo": {"min": 1}}}}}
BREAKING = ["delete", "retype", "typo", "swap_dates", "negate", "unknown", "blackout"]
VALUES_ONLY = ["tweak"] * 6 + BREAKING  # mostly valid files that may be infeasible, for the CLI


@st.composite
def mutated(draw, files: list[Path], kinds: list[str] = BREAKING) -> str:
    """A shipped scenario after 1-3 random mutations, as YAML text (sometimes mangled as text)."""
    path = draw(st.sampled_from(files))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("rules", copy.deepcopy(RULES))
    for _ in range(draw(st.integers(1, 3))):
        paths = leaf_paths(data)
        target = draw(st.sampled_from(paths))
        parent, key = parent_of(data, target), target[-1]
        kind = draw(st.sampled_from(kinds))
        if kind == "tweak":  # a plausible new value: x 0..2.5, same type
            numbers = [p for p in paths if isinstance(parent_of(data, p)[p[-1]], int | float)
                       and not isinstance(parent_of(data, p)[p[-1]], bool)]
            target = draw(st.sampled_from(numbers))
            parent, key = parent_of(data, target), target[-1]
            factor = draw(st.sampled_from([0, 0.25, 0.5, 0.8, 0.9, 1.1, 1.25, 1.5, 2, 2.5]))
            value = parent[key] * factor
            parent[key] = round(value) if isinstance(parent[key], int) else round(value, 3)
        elif kind == "delete":
            del parent[key]
        elif kind == "retype":
            parent[key] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif kind == "typo" and isinstance(parent, dict) and isinstance(key, str):
            parent[typo(key, draw(st.integers(0, 40)), draw(st.integers(0, 2)))] = parent.pop(key)
        elif kind == "swap_dates" and isinstance(data.get("race"), dict) and "date" in data["race"]:
            data["start_date"], data["race"]["date"] = data["race"]["date"], data.get("start_date")
        elif kind == "negate" and isinstance(parent[key], int | float) and not isinstance(parent[key], bool):
            parent[key] = -parent[key] - draw(st.sampled_from([0, 1, 0.5]))
        elif kind == "unknown" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "rule", "athlet", "max_minute", "enabled"]))] = 1
        elif kind == "blackout" and isinstance(data.get("availability"), dict):
            shift = draw(st.integers(-400, 400))
            data["availability"]["blackout_dates"] = [dt.date(2027, 1, 1) + dt.timedelta(days=shift)]
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if draw(st.booleans()) and draw(st.integers(0, 4)) == 0:  # now and then, damage the text itself
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["\t", ": :", "[", "{", "- ", "\n  x", "'", "&a *a", ""])) + text[at:]
    return text


def load_text(text: str) -> Scenario | None:
    """load_scenario on ``text`` in a file: a Scenario or None (ScenarioError); anything else fails."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scenario.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            return load_scenario(path)
        except ScenarioError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)
            return None


def run_cli(text: str, *extra: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scenario.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            result = CliRunner().invoke(app, ["solve", str(path), "-q", *extra])
        except SystemExit as exc:  # pragma: no cover - CliRunner normally catches it
            return int(exc.code or 0)
    assert "Traceback" not in result.output, result.output
    assert "internal error" not in result.output, result.output
    assert result.exit_code in DOCUMENTED_EXIT_CODES, (result.exit_code, result.output)
    if result.exit_code == 2:
        assert result.output.startswith("error: ") or "Usage:" in result.output, result.output
    EXITS[result.exit_code] += 1
    return result.exit_code


@settings(FUZZ_SETTINGS, max_examples=150)
@given(st.text(max_size=400) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_loader_on_random_text(text):
    load_text(text)
    FUZZ["loader: random text"] += 1


@settings(FUZZ_SETTINGS, max_examples=250)
@given(mutated(SHIPPED))
def test_loader_on_mutated_scenarios(text):
    load_text(text)
    FUZZ["loader: mutated scenarios"] += 1


@settings(FUZZ_SETTINGS, max_examples=40)
@given(st.text(max_size=200))
def test_cli_on_random_text(text):
    assert run_cli(text) == 2
    FUZZ["cli: random text"] += 1


@settings(FUZZ_SETTINGS, max_examples=30)
@given(mutated(SMALL, VALUES_ONLY))
def test_cli_on_mutated_scenarios(text):
    run_cli(text, "--time-limit", "0.5", "--explain-limit", "2")
    FUZZ["cli: mutated scenarios"] += 1
