"""The conflict search keeps to its deadline: past it, the conflicting set found so far is returned,
marked as not reduced to the smallest (each deletion step is a solve, and some are slow)."""

from __future__ import annotations

import time

from peakplan.model.conflicts import search_conflict
from peakplan.scenario import scenario_from_dict
from reliability.cases import CASES


def test_past_the_deadline_the_set_so_far_is_returned(tmp_path):
    case = CASES[0]
    scenario = scenario_from_dict(case.data(tmp_path), case.name)
    full, minimal = search_conflict(scenario, 10.0)
    assert full and minimal
    cut, cut_minimal = search_conflict(scenario, 10.0, deadline=time.monotonic())
    assert cut and not cut_minimal and set(full) <= set(cut)  # a superset: still a conflict
