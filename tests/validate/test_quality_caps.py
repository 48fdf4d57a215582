"""quality_caps: main sets against a share of E(w), marathon pace against a fixed cap."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario


def _found(rules, weeks=BASE_WEEKS):
    scenario = make_scenario(rules=rules)
    return [(v.rule, v.where) for v in validate(scenario, build_plan(scenario, weeks))]


def test_threshold_share():
    # Race week: race pace 0.35·30 = 10.5 min of threshold in 110 min (9.55 %).
    assert _found({"quality_caps": {"threshold_share": 0.0955}}) == []
    assert _found({"quality_caps": {"threshold_share": 0.095}}) == [("quality_caps", "2027-01-26")]


def test_intervals_share():
    # Week 3: intervals 0.30·45 = 13.5 min in 235 min (5.74 %); hills in week 2 are 8 of 225.
    assert _found({"quality_caps": {"intervals_share": 0.0575}}) == []
    assert _found({"quality_caps": {"intervals_share": 0.057}}) == [("quality_caps", "2027-01-19")]


def test_repetitions_share():
    # Race week with repetitions 40 (main set 4.8 min) instead of race pace; 115 min in all.
    weeks = edit(edit(BASE_WEEKS, 4, "race_pace:30", "repetitions:40"), 4, "easy:30", "easy:25")
    off = {"phases": {"enabled": False}, "quotas": {"enabled": False}}
    assert _found(off | {"quality_caps": {"repetitions_share": 0.042}}, weeks) == []  # 4.83
    assert _found(off | {"quality_caps": {"repetitions_share": 0.041}}, weeks) == [("quality_caps", "2027-01-26")]


def test_marathon_pace_minutes():
    # Week 3 Thursday: marathon pace 50 min, main set 0.60·50 = 30 min.
    weeks = edit(BASE_WEEKS, 3, "tempo:40", "marathon_pace:50")
    assert _found({"quality_caps": {"marathon_pace_max_minutes": 30}}, weeks) == []
    assert _found({"quality_caps": {"marathon_pace_max_minutes": 29}}, weeks) == [("quality_caps", "2027-01-21")]
