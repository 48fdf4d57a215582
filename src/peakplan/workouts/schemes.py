"""Rep schemes: how many reps of which length a main set holds, and which one a given week runs.

A scheme is a rep length, the recovery after each rep and the most reps one session may hold at
that length (rep lengths and recoveries are round values, and each rep + recovery is whole
minutes, so main sets are whole minutes). For the planned work time each scheme gets the whole
number of reps nearest the plan that fits the room and the cap. Those within the tolerance are
the choices, listed short reps first; the week's position in its phase picks one in turn, so a
session type does not repeat the same main set week after week (docs/science.md "Block shape":
"progression in small, defensible steps"), and the first week of a phase gets the shortest reps.
When no scheme is within the tolerance (a short session, or a cap), the closest one not over it
is taken: the time not run as reps is easy running in the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peakplan.workouts.model import Repeat, Step, Target
from peakplan.workouts.steps import REP_TOLERANCE, step, whole

# Work may be REP_TOLERANCE (10 %) over the planned main set and up to 15 % short of it: whole-minute
# reps of 3-5 min cannot hit every plan within 10 % (13.5 min: 12 or 15), and short is the safe side
# of the solver's Daniels caps (docs/science.md "Quality caps") and of its intensity mix (practice).
OVER_TOLERANCE = REP_TOLERANCE
UNDER_TOLERANCE = 0.15


@dataclass(frozen=True)
class Scheme:
    """``rep_s`` of work then ``recovery_s`` of easy jogging, at most ``max_reps`` times a session."""

    rep_s: int
    recovery_s: int
    max_reps: int

    @property
    def round_s(self) -> int:
        return self.rep_s + self.recovery_s


@dataclass(frozen=True)
class Choice:
    """``times`` rounds of a scheme; a single round drops its recovery (the frame follows directly)."""

    scheme: Scheme
    times: int

    @property
    def work_s(self) -> int:
        return self.times * self.scheme.rep_s

    @property
    def duration_s(self) -> int:
        return self.times * self.scheme.round_s if self.times > 1 else self.scheme.rep_s


def within(work_s: float, planned_s: float) -> bool:
    """Work time within the tolerance of the planned main set."""
    return planned_s * (1 - UNDER_TOLERANCE) <= work_s <= planned_s * (1 + OVER_TOLERANCE)


def fitted(scheme: Scheme, planned_s: float, room_s: int) -> Choice | None:
    """The rep count (at most the cap, fitting ``room_s``) whose work is nearest ``planned_s``.

    Counts within the tolerance come first, then counts not over it, then the rest.
    """
    fits = [c for n in range(1, scheme.max_reps + 1) if (c := Choice(scheme, n)).duration_s <= room_s]
    return min(fits, key=lambda c: _rank(c, planned_s), default=None)


def _rank(choice: Choice, planned_s: float) -> tuple[bool, bool, float]:
    over = choice.work_s > planned_s * (1 + OVER_TOLERANCE)
    return not within(choice.work_s, planned_s), over, abs(choice.work_s - planned_s)


def options(schemes: Sequence[Scheme], planned_s: float, room_s: int) -> list[Choice]:
    """Every scheme's fitted choice that fits, in the schemes' order, without duplicates."""
    out: list[Choice] = []
    for scheme in schemes:
        choice = fitted(scheme, planned_s, room_s)
        if choice is not None and all(_shape(choice) != _shape(c) for c in out):
            out.append(choice)
    return out


def pick(choices: Sequence[Choice], planned_s: float, week_in_phase: int | None, progress: float,
         spares: Sequence[Choice] = ()) -> Choice | None:
    """The week's choice among those within tolerance; None when every choice is over it.

    The week's index in its phase picks in turn (cycling); without it, ``progress`` (0..1) is
    scaled to the choices, short reps first. With fewer than two choices within tolerance (a
    short session, or a cap), the closest one not over it and a spare (``spares``: the same reps
    with shorter recoveries, or another scheme up to VARIETY_UNDER short) take turns instead.
    """
    good = [c for c in choices if within(c.work_s, planned_s)]
    if len(good) < 2:
        good = _with_spare(good, [*choices, *spares], planned_s)
    return good[_turn(week_in_phase, progress, len(good))] if good else None


# A spare may run up to 30 % short of the plan (when even the best choice is shorter, no shorter
# than it): a week a little lighter beats the same session a third week running (practice).
VARIETY_UNDER = 0.30


def _with_spare(good: list[Choice], pool: Sequence[Choice], planned_s: float) -> list[Choice]:
    rest = sorted((c for c in pool if c.work_s <= planned_s * (1 + OVER_TOLERANCE)),
                  key=lambda c: abs(c.work_s - planned_s))
    best = good or rest[:1]
    if not best:
        return []
    floor_s = min((1 - VARIETY_UNDER) * planned_s, best[0].work_s)
    spare = next((c for c in rest if c.work_s >= floor_s and _shape(c) != _shape(best[0])), None)
    return [best[0], spare] if spare is not None else best[:1]


def shorter_recoveries(schemes: Sequence[Scheme]) -> tuple[Scheme, ...]:
    """Each scheme with a minute less recovery, where at least a minute is left (Daniels: equal or less)."""
    return tuple(Scheme(s.rep_s, s.recovery_s - 60, s.max_reps) for s in schemes if s.recovery_s >= 120)


def _turn(week_in_phase: int | None, progress: float, n_choices: int) -> int:
    if week_in_phase is not None:
        return week_in_phase % n_choices
    return whole(min(1.0, max(0.0, progress)) * (n_choices - 1))


def block(choice: Choice, work: Target, work_label: str, jog: Target, jog_label: str) -> Repeat:
    """The chosen scheme as a repeat of (rep, recovery)."""
    rep = step("main", "work", choice.scheme.rep_s, work, work_label)
    steps: tuple[Step, ...] = (rep,)
    if choice.times > 1 and choice.scheme.recovery_s:
        steps = (rep, step("main", "recovery", choice.scheme.recovery_s, jog, jog_label))
    return Repeat(times=choice.times, steps=steps)


def _shape(choice: Choice) -> tuple[int, int, int]:
    recovery_s = choice.scheme.recovery_s if choice.times > 1 else 0
    return choice.times, choice.scheme.rep_s, recovery_s
