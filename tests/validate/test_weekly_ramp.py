"""weekly_ramp: E(1) <= (1+r)·current, E(w) <= (1+r)·E(p) over non-deload loading weeks, peak cap."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def _with(week: int, old: str, new: str) -> list[str]:
    weeks = list(BASE_WEEKS)
    weeks[week - 1] = weeks[week - 1].replace(old, new, 1)
    return weeks


def test_first_week_against_current_volume():
    # current 200 min, +10 % -> 220; week 1 holds 210 + (sat easy 30 -> 40 or 41).
    scenario = make_scenario()
    assert validate(scenario, build_plan(scenario, _with(1, "easy:30", "easy:40"))) == []
    found = validate(scenario, build_plan(scenario, _with(1, "easy:30", "easy:41")))
    assert [(v.rule, v.where, v.amount) for v in found] == [("weekly_ramp", "week 1", "+1 min over the ramp cap")]


def test_week_against_previous_week():
    # Week 1 = 210 -> cap 231 for week 2 (225 + 6 or + 7 on Saturday).
    scenario = make_scenario()
    assert validate(scenario, build_plan(scenario, _with(2, "easy:40 long", "easy:46 long"))) == []
    found = validate(scenario, build_plan(scenario, _with(2, "easy:40 long", "easy:47 long")))
    assert [(v.rule, v.where, v.amount) for v in found] == [("weekly_ramp", "week 2", "+1 min over the ramp cap")]


def test_peak_weekly_minutes_every_week():
    inside = make_scenario(athlete={"peak_weekly_minutes": 235})  # week 3 holds 235
    assert validate(inside, build_plan(inside, BASE_WEEKS)) == []
    past = make_scenario(athlete={"peak_weekly_minutes": 234})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("weekly_ramp", "week 3", "+1 min over the peak weekly volume")]


DELOAD_WEEK_2 = "rest hills:40 easy:30 tempo:40 rest easy:25 easy:30"  # 165 min, no long run


def test_ramp_skips_a_deload_week():
    # Deloads every 2 weeks make week 2 a deload (2 < R = 3); week 3 is then compared with
    # week 1 (210 -> 231), not with the 165 min deload week (-> 181.5).
    rules = {"deload": {"every_weeks": 2, "volume_factor": 0.8}, "long_run": {"enabled": False}}
    scenario = make_scenario(rules=rules)
    weeks = [BASE_WEEKS[0], DELOAD_WEEK_2, BASE_WEEKS[2].replace("easy:40 long", "easy:{} long"), BASE_WEEKS[3]]
    deloads = [False, True, False, False]
    inside = weeks[:2] + [weeks[2].format(36)] + weeks[3:]  # 231 min
    assert validate(scenario, build_plan(scenario, inside, deloads=deloads)) == []
    past = weeks[:2] + [weeks[2].format(37)] + weeks[3:]  # 232 min
    found = validate(scenario, build_plan(scenario, past, deloads=deloads))
    assert [(v.rule, v.where, v.amount) for v in found] == [("weekly_ramp", "week 3", "+1 min over the ramp cap")]


def test_partial_first_week_is_scaled_to_seven_days():
    # Start on a Wednesday: week 1 has 5 days, E(1) = V(1) · 7 / 5 against the 220 min cap.
    scenario = make_scenario(start_date="2027-01-06")
    first = "easy:30 easy:{} rest easy:30 long:60"
    # A partial week 1 is no reference (REF = current 200), so week 2 stays within 220 too.
    second = BASE_WEEKS[1].replace("rest easy:40 long:65", "rest easy:35 long:65")  # 220 min
    inside = [first.format(37), second] + BASE_WEEKS[2:]  # 157 · 7/5 = 219.8
    assert validate(scenario, build_plan(scenario, inside)) == []
    past = [first.format(38), second] + BASE_WEEKS[2:]  # 158 · 7/5 = 221.2
    found = validate(scenario, build_plan(scenario, past))
    assert [(v.rule, v.where, v.amount) for v in found] == [("weekly_ramp", "week 1", "+1.2 min over the ramp cap")]
