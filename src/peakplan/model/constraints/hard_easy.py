"""hard_easy: hard days are spaced by at least ``min_easy_days_between`` easy days, with at
most ``back_to_back_per_week`` adjacent hard pairs a week (never three in a row), and at most
``max_hard_per_week`` hard sessions a week. The race day counts as hard, and so does the long
run for spacing (``long_run_counts_as_hard``), though not toward the weekly count.

Sources: Bowerman's hard/easy principle, about 48 h between hard efforts (docs/science.md "Hard and easy days");
occasional back-to-back quality days (seed article); two quality sessions a week (Daniels).
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, int_knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.variables import LinearExpr
from peakplan.scenario.schema import Scenario

NAME = "hard_easy"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.hard_easy
    if not rule.enabled:
        return
    cal, v, book, model = ctx.calendar, ctx.vars, ctx.rules, ctx.model

    def hard(d: int) -> LinearExpr:
        """Hard for spacing: a hard session, the race, and the long run if it counts as hard."""
        if d == cal.race_day:
            return 1
        return v.is_hard_or_long(d) if rule.long_run_counts_as_hard else v.is_hard(d)

    k = rule.min_easy_days_between
    pairs: dict[int, list] = {w: [] for w in cal.weeks}
    for d in range(cal.n_days):
        for gap in range(1, k + 1):
            e = d + gap
            if e >= cal.n_days:
                break
            where = f"week {cal.week_of(d)}"
            if gap == 1 and rule.back_to_back_per_week > 0:
                pair = model.new_bool_var(f"{NAME}_pair_d{d}")
                pairs[cal.week_of(d)].append(pair)
                book.add(NAME, where, hard(d) + hard(e) <= 1 + pair)
            else:
                book.add(NAME, where, hard(d) + hard(e) <= 1)
        if k >= 1 and rule.back_to_back_per_week > 0 and d + 2 < cal.n_days:
            book.add(NAME, f"week {cal.week_of(d)}", hard(d) + hard(d + 1) + hard(d + 2) <= 2)
    for w in cal.weeks:
        if pairs[w]:
            book.add(NAME, f"week {w}", sum(pairs[w]) <= rule.back_to_back_per_week)
        book.add_le(NAME, f"week {w}", v.week_hard_days(w), rule.max_hard_per_week,
                    f"at most {rule.max_hard_per_week} hard sessions")


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.hard_easy
    return (f"at least {r.min_easy_days_between} easy day(s) between hard days, at most "
            f"{r.max_hard_per_week} hard sessions a week")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.hard_easy
    return [int_knob("rules.hard_easy.max_hard_per_week", r.max_hard_per_week, 7),
            int_knob("rules.hard_easy.min_easy_days_between", r.min_easy_days_between, 0),
            int_knob("rules.hard_easy.back_to_back_per_week", r.back_to_back_per_week, 3), disable(NAME)]
