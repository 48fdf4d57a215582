"""ctl_ramp (off by default): each week's CTL gain, last training day against the last training day
of the week before (or CTL(−1)), at most max_per_week · len(w) / 7.

The expected gains come from the test's own plan builder (its CTL per day), not the validator.
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, build_plan, found, make_scenario
from .plan_loads import pre_block_load


def _gains() -> list[tuple[float, str]]:
    """(CTL gain, 'week w') of every week: weeks of 7 days, the race week's last training day T−1."""
    scenario = make_scenario()
    days = build_plan(scenario, BASE_WEEKS)["days"]
    before, gains = pre_block_load(scenario), []
    for w in range(1, 9):
        last = [d for d in days[:-1] if d["week"] == w][-1]
        gains.append((last["ctl"] - before, f"week {w}"))
        before = last["ctl"]
    return gains


def _scenario(max_per_week: float, enabled: bool = True):
    return make_scenario(rules={"ctl_ramp": {"enabled": enabled, "max_per_week": max_per_week}})


def test_just_inside_and_just_past_the_biggest_gain():
    biggest, week = max(_gains())
    assert biggest > 0
    assert found(_scenario(biggest + 0.01), BASE_WEEKS) == []
    limit = round(biggest - 0.01, 3)
    assert [where for _, where, _ in found(_scenario(limit), BASE_WEEKS)] == [
        where for gain, where in _gains() if gain > limit] == [week]


def test_off_by_default():
    assert found(_scenario(0.1, enabled=False), BASE_WEEKS) == []
