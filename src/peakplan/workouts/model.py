"""Structured workouts: steps with a duration, a pace target and an estimated distance.

Durations are whole seconds so that the steps of a workout add up *exactly* to the planned
minutes (``Workout.total_s == 60 * minutes``); ``minutes`` properties are derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Part = Literal["warmup", "main", "cooldown"]
Kind = Literal["run", "work", "recovery"]


@dataclass(frozen=True)
class Target:
    """What to run at: an effort name always, and a pace range (slow, fast) in s/km when paces are known.

    ``estimate_s_per_km`` is the pace used to estimate distance (the middle of the range, or a
    default runner's pace when no paces are known).
    """

    effort: str
    s_per_km: tuple[float, float] | None
    estimate_s_per_km: float


@dataclass(frozen=True)
class Step:
    """One continuous piece of running. ``kind`` 'work' is main-set (quality) time."""

    part: Part
    kind: Kind
    duration_s: int
    target: Target
    label: str

    @property
    def minutes(self) -> float:
        return self.duration_s / 60.0

    @property
    def km(self) -> float:
        return self.duration_s / self.target.estimate_s_per_km

    @property
    def quality_s(self) -> int:
        return self.duration_s if self.kind == "work" else 0


@dataclass(frozen=True)
class Repeat:
    """``times`` rounds of ``steps`` (e.g. 5 x (3 min hard, 3 min jog)); always part of the main set."""

    times: int
    steps: tuple[Step, ...]

    part: Part = "main"

    @property
    def duration_s(self) -> int:
        return self.times * sum(s.duration_s for s in self.steps)

    @property
    def minutes(self) -> float:
        return self.duration_s / 60.0

    @property
    def km(self) -> float:
        return self.times * sum(s.km for s in self.steps)

    @property
    def quality_s(self) -> int:
        return self.times * sum(s.quality_s for s in self.steps)

    @property
    def work_step(self) -> Step:
        return next((s for s in self.steps if s.kind == "work"), self.steps[0])


Block = Step | Repeat


@dataclass(frozen=True)
class Workout:
    """A plan day turned into steps: warm-up, main set, cool-down (some parts may be empty)."""

    session: str
    minutes: int
    phase: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def total_s(self) -> int:
        return sum(b.duration_s for b in self.blocks)

    @property
    def km(self) -> float:
        return sum(b.km for b in self.blocks)

    @property
    def quality_s(self) -> int:
        """Seconds of main-set work (the catalogue's ``quality_fraction`` x minutes, approximately)."""
        return sum(b.quality_s for b in self.blocks)

    @property
    def quality_minutes(self) -> float:
        return self.quality_s / 60.0

    def part_s(self, part: Part) -> int:
        return sum(b.duration_s for b in self.blocks if b.part == part)

    def flat_steps(self) -> list[Step]:
        """Every step in running order, repeats expanded."""
        steps: list[Step] = []
        for block in self.blocks:
            steps.extend(block.steps * block.times if isinstance(block, Repeat) else (block,))
        return steps
