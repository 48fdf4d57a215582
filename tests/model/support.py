"""Helpers shared by the model tests (tests/model/...).

Everything builds on the root ``tests/conftest.py`` helpers: ``scenario(**dotted_overrides)`` (the
tiny 4-week 10K scenario) and ``solve_checked(sc)`` (solve + independent validator). They are
loaded by file path so these tests do not depend on which ``conftest`` module pytest imported
last (tests/validate has a conftest of its own).

The base scenario, as the model tests read it (docs/rules.md "Calendar", "Phases"):
Mon 2027-01-04 .. race Sun 2027-01-31: N = 28 days, T = 27, W = 4 full weeks (days 0-6, 7-13,
14-20, 21-27). 10K defaults: taper.weeks = 0, so R = 3 loading weeks. Phase split of R = 3 with
shares .30/.25/.30/.15: quotas .9/.75/.9/.45, floors all 0, three leftover weeks by largest
remainder (ties: peak, race_specific, build, base) -> race_specific, base, build: so
week 1 base, week 2 build, week 3 race_specific, week 4 race_week. No deload (4 does not divide
1 or 2). Availability mon 45, tue 60, wed 45, thu 60, fri 0, sat 60, sun 100: 370 min in a full
week, 270 min on the training days (Mon-Sat) of race week.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from typing import Any

import yaml

_ROOT_CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def _root_conftest():
    mod = sys.modules.get("conftest")
    if mod is not None and Path(getattr(mod, "__file__", "") or "").resolve() == _ROOT_CONFTEST:
        return mod
    name = "peakplan_tests_root_conftest"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _ROOT_CONFTEST)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


_conf = _root_conftest()
scenario = _conf.scenario
solve_checked = _conf.solve_checked
validated = _conf.validated

from peakplan.explain import explain
from peakplan.planner import solve

# Every switchable family of docs/rules.md (availability is always on; form_window has no switch).
SWITCHABLE = ("phases", "weekly_ramp", "deload", "hard_easy", "long_run", "intensity_mix",
              "quality_caps", "taper", "race_week", "quotas")

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BASE_AVAILABILITY = {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60, "sun": 100}
MODELS = Path(__file__).resolve().parents[2] / "models"

# Readiness models written to tmp files (absolute paths in model.readiness).
# FLAT: p = sum_d load_d * e^{-(T-d)/1000}: every minute of load helps, almost equally (weights
# differ by 0.1 % a day, later days slightly preferred). Caps are then filled exactly.
FLAT = {"kind": "banister", "k1": 1.0, "k2": 0.0, "tau_fitness_days": 1000.0, "tau_fatigue_days": 1.0, "p0": 0.0}
# RACE_WEEK_REST: c(n) = e^{-n/1000} - k2 e^{-n/100} with k2 = e^{6.5 (1/100 - 1/1000)} = e^{0.0585}
# crosses zero at t* = ln(k2)/(1/100 - 1/1000) = 6.5 days: loads in the race week (n = 1..6 days
# before the race) cost readiness, every earlier load gains (c(7) > 0). |c| <= 0.06 in race week
# while c(n) >= 0.004 before, so floors on the race week bind without making earlier weeks shrink.
RACE_WEEK_REST = {"kind": "banister", "k1": 1.0, "k2": math.exp(0.0585), "tau_fitness_days": 1000.0,
                  "tau_fatigue_days": 100.0, "p0": 0.0}
# WIDE_PMC: the PMC model with a form window that never binds.
WIDE_PMC = {"kind": "pmc", "tau_ctl_days": 42.0, "tau_atl_days": 7.0, "tsb_min": -1.0e6, "tsb_max": 1.0e6}


def write_yaml(tmp_path: Path, name: str, data: dict) -> str:
    path = Path(tmp_path) / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path.resolve())


def catalogue(tmp_path: Path, sessions: dict[str, dict], name: str = "catalogue") -> str:
    """A catalogue file with ``sessions``; absolute path for ``model.catalogue``."""
    return write_yaml(tmp_path, name, {"sessions": sessions})


def readiness(tmp_path: Path, data: dict, name: str = "readiness") -> str:
    return write_yaml(tmp_path, name, data)


def only(*families: str, **overrides: Any):
    """The base scenario with every switchable family off except ``families``, plus overrides."""
    off = {f"rules.{f}.enabled": False for f in SWITCHABLE if f not in families}
    for f in families:
        assert f in SWITCHABLE, f
    return scenario(**{**off, **overrides})


def conflict_families(sc) -> set[str]:
    """Families named by the explanation of an infeasible scenario."""
    explanation = explain(sc)
    assert explanation.complete
    return {c.rule for c in explanation.conflicts}


def conflicts(sc) -> list[tuple[str, str]]:
    return [(c.rule, c.where) for c in explain(sc).conflicts]


def assert_infeasible(sc, family: str) -> set[str]:
    result = solve(sc, explain=False)   # explained below, with the completeness check
    assert result.status == "INFEASIBLE", result.status
    named = conflict_families(sc)
    assert family in named, named
    return named


def week_days(result, week: int, training_only: bool = True):
    return [d for d in result.days if d.week == week and (not training_only or d.session != "race")]


def week_minutes(result, week: int) -> int:
    """V(w) recomputed from the plan's days (race excluded)."""
    return sum(d.minutes for d in week_days(result, week))


def running_days(result, week: int) -> int:
    return sum(1 for d in week_days(result, week) if d.minutes > 0)


def sessions_of(result, week: int) -> list[str]:
    return [d.session for d in week_days(result, week)]
