"""no_catch_up (re-plans, docs/rules.md): week w holds at most replan.week_caps[w] minutes.

Scenario: the base 4-week block, every switchable family off, one session type `run` and FLAT
readiness, so without a cap every week runs all it can (370 min; race week 270).
"""

from __future__ import annotations

import pytest

from ..support import FLAT, catalogue, only, readiness, solve_checked, week_minutes

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}


@pytest.fixture
def capped(tmp_path):
    def scenario(caps: dict[int, int]):
        replan = {"original_plan_id": "0123456789abcdef", "from_date": "2027-01-04", "fixed_days": [],
                  "week_caps": caps}
        return only(**{"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT),
                       "replan": replan})
    return scenario


def test_the_cap_binds_where_given_and_nowhere_else(capped):
    result = solve_checked(capped({2: 300, 3: 250}))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 300, 250, 270]
    assert {("no_catch_up", "week 2"), ("no_catch_up", "week 3")} <= {(t.rule, t.where) for t in result.plan.tight_rules}


def test_a_cap_above_what_the_week_can_hold_changes_nothing(capped):
    assert [week_minutes(solve_checked(capped({2: 900})), w) for w in (1, 2, 3, 4)] == [370, 370, 370, 270]
