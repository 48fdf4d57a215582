"""plan_consistency for what a plan claims beyond its loads: bound, gap, km, workouts, paces.

From docs/plan-format.md and docs/rules.md "Readiness", recomputed from the plan's own data:

- ``bound`` >= the plan's readiness (recomputed; readiness is maximised, so no plan beats its
  proven bound), and equal when the status is OPTIMAL; ``gap`` = (bound − readiness) /
  max(|readiness − rest|, 1e-9), ``rest`` the readiness of the same block without training.
- Each day's workout (when the plan has workouts, every running day has one, and a rest day has
  none): the workout's session, minutes and phase are the day's; its steps add up to exactly
  60 × minutes seconds; ``km`` = Σ step seconds / estimate pace, rounded to 2 decimals
  (``KM_TOL``); the race day's ``km`` is the race distance. A rest day has 0 km.
- Paces: null exactly when the scenario has neither a recent race nor a goal time, and then no
  step carries a pace range; otherwise ``vdot`` is the Daniels & Gilbert VDOT of the recent race
  (else the goal), recomputed here from docs/science.md "Paces" (``VDOT_TOL``), the ladder runs
  E slow > E fast > M > T > I > R, and every range is (slow, fast) with the estimate inside it on
  training days.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import effective_loads, race_day_readiness
from peakplan.validate.stated import PER_FIELD_LIMIT, capped, close, is_number, shown
from peakplan.validate.violation import Tally, Violation

NAME = "plan_consistency"
READINESS_TOL = 1e-6  # relative and absolute, as for the objective
GAP_TOL = 1e-6
KM_TOL = 0.005 + 1e-9  # km is written to 2 decimals
VDOT_TOL = 0.05
PACE_TOL = 1e-6  # relative
RESULT_M = {"1500m": 1500.0, "mile": 1609.344, "3k": 3000.0, "5k": 5000.0, "10k": 10000.0, "15k": 15000.0,
            "half": 21097.5, "marathon": 42195.0}


def check_header(ctx: PlanContext, out: Tally) -> None:
    """Bound and gap against the recomputed readiness (a wrong objective is reported once, by
    consistency_summary, not again here)."""
    plan = ctx.plan
    bound, gap = plan.get("bound"), plan.get("gap")
    if not out.expect(is_number(bound), "bound", f"bound {shown(bound)}", "The plan states no proven bound."):
        return
    assert isinstance(bound, int | float)
    readiness = race_day_readiness(ctx, effective_loads(ctx))
    tol = READINESS_TOL * (1 + abs(readiness))
    out.expect(bound >= readiness - tol, "bound", f"bound {bound:.6g} below readiness {readiness:.6g}",
               "Readiness is maximised: a proven upper bound below the plan's own readiness is impossible.")
    if plan.get("status") == "OPTIMAL":
        out.expect(abs(bound - readiness) <= tol, "bound", f"bound {bound:.6g}, readiness {readiness:.6g}",
                   "An OPTIMAL plan's bound is its readiness (gap 0).")
    rest = race_day_readiness(ctx, np.zeros(ctx.cal.n_days))
    scale = max(abs(readiness - rest), 1e-9)
    expected = (bound - readiness) / scale
    out.expect(close(gap, expected, GAP_TOL + 2 * tol / scale, GAP_TOL), "gap",
               f"gap {shown(gap)} stated, {expected:.6g} recomputed",
               "The gap does not follow from the bound, the readiness and the readiness without training.")


def _steps(workout: dict[str, Any]) -> Iterator[tuple[dict[str, Any], int]]:
    """(step, times it is run) for every step, repeats expanded by their count."""
    blocks = workout.get("blocks")
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and block.get("type") == "repeat":
            times = block.get("times")
            inner = block.get("steps")
            for step in inner if isinstance(inner, list) else []:
                yield step, times if isinstance(times, int) and not isinstance(times, bool) else 0
        else:
            yield block, 1


def _step_numbers(step: Any) -> tuple[float, float, Any] | None:
    """(seconds, estimate s/km, pace range) of a well-formed step, else None."""
    if not isinstance(step, dict) or not isinstance(step.get("target"), dict):
        return None
    seconds, estimate = step.get("duration_s"), step["target"].get("estimate_s_per_km")
    if not (is_number(seconds) and is_number(estimate)) or estimate <= 0 or seconds < 0:  # type: ignore[operator]
        return None
    return float(seconds), float(estimate), step["target"].get("s_per_km")  # type: ignore[arg-type]


def _range_ok(pace_range: Any, estimate: float, race_day: bool) -> bool:
    if pace_range is None:
        return True
    if not (isinstance(pace_range, list) and len(pace_range) == 2 and all(is_number(p) for p in pace_range)):
        return False
    slow, fast = float(pace_range[0]), float(pace_range[1])
    inside = fast * (1 - PACE_TOL) <= estimate <= slow * (1 + PACE_TOL)
    return slow >= fast > 0 and (race_day or inside)


def workout_problems(entry: dict[str, Any], workout: Any, race_day: bool, paces_known: bool) -> list[str]:
    """What is wrong with one day's workout (empty: it matches the day)."""
    if not isinstance(workout, dict):
        return ["the workout is not an object"]
    found = [f"workout {key} {shown(workout.get(key))}, the day's {shown(entry.get(key))}"
             for key in ("session", "minutes", "phase") if workout.get(key) != entry.get(key)]
    total_s, km = 0.0, 0.0
    for step, times in _steps(workout):
        numbers = _step_numbers(step)
        if numbers is None:
            return [*found, "a step has no usable duration or estimate pace"]
        seconds, estimate, pace_range = numbers
        total_s, km = total_s + times * seconds, km + times * seconds / estimate
        if pace_range is not None and not paces_known:
            found.append("a step has a pace range, but the plan has no paces")
        elif not _range_ok(pace_range, estimate, race_day):
            found.append(f"pace range {shown(pace_range)} is not (slow, fast) around the estimate {estimate:.1f} s/km")
    minutes = entry.get("minutes")
    if is_number(minutes) and abs(total_s - 60 * float(minutes)) > 1e-6:  # type: ignore[arg-type]
        found.append(f"steps add up to {total_s:g} s, not 60 x {minutes} min")
    if not race_day and not close(entry.get("km"), round(km, 2), KM_TOL):
        found.append(f"km {shown(entry.get('km'))} stated, {km:.2f} from the steps")
    return found


def check_days(ctx: PlanContext, out: Tally) -> None:
    entries = ctx.days.entries
    with_workouts = any(isinstance(e, dict) and e.get("workout") is not None for e in entries)
    paces_known = ctx.plan.get("paces") is not None
    found: list[Violation] = []
    for d, entry in enumerate(entries):
        if entry is None:
            continue
        where, race_day = ctx.cal.date(d).isoformat(), d == ctx.cal.race_day
        running = race_day or int(ctx.days.minutes[d]) > 0
        workout = entry.get("workout")
        out.checks += 1
        if race_day:
            problems = [] if close(entry.get("km"), ctx.scenario.race.distance_km, KM_TOL) else [
                f"km {shown(entry.get('km'))} on race day, the race is {ctx.scenario.race.distance_km:g} km"]
        elif not running:
            problems = ([] if workout is None else ["a rest day with a workout"]) + \
                ([] if close(entry.get("km"), 0.0, KM_TOL) else [f"km {shown(entry.get('km'))} on a rest day"])
        else:
            problems = ["no workout on a running day"] if workout is None and with_workouts else []
        if workout is not None and running:
            problems += workout_problems(entry, workout, race_day, paces_known)
        for problem in problems:
            found.append(Violation(NAME, where, problem[:120], "The day's stated km or workout does not follow "
                                                               "from its minutes, steps and paces."))
    out.found += capped(found, PER_FIELD_LIMIT)


def _vdot(distance_m: float, seconds: float) -> float:
    """Daniels & Gilbert VDOT of a race (docs/science.md "Paces"), independent of peakplan.paces."""
    minutes = seconds / 60.0
    speed = distance_m / minutes
    cost = -4.60 + 0.182258 * speed + 0.000104 * speed * speed
    fraction = 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)
    return cost / fraction


def _clock_s(text: str) -> float:
    value = 0.0
    for part in text.strip().split(":"):
        value = value * 60 + float(part)
    return value


def expected_vdot(ctx: PlanContext) -> float | None:
    """The VDOT the paces come from: athlete.vdot, else the recent race, else the goal time."""
    result, race = ctx.scenario.athlete.recent_race, ctx.scenario.race
    if ctx.scenario.athlete.vdot is not None:
        return float(ctx.scenario.athlete.vdot)
    if result is not None:
        metres = RESULT_M[result.distance] if isinstance(result.distance, str) else 1000.0 * float(result.distance)
        return _vdot(metres, _clock_s(result.time))
    if race.goal_time:
        return _vdot(1000.0 * race.distance_km, _clock_s(race.goal_time))
    return None


def check_paces(ctx: PlanContext, out: Tally) -> None:
    paces, vdot = ctx.plan.get("paces"), expected_vdot(ctx)
    if vdot is None or paces is None:
        out.expect(vdot is None and paces is None, "paces", "paces stated" if vdot is None else "no paces",
                   "Paces come from athlete.vdot, else the recent race, else the goal time: null exactly when the "
                   "scenario has none of them.")
        return
    if not out.expect(isinstance(paces, dict), "paces", "not an object", "The paces must be an object."):
        return
    assert isinstance(paces, dict)
    out.expect(close(paces.get("vdot"), vdot, VDOT_TOL), "paces.vdot", f"{shown(paces.get('vdot'))} stated, "
               f"{vdot:.2f} recomputed", "The paces are not those of the scenario's VDOT, race result or goal time.")
    easy = paces.get("easy_s_per_km")
    ladder = [*(easy if isinstance(easy, list | tuple) else [None, None]),
              *(paces.get(f"{k}_s_per_km") for k in ("marathon", "threshold", "interval", "repetition"))]
    numbers = [float(p) for p in ladder if is_number(p)]
    ordered = len(numbers) == len(ladder) and all(a > b > 0 for a, b in zip(numbers, numbers[1:], strict=False))
    out.expect(ordered, "paces", "paces out of order", "Paces run E slow > E fast > M > T > I > R (s/km).")


def check(ctx: PlanContext, out: Tally) -> None:
    check_header(ctx, out)
    check_days(ctx, out)
    check_paces(ctx, out)
