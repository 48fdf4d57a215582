"""atl_cap (off by default): ATL(d) ≤ max_atl on every training day.

The expected days come from the test's own plan builder (its ATL per day), not the validator.
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, build_plan, found, make_scenario


def _atl() -> list[tuple[float, str]]:
    days = build_plan(make_scenario(), BASE_WEEKS)["days"][:-1]
    return [(d["atl"], d["date"]) for d in days]


def _scenario(max_atl: float, enabled: bool = True):
    return make_scenario(rules={"atl_cap": {"enabled": enabled, "max_atl": max_atl}})


def test_just_inside_and_just_past_the_highest_fatigue():
    highest, day = max(_atl())
    assert found(_scenario(highest + 0.01), BASE_WEEKS) == []
    limit = round(highest - 0.01, 3)
    over = [date for atl, date in _atl() if atl > limit]
    assert over == [day]
    assert found(_scenario(limit), BASE_WEEKS) == [("atl_cap", day, "ATL +0.01 over the cap")]


def test_off_by_default():
    assert found(_scenario(1.0, enabled=False), BASE_WEEKS) == []
