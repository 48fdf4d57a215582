"""acwr (off by default): ATL(d) ≤ max_ratio · CTL(d) on every training day from warmup_days on.

The expected days come from the test's own plan builder (its CTL/ATL per day), not the validator.
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, build_plan, found, make_scenario


def _ratios(warmup_days: int) -> list[tuple[float, str]]:
    """(ATL/CTL, date) of the training days the rule checks, from the builder's numbers."""
    days = build_plan(make_scenario(), BASE_WEEKS)["days"][:-1]
    return [(d["atl"] / d["ctl"], d["date"]) for d in days[warmup_days:]]


def _scenario(max_ratio: float, warmup_days: int = 28):
    return make_scenario(rules={"acwr": {"enabled": True, "max_ratio": max_ratio, "warmup_days": warmup_days}})


def test_off_by_default_and_on_at_the_highest_ratio():
    assert found(make_scenario(rules={"acwr": {"max_ratio": 0.5}}), BASE_WEEKS) == []  # not enabled
    highest = max(_ratios(28))[0]
    assert found(_scenario(highest + 0.001), BASE_WEEKS) == []


def test_just_past_names_each_day_over_the_ratio():
    highest, day = max(_ratios(28))
    limit = round(highest - 0.01, 3)
    over = [date for ratio, date in _ratios(28) if ratio > limit]
    assert day in over
    assert [where for rule, where, _ in found(_scenario(limit), BASE_WEEKS) if rule == "acwr"] == over


def test_days_before_the_warm_up_are_not_checked():
    # With no warm-up, the first days (fatigue at its pre-block level, CTL = ATL) count too.
    first_ratio, first_day = _ratios(0)[0]
    limit = round(first_ratio - 0.01, 3)
    assert first_day in [where for _, where, _ in found(_scenario(limit, warmup_days=0), BASE_WEEKS)]
    assert first_day not in [where for _, where, _ in found(_scenario(limit, warmup_days=1), BASE_WEEKS)]
