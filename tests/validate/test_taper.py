"""taper: the peak week P = ref(R+1) is the biggest loading week; taper weeks and race week in
their volume bands of E(P); running frequency kept; long-run bands of L(P).

Base: R = 6, P = 6 (260 min, long run 80, 5 running days). Taper week 7 band 0.70-0.90 · 260 =
182-234 min, race week 0.45-0.70 · 260 = 117-182 min. The runner model is used without its form
window (moving the taper moves race-day form, tested in test_form_window).
"""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, no_window, with_week

WEEK7 = "rest intervals:45 easy:35 tempo:40 rest easy:{} long:{}"


def test_peak_week_is_the_biggest_loading_week():
    # Week 6 drops to 255 (= week 5) or 254 (Saturday 45 -> 40 or 39).
    assert found(no_window(), edit(BASE_WEEKS, 6, "easy:45", "easy:40")) == []
    assert found(no_window(), edit(BASE_WEEKS, 6, "easy:45", "easy:39")) == [
        ("taper", "week 5", "+1 min over the peak week 6")]


def test_taper_week_cap():
    assert found(no_window(), with_week(BASE_WEEKS, 7, WEEK7.format(44, 70))) == []  # 234 min
    assert found(no_window(), with_week(BASE_WEEKS, 7, WEEK7.format(45, 70))) == [  # 235 min
        ("taper", "week 7", "+1 min over the volume cap")]


def test_taper_week_floor():
    week7 = "rest intervals:45 recovery:{} tempo:40 rest easy:25 long:50"
    assert found(no_window(), with_week(BASE_WEEKS, 7, week7.format(22))) == []  # 182 min
    assert found(no_window(), with_week(BASE_WEEKS, 7, week7.format(21))) == [  # 181 min
        ("taper", "week 7", "1 min under the volume floor")]


def test_race_week_floor():
    assert found(no_window(), edit(BASE_WEEKS, 8, "easy:30", "easy:27")) == []  # 117 min
    assert found(no_window(), edit(BASE_WEEKS, 8, "easy:30", "easy:26")) == [  # 116 min
        ("taper", "week 8", "1 min under the volume floor")]


def test_keep_frequency():
    # The peak week runs on 5 days, so each taper week needs 4; here the race week has 3 (120 min).
    weeks = with_week(BASE_WEEKS, 8, "rest race_pace:30 easy:45 rest rest strides:45 race")
    assert found(no_window(), weeks) == [("taper", "week 8", "1 running day(s) short")]
    assert found(no_window(rules={"taper": {"keep_frequency": False}}), weeks) == []


def test_long_run_bands():
    # long_run_bands [[0.60, 0.80]] of L(P) = 80: taper week 7's long run in 48 ... 64 min.
    scenario = no_window(rules={"taper": {"long_run_bands": [[0.60, 0.80]]}})
    assert found(scenario, BASE_WEEKS) == []  # 50 min
    assert found(scenario, with_week(BASE_WEEKS, 7, WEEK7.format(25, 48))) == []
    assert found(scenario, with_week(BASE_WEEKS, 7, WEEK7.format(25, 47))) == [
        ("taper", "week 7", "1 min under the long run floor")]
    assert found(scenario, with_week(BASE_WEEKS, 7, WEEK7.format(25, 64))) == []
    assert found(scenario, with_week(BASE_WEEKS, 7, WEEK7.format(25, 65))) == [
        ("taper", "week 7", "+1 min over the long run cap")]


def test_long_run_bands_keep_the_peak_long_run_the_longest():
    # The peak week's long run 74 (its Saturday 51 keeps 260 min) is shorter than week 5's 75.
    scenario = no_window(rules={"taper": {"long_run_bands": [[0.55, 0.80]]}})
    weeks = with_week(BASE_WEEKS, 6, "rest intervals:45 easy:45 tempo:45 rest easy:51 long:74")
    assert found(scenario, weeks) == [("taper", "week 5", "long run +1 min over the peak week's")]
    assert found(no_window(), weeks) == []  # without long-run bands the rule does not apply


def test_without_a_peak_week_the_bands_are_of_the_current_volume():
    # Wednesday 02-10 to race day: 19 days, week 1 (race_specific) has 5 days, so no week is a
    # reference: P does not exist and the bands are of the athlete's current 200 min (taper week
    # 140-180, race week 90-140); the frequency rule needs a peak week and is not checked.
    phases, deloads = ["race_specific", "taper", "race_week"], [False] * 3
    week1 = "easy:30 easy:30 rest easy:30 long:60"
    week2 = "rest intervals:45 easy:30 easy:30 rest easy:{} long:45"
    scenario = no_window(start_date="2027-02-10")
    assert found(scenario, [week1, week2.format(30), BASE_WEEKS[7]], phases, deloads) == []  # 180 min
    assert found(scenario, [week1, week2.format(31), BASE_WEEKS[7]], phases, deloads) == [
        ("taper", "week 2", "+1 min over the volume cap")]
