"""progression: phase ceilings of the athlete's peak; one change a week (volume held in a phase's
first week, quality minutes held inside a phase); key sessions do not shrink inside a phase.

Base: ceilings 0.80/0.90/0.95/1.0 · 300 min; weeks 2 and 5 are inside a phase (Q(2) = 0 against
Q(1) = 0; Q(5) = 13.5 + 18 = 31.5 against Q(4) = 13.5 + 16 = 29.5); weeks 4 and 6 start a phase
(V(4) = 235 against 1.03 · V(2) = 236.9; V(6) = 260 against 1.03 · V(5) = 262.65); the key-session
pairs are base weeks 1-2 (strides 40 -> 45) and race_specific weeks 4-5 (intervals 45 -> 45, tempo 40 -> 45).
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, make_scenario, with_week


def _ceilings(base: float) -> dict:
    return {"progression": {"phase_ceilings": {"base": base}}}


def test_phase_ceiling():
    # Week 2 holds 230 min: 0.77 · 300 = 231 is enough, 0.76 · 300 = 228 is not.
    assert found(make_scenario(rules=_ceilings(0.77)), BASE_WEEKS) == []
    assert found(make_scenario(rules=_ceilings(0.76)), BASE_WEEKS) == [
        ("progression", "week 2", "+2 min over the base ceiling")]


def test_phase_start_holds_volume():
    # Week 4 starts the race_specific phase: V(4) <= 1.03 · V(ref = 2) = 236.9 (Saturday 41 or 42).
    assert found(make_scenario(), edit(BASE_WEEKS, 4, "easy:40", "easy:41")) == []  # 236
    assert found(make_scenario(), edit(BASE_WEEKS, 4, "easy:40", "easy:42")) == [  # 237
        ("progression", "week 4", "+0.1 min over the phase-start volume")]


def test_inside_a_phase_quality_minutes_hold():
    # Week 5: tempo 52 (Q = 13.5 + 20.8 = 34.3) or 53 (34.7) against Q(4) + 5 = 34.5; Wednesday's
    # easy run gives the minutes back so the week keeps 255.
    week5 = "rest intervals:45 easy:{} tempo:{} rest easy:45 long:75"
    assert found(make_scenario(), with_week(BASE_WEEKS, 5, week5.format(38, 52))) == []
    assert found(make_scenario(), with_week(BASE_WEEKS, 5, week5.format(37, 53))) == [
        ("progression", "week 5", "+0.2 min of quality over week 4")]


def test_one_change_switched_off():
    weeks = edit(BASE_WEEKS, 4, "easy:40", "easy:42")
    assert found(make_scenario(rules={"progression": {"one_change_per_week": False}}), weeks) == []


def test_key_sessions_do_not_shrink_inside_a_phase():
    # Base weeks 1-2: strides 40 -> 40 holds, 40 -> 39 shrinks (Saturday takes the minute: 230 min).
    week2 = "rest easy:40 strides:{} easy:45 rest easy:{} long:65"
    assert found(make_scenario(), with_week(BASE_WEEKS, 2, week2.format(40, 40))) == []
    assert found(make_scenario(), with_week(BASE_WEEKS, 2, week2.format(39, 41))) == [
        ("progression", "week 2", "strides 1 min shorter than in week 1")]


def test_key_sessions_across_phases_are_not_compared():
    # The peak week's tempo 40 after race_specific's 45: a new phase (Saturday 50 keeps 260).
    weeks = with_week(BASE_WEEKS, 6, "rest intervals:45 easy:45 tempo:40 rest easy:50 long:80")
    assert found(make_scenario(), weeks) == []


def test_key_sessions_need_quotas_and_the_switch():
    week2 = "rest easy:40 strides:39 easy:45 rest easy:41 long:65"
    weeks = with_week(BASE_WEEKS, 2, week2)
    assert found(make_scenario(rules={"quotas": {"enabled": False}}), weeks) == []
    assert found(make_scenario(rules={"progression": {"key_sessions_grow": False}}), weeks) == []


def test_switched_off():
    rules = {"progression": {"enabled": False, "phase_ceilings": {"base": 0.5}}}
    assert found(make_scenario(rules=rules), BASE_WEEKS) == []
