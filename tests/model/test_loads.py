"""Session loads from the athlete's paces, and the performance-day convention (docs/rules.md "Load",
"Readiness"), on one-day cases worked by hand.

Load per minute of a session type: (1 - q) f(base_pace) + q f(work_pace), q its quality_fraction,
f(zone) = (T / p(zone))^2 x 100 / 60 with T the threshold pace and p(zone): easy = mean of the E
range, recovery = 1.08 x the slow end of E, interval I, stride R, race = the even pace of the
race. Without paces: IF^2 x 100 / 60 with the catalogue's intensity_factor. The plan pipeline
(peakplan.plan.build.build_plan) writes each day's load rounded to 3 decimals.

The one-day scenario: Sun 2027-01-24 .. race Sun 2027-01-31 (N = 8, T = 7), taper weeks 0; only
Tuesday 2027-01-26 (day 2) is available. athlete.vdot 50 sets the paces.
"""

from __future__ import annotations

import math

import pytest

from peakplan.plan.build import build_plan

from .support import BASE_AVAILABILITY, only, scenario, solve_checked

ONE_DAY = {"start_date": "2027-01-24", "rules.taper.weeks": 0, "rules.taper.volume_bands": [[0.0, 1.5]],
           "availability.max_minutes": {**dict.fromkeys(BASE_AVAILABILITY, 0), "tue": 75}}
TUESDAY = 2
CATALOGUE = scenario().catalogue.sessions   # the shipped catalogue (models/catalogue.yaml)


def f(threshold_s: float, pace_s: float) -> float:
    """Load of one minute at a pace: (T / p)^2 x 100 / 60."""
    return (threshold_s / pace_s) ** 2 * 100 / 60


def one_day(session: str, minutes: int, **overrides):
    """The plan of the one-day scenario with ``session`` for ``minutes`` on Tuesday, rest otherwise."""
    sc = scenario(**{**ONE_DAY, **overrides})
    sessions, mins = ["rest"] * 7, [0] * 7
    sessions[TUESDAY], mins[TUESDAY] = session, minutes
    return sc, build_plan(sc, sessions, mins)


def test_an_interval_session_is_its_jogging_and_its_intervals():
    # intervals: q = .30, base easy, work I. At VDOT 50: T 4:15.3, I 3:54.6, E 5:32.9-4:56.5 /km.
    sc, plan = one_day("intervals", 60, **{"athlete.vdot": 50.0})
    p = plan.paces
    assert (round(p.threshold_s_per_km), round(p.interval_s_per_km)) == (255, 235)
    easy = sum(p.easy_s_per_km) / 2
    per_minute = 0.70 * f(p.threshold_s_per_km, easy) + 0.30 * f(p.threshold_s_per_km, p.interval_s_per_km)
    # = .70 x (255.29 / 314.69)^2 x 1.6667 + .30 x (255.29 / 234.60)^2 x 1.6667 = .7678 + .5921 = 1.3599
    assert per_minute == pytest.approx(1.3599, abs=1e-4)
    assert plan.days[TUESDAY].load == round(60 * per_minute, 3)
    assert [d.load for i, d in enumerate(plan.days[:-1]) if i != TUESDAY] == [0.0] * 6


@pytest.mark.parametrize(("session", "base", "work"), [
    ("easy", "easy", None), ("recovery", "recovery", None), ("strides", "easy", "repetition"),
    ("tempo", "easy", "threshold"), ("race_pace", "easy", "race")])
def test_each_part_at_its_own_pace(session, base, work):
    sc, plan = one_day(session, 40, **{"athlete.vdot": 50.0})
    p, kind = plan.paces, CATALOGUE[session]
    slow, fast = p.easy_s_per_km
    pace = {"easy": (slow + fast) / 2, "recovery": 1.08 * slow, "repetition": p.repetition_s_per_km,
            "threshold": p.threshold_s_per_km, "race": p.race_s_per_km(10.0)}
    q = kind.quality_fraction if work else 0.0
    per_minute = (1 - q) * f(p.threshold_s_per_km, pace[base]) + (q * f(p.threshold_s_per_km, pace[work]) if work else 0)
    assert plan.days[TUESDAY].load == round(40 * per_minute, 3)


def test_without_paces_the_catalogue_intensity_factor():
    # No vdot, recent race or goal time: intervals (IF .95) load .95^2 x 100 / 60 = 1.50417 a minute.
    sc, plan = one_day("intervals", 60)
    assert plan.paces is None
    assert plan.days[TUESDAY].load == round(60 * 0.95**2 * 100 / 60, 3) == 90.25
    # the race day without paces: race_session.minutes at race_session.intensity_factor (10K: 50 min, 1.00)
    assert plan.days[-1].load == round(50 * 1.00**2 * 100 / 60, 3)


def test_the_race_day_at_race_pace():
    # With paces the race is its minutes at the even pace of the goal race (10K at VDOT 50: 41:20).
    sc, plan = one_day("rest", 0, **{"athlete.vdot": 50.0})
    p = plan.paces
    race_pace = p.race_s_per_km(10.0)
    assert race_pace == pytest.approx(41.327 * 60 / 10, abs=0.1)
    assert plan.days[-1].load == round(sc.race_session.minutes * f(p.threshold_s_per_km, race_pace), 3)


def test_a_tune_up_day_at_its_own_distances_pace():
    # A 5K tune-up on Tuesday: tune_up (q = .8, base easy, work race) at the 5K's even pace
    # (19:56 at VDOT 50: 239.2 s/km), not the 10K goal's (248.0 s/km). Its minutes: 20 + 25 = 45.
    sc, plan = one_day("tune_up", 45, **{"athlete.vdot": 50.0,
                                        "race.tune_ups": [{"date": "2027-01-26", "distance": "5k"}]})
    p = plan.paces
    easy, five_k = sum(p.easy_s_per_km) / 2, p.race_s_per_km(5.0)
    assert five_k == pytest.approx(239.2, abs=0.1) and p.race_s_per_km(10.0) == pytest.approx(248.0, abs=0.1)
    per_minute = 0.2 * f(p.threshold_s_per_km, easy) + 0.8 * f(p.threshold_s_per_km, five_k)
    assert plan.days[TUESDAY].load == round(45 * per_minute, 3)
    # the solver's plan of the 4-week base block with that tune-up on Saturday 2027-01-16 loads it alike
    # (a tune-up in race week, as in the one-day block, is refused: the catalogue's tune_up has no
    # race_week phase)
    solved = solve_checked(only(**{"athlete.vdot": 50.0, "race.tune_ups": [{"date": "2027-01-16", "distance": "5k"}]}))
    day = next(d for d in solved.days if d.date.isoformat() == "2027-01-16")
    assert (day.session, day.minutes, day.load) == ("tune_up", 45, plan.days[TUESDAY].load)


def test_the_load_before_the_block_is_the_current_volume_run_easy():
    # CTL(-1) = ATL(-1) = 200 / 7 x f(easy): the plan's first day (rest) decays both by its lambda.
    sc, plan = one_day("rest", 0, **{"athlete.vdot": 50.0})
    p = plan.paces
    steady = 200 / 7 * f(p.threshold_s_per_km, sum(p.easy_s_per_km) / 2)
    assert plan.days[0].ctl == round(steady * math.exp(-1 / 42), 3)
    assert plan.days[0].atl == round(steady * math.exp(-1 / 7), 3)
    assert plan.days[0].tsb == 0.0


# --- the performance-day convention ----------------------------------------------------------------

def c(n: int, model) -> float:
    """c(n) = k1 e^{-n/tau1} - k2 e^{-n/tau2}."""
    return model.k1 * math.exp(-n / model.tau_fitness_days) - model.k2 * math.exp(-n / model.tau_fatigue_days)


def test_a_session_the_day_before_the_race_counts_c1_times_its_load():
    # Default readiness (models/runner.yaml: k1 .00426, k2 .00852, tau 45 / 11): the only session,
    # 60 min of intervals on Saturday (day T - 1 = 6), changes race-day readiness by exactly
    # c(1) x its load = (.00426 e^{-1/45} - .00852 e^{-1/11}) x load = -.003614 x load.
    data = {**ONE_DAY, "availability.max_minutes": {**dict.fromkeys(BASE_AVAILABILITY, 0), "sat": 75}}
    sc = scenario(**data, **{"athlete.vdot": 50.0})
    rest = build_plan(sc, ["rest"] * 7, [0] * 7)
    sessions, mins = ["rest"] * 7, [0] * 7
    sessions[6], mins[6] = "intervals", 60
    saturday = build_plan(sc, sessions, mins)
    model = sc.readiness
    assert c(1, model) == pytest.approx(-0.003614, abs=1e-6)
    load = saturday.days[6].load
    assert saturday.objective - rest.objective == pytest.approx(c(1, model) * load, abs=1e-9)


def test_a_load_on_race_day_does_not_count():
    # The race day's own load (its minutes at race pace) is not part of race-day readiness: a longer
    # race session changes the race day's load and nothing of the readiness.
    short = scenario(**ONE_DAY, **{"athlete.vdot": 50.0, "race_session": {"minutes": 40, "intensity_factor": 1.0}})
    long = scenario(**ONE_DAY, **{"athlete.vdot": 50.0, "race_session": {"minutes": 80, "intensity_factor": 1.0}})
    a, b = (build_plan(sc, ["rest"] * 7, [0] * 7) for sc in (short, long))
    assert b.days[-1].load == pytest.approx(2 * a.days[-1].load, abs=1e-3) and b.days[-1].load > 0
    assert a.objective == b.objective and a.readiness.tsb == b.readiness.tsb

