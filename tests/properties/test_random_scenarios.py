"""Property: over random valid scenarios, every plan the solver returns passes the independent
validator, and every unsolvable scenario is reported INFEASIBLE with an explanation, never a crash.

The scenarios draw the coach-grade rules too (long-run shares, taper bands, deloads at phase ends,
date caps, a tune-up race, the athlete's level, volumes in km, paces or none, the runner model).
The optional load-state rules (acwr, ctl_ramp, atl_cap) are left out: their rounding bug
(tests/model/support.py LOAD_STATE_ROUNDING_BUG) is pinned by their own tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from peakplan.explain import explain
from peakplan.modelfiles.store import load_defaults
from peakplan.planner import solve
from peakplan.scenario import WEEKDAYS, scenario_from_dict
from peakplan.validate import validate

from .conftest import OUTCOMES

RACE_DAY = dt.date(2027, 6, 6)


DEFAULTS = load_defaults()
TAPER_WEEKS = {"5k": 1, "10k": 1, "half": 1, "marathon": 2}   # models/defaults.yaml by_distance


def _scaled_bands(bands: list[list[float]], factor: float) -> list[list[float]]:
    return [[round(min(1.5, lo * factor), 3), round(min(1.5, hi * factor), 3)] for lo, hi in bands]


@st.composite
def scenarios(draw):
    weeks = draw(st.integers(4, 24))
    extra_days = draw(st.integers(0, 6))          # > 0 makes week 1 partial
    n_days = 7 * (weeks - 1) + 1 + extra_days if extra_days else 7 * weeks
    start = RACE_DAY - dt.timedelta(days=n_days - 1)
    distance = draw(st.sampled_from(["5k", "10k", "half", "marathon"]))
    minutes = {d: draw(st.sampled_from([0, 45, 60, 75, 90])) for d in WEEKDAYS}
    long_day = draw(st.sampled_from(WEEKDAYS))
    minutes[long_day] = draw(st.integers(90, 200))
    current = draw(st.integers(120, 400))
    blackouts = draw(st.lists(st.integers(0, n_days - 2), max_size=2, unique=True))
    date_caps = draw(st.dictionaries(st.integers(0, n_days - 2), st.sampled_from([0, 20, 40]), max_size=2))
    in_km = draw(st.booleans())                   # athlete volumes given in km (docs/rules.md: minutes at easy pace)
    athlete = {"peak_weekly_minutes": int(current * draw(st.floats(1.0, 1.8))),
               "longest_recent_run_minutes": draw(st.integers(45, 150)),
               "level": draw(st.sampled_from(["intermediate", "intermediate", "novice", "advanced"])),
               **({"current_weekly_km": round(current / 6, 1)} if in_km else {"current_weekly_minutes": current})}
    if draw(st.booleans()):
        athlete["recent_race"] = {"distance": "10k", "time": draw(st.sampled_from(["38:00", "45:00", "55:00"]))}
    taper_weeks = TAPER_WEEKS[distance] if weeks >= 2 + TAPER_WEEKS[distance] + 1 else 0
    bands = DEFAULTS["by_distance"][distance]["taper"]["volume_bands"]
    if taper_weeks == 0:
        bands = bands[-1:]
    shares = DEFAULTS["common"]["long_run"]["max_share_by_days"]
    share_delta = draw(st.sampled_from([-0.04, 0.0, 0.04]))
    race = {"distance": distance, "date": RACE_DAY.isoformat()}
    if weeks >= 8 and draw(st.booleans()):      # a 5K tune-up on the Saturday 3 or 4 weeks before the race
        race["tune_ups"] = [{"date": (RACE_DAY - dt.timedelta(days=draw(st.sampled_from([22, 29])))).isoformat(),
                             "distance": "5k"}]
    data = {
        "start_date": start.isoformat(),
        "race": race,
        "athlete": athlete,
        "availability": {"max_minutes": minutes, "long_run_day": long_day,
                         "blackout_dates": [(start + dt.timedelta(days=b)).isoformat() for b in blackouts],
                         "date_caps": {(start + dt.timedelta(days=d)).isoformat(): c for d, c in date_caps.items()},
                         "max_running_days_per_week": draw(st.sampled_from([None, 3, 4, 5, 6]))},
        "rules": {
            "weekly_ramp": {"max_increase": draw(st.sampled_from([0.05, 0.08, 0.10, 0.15, 0.20]))},
            "deload": {"every_weeks": draw(st.integers(3, 5)), "volume_factor": draw(st.sampled_from([0.6, 0.7, 0.8])),
                       "at_phase_ends": draw(st.booleans())},
            "hard_easy": {"max_hard_per_week": draw(st.sampled_from([1, 2, 2, 3])),
                          "back_to_back_per_week": draw(st.integers(0, 1))},
            "long_run": {"max_share_by_days": {k: round(min(1.0, v + share_delta), 2) for k, v in shares.items()}},
            "intensity_mix": {"min_low_intensity_share": draw(st.sampled_from([0.70, 0.75, 0.80]))},
            "taper": {"weeks": taper_weeks,
                      "volume_bands": _scaled_bands(bands, draw(st.sampled_from([0.9, 1.0, 1.1])))},
            "progression": {"one_change_per_week": draw(st.booleans())},
        },
        "model": {"readiness": draw(st.sampled_from(["runner", "banister", "pmc"]))},
        "solver": {"time_limit_s": 10, "workers": 1, "seed": draw(st.integers(0, 3))},
    }
    if taper_weeks != TAPER_WEEKS[distance] and distance in ("half", "marathon"):
        data["rules"]["taper"]["long_run_bands"] = []
    return scenario_from_dict(data)


# No shrinking: each example is a solve (seconds), and a failure already prints its whole scenario.
@settings(max_examples=14, deadline=None, derandomize=True, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_every_plan_validates_and_every_failure_is_explained(scenario):
    result = solve(scenario, explain=False)   # explained below, with a 5 s limit
    assert result.status in {"OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN"}
    if result.has_plan:
        violations = validate(scenario, result.plan)
        assert violations == [], "\n".join(str(v) for v in violations)
        OUTCOMES["validated"] += 1
        OUTCOMES["optimal"] += result.status == "OPTIMAL"
    elif result.status == "INFEASIBLE":
        explanation = explain(scenario, time_limit_s=5.0)
        assert explanation.lines()
        OUTCOMES["infeasible"] += 1
    else:
        OUTCOMES["no_plan"] += 1
