"""Structured workouts: steps with a duration, a pace target and an estimated distance.

These are the workouts a plan file stores (``PlanDay.workout``): pydantic models, so the plan
file's JSON Schema describes them. Durations are whole seconds so that the steps of a workout
add up *exactly* to the planned minutes (``Workout.total_s == 60 * minutes``). Text for people
(``workouts.text``) and FIT steps for watches are derived from them, never stored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Part = Literal["warmup", "main", "cooldown"]
Kind = Literal["run", "work", "recovery"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Target(_Frozen):
    """What to run at: an effort name always, and a pace range (slow, fast) when paces are known."""

    effort: str = Field(description="effort name, e.g. 'threshold effort'")
    s_per_km: tuple[float, float] | None = Field(
        description="pace range (slow, fast) in seconds per km; null when no paces are known")
    estimate_s_per_km: float = Field(gt=0, description="pace used to estimate distance (and load), seconds per km")


class Step(_Frozen):
    """One continuous piece of running. ``kind`` 'work' is main-set (quality) time."""

    type: Literal["step"] = "step"
    part: Part = Field(description="warmup, main or cooldown")
    kind: Kind = Field(description="run (steady), work (quality) or recovery")
    duration_s: int = Field(ge=1, description="duration, seconds")
    target: Target
    label: str = Field(description="what the step is, e.g. 'interval' or 'warm-up'")

    @property
    def minutes(self) -> float:
        return self.duration_s / 60.0

    @property
    def km(self) -> float:
        return self.duration_s / self.target.estimate_s_per_km

    @property
    def quality_s(self) -> int:
        return self.duration_s if self.kind == "work" else 0


class Repeat(_Frozen):
    """``times`` rounds of ``steps`` (e.g. 5 x (3 min hard, 3 min jog)); always part of the main set."""

    type: Literal["repeat"] = "repeat"
    times: int = Field(ge=1, description="number of rounds")
    steps: tuple[Step, ...] = Field(min_length=1, description="one round")
    part: Literal["main"] = "main"

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


Block = Annotated[Step | Repeat, Field(discriminator="type")]


class Workout(_Frozen):
    """A plan day turned into steps: warm-up, main set, cool-down (some parts may be empty)."""

    session: str = Field(description="session type, as the day's `session`")
    minutes: int = Field(ge=0, description="planned minutes, as the day's `minutes`")
    phase: str = Field(description="phase of the day's week")
    title: str = Field(description="one line naming the session and its main set")
    blocks: tuple[Block, ...] = Field(description="steps and repeats in running order")

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
