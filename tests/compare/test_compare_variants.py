"""--set parsing: dotted paths checked against the schema with close-match suggestions; grids."""

from __future__ import annotations

import pytest

from peakplan.report.variants import apply, check_path, grid, leaf_paths, parse_setting, variants
from peakplan.scenario import ScenarioError

from .helpers import tiny_yaml


@pytest.mark.parametrize("path", ["rules.weekly_ramp.max_increase", "availability.max_minutes.sun",
                                  "rules.quotas.per_phase.build.tempo.min", "athlete.recent_race.time",
                                  "solver.seed", "rules.taper"])
def test_valid_paths(path):
    check_path(path)


@pytest.mark.parametrize("path, suggestion", [
    ("rules.weekly_rmp.max_increase", "rules.weekly_ramp.max_increase"),
    ("rules.ramp_cap", "rules.atl_cap"),   # the nearest name (rules has weekly_ramp, ctl_ramp and atl_cap)
    ("rules.weekly_ramp.max_incrase", "rules.weekly_ramp.max_increase"),
    ("rules.longrun.max_minutes", "rules.long_run.max_minutes"),
    ("athlete.peak", "athlete.peak_weekly_minutes"),
    ("solver.timelimit", "solver.time_limit_s"),
])
def test_bad_path_suggests_close_match(path, suggestion):
    with pytest.raises(ScenarioError, match=f"Did you mean `{suggestion}`"):
        check_path(path)


def test_bad_path_below_a_value_and_unknown_weekday():
    with pytest.raises(ScenarioError, match="single value"):
        check_path("rules.weekly_ramp.max_increase.x")
    with pytest.raises(ScenarioError, match="Fields there: mon, tue"):
        check_path("availability.max_minutes.funday")


def test_every_leaf_path_is_valid():
    paths = leaf_paths()
    assert "rules.weekly_ramp.max_increase" in paths and len(paths) > 50
    for path in paths:
        check_path(path.replace("<name>", "tempo"))


def test_values_are_yaml_scalars_and_grid_multiplies():
    ramp = parse_setting("rules.weekly_ramp.max_increase=0.05,0.10")
    days = parse_setting("availability.max_running_days_per_week=4,5,6")
    flag = parse_setting("rules.hard_easy.enabled=false")
    assert ramp.values == (0.05, 0.1) and ramp.texts == ("0.05", "0.10") and flag.values == (False,)
    points = grid([ramp, days])
    assert len(points) == 6
    assert points[0] == ({"rules.weekly_ramp.max_increase": 0.05, "availability.max_running_days_per_week": 4},
                         "max_increase=0.05 max_running_days_per_week=4")
    with pytest.raises(ScenarioError, match="twice"):
        grid([ramp, ramp])
    for bad in ("rules.weekly_ramp.max_increase", "=0.1", "rules.weekly_ramp.max_increase=0.1,,0.2"):
        with pytest.raises(ScenarioError):
            parse_setting(bad)


def test_apply_creates_missing_sections_without_touching_the_input():
    data = {"rules": {"deload": {"enabled": False}}}
    out = apply(data, {"rules.weekly_ramp.max_increase": 0.2, "rules.deload.every_weeks": 3})
    assert out == {"rules": {"deload": {"enabled": False, "every_weeks": 3}, "weekly_ramp": {"max_increase": 0.2}}}
    assert data == {"rules": {"deload": {"enabled": False}}}


def test_variants_are_validated_scenarios(tmp_path):
    path = tiny_yaml(tmp_path)
    out = variants(path, [parse_setting("rules.weekly_ramp.max_increase=0.05,0.15")], label_with_file=False)
    assert [v.label for v in out] == ["max_increase=0.05", "max_increase=0.15"]
    assert [v.scenario.rules.weekly_ramp.max_increase for v in out] == [0.05, 0.15]
    assert out[0].scenario.rules.deload == out[1].scenario.rules.deload  # defaults still merged
    with pytest.raises(ScenarioError, match=r"with --set rules.weekly_ramp.max_increase=2.*less than or equal to 1"):
        variants(path, [parse_setting("rules.weekly_ramp.max_increase=2")])
