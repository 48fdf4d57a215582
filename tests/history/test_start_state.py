"""The start state a scenario takes from a history: PMC, recent weeks, longest run, VDOT, loads."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from peakplan.errors import InputError
from peakplan.history import start_state
from peakplan.history.model import Day, History, LoadRules, Session, Test
from peakplan.readiness import PMC_TAU_ATL_DAYS, PMC_TAU_CTL_DAYS, decay

FIRST = dt.date(2026, 1, 5)
RULES = LoadRules(threshold_s_per_km=270, threshold_from="--threshold-pace 4:30/km", segment_s=30,
                  stopped_speed_m_per_s=1, intensity_cap=1.4, hr_rest_bpm=60, hr_threshold_bpm=None,
                  rpe_load_per_unit=0.238, easy_intensity=0.7)


def _day(date: dt.date, minutes: float, load: float) -> Day:
    session = Session(source="x.fit", start=dt.datetime.combine(date, dt.time(7)), minutes=minutes, km=minutes / 6,
                      load=load, load_source="pace")
    return Day(date=date, minutes=minutes, km=minutes / 6, load=load, load_source="pace", sessions=(session,))


def history(days: list[Day], tests: tuple[Test, ...] = ()) -> History:
    return History(first_date=days[0].date, last_date=days[-1].date, vdot=44.0, rules=RULES, days=tuple(days),
                   tests=tests, skipped=(), other_sports={})


def test_start_state_numbers() -> None:
    days = [_day(FIRST + dt.timedelta(days=i), 30 + i, 40.0) for i in range(0, 60, 2)]   # every second day
    days.append(_day(FIRST + dt.timedelta(days=70), 150, 120.0))                         # one long run, day 70
    race = Test(date=FIRST + dt.timedelta(days=50), distance_m=10000, time_s=2700, vdot=46.6, source="r.fit")
    state = start_state(history(days, (race,)), FIRST + dt.timedelta(days=84))
    loads = np.zeros(84)
    loads[0:60:2] = 40.0
    loads[70] = 120.0
    ctl, atl = 0.0, 0.0
    for load in loads:
        ctl += decay(PMC_TAU_CTL_DAYS) * (load - ctl)
        atl += decay(PMC_TAU_ATL_DAYS) * (load - atl)
    assert state.ctl == pytest.approx(ctl) and state.atl == pytest.approx(atl)
    assert state.tsb == pytest.approx(ctl - atl)
    np.testing.assert_allclose(state.loads_before, loads)
    assert state.first_date == FIRST
    # weeks (days 56-62, 63-69, 70-76, 77-83): runs on days 56 and 58 (86 + 88 min), the long run, nothing
    assert state.weekly_minutes_last_4 == [86 + 88, 0.0, 150.0, 0.0]
    assert state.longest_run_minutes_last_30_days == 150
    assert state.vdot == 46.6


def test_vdot_falls_back_to_the_history_vdot_and_old_races_do_not_count() -> None:
    old = Test(date=FIRST, distance_m=5000, time_s=1300, vdot=37.9, source="r.fit")
    days = [_day(FIRST + dt.timedelta(days=i), 40, 40.0) for i in range(1, 300, 3)]
    state = start_state(history(days, (old,)), FIRST + dt.timedelta(days=300))
    assert state.vdot == 44.0


def test_block_before_the_history_is_an_error() -> None:
    with pytest.raises(InputError, match="history begins"):
        start_state(history([_day(FIRST, 30, 30.0)]), FIRST)


def test_days_after_the_history_are_rest() -> None:
    state = start_state(history([_day(FIRST, 30, 30.0)]), FIRST + dt.timedelta(days=10))
    assert list(state.loads_before) == [30.0] + [0.0] * 9
