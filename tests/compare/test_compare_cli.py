"""`peakplan compare` and `peakplan sweep` end to end on a tiny scenario (solved in parallel)."""

from __future__ import annotations

import json

from peakplan.commands.common import EXIT_BAD_INPUT, EXIT_INFEASIBLE
from peakplan.plan.io import read_plan

from .helpers import run_cli, tiny_yaml


def test_compare_two_scenarios_table_and_weeks(tmp_path):
    a = tiny_yaml(tmp_path, "ramp5", rules={"weekly_ramp": {"max_increase": 0.05}})
    b = tiny_yaml(tmp_path, "ramp15", rules={"weekly_ramp": {"max_increase": 0.15}})
    code, out, _ = run_cli("compare", a, b)
    assert code == 0, out
    for row in ("race-day readiness", "race-day CTL", "race-day TSB", "peak week minutes", "peak week load",
                "total volume", "longest run", "hard sessions", "low-intensity share", "taper depth", "tight rules",
                "solve status", "Weekly volume", "ramp5", "ramp15", "OPTIMAL"):
        assert row in out


def test_compare_json_set_grid_and_plans_dir(tmp_path):
    path = tiny_yaml(tmp_path)
    code, out, _ = run_cli("compare", path, "--set", "rules.weekly_ramp.max_increase=0.05,0.15", "--json",
                           "--plans-dir", tmp_path / "plans")
    assert code == 0
    doc = json.loads(out)
    labels = [v["label"] for v in doc["variants"]]
    assert labels == ["max_increase=0.05", "max_increase=0.15"]
    low, high = (v["metrics"] for v in doc["variants"])
    assert high["readiness"] >= low["readiness"]          # a looser ramp never lowers the optimum
    assert len(doc["variants"][0]["weekly_minutes"]) == 4
    files = sorted(p.name for p in (tmp_path / "plans").iterdir())
    assert files == ["tiny_max_increase-0.05.json", "tiny_max_increase-0.15.json"]
    plan = read_plan(tmp_path / "plans" / files[1])
    assert plan.objective == high["readiness"]
    # the written plans compare as plan files, with the same numbers
    code, out, _ = run_cli("compare", *(tmp_path / "plans" / f for f in files), "--json")
    assert code == 0 and [v["metrics"] for v in json.loads(out)["variants"]] == [low, high]


def test_sweep_marks_infeasible_points_with_their_explanation(tmp_path):
    path = tiny_yaml(tmp_path)
    code, out, _ = run_cli("sweep", path, "--set", "rules.hard_easy.max_hard_per_week=0,2")
    assert code == 0, out
    assert "INFEASIBLE" in out and "OPTIMAL" in out and "hard_easy" in out
    assert "at most 0 hard sessions a week" in out          # the explanation in words
    code, out, _ = run_cli("sweep", path, "--set", "rules.hard_easy.max_hard_per_week=0", "--json")
    assert code == EXIT_INFEASIBLE
    point = json.loads(out)["points"][0]
    assert point["status"] == "INFEASIBLE" and {"hard_easy"} <= {c["rule"] for c in point["conflicts"]}


def test_bad_input_exits_2_with_a_clear_message(tmp_path):
    path = tiny_yaml(tmp_path)
    code, _, err = run_cli("sweep", path, "--set", "rules.weekly_rmp.max_increase=0.05,0.08")
    assert code == EXIT_BAD_INPUT and "Did you mean `rules.weekly_ramp.max_increase`?" in err
    code, _, err = run_cli("sweep", path, "--set", "rules.weekly_ramp.max_increase=1.5")
    assert code == EXIT_BAD_INPUT and "less than or equal to 1" in err
    code, _, err = run_cli("sweep", path)
    assert code == EXIT_BAD_INPUT and "--set" in err
    code, _, err = run_cli("compare", path, tmp_path / "missing.json")
    assert code == EXIT_BAD_INPUT and "plan file not found" in err
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    code, _, err = run_cli("compare", tmp_path / "bad.json", "--set", "solver.seed=1")
    assert code == EXIT_BAD_INPUT and "plan file" in err
