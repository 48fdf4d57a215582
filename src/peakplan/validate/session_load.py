"""The load of a minute of each session type, and the athlete's fitness, recomputed from the
contract (docs/rules.md "Load" and "Readiness") without the product's ``peakplan.loads`` or
``peakplan.athlete``; only the published Daniels & Gilbert equations (``peakplan.paces``) are shared.

- Paces: Daniels paces of athlete.vdot, else of the recent race, else of the goal time, else none.
- A session type's load per minute: ``(1 − q)·f(base) + q·f(work)`` with ``q`` its
  quality_fraction and ``f(zone) = (T / zone pace)² · 100 / 60`` (``T`` = threshold pace); zone
  paces: easy = mean of the E range, recovery = 1.08 × slow E, marathon M, threshold T, interval
  and hill I, repetition and stride R, race = even pace of the goal race. Without paces:
  ``IF² · 100 / 60`` with the catalogue's intensity_factor. Rest is 0.
- Race day: ``race_session.minutes`` at race pace (or race_session.intensity_factor without paces).
- Before the block: athlete.loads_before (its last 400 days, the mean of its first 28 before them),
  else 400 days at athlete.ctl, else at current_weekly_minutes / 7 run easy.
"""

from __future__ import annotations

import numpy as np

from peakplan.modelfiles import SessionType
from peakplan.paces import Paces, distance_m, paces_from_race, training_paces, vdot_from_race
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import parse_duration_s

PRE_BLOCK_DAYS = 400
DEFAULT_VDOT = 40.0


def athlete_vdot(scenario: Scenario) -> float:
    a, race = scenario.athlete, scenario.race
    if a.vdot is not None:
        return a.vdot
    if a.recent_race is not None:
        return vdot_from_race(distance_m(a.recent_race.distance), parse_duration_s(a.recent_race.time))
    if race.goal_time:
        return vdot_from_race(race.distance_km * 1000.0, parse_duration_s(race.goal_time))
    return DEFAULT_VDOT


def athlete_paces(scenario: Scenario) -> Paces | None:
    a, race = scenario.athlete, scenario.race
    if a.vdot is None and a.recent_race is None and not race.goal_time:
        return None
    if a.vdot is None and a.recent_race is not None:
        return paces_from_race(a.recent_race.distance, a.recent_race.time)
    return training_paces(athlete_vdot(scenario))


def _zone(paces: Paces, zone: str, race_km: float) -> float:
    slow, fast = paces.easy_s_per_km
    table = {"easy": (slow + fast) / 2, "recovery": 1.08 * slow, "marathon": paces.marathon_s_per_km,
             "threshold": paces.threshold_s_per_km, "interval": paces.interval_s_per_km,
             "hill": paces.interval_s_per_km, "repetition": paces.repetition_s_per_km,
             "stride": paces.repetition_s_per_km, "race": paces.race_s_per_km(race_km)}
    return (paces.threshold_s_per_km / table[zone]) ** 2 * 100.0 / 60.0


def per_minute(kind: SessionType | None, paces: Paces | None, race_km: float) -> float:
    if kind is None or kind.max_minutes == 0:
        return 0.0
    if paces is None:
        return kind.intensity_factor**2 * 100.0 / 60.0
    base = _zone(paces, kind.base_pace, race_km)
    if kind.work_pace is None:
        return base
    return (1 - kind.quality_fraction) * base + kind.quality_fraction * _zone(paces, kind.work_pace, race_km)


def race_per_minute(scenario: Scenario, paces: Paces | None) -> float:
    if paces is None:
        return scenario.race_session.intensity_factor**2 * 100.0 / 60.0
    return _zone(paces, "race", scenario.race.distance_km)


def pre_block_level(scenario: Scenario, paces: Paces | None) -> float:
    """Training on as now: the last 28 days of athlete.loads_before, else athlete.ctl, else easy minutes."""
    if scenario.athlete.loads_before:
        recent = scenario.athlete.loads_before[-28:]
        return float(sum(recent) / len(recent))
    if scenario.athlete.ctl is not None:
        return float(scenario.athlete.ctl)
    easy = scenario.catalogue.sessions.get("easy")
    return scenario.athlete.current_weekly_minutes / 7.0 * per_minute(easy, paces, scenario.race.distance_km)


def pre_block(scenario: Scenario, paces: Paces | None) -> np.ndarray:
    """The 400 days before the block: athlete.loads_before's last 400, preceded by the mean of its first 28."""
    given = list(scenario.athlete.loads_before)[-PRE_BLOCK_DAYS:]
    if not given:
        return np.full(PRE_BLOCK_DAYS, pre_block_level(scenario, paces))
    head = given[:28]
    return np.array([sum(head) / len(head)] * (PRE_BLOCK_DAYS - len(given)) + given, dtype=float)
