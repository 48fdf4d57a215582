"""Structured workouts for plan days: warm-up, main set and cool-down with pace targets.

Public entry points: :func:`build_workout` (one day), :func:`km_for` (estimated distance of a
session), :func:`workout_lines` / :func:`workout_summary` (the text people read).
"""

from __future__ import annotations

from peakplan.workouts.builder import build_workout, km_for, quality_fraction
from peakplan.workouts.model import Repeat, Step, Target, Workout
from peakplan.workouts.text import workout_lines, workout_summary

__all__ = ["Repeat", "Step", "Target", "Workout", "build_workout", "km_for", "quality_fraction", "workout_lines",
           "workout_summary"]
