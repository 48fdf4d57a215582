"""Workouts for a whole plan file (docs/plan-format.md), and the paces a plan is built on."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import yaml

from peakplan.modelfiles import Catalogue
from peakplan.paces import Paces, paces_from_race
from peakplan.scenario.schema import Scenario
from peakplan.workouts.builder import build_workout, cached_catalogue
from peakplan.workouts.model import Workout


def plan_paces(scenario: Scenario) -> Paces | None:
    """Paces from the athlete's recent race, else from the race goal time, else None (effort names).

    Daniels sets paces from current fitness (a recent race); a goal time is the fallback.
    """
    result = scenario.athlete.recent_race
    if result is not None:
        return paces_from_race(result.distance, result.time)
    if scenario.race.goal_time:
        return paces_from_race(scenario.race.distance_km, scenario.race.goal_time)
    return None


def paces_for_plan(plan: dict[str, Any]) -> Paces | None:
    """``plan_paces`` read straight from a plan file's ``scenario`` section (no full validation needed)."""
    scenario = plan.get("scenario") or {}
    result = (scenario.get("athlete") or {}).get("recent_race")
    if isinstance(result, dict) and result.get("time"):
        return paces_from_race(result["distance"], str(result["time"]))
    goal = (scenario.get("race") or {}).get("goal_time")
    if goal:
        return paces_from_race(float(plan["race"]["distance_km"]), str(goal))
    return None


def phase_progress(days: list[dict[str, Any]]) -> dict[int, float]:
    """Week -> how far it is through its phase: 0 for the phase's first week, 1 for its last."""
    weeks_by_phase: dict[str, set[int]] = defaultdict(set)
    for day in days:
        weeks_by_phase[day["phase"]].add(int(day["week"]))
    progress: dict[int, float] = {}
    for weeks in weeks_by_phase.values():
        ordered = sorted(weeks)
        for i, week in enumerate(ordered):
            progress[week] = i / (len(ordered) - 1) if len(ordered) > 1 else 0.5
    return progress


def _plan_catalogue(plan: dict[str, Any]) -> Catalogue | None:
    """The catalogue the plan was solved with; None (the shipped one) if it cannot be read any more."""
    name = ((plan.get("scenario") or {}).get("model") or {}).get("catalogue", "catalogue")
    try:
        return cached_catalogue(str(name))
    except (OSError, ValueError, yaml.YAMLError):
        return None


def workouts_for_plan(plan: dict[str, Any], paces: Paces | None = None, *,
                      use_plan_paces: bool = True) -> list[Workout]:
    """One workout per entry of ``plan['days']``, in order. Paces default to ``paces_for_plan(plan)``."""
    if paces is None and use_plan_paces:
        paces = paces_for_plan(plan)
    race_km = float(plan["race"]["distance_km"])
    progress = phase_progress(plan["days"])
    catalogue = _plan_catalogue(plan)
    return [build_workout(day["session"], int(day["minutes"]), day["phase"], paces, race_km=race_km,
                          progress=progress[int(day["week"])], catalogue=catalogue) for day in plan["days"]]
