"""What the plan knows of the athlete: current VDOT (and where it comes from), paces, the load
of every session type, and the training before the block (the start state).

The training before the block is a series of daily loads: the athlete's stated CTL, or the
steady state of their current weekly minutes run easy, held for ``PRE_BLOCK_DAYS``, or the real
days of ``athlete.loads_before`` (read from ``athlete.history``). CTL/ATL at the start, the Banister
model's carried-over fitness and fatigue, and the untrained baseline p0 of a VDOT model all come
from this one series (docs/science.md "Readiness").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peakplan.loads import LoadTable, load_table
from peakplan.paces import Paces, distance_m, paces_from_race, training_paces, vdot_from_race
from peakplan.readiness import PMC_TAU_ATL_DAYS, PMC_TAU_CTL_DAYS, ewma
from peakplan.scenario.schema import Scenario
from peakplan.timefmt import parse_duration_s

RECENT_DAYS = 28        # "training as now": the last four weeks
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
        distance = f"{result.distance:g} km" if isinstance(result.distance, float) else result.distance
        return Fitness(vdot, f"recent race: {distance} in {result.time}")
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
    """Daily load of training on as now: the mean of the last 28 days of athlete.loads_before, else
    athlete.ctl, else the current weekly minutes run easy."""
    before = scenario.athlete.loads_before
    if before:
        return float(np.mean(before[-RECENT_DAYS:]))
    if scenario.athlete.ctl is not None:
        return scenario.athlete.ctl
    table = table or loads_of(scenario)
    return scenario.athlete.current_weekly_minutes / 7.0 * table.per_minute.get("easy", 0.0)


def pre_block_loads(scenario: Scenario, table: LoadTable | None = None) -> np.ndarray:
    """Daily loads of the ``PRE_BLOCK_DAYS`` before start_date, oldest first.

    With athlete.loads_before (a history), its days, and before them its first 28 days' mean held
    steady (the runner was training before the history began); else the steady daily load.
    """
    before = np.asarray(scenario.athlete.loads_before[-PRE_BLOCK_DAYS:], dtype=float)
    if len(before) == 0:
        return np.full(PRE_BLOCK_DAYS, steady_daily_load(scenario, table))
    return np.concatenate([np.full(PRE_BLOCK_DAYS - len(before), before[:RECENT_DAYS].mean()), before])


def start_state(scenario: Scenario, table: LoadTable | None = None) -> tuple[float, float]:
    """CTL and ATL at block start: the athlete's, else Coggan's PMC over the training before."""
    athlete = scenario.athlete
    if athlete.ctl is not None and athlete.atl is not None:
        return athlete.ctl, athlete.atl
    before = pre_block_loads(scenario, table)
    ctl = float(ewma(before, PMC_TAU_CTL_DAYS, before[0])[-1])
    atl = float(ewma(before, PMC_TAU_ATL_DAYS, before[0])[-1])
    return (athlete.ctl if athlete.ctl is not None else ctl, athlete.atl if athlete.atl is not None else atl)
