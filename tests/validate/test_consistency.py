"""plan_consistency: stated labels and numbers against their recomputation, broken plans."""

from __future__ import annotations

import copy
import math

import pytest

from peakplan.validate import PlanFormatError, Violation, validate, validate_report

from .plan_builder import BASE_WEEKS, build_plan, make_scenario, no_window, with_week
from .plan_loads import per_minute, pre_block_load


def _consistency(scenario, plan):
    violations = validate(scenario, plan)
    assert {v.rule for v in violations} == {"plan_consistency"}, violations
    return [(v.where, v.amount) for v in violations]


def _day(plan, date):
    return next(d for d in plan["days"] if d["date"] == date)


def test_load_is_minutes_times_the_pace_based_load_per_minute(base):
    scenario, plan = base
    # Tuesday 01-05, easy 40 min at VDOT 45: E pace 362.0-323.2 s/km (mean 342.6), T 278.0 s/km:
    # (278.0 / 342.6)² · 100 / 60 = 1.0975 a minute -> 43.902.
    assert per_minute(scenario, "easy") == pytest.approx((277.9928 / 342.5691) ** 2 * 100 / 60, rel=1e-5)
    assert _day(plan, "2027-01-05")["load"] == 43.902
    _day(plan, "2027-01-05")["load"] = 43.903  # rounding noise
    assert validate(scenario, plan) == []
    _day(plan, "2027-01-05")["load"] = 43.91  # the load of another pace
    assert _consistency(scenario, plan) == [("2027-01-05", "load 43.910 stated, 43.902 recomputed")]


def test_without_paces_the_catalogue_intensity_factor(tmp_path):
    # No VDOT, race result or goal time: easy 40 min at IF 0.70 = 40 · 0.49 · 100 / 60 = 32.667.
    scenario = make_scenario(athlete={"vdot": None}, model={"readiness": "banister"})
    plan = build_plan(scenario, BASE_WEEKS)
    assert _day(plan, "2027-01-05")["load"] == 32.667
    assert validate(scenario, plan) == []


def test_a_tune_up_is_loaded_at_its_own_distance():
    # A 10K tune-up on Sunday 02-21: round(45:16 at VDOT 45) + 25 = 70 min at 10K race pace.
    scenario = no_window(race={"tune_ups": [{"date": "2027-02-21", "distance": "10k"}]})
    plan = build_plan(scenario, with_week(BASE_WEEKS, 7, "rest easy:40 easy:40 easy:40 rest easy:40 tune_up:70"))
    assert validate(scenario, plan) == []
    tune_up = _day(plan, "2027-02-21")
    assert tune_up["load"] == round(70 * per_minute(scenario, "tune_up", 10.0), 3)
    goal_pace_load = round(70 * per_minute(scenario, "tune_up"), 3)  # at the 5K goal's race pace: wrong
    assert goal_pace_load > tune_up["load"]
    tune_up["load"] = goal_pace_load
    assert [w for w, _ in _consistency(scenario, plan)] == ["2027-02-21"]


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
    ("2027-01-18", "phase", "base"),
    ("2027-01-19", "hard", False),
    ("2027-02-28", "minutes", 30),
    ("2027-02-03", "ctl", 30.0),
    ("2027-02-03", "atl", 1.0),
    ("2027-02-03", "tsb", 0.5),
])
def test_day_fields(base, date, key, value):
    scenario, plan = base
    _day(plan, date)[key] = value
    assert [w for w, _ in _consistency(scenario, plan)] == [date]


@pytest.mark.parametrize(("key", "value"), [
    ("minutes", 211), ("load", 1.0), ("phase", "build"), ("days", 6), ("hard_sessions", 1),
    ("long_run_minutes", 0), ("low_intensity_share", 0.5), ("week", 3), ("deload", True),
])
def test_week_fields(base, key, value):
    scenario, plan = base
    plan["weeks"][0][key] = value
    assert _consistency(scenario, plan)[0][0] == "week 1"


def test_race_week_load_may_include_the_race(base):
    scenario, plan = base
    race_load = plan["days"][-1]["load"]  # 25 min at VDOT 45's 5K race pace
    assert race_load == pytest.approx(25 * per_minute(scenario, "race"), abs=1e-3)
    plan["weeks"][7]["load"] = round(plan["weeks"][7]["load"] + race_load, 3)
    assert validate(scenario, plan) == []


def test_readiness_params_and_race(base):
    scenario, plan = base
    broken = copy.deepcopy(plan)
    broken["readiness"]["params"]["k1"] = 1.0
    broken["race"]["date"] = "2027-03-01"
    assert [w for w, _ in _consistency(scenario, broken)] == ["race.date", "readiness.params.k1"]


def test_p0_of_the_athlete_baseline(base):
    # baseline: athlete -> p0 = VDOT 45 − what 400 days at the pre-block load carry to day 0.
    scenario, plan = base
    model = scenario.readiness
    pre = pre_block_load(scenario)
    p0 = 45.0 - sum(pre * (model.k1 * math.exp(-m / model.tau_fitness_days)
                           - model.k2 * math.exp(-m / model.tau_fatigue_days)) for m in range(1, 401))
    assert plan["readiness"]["params"]["p0"] == pytest.approx(p0, abs=1e-6)
    plan["readiness"]["params"]["p0"] = round(p0 + 0.01, 6)
    assert [w for w, _ in _consistency(scenario, plan)] == ["readiness.params.p0"]


@pytest.mark.parametrize("key", ["race_day_vdot", "no_training_vdot", "keep_training_vdot", "current_vdot",
                                 "race_time_s", "current_race_time_s"])
def test_prediction(base, key):
    scenario, plan = base
    plan["prediction"][key] += 0.5
    assert [w for w, _ in _consistency(scenario, plan)] == [f"prediction.{key}"]


def test_prediction_only_for_a_model_in_vdot():
    scenario = make_scenario(model={"readiness": "banister"})
    plan = build_plan(scenario, BASE_WEEKS)
    assert plan["prediction"] is None and validate(scenario, plan) == []
    plan["prediction"] = build_plan(make_scenario(), BASE_WEEKS)["prediction"]
    assert [w for w, _ in _consistency(scenario, plan)] == ["prediction"]


def test_pmc_race_day_values():
    scenario = make_scenario(model={"readiness": "pmc"})
    plan = build_plan(scenario, BASE_WEEKS)
    assert [v for v in validate(scenario, plan) if v.rule == "plan_consistency"] == []
    plan["readiness"]["ctl"] = plan["days"][-1]["ctl"]  # CTL(T), which includes the race
    assert [v.where for v in validate(scenario, plan) if v.rule == "plan_consistency"] == ["readiness.ctl"]


def test_structure_problems(base):
    scenario, plan = base
    days = plan["days"]
    plan["days"] = [days[0], days[0]] + days[2:] + [dict(days[-1], date="2027-03-01"), "junk"]
    problems = [(v.where, v.amount) for v in validate(scenario, plan) if v.rule == "plan_consistency"]
    assert ("2027-01-04", "duplicate date") in problems
    assert ("2027-03-01", "outside the block") in problems
    assert ("days[57]", "no valid date") in problems
    assert ("2027-01-05", "missing day") in problems  # read as rest: week 1 loses 40 min (other rules)


def test_missing_summaries(base):
    scenario, plan = base
    del plan["weeks"], plan["readiness"], plan["objective"]
    assert [w for w, _ in _consistency(scenario, plan)] == ["weeks", "objective", "readiness"]


def test_many_mismatches_are_capped(base):
    scenario, plan = base
    for day in plan["days"]:
        day["ctl"] = 0.0
    # Monday 01-04 is a rest day: CTL(0) = 31.358 · e^{-1/42} = 30.620; later days are summed up.
    assert pre_block_load(scenario) * math.exp(-1 / 42) == pytest.approx(30.620, abs=1e-3)
    assert _consistency(scenario, plan) == [("2027-01-04", "ctl 0.000 stated, 30.620 recomputed"),
                                            ("2027-01-05", "and 55 more like it from here")]


@pytest.mark.parametrize("plan", [None, [], {"days": "x"}, {"weeks": []}])
def test_not_a_plan_raises(base, plan):
    scenario, _ = base
    with pytest.raises(PlanFormatError, match="days"):
        validate(scenario, plan)


def test_report_counts_checks_and_violation_text(base):
    scenario, plan = base
    report = validate_report(scenario, plan)
    assert report.ok and report.checks > 1000
    assert "form_window" in report.rules_checked and "tune_up" in report.rules_checked
    assert "acwr" not in report.rules_checked  # off by default
    v = Violation("long_run", "week 3", "+18 min over the long-run cap", "Shorten it.")
    assert str(v) == "[long_run] week 3: +18 min over the long-run cap. Shorten it."
    with pytest.raises(AttributeError):
        v.rule = "x"  # type: ignore[misc]


@pytest.mark.parametrize("days", [28, 500])
def test_loads_before_the_block(days):
    # A real history: loads before the block rising from 10 to 60 a day (shorter than 400 days:
    # padded with the mean of its first 28). Start state, readiness, p0 and prediction all follow.
    history = [round(10 + 50 * i / (days - 1), 3) for i in range(days)]
    scenario = make_scenario(athlete={"loads_before": history})
    plan = build_plan(scenario, BASE_WEEKS)
    assert pre_block_load(scenario) == pytest.approx(sum(history[-28:]) / 28)
    assert [v for v in validate(scenario, plan) if v.rule == "plan_consistency"] == []
    flat = build_plan(make_scenario(), BASE_WEEKS)
    assert plan["days"][0]["ctl"] != flat["days"][0]["ctl"]  # the history changes the start
