"""long_run_build (docs/rules.md): building weeks are loading weeks w >= 2 that are normal, not
deloads, not tune-up weeks, with week w-1 not interrupted. With B(w) = the largest L(v) over
loading weeks v < w, every building week has L(w) >= min_share_of_longest * B(w). Off when
long_run is off.

Scenario: the base block with THREE_LOADING_WEEKS (tests/model/support.py: loading weeks 1-3,
race week 4), long_run on (share .36 on 6 days, growth .10 from 70 min, required weekly), COSTLY
readiness (every minute costs: floors are met exactly). The block's longest run must reach 77 min
(min_peak_cap_minutes 77; week 1 sessions may grow to floor(1.1 x 70) = 77), and Sundays of weeks
2 and 3 are capped at 70 min (2027-01-17, 2027-01-24: 340 a week, a normal week), so only week 1
can hold it. 10K default min_share_of_longest .80.
"""

from __future__ import annotations

import pytest

from ..support import COSTLY, THREE_LOADING_WEEKS, assert_infeasible, only, readiness, solve_checked, week_minutes

PEAK_IN_WEEK_1 = {**THREE_LOADING_WEEKS, "rules.long_run.min_peak_share_of_race": 3.0,
                  "rules.long_run.min_peak_cap_minutes": 77,
                  "availability.date_caps": {"2027-01-17": 70, "2027-01-24": 70},
                  # an athlete whose volume carries more than 77 min (floor(.9 x .36 x min(400, 300 x 1.1)) = 106)
                  "athlete.current_weekly_minutes": 300, "athlete.peak_weekly_minutes": 400}


@pytest.fixture
def costly(tmp_path):
    return {"model.readiness": readiness(tmp_path, COSTLY), **PEAK_IN_WEEK_1}


def longs(result) -> list[int]:
    kinds = result.scenario.catalogue.sessions
    return [sum(d.minutes for d in result.days if d.week == w and d.session in kinds and kinds[d.session].long)
            for w in (1, 2, 3)]


def test_feasible():
    result = solve_checked(only("long_run", "long_run_build"))
    assert result.status == "OPTIMAL"


def test_share_of_the_longest_binds(costly):
    # L(1) = 77; weeks 2 and 3: L >= .80 x 77 = 61.6 -> 62 (B stays 77). Week volumes from the
    # long-run share: E(1) >= 77 / .36 = 213.9 -> 214, E(2) = E(3) >= 62 / .36 = 172.2 -> 173.
    result = solve_checked(only("long_run", "long_run_build", **costly))
    assert longs(result) == [77, 62, 62]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [214, 173, 173, 0]


def test_past_the_edge_share_above_the_capped_sundays(costly):
    # .90 x 77 = 69.3 -> 70: the capped Sundays hold it exactly; .91 x 77 = 70.07 -> 71 > 70:
    # infeasible, with the long run's peak minimum and the Sunday caps.
    inside = solve_checked(only("long_run", "long_run_build", **costly,
                                **{"rules.long_run_build.min_share_of_longest": 0.90}))
    assert longs(inside) == [77, 70, 70]
    past = only("long_run", "long_run_build", **costly, **{"rules.long_run_build.min_share_of_longest": 0.91})
    assert {"long_run_build", "availability", "long_run"} <= assert_infeasible(past, "long_run_build")


def test_switched_off_long_runs_drop_back(costly):
    on = solve_checked(only("long_run", "long_run_build", **costly))
    off = solve_checked(only("long_run", **costly))
    assert longs(off) == [77, 45, 45]
    assert off.objective > on.objective
