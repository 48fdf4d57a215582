"""Decision variables and domain queries used by the constraint families.

Per training day ``d`` and session type ``s``: a Boolean ``chosen[d, s]`` and integer minutes
``minutes[d, s]`` in ``{0} ∪ [min_s, max_s]`` (zero unless chosen). This disaggregated form
gives CP-SAT's LP relaxation the convex hull of each day's choice. Constraint modules use the
queries below and never the dictionaries.

A day's minutes and a week's minutes are integer variables defined by an equality to their
sum, not repeated sums: the week total appears in every weekly rule and in each day's quality
cap, and as an expression it made the 16-week model 56 000 linear terms long. As variables it
has 4 times fewer terms, presolves 3 times faster and proves optimality 4.7 times faster
(geometric mean, benchmarks/TUNING.md); the rules and the LP relaxation are unchanged (the
definitions are equalities).
"""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from peakplan.calendar import Calendar
from peakplan.model.scale import cap_ratio
from peakplan.modelfiles import REST_TYPE, Catalogue, SessionType
from peakplan.vocabulary import REST

# Our expressions: OR-Tools' LinearExpr (IntVar is one) or a plain int. Narrower than
# cp_model.LinearExprT, which also admits numpy integers and so defeats type checking of sums.
LinearExpr = cp_model.LinearExpr | int


class Variables:
    """``impossible`` lists (day, session type) pairs that a hard rule forbids outright (phases,
    blackout dates, a cap below the type's minimum): they get no variables at all (the constant 0
    stands in) and the rules that forbid them become trivially true. CP-SAT's presolve would
    remove them, but the `proof` preset runs without presolve, so the model is built small.
    Explanations build every pair: a relaxed rule must be able to allow it."""

    def __init__(self, model: cp_model.CpModel, calendar: Calendar, catalogue: Catalogue,
                 impossible: frozenset[tuple[int, str]] = frozenset()):
        self.calendar = calendar
        self.types: dict[str, SessionType] = {REST: REST_TYPE, **catalogue.sessions}
        self.chosen: dict[tuple[int, str], cp_model.IntVar] = {}
        self.minutes_of: dict[tuple[int, str], cp_model.IntVar] = {}
        for d in calendar.training_days:
            for name, kind in self.types.items():
                if (d, name) in impossible and name != REST:
                    continue
                self.chosen[d, name] = model.new_bool_var(f"chosen_d{d}_{name}")
                if name != REST:
                    self.minutes_of[d, name] = model.new_int_var(0, kind.max_minutes, f"minutes_d{d}_{name}")
            model.add_exactly_one(self.chosen[d, name] for name in self.types if (d, name) in self.chosen)
            for name, kind in self.types.items():
                if name == REST or (d, name) not in self.chosen:
                    continue
                m, x = self.minutes_of[d, name], self.chosen[d, name]
                model.add(m <= kind.max_minutes * x)
                model.add(m >= max(1, kind.min_minutes) * x)
        day_max = max((t.max_minutes for n, t in self.types.items() if n != REST), default=0)
        self._day_minutes: dict[int, cp_model.IntVar] = {}
        for d in calendar.training_days:
            parts = [self.minutes_of[d, n] for n in self.types if (d, n) in self.minutes_of]
            self._day_minutes[d] = _total(model, f"minutes_d{d}", parts, day_max)
        self._week_minutes: dict[int, cp_model.IntVar] = {}
        for w in calendar.weeks:
            parts = [self._day_minutes[d] for d in calendar.training_days_of_week(w)]
            self._week_minutes[w] = _total(model, f"minutes_w{w}", parts, day_max * len(parts))

    # --- per day -------------------------------------------------------------------------
    def session(self, day: int, name: str) -> cp_model.IntVar | int:
        if name not in self.types:
            raise KeyError(f"no session type {name!r}")
        return self.chosen.get((day, name), 0)

    def session_minutes(self, day: int, name: str) -> LinearExpr:
        return self.minutes_of.get((day, name), 0)

    def minutes(self, day: int) -> LinearExpr:
        return self._day_minutes[day]

    def is_running(self, day: int) -> LinearExpr:
        return 1 - self.chosen[day, REST]

    def is_hard(self, day: int) -> LinearExpr:
        return sum(self.session(day, n) for n, t in self.types.items() if t.hard)

    def is_hard_or_long(self, day: int) -> LinearExpr:
        return sum(self.session(day, n) for n, t in self.types.items() if t.hard or t.long)

    def is_long(self, day: int) -> LinearExpr:
        return sum(self.session(day, n) for n, t in self.types.items() if t.long)

    def long_minutes(self, day: int) -> LinearExpr:
        return sum(self.session_minutes(day, n) for n, t in self.types.items() if t.long)

    def low_intensity_minutes_bp(self, day: int) -> LinearExpr:
        """Low-intensity minutes in basis points, (1 - quality_fraction) * minutes, rounded down."""
        return sum(cap_ratio(1 - t.quality_fraction) * self.minutes_of[day, n]
                   for n, t in self.types.items() if (day, n) in self.minutes_of)

    def read_plan(self, value: Callable[[LinearExpr], float]) -> tuple[list[str], list[int]]:
        """The plan in a solution, given the solver's ``value`` of a variable or expression:
        one session name and its minutes per training day."""
        sessions, minutes = [], []
        for d in self.calendar.training_days:
            name = next(n for n in self.types if value(self.session(d, n)) > 0.5)
            sessions.append(name)
            minutes.append(0 if name == REST else round(value(self.session_minutes(d, name))))
        return sessions, minutes

    # --- per week ------------------------------------------------------------------------
    def week_minutes(self, week: int) -> LinearExpr:
        return self._week_minutes[week]

    def reference(self, week: int | None) -> LinearExpr:
        """REF of docs/rules.md, minutes of a full week: the week's volume (a normal week), or the
        athlete's current weekly volume (None: no normal week yet to compare with)."""
        if week is None:
            return self.calendar.scenario.athlete.current_weekly_minutes
        return self.week_minutes(week)

    def week_running_days(self, week: int) -> LinearExpr:
        return sum(self.is_running(d) for d in self.calendar.training_days_of_week(week))

    def week_hard_days(self, week: int) -> LinearExpr:
        return sum(self.is_hard(d) for d in self.calendar.training_days_of_week(week))

    def week_count(self, week: int, name: str) -> LinearExpr:
        return sum(self.session(d, name) for d in self.calendar.training_days_of_week(week))


def _total(model: cp_model.CpModel, name: str, parts: list[cp_model.IntVar], upper: int) -> cp_model.IntVar:
    """An integer variable defined as the sum of ``parts`` (each in [0, its max])."""
    total = model.new_int_var(0, upper, name)
    model.add(total == sum(parts))
    return total
