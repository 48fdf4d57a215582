"""Arithmetic that keeps a workout's steps summing exactly to its planned seconds, in round numbers.

The main set is sized first (whole rounds of whole minutes), then the time left frames it: a
warm-up and a cool-down in 5-minute steps, and whatever does not fill a 5-minute step goes to
one easy-running step between the main set and the cool-down. The total is exact by construction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from peakplan.workouts.model import Block, Kind, Part, Step, Target

# Framing around a quality main set (Daniels: at least 10 min of E running before quality work;
# docs/science.md "Block shape", seed article: "a thorough warm-up"). Warm-ups and cool-downs come
# in 5-minute steps, a warm-up is 10-20 min (up to 30 min in sessions of 90 min or more, where the
# easy time is large), a cool-down at least 5 min; the warm-up takes about 60 % of the free time
# (practice). A main set is sized to leave at least WARMUP_MIN_S + COOLDOWN_MIN_S free.
WARMUP_MIN_S = 10 * 60
WARMUP_MAX_S = 20 * 60
WARMUP_MAX_LONG_S = 30 * 60
LONG_SESSION_S = 90 * 60
COOLDOWN_MIN_S = 5 * 60
FRAME_STEP_S = 5 * 60
WARMUP_SHARE = 0.6
# Whole repeats may overshoot the planned main-set time by up to 10 % (practice: the solver's
# Daniels caps, docs/science.md "Quality caps", count the planned time, so going over is what matters).
REP_TOLERANCE = 0.10


def whole(x: float) -> int:
    """Round half up (Python's round() rounds half to even, which surprises coaches)."""
    return math.floor(x + 0.5)


def snap_s(seconds: float, grain_s: int) -> int:
    """``seconds`` rounded to a multiple of ``grain_s``, at least one grain."""
    return max(grain_s, whole(seconds / grain_s) * grain_s)


def lerp(start: float, end: float, progress: float) -> float:
    return start + (end - start) * min(1.0, max(0.0, progress))


def frame_min_s(total_s: int) -> int:
    """Warm-up plus cool-down a main set must leave free: 15 min, or half of a short session in whole minutes."""
    return min(WARMUP_MIN_S + COOLDOWN_MIN_S, total_s // 120 * 60)


def step(part: Part, kind: Kind, seconds: int, target: Target, label: str) -> Step:
    return Step(part=part, kind=kind, duration_s=int(seconds), target=target, label=label)


@dataclass(frozen=True)
class MainSet:
    """A session's main set and its title; ``framing`` 'quality' (warm-up/cool-down) or 'easy' (strides days)."""

    title: str
    blocks: tuple[Block, ...]
    framing: str = "quality"


def framed(total_s: int, main: MainSet, easy: Target) -> tuple[Block, ...]:
    """Warm-up + main set + easy running + cool-down, summing exactly to ``total_s``."""
    free_s = total_s - sum(b.duration_s for b in main.blocks)
    if free_s < 0:
        raise AssertionError(f"main set of {main.title!r} is longer than the session")
    if main.framing == "easy":
        return _easy_framed(free_s, main, easy)
    warm_s, cool_s = _warm_cool_s(free_s, total_s)
    easy_s = free_s - warm_s - cool_s
    head = (step("warmup", "run", warm_s, easy, "warm-up"),) if warm_s else ()
    middle = (step("cooldown", "run", easy_s, easy, "easy running"),) if easy_s else ()
    tail = (step("cooldown", "run", cool_s, easy, "cool-down"),) if cool_s else ()
    return head + main.blocks + middle + tail


def _warm_cool_s(free_s: int, total_s: int) -> tuple[int, int]:
    """Warm-up and cool-down in 5-min steps (whole minutes, split about evenly, when less than 15 min is free)."""
    if free_s < WARMUP_MIN_S + COOLDOWN_MIN_S:
        warm_s = (free_s // 60 + 1) // 2 * 60
        return warm_s, free_s - warm_s
    cap_s = WARMUP_MAX_LONG_S if total_s >= LONG_SESSION_S else WARMUP_MAX_S
    warm_s = min(cap_s, max(WARMUP_MIN_S, _floor_step(free_s * WARMUP_SHARE)))
    return warm_s, max(COOLDOWN_MIN_S, _floor_step(free_s - warm_s))


def _floor_step(seconds: float) -> int:
    return math.floor(seconds / FRAME_STEP_S) * FRAME_STEP_S


# An easy run with strides: easy running first (at least 10 min, it takes any odd minutes), the
# strides, then easy running to finish in 5-min steps, 10 min when there is room (practice).
EASY_BEFORE_STRIDES_S = 10 * 60
EASY_AFTER_STRIDES_S = (5 * 60, 10 * 60)


def easy_frame_min_s(total_s: int) -> int:
    """Easy running a strides main set must leave free (all of a session too short to hold it)."""
    return min(total_s, EASY_BEFORE_STRIDES_S + EASY_AFTER_STRIDES_S[0])


def _easy_framed(free_s: int, main: MainSet, easy: Target) -> tuple[Block, ...]:
    short, full = EASY_AFTER_STRIDES_S
    after_s = full if free_s >= EASY_BEFORE_STRIDES_S + full else short if free_s >= EASY_BEFORE_STRIDES_S + short \
        else free_s // 120 * 60
    before_s = free_s - after_s
    head = (step("warmup", "run", before_s, easy, "easy run"),) if before_s else ()
    tail = (step("cooldown", "run", after_s, easy, "easy running"),) if after_s else ()
    return head + main.blocks + tail
