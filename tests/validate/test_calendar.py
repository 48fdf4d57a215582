"""The validator's own calendar (validate/layout.py): week count-back, phase split with ties, deload weeks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peakplan.scenario import load_scenario
from peakplan.validate.layout import build_layout, split_loading_weeks

from .plan_builder import make_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHARES = {"base": 0.30, "build": 0.25, "race_specific": 0.30, "peak": 0.15}


def test_split_with_exact_ties():
    # R = 10: quotas 3, 2.5, 3, 1.5 -> floors 3, 2, 3, 1; one left, build and peak tie at .5 -> peak.
    # (In floats 10 · 0.3 = 3.0000000000000004; the split must still see exact quotas.)
    assert split_loading_weeks(10, SHARES) == {"base": 3, "build": 2, "race_specific": 3, "peak": 2}
    # R = 3: .9, .75, .9, .45 -> three leftovers: race_specific, base (tie), build.
    assert split_loading_weeks(3, SHARES) == {"base": 1, "build": 1, "race_specific": 1, "peak": 0}
    # R = 1: the tie at .3 goes to race_specific.
    assert split_loading_weeks(1, SHARES) == {"base": 0, "build": 0, "race_specific": 1, "peak": 0}


def test_shipped_marathon_layout():
    # 2026-12-28 .. 2027-04-18: 112 days, 16 weeks, taper 2 -> R = 13. Quotas 3.9, 3.25, 3.9, 1.95:
    # floors 3, 3, 3, 1 and three leftovers to peak (.95), race_specific and base (.9 tie).
    cal = build_layout(load_scenario(SCENARIOS / "marathon-16w.yaml"))
    assert (cal.n_days, cal.n_weeks, cal.loading_weeks) == (112, 16, 13)
    assert cal.week_phase == ("base",) * 4 + ("build",) * 3 + ("race_specific",) * 4 + ("peak",) * 2 + \
        ("taper",) * 2 + ("race_week",)
    assert [w for w, flag in enumerate(cal.week_deload, start=1) if flag] == [4, 8, 12]


def test_deloads_stop_before_the_last_loading_week():
    # 5K in 8 weeks: R = 7, every 4 -> week 4 only; every 2 -> 2, 4, 6 (6 < 7).
    scenario = load_scenario(SCENARIOS / "5k-8w.yaml")
    assert [w for w, f in enumerate(build_layout(scenario).week_deload, 1) if f] == [4]
    rules = scenario.rules.model_copy(update={"deload": scenario.rules.deload.model_copy(update={"every_weeks": 7})})
    assert not any(build_layout(scenario.model_copy(update={"rules": rules})).week_deload)


def test_partial_first_week():
    # Wednesday 2027-01-06 to Sunday 2027-01-31: 26 days, week 1 = Wed..Sun (5 days).
    cal = build_layout(make_scenario(start_date="2027-01-06"))
    assert (cal.n_days, cal.n_weeks) == (26, 4)
    assert [cal.week_length(w) for w in range(1, 5)] == [5, 7, 7, 7]
    assert list(cal.days_of_week(1)) == [0, 1, 2, 3, 4]
    assert cal.date(cal.race_day) == dt.date(2027, 1, 31) and cal.weekday(0) == "wed"
    assert list(cal.training_days_of_week(4)) == list(range(19, 25))
