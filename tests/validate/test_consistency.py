"""plan_consistency: stated labels and numbers against their recomputation, broken plans."""

from __future__ import annotations

import copy

import pytest

from peakplan.validate import PlanFormatError, Violation, validate, validate_report

from .plan_builder import BASE_WEEKS, build_plan, make_scenario


def _consistency(scenario, plan):
    found = validate(scenario, plan)
    assert {v.rule for v in found} == {"plan_consistency"}, found
    return [(v.where, v.amount) for v in found]


def _day(plan, date):
    return next(d for d in plan["days"] if d["date"] == date)


def test_load_tolerance(base):
    scenario, plan = base
    # Tuesday 01-05, easy 40 min: 40 · 0.70² · 100 / 60 = 32.667.
    assert _day(plan, "2027-01-05")["load"] == 32.667
    _day(plan, "2027-01-05")["load"] = 32.668  # rounding noise
    assert validate(scenario, plan) == []
    _day(plan, "2027-01-05")["load"] = 32.67  # the load of another duration
    assert _consistency(scenario, plan) == [("2027-01-05", "load 32.670 stated, 32.667 recomputed")]


def test_readiness_tolerance(base):
    scenario, plan = base
    original = plan["readiness"]["race_day"]
    plan["readiness"]["race_day"] = original * (1 + 5e-7)
    assert validate(scenario, plan) == []
    plan["readiness"]["race_day"] = original + 0.01
    assert [w for w, _ in _consistency(scenario, plan)] == ["readiness.race_day"]
    plan["readiness"]["race_day"], plan["objective"] = original, original - 0.01
    assert [w for w, _ in _consistency(scenario, plan)] == ["objective"]


@pytest.mark.parametrize(("date", "key", "value"), [
    ("2027-01-05", "weekday", "wed"),
    ("2027-01-05", "week", 2),
    ("2027-01-11", "phase", "base"),
    ("2027-01-12", "hard", False),
    ("2027-01-31", "minutes", 30),
    ("2027-01-20", "ctl", 30.0),
    ("2027-01-20", "atl", 1.0),
    ("2027-01-20", "tsb", 0.5),
])
def test_day_fields(base, date, key, value):
    scenario, plan = base
    _day(plan, date)[key] = value
    assert [w for w, _ in _consistency(scenario, plan)] == [date]


@pytest.mark.parametrize(("key", "value"), [
    ("minutes", 211), ("load", 1.0), ("phase", "build"), ("days", 6), ("hard_sessions", 1),
    ("long_run_minutes", 0), ("low_intensity_share", 0.5), ("week", 3),
])
def test_week_fields(base, key, value):
    scenario, plan = base
    plan["weeks"][0][key] = value
    assert _consistency(scenario, plan)[0][0] == "week 1"


def test_race_week_load_may_include_the_race(base):
    scenario, plan = base
    race_load = plan["days"][-1]["load"]  # 25 min at IF 1.05: 45.938
    assert race_load == pytest.approx(45.938)
    plan["weeks"][3]["load"] = round(plan["weeks"][3]["load"] + race_load, 3)
    assert validate(scenario, plan) == []


def test_readiness_params_and_race(base):
    scenario, plan = base
    broken = copy.deepcopy(plan)
    broken["readiness"]["params"]["k1"] = 1.0
    broken["race"]["date"] = "2027-02-01"
    assert [w for w, _ in _consistency(scenario, broken)] == ["race.date", "readiness.params.k1"]


def test_pmc_race_day_values(tmp_path):
    scenario = make_scenario(model={"readiness": "pmc"}, rules={})
    plan = build_plan(scenario, BASE_WEEKS)
    found = [v for v in validate(scenario, plan) if v.rule == "plan_consistency"]
    assert found == []  # objective = CTL(T−1); ctl/atl/tsb = CTL(T−1), ATL(T−1), their difference
    plan["readiness"]["ctl"] = plan["days"][-1]["ctl"]  # CTL(T), which includes the race
    assert [v.where for v in validate(scenario, plan) if v.rule == "plan_consistency"] == ["readiness.ctl"]


def test_structure_problems(base):
    scenario, plan = base
    days = plan["days"]
    plan["days"] = [days[0], days[0]] + days[2:] + [dict(days[-1], date="2027-02-01"), "junk"]
    found = [(v.where, v.amount) for v in validate(scenario, plan) if v.rule == "plan_consistency"]
    assert ("2027-01-04", "duplicate date") in found
    assert ("2027-02-01", "outside the block") in found
    assert ("days[29]", "no valid date") in found
    assert ("2027-01-05", "missing day") in found  # read as rest: week 1 loses 40 min (other rules)


def test_missing_summaries(base):
    scenario, plan = base
    del plan["weeks"], plan["readiness"], plan["objective"]
    assert [w for w, _ in _consistency(scenario, plan)] == ["weeks", "objective", "readiness"]


def test_many_mismatches_are_capped(base):
    scenario, plan = base
    for day in plan["days"]:
        day["ctl"] = 0.0
    found = _consistency(scenario, plan)
    # Monday 01-04 is a rest day: CTL(0) = 23.333 · e^{-1/42} = 22.784; later days are summed up.
    assert found == [("2027-01-04", "ctl 0.000 stated, 22.784 recomputed"),
                     ("2027-01-05", "and 27 more like it from here")]


@pytest.mark.parametrize("plan", [None, [], {"days": "x"}, {"weeks": []}])
def test_not_a_plan_raises(base, plan):
    scenario, _ = base
    with pytest.raises(PlanFormatError, match="days"):
        validate(scenario, plan)


def test_report_counts_checks_and_violation_text(base):
    scenario, plan = base
    report = validate_report(scenario, plan)
    assert report.ok and report.checks > 400
    assert "form_window" not in report.rules_checked and "taper" in report.rules_checked
    v = Violation("long_run", "week 3", "+18 min over the long-run cap", "Shorten it.")
    assert str(v) == "[long_run] week 3: +18 min over the long-run cap. Shorten it."
    with pytest.raises(AttributeError):
        v.rule = "x"  # type: ignore[misc]
