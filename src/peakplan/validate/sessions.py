"""sessions (always on): each training day holds one catalogue session type, or rest.

Minutes = 0 ⇔ rest (rest is always allowed, 0 min); otherwise minutes lie in
``[max(1, min_minutes), max_minutes]`` of the type (docs/rules.md, families table; duration
bounds are practice values from models/catalogue.yaml). The stated ``load`` and ``hard`` of a
day are compared by plan_consistency.
"""

from __future__ import annotations

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.plan_days import session_type
from peakplan.validate.violation import Tally

NAME = "sessions"


def _check_day(ctx: PlanContext, d: int, out: Tally) -> None:
    where = ctx.cal.date(d).isoformat()
    name, minutes = ctx.days.session[d], int(ctx.days.minutes[d])
    kind = session_type(ctx.catalogue, name)
    if not out.expect(kind is not None, where, f"unknown session {name!r}",
                      f"'{name}' is not in the session catalogue, so the day cannot be planned with it."):
        return
    assert kind is not None
    if name == "rest":
        out.expect(minutes == 0, where, f"{minutes} min on a rest day", "A rest day has no running minutes.")
        return
    low, high = max(1, kind.min_minutes), kind.max_minutes
    if minutes < low:
        out.expect(False, where, f"{low - minutes} min under the {name} minimum of {low} min",
                   f"A {name} session lasts at least {low} min; the plan has {minutes} min.")
    else:
        out.expect(minutes <= high, where, f"+{minutes - high} min over the {name} maximum of {high} min",
                   f"A {name} session lasts at most {high} min; the plan has {minutes} min.")


def check(ctx: PlanContext, out: Tally) -> None:
    for d in range(ctx.cal.race_day):
        _check_day(ctx, d, out)
