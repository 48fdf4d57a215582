"""Structured workouts for plan days: warm-up, main set and cool-down with pace targets.

Public entry points: :func:`build_workout` (one day), :func:`workouts_for_plan` (a plan file),
:func:`km_for` (estimated distance of a session), :func:`plan_paces` (paces of a scenario).
"""

from __future__ import annotations

from peakplan.workouts.builder import build_workout, km_for, quality_fraction
from peakplan.workouts.model import Repeat, Step, Target, Workout
from peakplan.workouts.plan import paces_for_plan, phase_progress, plan_paces, workouts_for_plan
from peakplan.workouts.text import workout_lines, workout_summary

__all__ = ["Repeat", "Step", "Target", "Workout", "build_workout", "km_for", "paces_for_plan", "phase_progress",
           "plan_paces", "quality_fraction", "workout_lines", "workout_summary", "workouts_for_plan"]
