"""deload: a deload week holds at most volume_factor · E(w−1); flags follow the layout."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario, only

# every 2 weeks -> week 2 is the only deload (w < R = 3); 0.8 · 210 = 168 min cap. Week 3 drops
# to 231 so that the ramp (against week 1) holds; long runs off so week 2 can skip its long run.
RULES = {"deload": {"every_weeks": 2, "volume_factor": 0.8}, "long_run": {"enabled": False}}
DELOADS = [False, True, False, False]


def _weeks(week2_saturday_minutes: int) -> list[str]:
    week2 = f"rest hills:40 easy:30 tempo:40 rest easy:{week2_saturday_minutes} easy:30"
    return [BASE_WEEKS[0], week2, BASE_WEEKS[2].replace("easy:40 long", "easy:36 long"), BASE_WEEKS[3]]


def test_deload_cap_just_inside_and_just_past():
    scenario = make_scenario(rules=RULES)
    assert validate(scenario, build_plan(scenario, _weeks(28), deloads=DELOADS)) == []  # 168 min
    found = validate(scenario, build_plan(scenario, _weeks(29), deloads=DELOADS))  # 169 min
    assert [(v.rule, v.where, v.amount) for v in found] == [("deload", "week 2", "+1 min over the deload cap")]


def test_disabled_deload_has_no_deload_weeks():
    # Without deloads no week is flagged, and week 2 is checked by the ramp instead... and passes.
    scenario = make_scenario(rules=RULES | {"deload": {"enabled": False}, "weekly_ramp": {"enabled": False}})
    plan = build_plan(scenario, _weeks(29))
    assert validate(scenario, plan) == []
    plan["weeks"][1]["deload"] = True
    assert [(v.rule, v.where) for v in validate(scenario, plan)] == [("plan_consistency", "week 2")]


def test_missing_deload_flag_is_a_consistency_violation():
    scenario = make_scenario(rules=RULES)
    plan = build_plan(scenario, _weeks(28))  # deload flags all false
    found = only(validate(scenario, plan), "plan_consistency")
    assert [(v.where, v.amount) for v in found] == [("week 2", "deload false stated, true recomputed")]
