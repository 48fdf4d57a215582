"""Helpers shared by the model tests (tests/model/...).

Everything builds on the root ``tests/conftest.py`` helpers: ``scenario(**dotted_overrides)`` (the
tiny 4-week 10K scenario) and ``solve_checked(sc)`` (solve + independent validator). They are
loaded by file path so these tests do not depend on which ``conftest`` module pytest imported
last (tests/validate has a conftest of its own).

The base scenario, as the model tests read it (docs/rules.md "Calendar", "Phases"):
Mon 2027-01-04 .. race Sun 2027-01-31: N = 28 days, T = 27, W = 4 full weeks (days 0-6, 7-13,
14-20, 21-27). 10K defaults: taper.weeks = 1, so R = W - 1 - 1 = 2 loading weeks. Phase split of
R = 2 with shares .30/.25/.30/.15: q = .6/.5/.6/.3, floors all 0, two leftover weeks by largest
remainder (ties: peak, race_specific, build, base) -> race_specific (.6), base (.6): so week 1
base, week 2 race_specific, week 3 taper, week 4 race_week. No deload (the loop runs over w = 1
only, k = 0: neither every_weeks - 1 = 3 nor a phase end with k >= 2). Tests that need three
loading weeks set ``THREE_LOADING_WEEKS`` (taper.weeks 0: weeks 1 base, 2 build, 3
race_specific, race week 4). Availability mon 45, tue 60, wed 45, thu 60, fri 0, sat 60, sun 100:
370 min in a full week, 270 min on the training days (Mon-Sat) of race week; 6 running days
available. The athlete: current 200 min a week, peak 300, longest recent run 70 min, no race
result or goal time, so loads fall back to the catalogue's intensity factors (docs/rules.md
"Load") and the default readiness model is models/runner.yaml (banister in VDOT, race-day TSB
between 10 % and 35 % of CTL: a form window that applies whatever rules are switched off).
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

# Every switchable family of docs/rules.md (availability and tune_up are always on; form_window has
# no switch: it comes with the readiness model). acwr, ctl_ramp and atl_cap are off by default.
SWITCHABLE = ("phases", "weekly_ramp", "deload", "hard_easy", "long_run", "long_run_build", "intensity_mix",
              "quality_caps", "taper", "race_week", "quotas", "progression", "acwr", "ctl_ramp", "atl_cap")
# A src bug the load-state tests are marked with (pytest.mark.xfail(strict=True, reason=...)).
LOAD_STATE_ROUNDING_BUG = (
    "model/objective.py add_linear_bound rounds each CTL/ATL weight to 1e-3 (objective_coefficient(weight / "
    "LOAD_SCALE) on milli-unit loads) and its margin under-counts that rounding by a factor LOAD_SCALE, so the "
    "load-state rules (acwr, ctl_ramp, atl_cap) are off by up to ~0.05 load units: the plan breaks the rule "
    "as written (the validator and the test's own recomputation agree) or the model refuses plans it allows")
# Two weeks, Mon 2027-01-18 .. race Sun 2027-01-31 (T = 13), taper.weeks 0: one loading week and
# race week. The load-state rules (acwr, ctl_ramp, atl_cap) bind every day, and CP-SAT proves their
# optimum in about a second on two weeks (on four it may not within the 30 s limit).
TWO_WEEKS = {"start_date": "2027-01-18", "rules.taper.weeks": 0, "rules.taper.volume_bands": [[0.45, 0.70]]}
# taper.weeks 0 (race week is taper week 1): W = 4 gives R = 3 loading weeks, base, build,
# race_specific (split of 3: .9/.75/.9/.45, leftovers to race_specific, base, build).
THREE_LOADING_WEEKS = {"rules.taper.weeks": 0, "rules.taper.volume_bands": [[0.45, 0.70]]}

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
# COSTLY: c(n) = (0.001 - 1) e^{-n/50} < 0 on every day: every minute of load costs readiness, so
# the solver plans the least the rules allow (floors are met exactly).
COSTLY = {"kind": "banister", "k1": 0.001, "k2": 1.0, "tau_fitness_days": 50.0, "tau_fatigue_days": 50.0, "p0": 0.0}
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


def pmc_states(result, ctl0: float, atl0: float, tau_ctl: float = 42.0, tau_atl: float = 7.0):
    """(CTL, ATL) after each training day, recomputed from the plan's written loads (docs/rules.md
    "Readiness": lambda = 1 - e^{-1/tau}, X(d) = X(d-1) + lambda (load_d - X(d-1)))."""
    lc, la = 1 - math.exp(-1 / tau_ctl), 1 - math.exp(-1 / tau_atl)
    ctl, atl, out = ctl0, atl0, []
    for day in result.days[:-1]:
        ctl += lc * (day.load - ctl)
        atl += la * (day.load - atl)
        out.append((ctl, atl))
    return out
