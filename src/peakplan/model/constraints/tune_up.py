"""tune_up: a B or C race inside the block (``race.tune_ups``) with its own mini-taper. On its date
the session is ``tune_up`` for the race's predicted time plus 25 minutes of warm-up and cool-down;
no hard session or long run in the two days before it, no hard session the day after, and the
week holds at most 90 % of the last normal loading week. The tune-up session is planned on no
other day.

Source: a tune-up race 3-6 weeks out with two or three easy days before it (Pfitzinger &
Douglas's plans place 8K-15K tune-ups; practice; docs/science.md "Tune-up races").
"""

from __future__ import annotations

from peakplan.athlete import current_fitness
from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio
from peakplan.modelfiles import Catalogue
from peakplan.paces import race_time_s
from peakplan.scenario.schema import Scenario

NAME = "tune_up"
SESSION = "tune_up"
AROUND_MINUTES = 25      # warm-up and cool-down around the race (practice)
WEEK_SHARE = 0.90        # the tune-up week at most 90 % of the last normal week (practice)
EASY_BEFORE, EASY_AFTER = 2, 1


def tune_up_minutes(scenario: Scenario, distance_km: float) -> int:
    """The tune-up day's minutes: the race at the athlete's current VDOT, plus warm-up and cool-down."""
    return round(race_time_s(current_fitness(scenario).vdot, distance_km * 1000.0) / 60) + AROUND_MINUTES


def impossible(cal: Calendar, catalogue: Catalogue) -> set[tuple[int, str]]:
    """The tune-up session on any other day, and any other session on a tune-up day."""
    if SESSION not in catalogue.sessions:
        return set()
    out = {(d, SESSION) for d in cal.training_days if d not in cal.tune_up_days}
    return out | {(d, n) for d in cal.tune_up_days for n in catalogue.sessions if n != SESSION}


def add(ctx: BuildContext) -> None:
    cal, v, book, sc = ctx.calendar, ctx.vars, ctx.rules, ctx.scenario
    if SESSION not in v.types:
        return
    for d in cal.training_days:
        if d not in cal.tune_up_days:
            book.add(NAME, cal.date(d).isoformat(), v.session(d, SESSION) == 0)
    for d, km in sorted(cal.tune_up_days.items()):
        where, minutes = cal.date(d).isoformat(), tune_up_minutes(sc, km)
        book.add(NAME, where, v.session(d, SESSION) == 1)
        book.add(NAME, where, v.session_minutes(d, SESSION) == minutes)
        for e in [*range(d - EASY_BEFORE, d), *range(d + 1, d + 1 + EASY_AFTER)]:
            if 0 <= e < cal.race_day:
                book.add(NAME, where, v.is_hard(e) == 0)
                if e < d:
                    book.add(NAME, where, v.is_long(e) == 0)
        w = cal.week_of(d)
        book.add_le(NAME, where, v.week_minutes(w) * 7 * RATIO_SCALE,
                    cap_ratio(WEEK_SHARE) * cal.week_length(w) * v.reference(cal.reference_week(w)),
                    f"tune-up week <= {WEEK_SHARE:.0%} of the last normal week")


def describe(scenario: Scenario, where: str) -> str:
    return (f"a tune-up race on {where}: {AROUND_MINUTES} min around the race, {EASY_BEFORE} easy days before, "
            f"an easy day after, the week at most {WEEK_SHARE:.0%} of the last normal week")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    dates = tuple(t for t in scenario.race.tune_ups)
    return [Knob("race.tune_ups", dates, ((),), "drop")] if dates else []
