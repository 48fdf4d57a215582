"""weekly_ramp: weekly volume grows by at most ``max_increase`` over the last normal loading week
(not a recovery week, not interrupted); after an interrupted week (a holiday) it restarts at
``after_break_factor`` of that week, or ``max_increase`` above what the interrupted week held,
whichever is more; and it never exceeds the athlete's peak weekly volume (docs/rules.md, REF).

Sources: the 10 % rule is folklore (no better than a faster ramp in a randomised trial of
novices, Buist et al. 2008); > 30 % over two weeks was associated with injury in novices (Nielsen
et al. 2014); after a break a coach restarts below the old level (docs/science.md "Weekly ramp",
"Interrupted weeks"). Weeks are compared as full-week equivalents E = V * 7 / days.
"""

from __future__ import annotations

from peakplan.calendar import Calendar
from peakplan.explain.knobs import Knob, disable, int_knob, share_knob
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import MAX_DAY_MINUTES

NAME = "weekly_ramp"


def after_break(cal: Calendar, week: int, ref: int | None) -> bool:
    """Whether an interrupted week lies between the reference week and ``week``."""
    return any(w in cal.interrupted_weeks for w in range((ref or 0) + 1, week))


def add(ctx: BuildContext) -> None:
    rule, athlete = ctx.scenario.rules.weekly_ramp, ctx.scenario.athlete
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    up = cap_ratio(1 + rule.max_increase)
    for w in range(1, cal.loading_weeks + 1):
        if w in cal.deload_weeks:
            continue
        ref = cal.reference_week(w)
        source = f"week {ref}" if ref is not None else "current weekly volume"
        scaled = v.week_minutes(w) * 7 * RATIO_SCALE
        if not after_break(cal, w, ref):
            book.add_le(NAME, f"week {w}", scaled, up * cal.week_length(w) * v.reference(ref),
                        f"volume <= {1 + rule.max_increase:.2f} x {source}")
            continue
        # After a break: back to after_break_factor x the last normal week, or up from what the athlete
        # managed in the interrupted week before, whichever is more.
        back, managed = ctx.model.new_bool_var(f"{NAME}_restart_w{w}"), w - 1
        big = 7 * 7 * MAX_DAY_MINUTES * RATIO_SCALE
        book.add(NAME, f"week {w}", scaled <= cap_ratio(rule.after_break_factor) * cal.week_length(w)
                 * v.reference(ref) + big * (1 - back))
        book.add(NAME, f"week {w}", scaled * cal.week_length(managed) <= up * cal.week_length(w) * 7
                 * v.week_minutes(managed) + big * 7 * back)
    for w in cal.weeks:
        book.add_le(NAME, f"week {w} ceiling", v.week_minutes(w) * 7,
                    athlete.peak_weekly_minutes * cal.week_length(w), "athlete's peak weekly volume")


def describe(scenario: Scenario, where: str) -> str:
    a, r = scenario.athlete, scenario.rules.weekly_ramp
    if where.endswith("ceiling"):
        return f"weekly volume at most {a.peak_weekly_minutes} min (athlete.peak_weekly_minutes)"
    return (f"weekly volume grows at most {r.max_increase:.0%} over the last normal loading week (from "
            f"{a.current_weekly_minutes} min a week before the block), {r.after_break_factor:.0%} of it after a break")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r, out = scenario.rules.weekly_ramp, []
    if any(w.endswith("ceiling") for w in wheres):
        out.append(int_knob("athlete.peak_weekly_minutes", scenario.athlete.peak_weekly_minutes, 2000, 10))
    if any(not w.endswith("ceiling") for w in wheres):
        out.append(share_knob("rules.weekly_ramp.max_increase", r.max_increase, 1.0))
        out.append(share_knob("rules.weekly_ramp.after_break_factor", r.after_break_factor, 1.5))
        out.append(int_knob("athlete.current_weekly_minutes", scenario.athlete.current_weekly_minutes, 2000, 10))
    return [*out, disable(NAME)]
