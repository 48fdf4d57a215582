"""taper: floor_j·E(R) ≤ E(R+j) ≤ cap_j·E(R), cap_j = (1−reduction)^(j/n); frequency kept."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario


def _found(scenario, weeks, phases=None):
    return [(v.rule, v.where, v.amount) for v in validate(scenario, build_plan(scenario, weeks, phases))]


def test_race_week_cap_without_taper_weeks():
    # 5K: no taper weeks, n = 1: race week <= 0.5 · E(3) = 117.5 min (110 + Saturday extra).
    scenario = make_scenario()
    assert _found(scenario, edit(BASE_WEEKS, 4, "strides:30", "strides:37")) == []  # 117
    assert _found(scenario, edit(BASE_WEEKS, 4, "strides:30", "strides:38")) == [
        ("taper", "week 4", "+0.5 min over the taper cap")]


def test_floor():
    # floor_band 0.1 -> floor (0.5 − 0.1) · 235 = 94 min. Race pace 30 + three recoveries.
    scenario = make_scenario(rules={"taper": {"floor_band": 0.1}, "quality_caps": {"enabled": False}})
    week4 = "rest race_pace:30 recovery:20 recovery:{} rest recovery:20 race"
    assert _found(scenario, BASE_WEEKS[:3] + [week4.format(24)]) == []  # 94
    assert _found(scenario, BASE_WEEKS[:3] + [week4.format(23)]) == [("taper", "week 4", "1 min under the taper floor")]


def test_keep_frequency():
    # Week 3 runs on 5 days, so the race week needs 4; here it has 3 (same 110 min).
    weeks = BASE_WEEKS[:3] + ["rest race_pace:30 easy:40 rest rest strides:40 race"]
    assert _found(make_scenario(), weeks) == [("taper", "week 4", "1 running day(s) short")]
    assert _found(make_scenario(rules={"taper": {"keep_frequency": False}}), weeks) == []


def test_one_taper_week_uses_the_exponential_band():
    # taper.weeks = 1: R = 2, n = 2; phases of R = 2: quotas .6/.5/.6/.3, leftovers to the tie
    # race_specific/base (race_specific first, then base). ref = E(2) = 225.
    # Week 3: cap 0.5^(1/2) · 225 = 159.10, floor (0.7071 − 0.2) · 225 = 114.10; week 4: 112.5 / 67.5.
    phases = ["base", "race_specific", "taper", "race_week"]
    scenario = make_scenario(rules={"taper": {"weeks": 1}, "long_run": {"enabled": False},
                                    "quotas": {"enabled": False}})
    week3 = "rest easy:30 easy:30 easy:30 rest easy:30 easy:{}"
    assert _found(scenario, BASE_WEEKS[:2] + [week3.format(39)] + BASE_WEEKS[3:], phases) == []  # 159
    assert _found(scenario, BASE_WEEKS[:2] + [week3.format(40)] + BASE_WEEKS[3:], phases) == [
        ("taper", "week 3", "+0.9 min over the taper cap")]
