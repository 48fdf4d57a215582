"""Two solved variants of a tiny 10K scenario as plan files, shared by the report tests."""

from __future__ import annotations

import pytest
from compare.helpers import tiny_yaml

from peakplan.plan.io import write_plan
from peakplan.planner import solve
from peakplan.report.variants import parse_setting, variants


@pytest.fixture(scope="session")
def plan_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    setting = parse_setting("rules.weekly_ramp.max_increase=0.05,0.15")
    paths = []
    for v in variants(tiny_yaml(folder), [setting], label_with_file=False):
        result = solve(v.scenario)
        assert result.has_plan
        paths.append(write_plan(folder / f"ramp-{v.changes['rules.weekly_ramp.max_increase']}.json",
                                result.plan))
    return paths
