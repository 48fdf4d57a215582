"""tune_up (always on): the race's minutes, easy days around it, a lighter week, only on its date.

The tune-up is a 5K on Sunday 2027-02-21 (plan_builder.TUNE_UP): round(21:49 at VDOT 45) + 25 =
47 min, in taper week 7 (212 min, cap 0.90 · E(6) = 234 min). The runner model is used without
its form window: the taper changes here would move race-day form too (tested in test_form_window).
"""

from __future__ import annotations

import math

from peakplan.paces import race_time_s

from .plan_builder import BASE_WEEKS, TUNE_UP, TUNE_UP_WEEK, found, no_window, with_week

THREE_HARD = {"hard_easy": {"max_hard_per_week": 3}, "intensity_mix": {"enabled": False}}


def _found(week7: str, **rules):
    return found(no_window(**TUNE_UP, rules=rules), with_week(BASE_WEEKS, 7, week7))


def test_tune_up_plan_keeps_every_rule():
    # No long run in the tune-up week and no taper intervals: both are excused in a tune-up week.
    assert math.floor(race_time_s(45.0, 5000) / 60 + 0.5) + 25 == 47
    assert _found(TUNE_UP_WEEK) == []


def test_minutes_are_the_race_time_plus_warm_up_and_cool_down():
    assert _found(TUNE_UP_WEEK.replace("tune_up:47", "tune_up:46")) == [
        ("tune_up", "2027-02-21", "tune_up 46 min, 47 min expected")]
    assert _found(TUNE_UP_WEEK.replace("tune_up:47", "tune_up:48")) == [
        ("tune_up", "2027-02-21", "tune_up 48 min, 47 min expected")]


def test_the_tune_up_day_holds_the_tune_up():
    assert _found(TUNE_UP_WEEK.replace("tune_up:47", "easy:47")) == [
        ("tune_up", "2027-02-21", "easy on the 5 km tune-up day")]


def test_no_tune_up_session_on_another_day():
    assert _found(TUNE_UP_WEEK.replace("easy:45 rest", "tune_up:47 rest"), **THREE_HARD) == [
        ("tune_up", "2027-02-18", "tune_up on a day without a tune-up race")]


def test_no_hard_session_in_the_two_days_before():
    # Tempo on Thursday 02-18 (3 days before) is fine; on Friday 02-19 (2 days before) it is not.
    assert _found("rest intervals:45 easy:45 tempo:40 rest easy:30 tune_up:47", **THREE_HARD) == []
    assert _found("rest intervals:45 easy:45 rest tempo:40 easy:30 tune_up:47", **THREE_HARD) == [
        ("tune_up", "2027-02-19", "hard session 2 day(s) before the tune-up on 2027-02-21")]


def test_no_long_run_in_the_two_days_before():
    # The long-run rule is off so that a Friday long run is allowed at all.
    assert _found("rest intervals:45 easy:45 rest long:45 easy:30 tune_up:47", long_run={"enabled": False}) == [
        ("tune_up", "2027-02-19", "long run 2 day(s) before the tune-up on 2027-02-21")]


def test_no_hard_session_the_day_after():
    # A Saturday tune-up (2027-02-20); a back-to-back pair is allowed so only the tune-up rule speaks.
    scenario = no_window(race={"tune_ups": [{"date": "2027-02-20", "distance": "5k"}]},
                         rules=THREE_HARD | {"hard_easy": {"max_hard_per_week": 3, "back_to_back_per_week": 1}})
    week7 = "rest intervals:45 easy:45 easy:45 rest tune_up:47 {}"
    assert found(scenario, with_week(BASE_WEEKS, 7, week7.format("easy:40"))) == []
    assert found(scenario, with_week(BASE_WEEKS, 7, week7.format("tempo:40"))) == [
        ("tune_up", "2027-02-21", "hard session the day after the tune-up on 2027-02-20")]


def test_tune_up_week_volume_cap():
    # 0.90 · E(6) = 234 min: Saturday's easy run 52 (234) or 53 (235). The taper band's top is 234 too.
    no_taper = {"taper": {"enabled": False}}
    assert _found(TUNE_UP_WEEK.replace("easy:30", "easy:52"), **no_taper) == []
    assert _found(TUNE_UP_WEEK.replace("easy:30", "easy:53"), **no_taper) == [
        ("tune_up", "week 7", "+1 min over the tune-up week cap")]


def test_always_on():
    # Switching the rules off leaves the tune-up rule standing (deload stays on: it shapes the layout).
    off = {name: {"enabled": False} for name in ("weekly_ramp", "hard_easy", "long_run", "intensity_mix",
                                                  "quality_caps", "taper", "race_week", "phases", "quotas",
                                                  "progression")}
    assert _found(TUNE_UP_WEEK.replace("tune_up:47", "easy:47"), **off) == [
        ("tune_up", "2027-02-21", "easy on the 5 km tune-up day")]
