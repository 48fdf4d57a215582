"""race_week: light and sharp. At most ``max_hard_sessions`` hard sessions, none in the
``easy_days_before_race`` days before the race, and no long run.

Source: race week is light, sharp sessions, nothing that adds fatigue (seed article;
docs/science.md "Block shape").
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, int_knob
from peakplan.model.rulebook import BuildContext
from peakplan.scenario.schema import Scenario

NAME = "race_week"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.race_week
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    week = cal.n_weeks
    where = f"week {week}"
    book.add_le(NAME, where, v.week_hard_days(week), rule.max_hard_sessions,
                f"at most {rule.max_hard_sessions} hard sessions in race week")
    for d in cal.training_days_of_week(week):
        book.add(NAME, where, v.is_long(d) == 0)
        if cal.race_day - d <= rule.easy_days_before_race:
            book.add(NAME, where, v.is_hard(d) == 0)


def describe(scenario: Scenario, where: str) -> str:
    r = scenario.rules.race_week
    return (f"race week: at most {r.max_hard_sessions} hard session(s), none in the last "
            f"{r.easy_days_before_race} days, no long run")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.race_week
    return [int_knob("rules.race_week.max_hard_sessions", r.max_hard_sessions, 7),
            int_knob("rules.race_week.easy_days_before_race", r.easy_days_before_race, 0), disable(NAME)]
