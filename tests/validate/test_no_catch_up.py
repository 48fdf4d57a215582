"""no_catch_up (re-plans only): week w holds at most replan.week_caps[w] minutes.

Base plan: tests/validate/plan_builder.py's 8-week 5K; week 5 holds 255 min.
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, found, make_scenario

REPLAN = {"original_plan_id": "0123456789abcdef", "from_date": "2027-01-11", "fixed_days": []}


def _caught(caps: dict[int, int]) -> list[tuple[str, str, str]]:
    return [f for f in found(make_scenario(replan={**REPLAN, "week_caps": caps}), BASE_WEEKS) if f[0] == "no_catch_up"]


def test_just_inside_and_just_past_the_cap():
    assert _caught({5: 255}) == []
    caught = _caught({5: 254})
    assert [(rule, where) for rule, where, _ in caught] == [("no_catch_up", "week 5")]
    assert "1" in caught[0][2]


def test_only_capped_weeks_are_checked():
    assert _caught({}) == []
    assert [where for _, where, _ in _caught({2: 100, 6: 100})] == ["week 2", "week 6"]


def test_without_a_replan_nothing_is_checked():
    assert [f for f in found(make_scenario(), BASE_WEEKS) if f[0] == "no_catch_up"] == []
