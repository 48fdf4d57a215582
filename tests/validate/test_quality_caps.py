"""quality_caps: main sets against a share of E(w), marathon pace against a fixed cap."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, make_scenario, with_week


def _found(rules, weeks=BASE_WEEKS):
    return [(rule, where) for rule, where, _ in found(make_scenario(rules=rules), weeks)]


def test_threshold_share():
    # The deload week 3: tempo 0.40 · 40 = 16 min of threshold in 165 min (9.70 %), the largest share.
    assert _found({"quality_caps": {"threshold_share": 0.097}}) == []
    assert _found({"quality_caps": {"threshold_share": 0.0969}}) == [("quality_caps", "2027-01-21")]


def test_intervals_share():
    # Taper week 7: intervals 0.30 · 45 = 13.5 min in 195 min (6.92 %); hills in week 3 are 8 of 165.
    assert _found({"quality_caps": {"intervals_share": 0.0693}}) == []
    assert _found({"quality_caps": {"intervals_share": 0.069}}) == [("quality_caps", "2027-02-16")]


def test_repetitions_share():
    # The peak week with repetitions 45 (main set 5.4 min of 260, 2.08 %) instead of intervals.
    weeks = edit(BASE_WEEKS, 6, "intervals:45", "repetitions:45")
    off = {"quotas": {"enabled": False}}
    assert _found(off | {"quality_caps": {"repetitions_share": 0.0208}}, weeks) == []  # 5.408
    assert _found(off | {"quality_caps": {"repetitions_share": 0.0207}}, weeks) == [("quality_caps", "2027-02-09")]


def test_marathon_pace_minutes():
    # The peak week's Thursday: marathon pace 50 min, main set 0.60 · 50 = 30 min (quotas off: no tempo).
    weeks = with_week(BASE_WEEKS, 6, "rest intervals:45 easy:45 marathon_pace:50 rest easy:40 long:80")
    off = {"quotas": {"enabled": False}}
    assert _found(off | {"quality_caps": {"marathon_pace_max_minutes": 30}}, weeks) == []
    assert _found(off | {"quality_caps": {"marathon_pace_max_minutes": 29}}, weeks) == [("quality_caps", "2027-02-11")]
