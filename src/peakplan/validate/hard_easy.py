"""hard_easy: easy days between hard days, and a weekly cap on hard days.

Hard days are training days with a hard session, and the race day. Two hard days ``d < e`` with
``e − d ≤ min_easy_days_between`` break the rule, except an adjacent pair (``e = d+1``) counted
as a back-to-back pair: at most ``back_to_back_per_week`` pairs per week (a pair belongs to the
week of its first day), and never three hard days in a row (when ``min_easy_days_between ≥ 1``).
With ``long_run_counts_as_hard`` long-run days are hard days for the spacing rules (not for the
weekly count). Hard training days per week (race and long runs excluded, hard long types such as
``long_mp`` and the ``tune_up`` race included) ≤ ``max_hard_per_week`` (docs/rules.md).
Sources: no two hard days in a row, about 48 h (Bowerman; docs/science.md "Hard and easy days"); occasional
back-to-back quality days (seed article); two quality sessions a week (Daniels; practice).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from peakplan.validate.plan_context import PlanContext
from peakplan.validate.violation import Tally, week_where

NAME = "hard_easy"


def _check_gaps(ctx: PlanContext, hard_days: list[int], out: Tally) -> None:
    rule = ctx.scenario.rules.hard_easy
    gap_days, allowed_pairs = rule.min_easy_days_between, rule.back_to_back_per_week
    pairs: Counter[int] = Counter()
    hard = set(hard_days)
    for e in hard_days:
        date_e = ctx.cal.date(e).isoformat()
        for d in (d for d in range(e - gap_days, e) if d in hard):
            date_d = ctx.cal.date(d).isoformat()
            if e - d >= 2:
                out.expect(False, date_e, f"{e - d - 1} easy day(s) after the hard day on {date_d}, {gap_days} needed",
                           f"Hard days on {date_d} and {date_e} need at least {gap_days} easy day(s) between them.")
                continue
            week = int(ctx.cal.week_of_day[d])
            pairs[week] += 1
            out.expect(pairs[week] <= allowed_pairs, date_e,
                       f"back-to-back pair {pairs[week]} in week {week}, {allowed_pairs} allowed",
                       f"Hard days on {date_d} and {date_e} are back to back, more often than allowed that week.")
        three_in_a_row = gap_days >= 1 and e - 2 in hard and e - 1 in hard
        out.expect(not three_in_a_row, date_e, "third hard day in a row",
                   f"{date_e} is the third hard day in a row; the body needs an easy day in between.")


def check(ctx: PlanContext, out: Tally) -> None:
    spacing = ctx.days.hard | ctx.days.long if ctx.scenario.rules.hard_easy.long_run_counts_as_hard else ctx.days.hard
    hard_days = [int(d) for d in np.flatnonzero(spacing)]
    _check_gaps(ctx, hard_days, out)
    limit = ctx.scenario.rules.hard_easy.max_hard_per_week
    for w in range(1, ctx.cal.n_weeks + 1):
        count = int(ctx.weeks.hard_training_days[w - 1])
        out.cap(count, limit, week_where(w), f"{count} hard days, {count - limit} over the limit of {limit}",
                f"At most {limit} hard training days a week leave room to absorb them; this week has {count}.",
                tol_base=0)
