"""hard_easy: easy days between hard days, back-to-back pairs, three in a row, the weekly cap."""

from __future__ import annotations

from .plan_builder import BASE_WEEKS, edit, found, make_scenario, no_window, with_week

# The peak week 6 with tempo moved from Thursday to Wednesday: intervals Tue 02-09, tempo Wed 02-10.
ADJACENT = with_week(BASE_WEEKS, 6, "rest intervals:45 tempo:45 easy:45 rest easy:45 long:80")


def test_adjacent_hard_days_need_a_back_to_back_allowance():
    assert found(make_scenario(), ADJACENT) == [  # back_to_back_per_week = 0 by default
        ("hard_easy", "2027-02-10", "back-to-back pair 1 in week 6, 0 allowed")]
    assert found(make_scenario(rules={"hard_easy": {"back_to_back_per_week": 1}}), ADJACENT) == []


def test_never_three_hard_days_in_a_row():
    weeks = edit(ADJACENT, 6, "easy:45", "tempo:45")  # intervals, tempo, tempo on 02-09 .. 02-11
    scenario = make_scenario(rules={"hard_easy": {"back_to_back_per_week": 3, "max_hard_per_week": 3}})
    assert found(scenario, weeks) == [("hard_easy", "2027-02-11", "third hard day in a row")]


def test_two_easy_days_between_hard_days():
    # Tuesday/Thursday hard days (weeks 3-7) have one easy day between them: enough for 1, not for 2.
    scenario = make_scenario(rules={"hard_easy": {"min_easy_days_between": 2, "long_run_counts_as_hard": False}})
    violations = found(scenario, BASE_WEEKS)
    assert [where for _, where, _ in violations] == ["2027-01-21", "2027-01-28", "2027-02-04", "2027-02-11",
                                                     "2027-02-18"]
    assert violations[0][2] == "1 easy day(s) after the hard day on 2027-01-19, 2 needed"


def test_the_long_run_is_spaced_like_a_hard_day():
    # Tempo on Saturday 01-30 right before Sunday's long run.
    weeks = with_week(BASE_WEEKS, 4, "rest intervals:45 easy:40 easy:40 rest tempo:40 long:70")
    assert found(make_scenario(), weeks) == [("hard_easy", "2027-01-31", "back-to-back pair 1 in week 4, 0 allowed")]
    assert found(make_scenario(rules={"hard_easy": {"long_run_counts_as_hard": False}}), weeks) == []


def test_weekly_hard_cap_excludes_the_race():
    # Weeks 3-7 hold two hard days; the race week one hard session plus the race.
    assert found(make_scenario(rules={"hard_easy": {"max_hard_per_week": 2}}), BASE_WEEKS) == []
    assert found(make_scenario(rules={"hard_easy": {"max_hard_per_week": 1}}), BASE_WEEKS) == [
        ("hard_easy", f"week {w}", "2 hard days, 1 over the limit of 1") for w in (3, 4, 5, 6, 7)]


def test_a_hard_long_run_counts_toward_the_weekly_cap():
    # The peak week's long run as a long run with marathon-pace miles (hard and long, 90 min at
    # least; single-run growth widened to 25 % over the last four weeks' 75 so it may grow there): 3 hard days.
    weeks = with_week(BASE_WEEKS, 6, "rest intervals:45 easy:45 tempo:45 rest easy:35 long_mp:90")
    athlete = {"longest_recent_run_minutes": 90}
    rules = {"quotas": {"per_phase": {"peak": {"long_mp": {"max": 1}}}}, "long_run": {"max_growth": 0.25}}
    assert found(make_scenario(athlete=athlete, rules=rules), weeks) == [
        ("hard_easy", "week 6", "3 hard days, 1 over the limit of 2")]
    rules |= {"hard_easy": {"max_hard_per_week": 3}}
    assert found(make_scenario(athlete=athlete, rules=rules), weeks) == []


def test_race_day_is_a_hard_day():
    # Race pace on Saturday 02-27 sits back to back with the race on Sunday 02-28.
    weeks = edit(BASE_WEEKS, 8, "strides:30", "race_pace:30")
    scenario = no_window(rules={"race_week": {"enabled": False}})
    assert found(scenario, weeks) == [("hard_easy", "2027-02-28", "back-to-back pair 1 in week 8, 0 allowed")]
    assert found(no_window(rules={"race_week": {"enabled": False}, "hard_easy": {"enabled": False}}), weeks) == []
