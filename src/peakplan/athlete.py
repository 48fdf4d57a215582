"""What the plan knows of the athlete: current VDOT (and where it comes from), paces, the load
of every session type, and the training before the block (the start state).

The training before the block is a series of daily loads: the athlete's stated CTL, or the
steady state of their current weekly minutes run easy, held for ``PRE_BLOCK_DAYS`` (the
history file of a later issue replaces it with real days). CTL/ATL at the start, the Banister
model's carried-over fitness and fatigue, and the untrained baseline p0 of a VDOT model all come
from this one series (docs/science.md "Readiness").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peakplan.loads import LoadTable, load_table
from peakplan.paces import Paces, distance_m, paces_from_race, training_paces, vdot_from_race
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import parse_duration_s

PRE_BLOCK_DAYS = 400     # e^(-400/45) < 1e-3: longer history changes nothing the models can see
DEFAULT_VDOT = 40.0      # a 50:03 10K (Daniels' table): when nothing is known of the athlete's fitness


@dataclass(frozen=True)
class Fitness:
    vdot: float
    source: str  # where the VDOT comes from, in words


def current_fitness(scenario: Scenario) -> Fitness:
    """The athlete's VDOT now: stated, else from the recent race, else the goal time, else a default."""
    athlete, race = scenario.athlete, scenario.race
    if athlete.vdot is not None:
        return Fitness(athlete.vdot, "athlete.vdot")
    if athlete.recent_race is not None:
        result = athlete.recent_race
        vdot = vdot_from_race(distance_m(result.distance), parse_duration_s(result.time))
        return Fitness(vdot, f"recent race: {result.distance} in {result.time}")
    if race.goal_time:
        vdot = vdot_from_race(race.distance_km * 1000.0, parse_duration_s(race.goal_time))
        return Fitness(vdot, f"goal time {race.goal_time} (no recent race given: the goal stands for current fitness)")
    return Fitness(DEFAULT_VDOT, f"default VDOT {DEFAULT_VDOT:g} (no race result, goal time or athlete.vdot given)")


def plan_paces(scenario: Scenario) -> Paces | None:
    """Paces from the athlete's fitness (athlete.vdot, recent race, else goal time), else None.

    Daniels sets paces from current fitness (a recent race); a goal time is the fallback; with
    neither, workouts name efforts instead of paces.
    """
    athlete, race = scenario.athlete, scenario.race
    if athlete.vdot is not None:
        return training_paces(athlete.vdot)
    if athlete.recent_race is not None:
        return paces_from_race(athlete.recent_race.distance, athlete.recent_race.time)
    if race.goal_time:
        return paces_from_race(race.distance_km, race.goal_time)
    return None


def loads_of(scenario: Scenario) -> LoadTable:
    """Load per minute of each session type and of the race, from the athlete's paces."""
    start = scenario.start_date
    tune_ups = {(t.date - start).days: t.distance_km for t in scenario.race.tune_ups}
    return load_table(scenario.catalogue, plan_paces(scenario), scenario.race.distance_km,
                      scenario.race_session.intensity_factor, tune_ups)


def steady_daily_load(scenario: Scenario, table: LoadTable | None = None) -> float:
    """Daily load before the block: athlete.ctl, else the current weekly minutes run easy."""
    if scenario.athlete.ctl is not None:
        return scenario.athlete.ctl
    table = table or loads_of(scenario)
    return scenario.athlete.current_weekly_minutes / 7.0 * table.per_minute.get("easy", 0.0)


def pre_block_loads(scenario: Scenario, table: LoadTable | None = None) -> np.ndarray:
    """Daily loads of the ``PRE_BLOCK_DAYS`` before start_date, oldest first."""
    return np.full(PRE_BLOCK_DAYS, steady_daily_load(scenario, table))


def start_state(scenario: Scenario, table: LoadTable | None = None) -> tuple[float, float]:
    """CTL and ATL at block start: the athlete's, else the steady state of the training before."""
    steady = steady_daily_load(scenario, table)
    athlete = scenario.athlete
    return (athlete.ctl if athlete.ctl is not None else steady, athlete.atl if athlete.atl is not None else steady)
