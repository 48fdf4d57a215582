"""Fuzz inputs: shipped scenarios, model files and a solved plan, mutated as data and as text.

``make_input(seed, i, bases)`` is a pure function of its arguments, so any input of a run can be
regenerated from its number (FUZZ.md lists the slowest and any failure by number).
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from typing import Any

import yaml

from benchmarks.fuzz.values import alias_bomb, damage_text, deep, many_keys, nasty

KINDS = ("scenario", "model", "plan", "set", "special")
WEIGHTS = (40, 15, 30, 10, 5)
SPECIAL_FILES = ("fifo", "folder", "device", "symlink_loop", "dangling_symlink", "empty", "binary", "huge")
SET_PATHS = ("rules.weekly_ramp.max_increase", "race.goal_time", "race.distance", "athlete.peak_weekly_minutes",
             "availability.max_minutes.sun", "availability.blackout_dates", "model.catalogue", "model.readiness",
             "solver.time_limit_s", "rules.taper.weeks", "rules.quotas.per_phase.build.tempo.min", "rules.ramp_cap",
             "race", "start_date", "rules", "availability.max_minutes.funday", "solver.seed", "name")


@dataclass
class Bases:
    scenarios: list[dict[str, Any]]      # shipped scenarios and the tiny ones, as data
    models: dict[str, dict[str, Any]]    # catalogue, banister, pmc, as data
    plan: dict[str, Any]                 # a solved plan of the tiny scenario, as JSON data
    tiny: dict[str, Any]                 # the tiny scenario the plan was made for


@dataclass
class Input:
    number: int
    kind: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    settings: list[str] = field(default_factory=list)   # --set texts
    special: str = ""                                   # a special file kind, for kind == "special"
    target: str = ""                                    # which file or entry point it aims at


def _slots(data: Any, limit: int = 400) -> list[tuple[Any, Any]]:
    """(container, key) of every value in a data tree (breadth first, at most ``limit``)."""
    out, queue = [], [data]
    while queue and len(out) < limit:
        node = queue.pop(0)
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        for key, value in items:
            out.append((node, key))
            queue.append(value)
    return out


def _op(data: Any, rng: random.Random) -> Any:
    slots = _slots(data)
    if not slots or rng.random() < 0.02:
        return nasty(rng) if rng.random() < 0.5 else [data]
    parent, key = rng.choice(slots)
    kind = rng.randrange(9)
    value = parent[key]
    if kind <= 2:
        parent[key] = copy.deepcopy(nasty(rng))
    elif kind == 3 and isinstance(parent, dict):
        del parent[key]
    elif kind == 4 and isinstance(parent, dict) and isinstance(key, str) and key:
        i = rng.randrange(len(key))
        parent[key[:i] + rng.choice("xz_") + key[i + 1:]] = parent.pop(key)
    elif kind == 5 and isinstance(parent, dict):
        parent[rng.choice(["extra", "rule", "athlet", "enabled", "max_minute", "catalogue", "readiness"])] = nasty(rng)
    elif kind == 6 and isinstance(value, int | float) and not isinstance(value, bool):
        parent[key] = value * rng.choice([0, -1, 0.5, 1.1, 2, 10, 1e6, 1e30])
    elif kind == 7:
        other_parent, other_key = rng.choice(slots)
        parent[key] = copy.deepcopy(other_parent[other_key])
    elif kind == 8 and isinstance(value, list):
        parent[key] = value * rng.choice([0, 2, 50, 3000])
    return data


def _tree(base: Any, rng: random.Random, max_ops: int = 3) -> Any:
    data = copy.deepcopy(base)
    for _ in range(rng.randrange(1, max_ops + 1)):
        data = _op(data, rng)
    return data


def _yaml_text(data: Any, rng: random.Random) -> str:
    try:
        text = yaml.safe_dump(data, sort_keys=rng.random() < 0.3, allow_unicode=rng.random() < 0.7)
    except (yaml.YAMLError, TypeError, ValueError, RecursionError):
        text = "x: 1\n"
    extra = rng.randrange(40)
    if extra == 0:
        return alias_bomb(rng.randrange(3, 10)) + text.replace("name:", "name: *a2\nold_name:", 1)
    if extra == 1:
        return deep(rng.choice([20, 40, 200, 5000]), rng.random() < 0.5) + text
    if extra == 2:
        return text + many_keys(rng.choice([100, 20000]))
    while rng.random() < 0.25:
        text = damage_text(text, rng)
    return text


def _scenario_input(inp: Input, bases: Bases, rng: random.Random) -> None:
    inp.target = "scenario.yaml"
    inp.files["scenario.yaml"] = _yaml_text(_tree(rng.choice(bases.scenarios), rng), rng)


def _model_input(inp: Input, bases: Bases, rng: random.Random) -> None:
    name = rng.choice(list(bases.models))
    field_name = "catalogue" if name == "catalogue" else "readiness"
    scenario = copy.deepcopy(bases.tiny)
    scenario["model"] = {field_name: f"{name}-model.yaml"}
    inp.target = f"{name}-model.yaml"
    inp.files["scenario.yaml"] = yaml.safe_dump(scenario)
    inp.files[inp.target] = _yaml_text(_tree(bases.models[name], rng), rng)


def _plan_input(inp: Input, bases: Bases, rng: random.Random) -> None:
    inp.target = "plan.json"
    data = _tree(bases.plan, rng, max_ops=4)
    shape = rng.randrange(30)
    if shape == 0:
        data = [data]
    elif shape == 1 and isinstance(data, dict):
        data["days"] = [str(d) for d in range(5)]
    elif shape == 2 and isinstance(data, dict) and isinstance(data.get("days"), list) and data["days"]:
        day = data["days"][rng.randrange(len(data["days"]))]
        if isinstance(day, dict) and isinstance(day.get("workout"), dict) and day["workout"].get("blocks"):
            day["workout"]["blocks"] = [{"type": "repeat", "times": rng.choice([10**6, 10**9, 10**15]),
                                         "steps": day["workout"]["blocks"][:1]}]
    try:
        text = json.dumps(data, default=str, ensure_ascii=rng.random() < 0.5)
    except (TypeError, ValueError, RecursionError):
        text = "{}"
    if rng.random() < 0.1:
        text = damage_text(text, rng)
    inp.files["plan.json"] = text


def _set_input(inp: Input, bases: Bases, rng: random.Random) -> None:
    inp.target = "--set"
    inp.files["scenario.yaml"] = yaml.safe_dump(bases.tiny)
    for _ in range(rng.randrange(1, 3)):
        path = rng.choice(SET_PATHS)
        count = rng.choice([1, 2, 3, 1200])
        values = ",".join(str(nasty(rng)).replace(",", ";")[:200] for _ in range(count))
        inp.settings.append(f"{path}={values}" if rng.random() < 0.95 else rng.choice(["=", "x", "a=", "=1"]))


def _special_input(inp: Input, bases: Bases, rng: random.Random) -> None:
    inp.special = rng.choice(SPECIAL_FILES)
    inp.target = rng.choice(["scenario.yaml", "catalogue-model.yaml", "plan.json"])
    scenario = copy.deepcopy(bases.tiny)
    if inp.target != "scenario.yaml":
        scenario["model"] = {"catalogue": "catalogue-model.yaml"}
        inp.files["scenario.yaml"] = yaml.safe_dump(scenario)


def make_input(seed: int, number: int, bases: Bases) -> Input:
    rng = random.Random(f"{seed}:{number}")
    kind = rng.choices(KINDS, WEIGHTS)[0]
    inp = Input(number, kind)
    {"scenario": _scenario_input, "model": _model_input, "plan": _plan_input, "set": _set_input,
     "special": _special_input}[kind](inp, bases, rng)
    return inp
