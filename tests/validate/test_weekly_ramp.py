"""weekly_ramp: E(w) ≤ (1+r) · REF(ref(w)) over the reference week; after an interrupted week the
return cap or a step over the week before; every week under the athlete's peak."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, make_scenario, no_window, with_week


def test_first_week_against_current_volume():
    # No reference week: current 200 min, +10 % -> 220; week 1 holds 210 + (Saturday 30 -> 40 or 41).
    assert found(make_scenario(), edit(BASE_WEEKS, 1, "easy:30", "easy:40")) == []
    assert found(make_scenario(), edit(BASE_WEEKS, 1, "easy:30", "easy:41")) == [
        ("weekly_ramp", "week 1", "+1 min over the ramp cap")]


def test_week_against_its_reference():
    # ref(2) = 1: 210 -> cap 231 for week 2 (230 with Saturday 35, +1 or +2).
    assert found(make_scenario(), edit(BASE_WEEKS, 2, "easy:35", "easy:36")) == []
    assert found(make_scenario(), edit(BASE_WEEKS, 2, "easy:35", "easy:37")) == [
        ("weekly_ramp", "week 2", "+1 min over the ramp cap")]


def test_the_deload_week_is_no_reference():
    # ref(4) = 2, not the deload week 3: week 4 <= 1.1 · 230 = 253 (not 1.1 · 165 = 181.5). The return
    # and phase-start caps, tighter, are loosened so the ramp speaks: Saturday 40 -> 58 (253) or 59.
    rules = {"deload": {"return_factor": 1.5}, "progression": {"one_change_per_week": False}}
    assert found(make_scenario(rules=rules), edit(BASE_WEEKS, 4, "easy:40", "easy:58")) == []
    assert found(make_scenario(rules=rules), edit(BASE_WEEKS, 4, "easy:40", "easy:59")) == [
        ("weekly_ramp", "week 4", "+1 min over the ramp cap")]


def test_peak_weekly_minutes_every_week():
    # Week 6 holds 260. (The phase ceilings are shares of the peak: progression is off.)
    rules = {"progression": {"enabled": False}}
    assert found(make_scenario(athlete={"peak_weekly_minutes": 260}, rules=rules), BASE_WEEKS) == []
    assert found(make_scenario(athlete={"peak_weekly_minutes": 259}, rules=rules), BASE_WEEKS) == [
        ("weekly_ramp", "week 6", "+1 min over the peak weekly volume")]


def test_partial_first_week_is_scaled_to_seven_days_and_is_no_reference():
    # Start on Wednesday: week 1 has 5 days, E(1) = V(1) · 7 / 5 against the 220 min cap. Week 1 is
    # not a full week, so week 2 has no reference either: 220 min at most.
    rules = {"progression": {"enabled": False}, "deload": {"return_factor": 1.5}}
    scenario = make_scenario(start_date="2027-01-06", rules=rules)
    first = "easy:30 easy:{} rest easy:30 long:60"
    second = "rest easy:40 strides:45 easy:45 rest easy:25 long:65"  # 220 min
    assert found(scenario, [first.format(37), second] + BASE_WEEKS[2:]) == []  # 157 · 7/5 = 219.8
    assert found(scenario, [first.format(38), second] + BASE_WEEKS[2:]) == [  # 158 · 7/5 = 221.2
        ("weekly_ramp", "week 1", "+1.2 min over the ramp cap")]
    assert found(scenario, [first.format(37), second.replace("easy:25", "easy:26")] + BASE_WEEKS[2:]) == [
        ("weekly_ramp", "week 2", "+1 min over the ramp cap")]


# Week 4 blacked out from Tuesday to Thursday: 300 of 570 min available (< 0.75), so it is
# interrupted. Weeks 5 and 6 come back after the break: ref = week 2 (230 min), so E <= max(0.75 ·
# 230 = 172.5, 1.1 · E(4)). Rules that the short weeks would also break are off.
BREAK = {"availability": {"blackout_dates": ["2027-01-26", "2027-01-27", "2027-01-28"]},
         "rules": {name: {"enabled": False} for name in ("taper", "progression", "long_run", "quotas")}}
AFTER_BREAK = "rest intervals:45 rest tempo:40 rest easy:{} long:60"


def _after_break(week4: str, saturday_minutes: int) -> list[tuple[str, str, str]]:
    week5 = AFTER_BREAK.format(saturday_minutes)
    return found(no_window(**BREAK), with_week(with_week(with_week(BASE_WEEKS, 4, week4), 5, week5), 6, week5))


def test_after_an_interrupted_week_the_return_cap():
    week4 = "rest rest rest rest rest rest long:70"  # 1.1 · 70 = 77 < 172.5: the return cap binds
    assert _after_break(week4, 27) == []  # 172 min
    assert _after_break(week4, 28) == [("weekly_ramp", "week 5", "+0.5 min over the ramp cap after a break")]


def test_after_an_interrupted_week_a_step_over_the_week_before_suffices():
    week4 = "rest rest rest rest easy:60 easy:40 long:70"  # 170 min: 1.1 · 170 = 187 > 172.5
    assert _after_break(week4, 42) == []  # 187 min
    assert _after_break(week4, 43) == [("weekly_ramp", "week 5", "+1 min over the ramp cap after a break")]
