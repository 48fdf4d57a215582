"""tune_up (always on): a B or C race inside the block, run as a race with a mini-taper around it.

On a tune-up day (a date of ``race.tune_ups``): the session is ``tune_up`` with minutes =
round(the Daniels & Gilbert time of its distance at the current VDOT, in minutes) + 25 (warm-up
and cool-down); no hard session and no long run on the 2 days before, no hard session on the day
after (training days only: the goal race is checked by hard_easy); the tune-up week keeps
``E(week) ≤ 0.90 · REF(ref(week))``. No ``tune_up`` session on any other day (docs/rules.md;
docs/science.md "Tune-up races"). The current VDOT is that of docs/rules.md "Readiness".
"""

from __future__ import annotations

import math

from peakplan.paces import race_time_s
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.plan_days import TUNE_UP
from peakplan.validate.session_load import athlete_vdot
from peakplan.validate.violation import Tally, fmt_minutes, week_where

NAME = "tune_up"
WARM_UP_COOL_DOWN_MINUTES = 25  # docs/science.md "Tune-up races"
WEEK_SHARE = 0.90  # the tune-up week at most 90 % of its reference week (docs/science.md "Tune-up races")
DAYS_EASY_BEFORE, DAYS_EASY_AFTER = 2, 1


def race_minutes(vdot: float, km: float) -> int:
    """The tune-up's planned minutes: its Daniels time rounded to the minute (halves up), plus 25."""
    return math.floor(race_time_s(vdot, km * 1000.0) / 60.0 + 0.5) + WARM_UP_COOL_DOWN_MINUTES


def _check_session(ctx: PlanContext, d: int, km: float, out: Tally) -> None:
    where, name, minutes = ctx.cal.where(d), ctx.days.session[d], int(ctx.days.minutes[d])
    expected = race_minutes(athlete_vdot(ctx.scenario), km)
    if out.expect(name == TUNE_UP, where, f"{name} on the {km:g} km tune-up day",
                  f"{where} is a {km:g} km tune-up race: the day's session is tune_up."):
        out.expect(minutes == expected, where, f"tune_up {minutes} min, {expected} min expected",
                   f"A {km:g} km tune-up lasts its predicted race time plus {WARM_UP_COOL_DOWN_MINUTES} min of "
                   f"warm-up and cool-down: {expected} min.")


def _check_around(ctx: PlanContext, d: int, out: Tally) -> None:
    race_date = ctx.cal.where(d)
    for e in range(max(0, d - DAYS_EASY_BEFORE), d):
        what = "long run" if ctx.days.long[e] else "hard session"
        out.expect(not (ctx.days.hard[e] or ctx.days.long[e]), ctx.cal.where(e),
                   f"{what} {d - e} day(s) before the tune-up on {race_date}",
                   f"The {DAYS_EASY_BEFORE} days before a tune-up race stay easy, without a hard session or long run.")
    for e in range(d + 1, min(d + 1 + DAYS_EASY_AFTER, ctx.cal.race_day)):
        out.expect(not ctx.days.hard[e], ctx.cal.where(e), f"hard session the day after the tune-up on {race_date}",
                   "The day after a tune-up race is easy: the race was the hard day.")


def _check_week(ctx: PlanContext, d: int, out: Tally) -> None:
    w = int(ctx.cal.week_of_day[d])
    u = ctx.cal.ref(w)
    cap_minutes, e_minutes = WEEK_SHARE * ctx.REF(u), ctx.E(w)
    out.cap(e_minutes, cap_minutes, week_where(w), f"+{fmt_minutes(e_minutes - cap_minutes)} over the tune-up week "
            f"cap", f"A tune-up week holds at most {WEEK_SHARE:.0%} of {ctx.ref_name(u)} ({fmt_minutes(cap_minutes)}); "
            f"this one has {fmt_minutes(e_minutes)}.", tol_base=ctx.REF(u), at=ctx.cal.where(d))


def check(ctx: PlanContext, out: Tally) -> None:
    tune_ups = ctx.cal.tune_up_km
    for d, km in sorted(tune_ups.items()):
        _check_session(ctx, d, km, out)
        _check_around(ctx, d, out)
        _check_week(ctx, d, out)
    for d in range(ctx.cal.race_day):
        if d not in tune_ups:
            name = ctx.days.session[d]
            out.expect(name != TUNE_UP, ctx.cal.where(d), "tune_up on a day without a tune-up race",
                       "A tune_up session is only planned on a date listed in race.tune_ups.")
