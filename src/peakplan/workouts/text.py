"""Workouts as text a runner reads: one line per block, or one summary line."""

from __future__ import annotations

from peakplan.paces import KM_PER_MILE
from peakplan.timefmt import clock
from peakplan.workouts.model import Block, Step, Target, Workout


def duration_text(seconds: int) -> str:
    """'15 min' for whole minutes, '20 s' or '90 s' under two minutes, '2:30' otherwise (coaches' notation)."""
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s" if seconds < 120 else clock(seconds)


def pace_text(s_per_km: float, units: str = "km") -> str:
    return clock(s_per_km * KM_PER_MILE) if units == "mi" else clock(s_per_km)


def target_text(target: Target, units: str = "km") -> str:
    """'4:19–4:11/km' (slow–fast) when paces are known, else the effort name ('threshold effort')."""
    if target.s_per_km is None:
        return target.effort
    slow, fast = (pace_text(p, units) for p in target.s_per_km)
    return f"{slow}/{units}" if slow == fast else f"{slow}–{fast}/{units}"


def step_text(step: Step, units: str = "km") -> str:
    return f"{duration_text(step.duration_s)} {step.label} ({target_text(step.target, units)})"


def block_text(block: Block, units: str = "km") -> str:
    if isinstance(block, Step):
        return step_text(block, units)
    inner = " + ".join(step_text(s, units) for s in block.steps)
    return inner if block.times == 1 else f"{block.times} × [{inner}]"


def workout_lines(workout: Workout, units: str = "km", bullet: str = "- ") -> list[str]:
    """The title, then one line per block, then the total time and estimated distance."""
    lines = [workout.title]
    lines += [f"{bullet}{block_text(b, units)}" for b in workout.blocks]
    if workout.blocks:
        distance = workout.km / KM_PER_MILE if units == "mi" else workout.km
        lines.append(f"Total {duration_text(workout.total_s)}, about {distance:.1f} {units}")
    return lines


def _short_step(step: Step) -> str:
    """'20 min easy run', and for work steps the pace right there: '3:30 interval @ 4:15–4:09/km'."""
    text = f"{duration_text(step.duration_s)} {step.label}"
    return f"{text} @ {target_text(step.target)}" if step.kind == "work" and step.target.s_per_km else text


def _short(block: Block) -> str:
    if isinstance(block, Step):
        return _short_step(block)
    inner = ", ".join(_short_step(s) for s in block.steps)
    return inner if block.times == 1 else f"{block.times} × ({inner})"


def workout_summary(workout: Workout) -> str:
    """One line: blocks joined with ' · ', each work step with its pace, for tables and calendars."""
    if not workout.blocks:
        return workout.title
    steps = workout.flat_steps()
    if len(steps) == 1 and steps[0].target.s_per_km is not None:  # a plain run: its pace band says it all
        return f"{duration_text(steps[0].duration_s)} {steps[0].label} @ {target_text(steps[0].target)}"
    return " · ".join(_short(b) for b in workout.blocks)
