"""long_run: one a week on the long-run day, required in normal weeks, a share of the week by the
running days available, an absolute cap, single-run growth, and the block's peak long run."""

from __future__ import annotations

from peakplan.validate.long_run import share_for

from .plan_builder import BASE_WEEKS, edit, found, make_scenario, no_window, with_week

DEFAULT_SHARES = {1: 1.0, 2: 0.60, 3: 0.48, 4: 0.42, 5: 0.38, 6: 0.36, 7: 0.32}


def test_at_most_one_long_run_a_week():
    weeks = edit(BASE_WEEKS, 1, "easy:40", "long:60")  # a second long run on Tuesday 01-05
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    # Two long runs in week 1; the Tuesday one is also off the (free) Sunday long-run day.
    assert found(scenario, weeks) == [("long_run", "week 1", "2 long runs"),
                                      ("long_run", "2027-01-05", "long run on tue")]


def test_long_run_day_and_its_exception():
    saturday_long = with_week(BASE_WEEKS, 1, "rest easy:40 strides:40 easy:40 rest long:60 easy:30")
    assert found(make_scenario(), saturday_long) == [("long_run", "2027-01-09", "long run on sat")]
    # With Sunday 01-10 blacked out, or capped at 0 minutes, any day of that week may hold it.
    weeks = with_week(BASE_WEEKS, 1, "rest easy:40 strides:40 easy:40 easy:30 long:60 rest")
    assert found(make_scenario(availability={"blackout_dates": ["2027-01-10"]}), weeks) == []
    assert found(make_scenario(availability={"date_caps": {"2027-01-10": 0}}), weeks) == []


def test_required_in_normal_weeks():
    weeks = edit(BASE_WEEKS, 2, "long:65", "easy:65")
    # Week 2 is also a building week (long_run_build): L(2) = 0 against 0.80 · L(1) = 48 min.
    short = ("long_run_build", "week 2", "long run 48 min short of 48 min")
    assert found(make_scenario(), weeks) == [("long_run", "week 2", "no long run"), short]
    assert found(make_scenario(rules={"long_run": {"required_weekly": False}}), weeks) == [short]
    no_build = {"long_run": {"required_weekly": False}, "long_run_build": {"enabled": False}}
    assert found(make_scenario(rules=no_build), weeks) == []


def test_not_required_in_an_interrupted_week():
    # Week 2 blacked out Tuesday and Wednesday: 390 of 570 min available (< 0.75), interrupted.
    # (Other rules see a changed layout; only long_run is looked at here.)
    scenario = make_scenario(availability={"blackout_dates": ["2027-01-12", "2027-01-13"]})
    weeks = with_week(BASE_WEEKS, 2, "rest rest rest easy:45 rest easy:35 easy:65")
    assert [f for f in found(scenario, weeks) if f[0] == "long_run"] == []
    normal = make_scenario(availability={"blackout_dates": ["2027-01-12"]})  # 480 min: a normal week
    assert [f for f in found(normal, weeks) if f[0] == "long_run"] == [("long_run", "week 2", "no long run")]


def test_share_of_the_week_by_running_days_available():
    # Taper week 7 with an 81 or 82 min long run: 226 or 227 min, six running days available
    # (share 0.36): 81 <= 81.36, 82 > 81.72. With Friday 02-19 blacked out only five days are
    # available (share 0.38): 82 <= 86.26.
    weeks = with_week(BASE_WEEKS, 7, "rest intervals:45 easy:35 tempo:40 rest easy:25 long:{}")
    assert found(no_window(), [*weeks[:6], weeks[6].format(81), weeks[7]]) == []
    past = [*weeks[:6], weeks[6].format(82), weeks[7]]
    assert found(no_window(), past) == [("long_run", "2027-02-21", "+0.3 min over the long-run cap")]
    assert found(no_window(availability={"blackout_dates": ["2027-02-19"]}), past) == []


def test_share_of_an_unlisted_day_count_is_the_nearest_key():
    assert share_for(DEFAULT_SHARES, 6) == 0.36
    assert share_for(DEFAULT_SHARES, 0) == 1.0  # a week without a free day: the 1-day share
    assert share_for({3: 0.5, 5: 0.4}, 4) == 0.4  # a tie: the larger key
    assert share_for({3: 0.5, 5: 0.4}, 7) == 0.4


def test_absolute_cap():
    assert found(make_scenario(rules={"long_run": {"max_minutes": 80}}), BASE_WEEKS) == []
    assert found(make_scenario(rules={"long_run": {"max_minutes": 79}}), BASE_WEEKS) == [
        ("long_run", "2027-02-14", "+1 min over the long-run limit")]


def test_single_run_growth():
    # M(0) = 55 -> cap 60.5 for week 1 (long 60), M(1) = 60 -> 66 (65), then M stays 70 or more.
    assert found(make_scenario(athlete={"longest_recent_run_minutes": 55}), BASE_WEEKS) == []
    # M(0) = 54 -> cap 59.4: only week 1's 60 min run is a spike; later caps grow from it.
    assert found(make_scenario(athlete={"longest_recent_run_minutes": 54}), BASE_WEEKS) == [
        ("long_run", "2027-01-10", "+0.6 min over the single-run growth cap")]


def test_no_session_longer_than_the_long_run():
    # Week 1: long run 60 on Sunday; Tuesday's easy run grows from 40 to 60 (equal) or 61.
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    assert found(scenario, edit(BASE_WEEKS, 1, "easy:40", "easy:60")) == []
    assert found(scenario, edit(BASE_WEEKS, 1, "easy:40", "easy:61")) == [
        ("long_run", "2027-01-05", "+1 min longer than the week's long run")]


def test_peak_long_run_minimum():
    # A 40 min race (race_session override); the longest loading-week long run is 80 (week 6).
    def scenario(share: float, cap: int, max_minutes: int = 100):
        return make_scenario(race_session={"minutes": 40}, rules={"long_run": {
            "min_peak_share_of_race": share, "min_peak_cap_minutes": cap, "max_minutes": max_minutes}})

    assert found(scenario(2.0, 90), BASE_WEEKS) == []  # ceil(2.0 · 40) = 80
    assert found(scenario(2.025, 90), BASE_WEEKS) == [  # ceil(2.025 · 40) = 81: one minute short
        ("long_run", "weeks 1-6", "longest long run 1 min short of 81 min")]
    assert found(scenario(2.025, 80), BASE_WEEKS) == []  # the cap binds: 80
    assert found(scenario(2.025, 90, max_minutes=80), BASE_WEEKS) == []  # max_minutes binds
    assert found(scenario(2.025, 0), BASE_WEEKS) == []  # a minimum of 0: not checked
