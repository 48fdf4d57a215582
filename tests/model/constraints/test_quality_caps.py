"""quality_caps: a session's main set (quality_fraction * minutes) by quality_kind: threshold <=
threshold_share * E(w), intervals <= intervals_share * E(w), repetitions <= repetitions_share *
E(w), marathon_pace <= marathon_pace_max_minutes.

Base scenario (tests/model/support.py) with the FLAT readiness (every minute of load helps).
"""

from __future__ import annotations

import pytest

from ..support import FLAT, WEEKDAYS, assert_infeasible, catalogue, only, readiness, solve_checked, week_days

# easy: IF .70, 1-60 min. tempo: IF .90, exactly 40 min, main set half of it (20 min), threshold.
TEMPO = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 60, "hard": False},
         "tempo": {"intensity_factor": 0.90, "min_minutes": 40, "max_minutes": 40, "hard": False,
                   "quality_kind": "threshold", "quality_fraction": 0.5, "work_pace": "threshold"}}
# mp: IF .82, main set 60 % of the run, marathon_pace kind.
MP = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 200, "hard": False},
      "mp": {"intensity_factor": 0.82, "min_minutes": 0, "max_minutes": 200, "hard": False,
             "quality_kind": "marathon_pace", "quality_fraction": 0.6, "work_pace": "marathon"}}
RACE_PACE_ONLY = {"rules.quotas.per_phase": {"base": {"strides": {"min": 0}}, "build": {"tempo": {"min": 0}},
                                             "race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                             "peak": {"race_pace": {"min": 0}, "tempo": {"min": 0}},
                                             "taper": {"tempo": {"min": 0}}}}
MONDAY_30 = {"availability.max_minutes": {**dict.fromkeys(WEEKDAYS, 0), "mon": 30}}


@pytest.fixture
def tempo(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, TEMPO), "model.readiness": readiness(tmp_path, FLAT),
            "availability.max_minutes": dict.fromkeys(WEEKDAYS, 60), "rules.quality_caps.threshold_share": 0.05}


def test_feasible():
    result = solve_checked(only("quality_caps"))
    assert result.status == "OPTIMAL"


def test_threshold_share_binds(tempo):
    # threshold_share .05: each tempo main set (20 min) <= .05 * V(w) -> V(w) >= 400. A week with
    # k tempo runs (40) and 7 - k easy hours has V = 420 - 20k: k = 1 -> 400, exactly the bound
    # (main set 20 = .05 * 400); k = 2 -> 380 too small. So one tempo run a full week, the six
    # easy days at their full 60 min. Race week (6 days): 40 + 5 x 60 = 340 < 400 -> no tempo.
    result = solve_checked(only("quality_caps", **tempo))
    for w in (1, 2, 3):
        days = week_days(result, w)
        assert sorted(d.session for d in days) == ["easy"] * 6 + ["tempo"]
        assert sum(d.minutes for d in days) == 400
        assert 0.05 * sum(d.minutes for d in days) == 0.5 * 40
    assert {d.session for d in week_days(result, 4)} == {"easy"}


def test_marathon_pace_minutes_bind(tmp_path):
    # marathon_pace_max_minutes 45: main set .6 m <= 45 -> m <= 75. With 80 min a day an mp run
    # of 75 (75 x .6724 = 50.4 load) beats an easy 80 (80 x .49 = 39.2): every day mp 75.
    result = solve_checked(only("quality_caps", **{
        "model.catalogue": catalogue(tmp_path, MP), "model.readiness": readiness(tmp_path, FLAT),
        "availability.max_minutes": dict.fromkeys(WEEKDAYS, 80), "rules.quality_caps.marathon_pace_max_minutes": 45}))
    assert {(d.session, d.minutes) for d in result.days[:-1]} == {("mp", 75)}


def test_past_the_edge_a_required_session_alone_in_its_week(tmp_path):
    # Only Monday is available (30 min) and race week must hold a race_pace session (threshold
    # kind, >= 30 min, quality_fraction .35): race week is that session alone, V = m, main set
    # .35 m. threshold_share .35 -> feasible (main set = cap); .34 -> infeasible.
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    inside = solve_checked(only("quality_caps", "quotas", **flat, **RACE_PACE_ONLY, **MONDAY_30,
                                **{"rules.quality_caps.threshold_share": 0.35}))
    assert [(d.session, d.minutes) for d in week_days(inside, 4) if d.minutes] == [("race_pace", 30)]
    past = only("quality_caps", "quotas", **flat, **RACE_PACE_ONLY, **MONDAY_30,
                **{"rules.quality_caps.threshold_share": 0.34})
    assert {"quality_caps", "quotas"} <= assert_infeasible(past, "quality_caps")


def test_switched_off_tempo_every_day(tempo):
    on = solve_checked(only("quality_caps", **tempo))
    off = solve_checked(only(**tempo))
    for w in (1, 2, 3):
        days = week_days(off, w)
        assert [d.session for d in days] == ["tempo"] * 7  # main set 20 > .05 x 280 = 14
    assert off.objective > on.objective
