"""Property: over random valid scenarios, every plan the solver returns passes the independent
validator, and every unsolvable scenario is reported INFEASIBLE with an explanation, never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peakplan.explain import explain
from peakplan.planner import solve
from peakplan.scenario import WEEKDAYS, scenario_from_dict
from peakplan.validate import validate

from .conftest import OUTCOMES

RACE_DAY = dt.date(2027, 6, 6)


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
    data = {
        "start_date": start.isoformat(),
        "race": {"distance": distance, "date": RACE_DAY.isoformat()},
        "athlete": {"current_weekly_minutes": current,
                    "peak_weekly_minutes": int(current * draw(st.floats(1.0, 1.8))),
                    "longest_recent_run_minutes": draw(st.integers(45, 150))},
        "availability": {"max_minutes": minutes, "long_run_day": long_day,
                         "blackout_dates": [(start + dt.timedelta(days=b)).isoformat() for b in blackouts],
                         "max_running_days_per_week": draw(st.sampled_from([None, 3, 4, 5, 6]))},
        "rules": {
            "weekly_ramp": {"max_increase": draw(st.sampled_from([0.05, 0.08, 0.10, 0.15, 0.20]))},
            "deload": {"every_weeks": draw(st.integers(3, 5)), "volume_factor": draw(st.sampled_from([0.6, 0.7, 0.8]))},
            "hard_easy": {"max_hard_per_week": draw(st.sampled_from([1, 2, 2, 3])),
                          "back_to_back_per_week": draw(st.integers(0, 1))},
            "long_run": {"max_share_of_week": draw(st.sampled_from([0.25, 0.30, 0.35, 0.40]))},
            "intensity_mix": {"min_low_intensity_share": draw(st.sampled_from([0.70, 0.75, 0.80]))},
            "taper": {"volume_reduction": draw(st.sampled_from([0.4, 0.5, 0.6]))},
        },
        "model": {"readiness": draw(st.sampled_from(["banister", "pmc"]))},
        "solver": {"time_limit_s": 10, "workers": 1, "seed": draw(st.integers(0, 3))},
    }
    if weeks < 2 + {"5k": 0, "10k": 0, "half": 1, "marathon": 2}[distance]:
        data["rules"]["taper"]["weeks"] = 0
    return scenario_from_dict(data)


@settings(max_examples=14, deadline=None, derandomize=True,
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
