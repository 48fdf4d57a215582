"""Comparison metrics of a plan: volumes, intensity split, taper depth, tight rules."""

from __future__ import annotations

import pytest

from peakplan.plan.file import PlanWeek
from peakplan.plan.io import plan_from_data
from peakplan.report.metrics import LOW, fmt, metrics, taper_depth, weekly_split
from peakplan.scenario import scenario_from_dict

from .helpers import TINY

# Fields of a plan file the metrics do not read, filled with neutral values.
DAY_REST = {"load": 0.0, "ctl": 0.0, "atl": 0.0, "tsb": 0.0, "workout": None}
WEEK_REST = {"days": 7, "low_intensity_share": 1.0, "hard_sessions": 0, "long_run_minutes": 0}


def _plan():
    days = [  # week 1: base; week 2: taper; week 3: race week (race excluded from volumes)
        {"date": "2027-01-04", "week": 1, "weekday": "mon", "phase": "base", "session": "easy", "minutes": 60,
         "km": 10.0, "hard": False},
        {"date": "2027-01-05", "week": 1, "weekday": "tue", "phase": "base", "session": "tempo", "minutes": 50,
         "km": 9.0, "hard": True},
        {"date": "2027-01-06", "week": 2, "weekday": "wed", "phase": "taper", "session": "long", "minutes": 90,
         "km": 15.0, "hard": False},
        {"date": "2027-01-07", "week": 3, "weekday": "thu", "phase": "race_week", "session": "rest", "minutes": 0,
         "km": 0.0, "hard": False},
        {"date": "2027-01-08", "week": 3, "weekday": "fri", "phase": "race_week", "session": "strides", "minutes": 40,
         "km": 7.0, "hard": False},
        {"date": "2027-01-09", "week": 3, "weekday": "sat", "phase": "race_week", "session": "race", "minutes": 45,
         "km": 10.0, "hard": True},
    ]
    weeks = [{"week": 1, "phase": "base", "deload": False, "minutes": 110, "load": 100.0},
             {"week": 2, "phase": "taper", "deload": False, "minutes": 90, "load": 70.0},
             {"week": 3, "phase": "race_week", "deload": False, "minutes": 40, "load": 30.0}]
    return plan_from_data({
        "peakplan_version": "0.2.0", "status": "OPTIMAL", "objective": 12.5, "bound": 12.5, "gap": 0.0,
        "race": {"date": "2027-01-09", "distance_km": 10.0},
        "readiness": {"model": "banister", "race_day": 12.5, "params": {}, "ctl": 40.0, "atl": 30.0, "tsb": 10.0},
        "prediction": None, "paces": None,
        "weeks": [{**WEEK_REST, **w} for w in weeks], "days": [{**DAY_REST, **d} for d in days],
        "tight_rules": [{"rule": "taper", "where": "week 2", "detail": ""},
                        {"rule": "weekly_ramp", "where": "week 1", "detail": ""},
                        {"rule": "taper", "where": "week 3", "detail": ""}],
        "scenario": scenario_from_dict(TINY).model_dump(mode="json")})   # the shipped catalogue


def test_metrics_of_a_known_plan():
    m = metrics(_plan())
    assert m["readiness"] == 12.5 and m["race_tsb"] == 10.0 and m["status"] == "OPTIMAL"
    assert m["peak_week_minutes"] == 110 and m["peak_week_load"] == 100.0
    assert m["total_minutes"] == 240 and m["total_km"] == 41.0        # the race is not training volume
    assert m["longest_run_minutes"] == 90 and m["hard_sessions"] == 1
    # tempo: quality_fraction 0.40 -> 20 quality min; strides: 0.05 -> 2 min
    assert m["low_intensity_share"] == pytest.approx(round((240 - 20 - 2) / 240, 4))
    assert m["taper_depth"] == pytest.approx(1 - 40 / 110)
    assert m["tight_rules"] == {"taper": 2, "weekly_ramp": 1}


def test_weekly_split_sums_to_week_minutes():
    split = weekly_split(_plan())
    assert split[0].parts == {LOW: 90.0, "threshold": 20.0}
    assert split[2].parts == {LOW: 38.0, "strides": 2.0}
    for w in split:
        assert sum(w.parts.values()) == pytest.approx(w.minutes)


def test_taper_depth_without_pre_taper_weeks_and_formatting():
    race_week = PlanWeek(week=1, phase="race_week", deload=False, minutes=50, load=0.0, **WEEK_REST)
    assert taper_depth((race_week,)) is None
    assert fmt("low_intensity_share", 0.8766) == "87.7%" and fmt("race_tsb", 3.25) == "+3.2"
    assert fmt("taper_depth", None) == "—" and fmt("total_minutes", 5583) == "5,583"
