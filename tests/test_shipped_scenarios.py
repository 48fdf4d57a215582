"""Every shipped scenario solves to a proven optimum, validates, and looks like a coach's plan."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SCENARIOS, validated

NAMES = [p.stem for p in SCENARIOS]


def test_at_least_the_five_required_scenarios_ship():
    assert {"5k-8w", "10k-12w", "half-14w", "marathon-16w", "marathon-20w-4days"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_solves_to_optimal_and_validates(shipped_results, name):
    result = validated(shipped_results[name])
    assert result.status == "OPTIMAL"
    assert result.gap == 0.0
    assert result.days[-1].session == "race"
    assert result.days[0].date == result.scenario.start_date
    assert result.days[-1].date == result.scenario.race.date


@pytest.mark.parametrize("name", NAMES)
def test_plan_a_coach_would_sign(shipped_results, name):
    result = shipped_results[name]
    weeks = result.weeks
    base = [w for w in weeks if w.phase == "base"]
    # base before intensity: no hard session in the base phase
    assert base and all(w.hard_sessions == 0 for w in base)
    # deload weeks exist in blocks of 8+ weeks and are lighter than the week before
    deloads = [w for w in weeks if w.deload]
    assert deloads
    for w in deloads:
        assert w.minutes < weeks[w.week - 2].minutes
    # taper: race week lighter than the biggest week
    assert weeks[-1].minutes < max(w.minutes for w in weeks)
    # long run on the preferred day in every full week where that day was available
    preferred = result.scenario.availability.long_run_day
    blackouts = set(result.scenario.availability.blackout_dates)
    for d in result.days:
        if d.session == "long" and d.weekday != preferred:
            week_days = [x for x in result.days if x.week == d.week and x.weekday == preferred]
            assert week_days and week_days[0].date in blackouts
    # most minutes easy
    rule = result.scenario.rules.intensity_mix.min_low_intensity_share
    assert all(w.low_intensity_share >= rule - 1e-9 for w in weeks)


def test_same_scenario_and_seed_give_byte_identical_plan_files(tmp_path):
    scenario = next(p for p in SCENARIOS if p.stem == "5k-8w")
    outputs = []
    for i in range(2):
        out = tmp_path / f"plan{i}.json"
        subprocess.run([sys.executable, "-m", "peakplan.cli", "solve", str(scenario), "-q", "-o", str(out)],
                       check=True, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
