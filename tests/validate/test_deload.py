"""deload: the deload week ≤ volume_factor · REF(ref(w)), the week after ≤ return_factor · REF(ref(w));
the layout's deload weeks are stated in the plan."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, found, make_scenario, only


def test_deload_cap_just_inside_and_just_past():
    # Week 3 (the build's only week, k = 2 at its end) is the deload: 0.75 · E(2) = 172.5 min.
    # Friday's easy 30 -> 37 (172 min) or 38 (173 min).
    assert found(make_scenario(), edit(BASE_WEEKS, 3, "easy:30", "easy:37")) == []
    assert found(make_scenario(), edit(BASE_WEEKS, 3, "easy:30", "easy:38")) == [
        ("deload", "week 3", "+0.5 min over the deload cap")]


def test_return_week_cap():
    # Week 4 <= 1.05 · E(ref(3) = 2) = 241.5 min; the phase-start cap (1.03) is off so it speaks.
    scenario = make_scenario(rules={"progression": {"one_change_per_week": False}})
    assert found(scenario, edit(BASE_WEEKS, 4, "easy:40", "easy:46")) == []  # 241
    assert found(scenario, edit(BASE_WEEKS, 4, "easy:40", "easy:47")) == [  # 242
        ("deload", "week 4", "+0.5 min over the return cap")]


def test_disabled_deload_has_no_deload_weeks():
    # Without deloads week 3 is a loading week and the reference of week 4: 235 min is then far
    # more than 1.1 (ramp) and 1.03 (phase start) times its 165.
    scenario = make_scenario(rules={"deload": {"enabled": False}})
    plan = build_plan(scenario, BASE_WEEKS, deloads=[False] * 8)
    assert [(v.rule, v.where) for v in validate(scenario, plan)] == [("weekly_ramp", "week 4"),
                                                                    ("progression", "week 4")]


def test_missing_deload_flag_is_a_consistency_violation():
    scenario = make_scenario()
    plan = build_plan(scenario, BASE_WEEKS, deloads=[False] * 8)
    assert [(v.where, v.amount) for v in only(validate(scenario, plan), "plan_consistency")] == [
        ("week 3", "deload false stated, true recomputed")]
