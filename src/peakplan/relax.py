"""Relaxations that restore feasibility, found by re-solving.

For a conflicting rule family, each *knob* is one scenario value that loosens it (the long-run
share, the ramp, a quota minimum, the minutes of a weekday, ...), with its candidate values from
the smallest change to the most relaxed one. The most relaxed value is probed first; if the
scenario then has a plan, a bisection finds the smallest change that still has one. Every
reported value was verified by :func:`peakplan.solve.solve` (stopping at the first plan), so a
relaxation is a fact, not a guess. Probes are cached and the whole search keeps to a budget.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peakplan.modelfiles import BanisterModel, Catalogue, ReadinessModel
from peakplan.scenario.schema import WEEKDAYS, Scenario

PROBE_LIMIT_S = 4.0     # one feasibility probe (first plan or infeasibility proof)
READINESS = "readiness."  # field prefix of readiness-model values (form window)


@dataclass(frozen=True)
class Relaxation:
    field: str   # dotted scenario path, e.g. rules.long_run.max_share_of_week ("readiness.tsb_min": model file)
    value: Any   # the relaxed value, verified to give a plan
    text: str    # e.g. "rules.long_run.max_share_of_week 0.30 → 0.34"


@dataclass(frozen=True)
class Knob:
    field: str
    current: Any
    candidates: tuple   # from the smallest change to the most relaxed value
    style: str = "int"  # how values print: int, share, number, bool, drop
    label: str = ""     # how the field prints, when not its dotted path

    def show(self, value: Any) -> str:
        if self.style == "bool":
            return "true" if value else "false"
        if self.style == "share":
            return f"{value:.2f}" if round(value, 2) == value else f"{value:g}"
        if self.style == "number":
            return f"{value:g}"
        return str(value)

    def relaxation(self, value: Any) -> Relaxation:
        if self.style == "drop":
            gone = sorted(set(self.current) - set(value))
            return Relaxation(self.field, value, f"{self.field}: drop {', '.join(str(d) for d in gone)}")
        name = self.label or self.field
        return Relaxation(self.field, value, f"{name} {self.show(self.current)} → {self.show(value)}")


# --- candidate values -----------------------------------------------------------------------

def _ints(current: int, limit: int, step: int = 1) -> tuple[int, ...]:
    """Integers from ``current`` (excluded) towards ``limit`` (included) on a ``step`` grid."""
    if current == limit:
        return ()
    if limit > current:
        first = (current // step + 1) * step
        return (*range(first, limit, step), limit)
    first = (current - 1) // step * step
    return (*range(first, limit, -step), limit)


def _shares(current: float, limit: float) -> tuple[float, ...]:
    """Hundredths from ``current`` (excluded) towards ``limit`` (included)."""
    here, end = current * 100, round(limit * 100)
    if end > here:
        steps = range(math.floor(here + 1e-9) + 1, end + 1)
    else:
        steps = range(math.ceil(here - 1e-9) - 1, end - 1, -1)
    return tuple(v / 100 for v in steps)


def _share_knob(field: str, current: float, limit: float) -> Knob:
    return Knob(field, current, _shares(current, limit), "share")


def _int_knob(field: str, current: int, limit: int, step: int = 1) -> Knob:
    return Knob(field, current, _ints(current, limit, step))


def _switch(field: str, current: bool) -> Knob | None:
    return Knob(field, current, (not current,), "bool") if current else None


# --- knobs per family ------------------------------------------------------------------------

def _week(where: str) -> int | None:
    parts = where.split()
    return int(parts[1]) if len(parts) >= 2 and parts[0] == "week" and parts[1].isdigit() else None


def _availability(sc: Scenario, wheres: list[str]) -> list[Knob]:
    av, out, weekdays = sc.availability, [], {}
    for where in wheres:
        if _week(where) is not None:
            current = av.max_running_days_per_week or 7
            out.append(_int_knob("availability.max_running_days_per_week", current, 7))
            continue
        try:
            date = dt.date.fromisoformat(where)
        except ValueError:
            continue
        if date in av.blackout_dates:
            out.append(Knob("availability.blackout_dates", av.blackout_dates,
                              (tuple(d for d in av.blackout_dates if d != date),), "drop"))
        else:
            day = WEEKDAYS[date.weekday()]
            weekdays[day] = weekdays.get(day, 0) + 1
    for day in sorted(weekdays, key=lambda d: (-weekdays[d], WEEKDAYS.index(d))):
        out.append(_int_knob(f"availability.max_minutes.{day}", av.max_minutes[day], 600, 5))
    return out


def _quotas(sc: Scenario, wheres: list[str]) -> list[Knob]:
    from peakplan.model.calendar import Calendar

    phases = Calendar(sc).phase_by_week
    out = []
    for phase in dict.fromkeys(phases.get(_week(w) or 0) for w in wheres):
        for key, bounds in sc.rules.quotas.per_phase.get(phase, {}).items() if phase else ():
            base = f"rules.quotas.per_phase.{phase}.{key}"
            if bounds.min > 0:
                out.append(_int_knob(f"{base}.min", bounds.min, 0))
            if bounds.max is not None:
                out.append(_int_knob(f"{base}.max", bounds.max, 7))
    return out


def _form_window(sc: Scenario, readiness: ReadinessModel) -> list[Knob]:
    if isinstance(readiness, BanisterModel):
        return []
    low, high = readiness.tsb_min, readiness.tsb_max
    lower = tuple(float(v) for v in _ints(math.ceil(low), math.floor(low) - 100) if v < low)
    higher = tuple(float(v) for v in _ints(math.floor(high), math.ceil(high) + 100) if v > high)
    where = f" (readiness model {sc.model.readiness})"
    return [Knob(f"{READINESS}tsb_min", low, lower, "number", "tsb_min" + where),
            Knob(f"{READINESS}tsb_max", high, higher, "number", "tsb_max" + where)]


def knobs(family: str, wheres: list[str], sc: Scenario, readiness: ReadinessModel) -> list[Knob]:
    """The values that loosen ``family``, most natural first; switching it off comes last."""
    r, a = sc.rules, sc.athlete
    if family in ("availability", "form_window"):
        found = _availability(sc, wheres) if family == "availability" else _form_window(sc, readiness)
        return list({(k.field, repr(k.candidates[-1])): k for k in found if k.candidates}.values())
    table: dict[str, list[Knob | None]] = {
        "weekly_ramp": [_int_knob("athlete.peak_weekly_minutes", a.peak_weekly_minutes, 2000, 10)
                        if any(w.endswith("ceiling") for w in wheres) else None,
                        _share_knob("rules.weekly_ramp.max_increase", r.weekly_ramp.max_increase, 1.0)
                        if any(not w.endswith("ceiling") for w in wheres) else None],
        "deload": [_share_knob("rules.deload.volume_factor", r.deload.volume_factor, 1.0)],
        "hard_easy": [_int_knob("rules.hard_easy.max_hard_per_week", r.hard_easy.max_hard_per_week, 7),
                      _int_knob("rules.hard_easy.min_easy_days_between", r.hard_easy.min_easy_days_between, 0),
                      _int_knob("rules.hard_easy.back_to_back_per_week", r.hard_easy.back_to_back_per_week, 3)],
        "long_run": [_share_knob("rules.long_run.max_share_of_week", r.long_run.max_share_of_week, 1.0),
                     _int_knob("rules.long_run.max_minutes", r.long_run.max_minutes, 400, 5),
                     _share_knob("rules.long_run.max_growth", r.long_run.max_growth, 1.0),
                     _switch("rules.long_run.required_weekly", r.long_run.required_weekly)],
        "intensity_mix": [_share_knob("rules.intensity_mix.min_low_intensity_share",
                                      r.intensity_mix.min_low_intensity_share, 0.0)],
        "quality_caps": [_share_knob("rules.quality_caps.threshold_share", r.quality_caps.threshold_share, 1.0),
                         _share_knob("rules.quality_caps.intervals_share", r.quality_caps.intervals_share, 1.0),
                         _share_knob("rules.quality_caps.repetitions_share", r.quality_caps.repetitions_share, 1.0),
                         _int_knob("rules.quality_caps.marathon_pace_max_minutes",
                                   r.quality_caps.marathon_pace_max_minutes, 400, 5)],
        "taper": [_share_knob("rules.taper.volume_reduction", r.taper.volume_reduction, 0.0),
                  _share_knob("rules.taper.floor_band", r.taper.floor_band, 1.0),
                  _switch("rules.taper.keep_frequency", r.taper.keep_frequency),
                  _int_knob("rules.taper.weeks", r.taper.weeks, 0)],
        "race_week": [_int_knob("rules.race_week.max_hard_sessions", r.race_week.max_hard_sessions, 7),
                      _int_knob("rules.race_week.easy_days_before_race", r.race_week.easy_days_before_race, 0)],
        "quotas": list(_quotas(sc, wheres)),
    }
    found = [k for k in table.get(family, []) if k is not None and k.candidates]
    return [*found, Knob(f"rules.{family}.enabled", True, (False,), "bool")]


# --- probing ---------------------------------------------------------------------------------

def _set(data: dict, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    data[last] = value


def apply(scenario: Scenario, readiness: ReadinessModel, relaxation: Relaxation | Knob | str,
          value: Any = None) -> tuple[Scenario, ReadinessModel]:
    """The scenario and readiness model with one field changed (a Relaxation, or a field + value)."""
    field = relaxation if isinstance(relaxation, str) else relaxation.field
    if isinstance(relaxation, Relaxation):
        value = relaxation.value
    if field.startswith(READINESS):
        data = {**readiness.model_dump(), field.removeprefix(READINESS): value}
        return scenario, type(readiness).model_validate(data)
    data = scenario.model_dump()
    _set(data, field, value)
    return Scenario.model_validate(data), readiness


class Prober:
    """Feasibility of single-field changes, cached, within a time budget."""

    def __init__(self, scenario: Scenario, catalogue: Catalogue, readiness: ReadinessModel, budget_s: float):
        self.scenario, self.catalogue, self.readiness = scenario, catalogue, readiness
        self.deadline = time.monotonic() + budget_s
        self.cache: dict[tuple[str, str], bool | None] = {}
        self.probes = 0
        self.out_of_time = False  # some probe was skipped or undecided for lack of time

    def left_s(self) -> float:
        return self.deadline - time.monotonic()

    def feasible(self, field: str, value: Any) -> bool | None:
        """True: a plan exists with this change; False: none; None: undecided (time, invalid value)."""
        key = (field, repr(value))
        if key not in self.cache:
            self.cache[key] = self._probe(field, value)
        return self.cache[key]

    def _probe(self, field: str, value: Any) -> bool | None:
        from peakplan.solve import solve

        limit = min(PROBE_LIMIT_S, self.left_s())
        if limit < 0.2:
            self.out_of_time = True
            return None
        try:
            scenario, readiness = apply(self.scenario, self.readiness, field, value)
        except ValueError:  # the relaxed value breaks another check (e.g. the taper no longer fits)
            return False
        solver = scenario.solver.model_copy(update={"time_limit_s": limit})
        self.probes += 1
        result = solve(scenario.model_copy(update={"solver": solver}), first_solution=True,
                       models=(self.catalogue, readiness))
        if result.has_plan or result.status == "INFEASIBLE":
            return result.has_plan
        self.out_of_time = True
        return None


def smallest(knob: Knob, prober: Prober) -> Relaxation | None:
    """The smallest verified change of ``knob`` that gives a plan (bisection; None if none)."""
    values = knob.candidates
    if not values or not prober.feasible(knob.field, values[-1]):
        return None
    lo, hi = -1, len(values) - 1  # values[lo] (or the current value) has no plan, values[hi] has one
    while hi - lo > 1:
        if prober.left_s() <= 0.2:
            prober.out_of_time = True  # values[hi] is verified, a smaller change may exist
            break
        mid = (lo + hi) // 2
        if prober.feasible(knob.field, values[mid]):
            hi = mid
        else:
            lo = mid
    return knob.relaxation(values[hi])


def _search(family: str, wheres: list[str], prober: Prober) -> Iterator[Relaxation]:
    for knob in knobs(family, wheres, prober.scenario, prober.readiness):
        if prober.left_s() <= 0.2:
            prober.out_of_time = True
            return
        found = smallest(knob, prober)
        if found is not None:
            yield found


@dataclass
class Found:
    by_family: dict[str, list[Relaxation]]
    out_of_time: bool  # the budget ended the search: other (or smaller) relaxations may exist


def relaxations(conflict: dict[str, list[str]], scenario: Scenario, catalogue: Catalogue,
                readiness: ReadinessModel, budget_s: float = 15.0, per_family: int = 2) -> Found:
    """Up to ``per_family`` verified relaxations for each family of ``conflict`` ({family: wheres}).

    Families take turns, so each gets its first relaxation before any gets a second.
    """
    prober = Prober(scenario, catalogue, readiness, budget_s)
    searches = {family: _search(family, wheres, prober) for family, wheres in conflict.items()}
    found: dict[str, list[Relaxation]] = {family: [] for family in conflict}
    for _ in range(per_family):
        for family, search in searches.items():
            relaxation = next(search, None)
            if relaxation is not None:
                found[family].append(relaxation)
    return Found(found, prober.out_of_time)
