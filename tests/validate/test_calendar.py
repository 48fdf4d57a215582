"""The validator's own calendar (validate/layout.py, validate/phase_layout.py): week count-back,
cap(d), interrupted and normal weeks, days_avail, the phase split with ties, the deload walk and
ref(w) — each against numbers worked out by hand from docs/rules.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peakplan.scenario import load_scenario
from peakplan.validate.layout import build_layout
from peakplan.validate.phase_layout import split_loading_weeks

from .plan_builder import make_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHARES = {"base": 0.30, "build": 0.25, "race_specific": 0.30, "peak": 0.15}


def _deloads(cal) -> list[int]:
    return [w for w, flag in enumerate(cal.week_deload, start=1) if flag]


def test_split_with_exact_ties():
    # R = 10: quotas 3, 2.5, 3, 1.5 -> floors 3, 2, 3, 1; one left, build and peak tie at .5 -> peak.
    # (In floats 10 · 0.3 = 3.0000000000000004; the split must still see exact quotas.)
    assert split_loading_weeks(10, SHARES) == {"base": 3, "build": 2, "race_specific": 3, "peak": 2}
    # R = 6: 1.8, 1.5, 1.8, .9 -> three leftovers: peak (.9), then the .8 tie race_specific, base.
    assert split_loading_weeks(6, SHARES) == {"base": 2, "build": 1, "race_specific": 2, "peak": 1}
    # R = 1: the tie at .3 goes to race_specific.
    assert split_loading_weeks(1, SHARES) == {"base": 0, "build": 0, "race_specific": 1, "peak": 0}


def test_base_layout():
    cal = build_layout(make_scenario())
    assert (cal.n_days, cal.n_weeks, cal.loading_weeks) == (56, 8, 6)
    assert cal.week_phase == ("base", "base", "build", "race_specific", "race_specific", "peak", "taper",
                              "race_week")
    # k = 0 -> 1 -> 2; week 3 closes the build with k = 2: a deload.
    assert _deloads(cal) == [3]
    assert [cal.ref(w) for w in range(1, 9)] == [None, 1, 2, 2, 4, 5, 6, 6]
    assert [cal.days_avail(w) for w in range(1, 9)] == [6] * 7 + [5]  # Monday off; race week Tue-Sat
    assert not any(cal.week_interrupted)


def test_shipped_marathon_layout():
    # 2026-12-28 .. 2027-04-18: 112 days, 16 weeks, taper 2 -> R = 13. Quotas 3.9, 3.25, 3.9, 1.95:
    # floors 3, 3, 3, 1 and three leftovers to peak (.95), race_specific and base (.9 tie).
    cal = build_layout(load_scenario(SCENARIOS / "marathon-16w.yaml"))
    assert (cal.n_days, cal.n_weeks, cal.loading_weeks) == (112, 16, 13)
    assert cal.week_phase == ("base",) * 4 + ("build",) * 3 + ("race_specific",) * 4 + ("peak",) * 2 + \
        ("taper",) * 2 + ("race_week",)
    # Walk: k reaches 3 = every_weeks − 1 at week 4 (base ends too); week 7 closes the build with
    # k = 2; k reaches 3 again at week 11 (race_specific ends); week 12 has k = 0.
    assert _deloads(cal) == [4, 7, 11]


def test_deload_walk_without_phase_ends():
    rules = {"deload": {"at_phase_ends": False, "every_weeks": 2}}
    assert _deloads(build_layout(make_scenario(rules=rules))) == [2, 4]  # w <= R − 1 = 5
    assert _deloads(build_layout(make_scenario(rules={"deload": {"at_phase_ends": False}}))) == [4]
    assert _deloads(build_layout(make_scenario(rules={"deload": {"enabled": False}}))) == []


def test_cap_of_a_day():
    cal = build_layout(make_scenario(availability={"date_caps": {"2027-01-05": 30, "2027-01-06": 200},
                                                   "blackout_dates": ["2027-01-07"]}))
    # A date cap replaces its weekday's: Tuesday lowered to 30, Wednesday raised from 90 to 200
    # (a free holiday, or a day already run longer); Thursday blacked out.
    assert [int(c) for c in cal.cap_minutes[:7]] == [0, 30, 200, 0, 90, 90, 120]
    assert int(cal.cap_minutes[cal.race_day]) == 0


def test_interrupted_week_edge_and_the_counter_reset():
    # A normal week has 570 min; interrupted below 0.75 · 570 = 427.5. Week 2 with Tuesday
    # blacked out and Wednesday capped: 390 + x min available.
    def cal(wednesday_minutes: int):
        return build_layout(make_scenario(availability={"blackout_dates": ["2027-01-12"],
                                                        "date_caps": {"2027-01-13": wednesday_minutes}}))

    assert not cal(38).week_interrupted[1]  # 428 min
    interrupted = cal(37)  # 427 min
    assert interrupted.week_interrupted == (False, True) + (False,) * 6
    assert not interrupted.is_normal(2) and interrupted.is_normal(3)
    # The walk: k = 1 after week 1, reset by week 2, then 0 -> 1 -> 2 over weeks 3, 4; week 5 closes
    # the race_specific phase with k = 2.
    assert _deloads(interrupted) == [5]
    assert [interrupted.ref(w) for w in range(1, 9)] == [None, 1, 1, 3, 4, 4, 6, 6]


def test_the_race_week_is_never_interrupted():
    blackouts = [f"2027-02-{day}" for day in range(22, 28)]  # race week Monday to Saturday
    cal = build_layout(make_scenario(availability={"blackout_dates": blackouts}))
    assert not cal.week_interrupted[7] and cal.days_avail(8) == 0


def test_days_avail_is_capped_by_the_running_days():
    cal = build_layout(make_scenario(availability={"max_running_days_per_week": 4}))
    assert [cal.days_avail(w) for w in (1, 8)] == [4, 4]


def test_tune_up_weeks():
    cal = build_layout(make_scenario(race={"tune_ups": [{"date": "2027-02-21", "distance": "10k"}]}))
    assert cal.tune_up_km == {48: 10.0}
    assert [w for w in range(1, 9) if cal.is_tune_up_week(w)] == [7]


def test_partial_first_week():
    # Wednesday 2027-01-06 to Sunday 2027-02-28: 54 days, week 1 = Wed..Sun (5 days), not normal.
    cal = build_layout(make_scenario(start_date="2027-01-06"))
    assert (cal.n_days, cal.n_weeks) == (54, 8)
    assert [cal.week_length(w) for w in range(1, 9)] == [5] + [7] * 7
    assert list(cal.days_of_week(1)) == [0, 1, 2, 3, 4]
    assert cal.date(cal.race_day) == dt.date(2027, 2, 28) and cal.weekday(0) == "wed"
    assert list(cal.training_days_of_week(8)) == list(range(47, 53))
    assert not cal.is_normal(1) and cal.ref(2) is None and cal.ref(3) == 2
