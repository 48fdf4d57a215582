"""long_run: one a week, on the long-run day, required weekly, share/absolute caps, growth."""

from __future__ import annotations

from peakplan.validate import validate

from .plan_builder import BASE_WEEKS, build_plan, edit, make_scenario


def _found(scenario, weeks):
    return [(v.rule, v.where) for v in validate(scenario, build_plan(scenario, weeks))]


def test_at_most_one_long_run_a_week():
    weeks = edit(BASE_WEEKS, 1, "easy:40", "long:60")  # a second long run on Tuesday 01-05
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    # Two long runs in week 1; the Tuesday one is also off the (free) Sunday long-run day.
    assert _found(scenario, weeks) == [("long_run", "week 1"), ("long_run", "2027-01-05")]


def test_long_run_day_and_its_exception():
    # Long run moved from Sunday 01-10 to Saturday 01-09, Sunday becomes an easy 30.
    weeks = [BASE_WEEKS[0].replace("easy:30 long:60", "long:60 easy:30")] + BASE_WEEKS[1:]
    scenario = make_scenario()
    assert _found(scenario, weeks) == [("long_run", "2027-01-09")]
    # With Sunday 01-10 blacked out (and a rest day), any day of that week may hold it.
    weeks = [BASE_WEEKS[0].replace("rest easy:30 long:60", "easy:30 long:60 rest")] + BASE_WEEKS[1:]
    blacked_out = make_scenario(availability={"blackout_dates": ["2027-01-10"]})
    assert _found(blacked_out, weeks) == []


def test_required_weekly():
    weeks = edit(BASE_WEEKS, 2, "long:65", "easy:65")
    assert _found(make_scenario(), weeks) == [("long_run", "week 2")]
    assert _found(make_scenario(rules={"long_run": {"required_weekly": False}}), weeks) == []


def test_share_of_week_cap():
    # Week 3: long 70 of 235 (cap 70.5) inside; long 71 of 236 (cap 70.8) past.
    scenario = make_scenario()
    assert _found(scenario, BASE_WEEKS) == []
    found = validate(scenario, build_plan(scenario, edit(BASE_WEEKS, 3, "long:70", "long:71")))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("long_run", "2027-01-24", "+0.2 min over the long-run cap")]


def test_absolute_cap():
    assert _found(make_scenario(rules={"long_run": {"max_minutes": 70}}), BASE_WEEKS) == []
    past = make_scenario(rules={"long_run": {"max_minutes": 69}})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("long_run", "2027-01-24", "+1 min over the long-run limit")]


def test_single_run_growth():
    # M(0) = 55 -> cap 60.5 for week 1 (long 60), M(1) = 60 -> 66 (65), M(2) = 65 -> 71.5 (70).
    assert _found(make_scenario(athlete={"longest_recent_run_minutes": 55}), BASE_WEEKS) == []
    # M(0) = 54 -> cap 59.4: only week 1's 60 min run is a spike; later caps grow from it.
    past = make_scenario(athlete={"longest_recent_run_minutes": 54})
    found = validate(past, build_plan(past, BASE_WEEKS))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("long_run", "2027-01-10", "+0.6 min over the single-run growth cap")]


def test_no_session_longer_than_the_long_run():
    # Week 1: long run 60 on Sunday; Tuesday's easy run grows from 40 to 60 (equal) or 61.
    scenario = make_scenario(rules={"weekly_ramp": {"enabled": False}})
    assert _found(scenario, edit(BASE_WEEKS, 1, "easy:40", "easy:60")) == []
    found = validate(scenario, build_plan(scenario, edit(BASE_WEEKS, 1, "easy:40", "easy:61")))
    assert [(v.rule, v.where, v.amount) for v in found] == [
        ("long_run", "2027-01-05", "+1 min longer than the week's long run")]
