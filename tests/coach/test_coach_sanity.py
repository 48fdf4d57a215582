"""A coach's checks on every shipped scenario (scenarios/ and scenarios/athletes/): the plans a
coach would sign, in the bands the issue and the published plans give.

Sources of the numbers (docs/science.md "Taper", "Long run", "Progression"):
- marathon taper: Pfitzinger & Douglas, Advanced Marathoning 18/55, last three weeks at 0.78,
  0.58, 0.40 of the peak week; accepted within +/- 0.07;
- half: Pfitzinger's half-marathon schedule, 0.68 and 0.40 in the last two weeks; accepted within
  +/- 0.12 and +/- 0.10 (the rule's bands 0.60-0.80 and 0.35-0.55 lie inside);
- 5K/10K: Pfitzinger & Latter's 5K schedule about 0.8 then 0.7 and 0.4 in the last days: the last
  full week 0.70-0.90, race week 0.45-0.70 (training minutes, the race excluded);
- a recovery week's return: at most 30 % of the reference week above the recovery week;
- strides at most 10 a session; no identical quality session three weeks running; no quality
  intervals or repetitions in a marathon taper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peakplan.model.constraints.long_run import min_peak_minutes
from peakplan.planner import solve
from peakplan.scenario import load_scenario
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*(ROOT / "scenarios").glob("*.yaml"), *(ROOT / "scenarios" / "athletes").glob("*.yaml"),
                ROOT / "scenarios" / "history-sample" / "half-from-history.yaml"])   # its other YAML is a model file
TAPER_BANDS = {
    "marathon": [(0.78 - 0.07, 0.78 + 0.07), (0.58 - 0.07, 0.58 + 0.07), (0.40 - 0.07, 0.40 + 0.07)],
    "half": [(0.68 - 0.12, 0.68 + 0.12), (0.40 - 0.10, 0.40 + 0.10)],
    "10k": [(0.70, 0.90), (0.45, 0.70)],
    "5k": [(0.70, 0.90), (0.45, 0.70)],
}
LOADING = ("base", "build", "race_specific", "peak")


@pytest.fixture(scope="module")
def plans():
    out = {}
    for path in FILES:
        scenario = load_scenario(path)
        result = solve(scenario)
        assert result.plan is not None, f"{path.name}: {result.status} {result.explanation and result.explanation.lines()}"
        assert validate(scenario, result.plan) == [], path.name
        out[path.stem] = (scenario, result.plan)
    return out


def test_there_are_at_least_twelve_athlete_types() -> None:
    assert len(FILES) >= 12


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_taper_shape(plans, name: str) -> None:
    scenario, plan = plans[name]
    peak = max(w.minutes for w in plan.weeks if w.phase in LOADING)
    tail = [w.minutes / peak for w in plan.weeks if w.phase in ("taper", "race_week")]
    bands = TAPER_BANDS[scenario.race.distance_class]
    assert len(tail) == len(bands), (name, tail)
    for ratio, (low, high) in zip(tail, bands, strict=True):
        assert low - 1e-9 <= ratio <= high + 1e-9, (name, [round(r, 2) for r in tail])


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_longest_run_reaches_the_minimum(plans, name: str) -> None:
    scenario, plan = plans[name]
    loading = sum(1 for w in plan.weeks if w.phase not in ("taper", "race_week"))
    assert max(w.long_run_minutes for w in plan.weeks) >= min_peak_minutes(scenario, loading)


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_no_interval_sessions_in_a_marathon_taper(plans, name: str) -> None:
    scenario, plan = plans[name]
    if scenario.race.distance_class != "marathon":
        pytest.skip("not a marathon")
    late = [d.session for d in plan.days if d.phase in ("taper", "race_week")]
    assert "intervals" not in late and "repetitions" not in late


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_return_from_a_recovery_week_is_capped(plans, name: str) -> None:
    _, plan = plans[name]
    weeks = {w.week: w for w in plan.weeks}
    for w in plan.weeks:
        after = weeks.get(w.week + 1)
        if not w.deload or after is None or after.phase not in LOADING:
            continue
        before = [u for u in plan.weeks if u.week < w.week and not u.deload and u.days == 7 and u.minutes > 0]
        reference = before[-1].minutes if before else plan.scenario.athlete.current_weekly_minutes
        # deload <= 0.75 x ref (whole minutes, rounded down), return <= 1.05 x ref: a jump of 30 % of ref + 1 min
        assert after.minutes - w.minutes <= 0.30 * reference + 1, (name, w.week, after.minutes, w.minutes, reference)


def _shape(workout) -> tuple:  # type: ignore[no-untyped-def]
    return tuple((type(b).__name__, getattr(b, "times", 1), b.duration_s) for b in workout.blocks)


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_no_identical_quality_session_three_weeks_running(plans, name: str) -> None:
    _, plan = plans[name]
    by_type: dict[str, dict[int, set]] = {}
    for d in plan.training_days:
        if d.hard and d.workout is not None:
            by_type.setdefault(d.session, {}).setdefault(d.week, set()).add(_shape(d.workout))
    for session, weeks in by_type.items():
        for w in weeks:
            if w + 1 in weeks and w + 2 in weeks:
                assert not (weeks[w] & weeks[w + 1] & weeks[w + 2]), (name, session, w)


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_strides_at_most_ten(plans, name: str) -> None:
    _, plan = plans[name]
    for d in plan.training_days:
        if d.workout is not None:
            strides = sum(1 for s in d.workout.flat_steps() if s.label in ("stride", "pickup"))
            assert strides <= 10, (name, d.date, strides)


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_no_empty_week_after_a_break_while_the_athlete_can_run(plans, name: str) -> None:
    scenario, plan = plans[name]
    blackouts = set(scenario.availability.blackout_dates)
    for w in plan.weeks[:-1]:
        days = [d for d in plan.training_days if d.week == w.week]
        can_run = any(scenario.availability.max_minutes[d.weekday] > 0 and d.date not in blackouts for d in days)  # type: ignore[index]
        if can_run:
            assert w.minutes > 0, (name, w.week)


def test_a_beginner_on_ninety_minutes_a_week_gets_a_plan(plans) -> None:
    scenario, plan = plans["beginner-5k-3days"]
    assert scenario.athlete.current_weekly_minutes == 90 and scenario.athlete.level == "novice"
    assert len({d.weekday for d in plan.training_days if d.minutes}) == 3
    assert plan.status in ("OPTIMAL", "FEASIBLE")


@pytest.mark.parametrize("name", [p.stem for p in FILES])
def test_every_stated_tight_rule_is_re_derived(plans, name: str) -> None:
    """Each rule instance the solver states as tight is a bound the validator finds met with
    equality (validate/tight_claims.py), on every shipped scenario."""
    scenario, plan = plans[name]
    assert plan.tight_rules
    assert [str(v) for v in validate(scenario, plan) if v.rule == "plan_consistency"] == []
