"""Arithmetic that keeps a workout's steps summing exactly to its planned seconds.

The main set is sized first (whole repeats), then the time left is split between warm-up and
cool-down; the cool-down takes the remainder, so the total is exact by construction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from peakplan.workouts.model import Block, Kind, Part, Repeat, Step, Target

# Warm-up plus cool-down kept around a quality main set: at least 10 min for sessions under
# 45 min, 15 min otherwise (Daniels: 10+ min of E running before quality; seed article: "short
# sharp intervals after a thorough warm-up"). Warm-up gets 60 % of the time left (practice).
RESERVE_SHORT_S = 600
RESERVE_LONG_S = 900
LONG_SESSION_S = 45 * 60
WARMUP_SHARE = 0.6
# Whole repeats may miss the planned main-set time by up to 10 % before the reps are resized
# (practice: keeps round rep lengths while staying close to the solver's quality_fraction).
REP_TOLERANCE = 0.10


def whole(x: float) -> int:
    """Round half up (Python's round() rounds half to even, which surprises coaches)."""
    return math.floor(x + 0.5)


def snap_s(seconds: float, grain_s: int) -> int:
    """``seconds`` rounded to a multiple of ``grain_s``, at least one grain."""
    return max(grain_s, whole(seconds / grain_s) * grain_s)


def lerp(start: float, end: float, progress: float) -> float:
    return start + (end - start) * min(1.0, max(0.0, progress))


def reserve_s(total_s: int) -> int:
    """Warm-up plus cool-down time to keep free around a main set (never more than half the session)."""
    wanted = RESERVE_SHORT_S if total_s < LONG_SESSION_S else RESERVE_LONG_S
    return min(wanted, total_s // 2)


def step(part: Part, kind: Kind, seconds: int, target: Target, label: str) -> Step:
    return Step(part=part, kind=kind, duration_s=int(seconds), target=target, label=label)


def repeats(work: Step, recovery: Step | None, work_target_s: float, available_s: int, grain_s: int = 15) -> Repeat:
    """As many rounds of (work, recovery) as bring work time nearest ``work_target_s``, fitting ``available_s``.

    The count is the target over the rep length, rounded to whole repeats; it drops while the
    rounds do not fit. When whole repeats miss the target by more than ``REP_TOLERANCE`` (a
    long rep, or a count cut to fit), each rep is resized to target / count in ``grain_s``
    steps, the recovery keeping its ratio to the rep, as far as the time allows. A single
    round drops its recovery: the cool-down follows directly.
    """
    ratio = recovery.duration_s / work.duration_s if recovery is not None else 0.0
    times = max(1, whole(work_target_s / work.duration_s))
    while times > 1 and times * work.duration_s * (1 + ratio) > available_s:
        times -= 1
    ratio = ratio if times > 1 else 0.0
    fits = times * work.duration_s * (1 + ratio) <= available_s
    if not fits or abs(times * work.duration_s - work_target_s) > REP_TOLERANCE * work_target_s:
        work_s = _rep_s(work_target_s / times, available_s / (times * (1 + ratio)), grain_s)
        work = _resized(work, work_s)
        recovery_s = math.floor(work_s * ratio)
        recovery = _resized(recovery, recovery_s) if recovery is not None and recovery_s > 0 else None
    steps = (work,) if recovery is None or times == 1 else (work, recovery)
    return Repeat(times=times, steps=steps)


def _rep_s(wanted_s: float, cap_s: float, grain_s: int) -> int:
    """``wanted_s`` to the nearest grain, but never over ``cap_s`` (then the grain below it, or whole seconds)."""
    if cap_s < grain_s:
        return max(1, math.floor(cap_s))
    snapped = snap_s(wanted_s, grain_s)
    return snapped if snapped <= cap_s else math.floor(cap_s / grain_s) * grain_s


def _resized(s: Step, seconds: int) -> Step:
    return step(s.part, s.kind, seconds, s.target, s.label)


@dataclass(frozen=True)
class MainSet:
    """A session's main set, its title and how to frame it with warm-up and cool-down."""

    title: str
    blocks: tuple[Block, ...]
    warm_share: float = WARMUP_SHARE
    warm_label: str = "warm-up"
    cool_label: str = "cool-down"


def framed(total_s: int, main: MainSet, easy: Target) -> tuple[Block, ...]:
    """Warm-up + main set + cool-down, summing exactly to ``total_s``."""
    free_s = total_s - sum(b.duration_s for b in main.blocks)
    if free_s < 0:
        raise AssertionError(f"main set of {main.title!r} is longer than the session")
    warm_s = min(free_s, whole(free_s * main.warm_share / 60) * 60)
    cool_s = free_s - warm_s
    head = (step("warmup", "run", warm_s, easy, main.warm_label),) if warm_s else ()
    tail = (step("cooldown", "run", cool_s, easy, main.cool_label),) if cool_s else ()
    return head + main.blocks + tail
