"""Re-planning after real life: the days run are fixed, the rest of the block is solved again with
the fewest changes to the plan being followed, and missed training is not made up (docs/replan.md).

``replan(plan, done, from_date=...)`` is the front door; ``peakplan replan`` its command.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from peakplan.calendar import Calendar
from peakplan.errors import InputError
from peakplan.explain import Explanation
from peakplan.plan.file import PlanChanges, PlanFile
from peakplan.replan.done import Done, Entry, from_done_file, from_history
from peakplan.replan.edits import edited_data, validated, with_fixed_days
from peakplan.replan.fixing import fixed_days
from peakplan.scenario.schema import FixedDay, Scenario

DEFAULT_TOLERANCE = 0.01   # 1 % of the best re-plan's gain over stopping now (docs/replan.md "Objective")

__all__ = ["DEFAULT_TOLERANCE", "Done", "ReplanResult", "from_done_file", "from_history", "replan"]


@dataclass
class ReplanResult:
    status: str                                   # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN
    scenario: Scenario
    plan: PlanFile | None = None                  # the fewest-changes re-plan
    best: PlanFile | None = None                  # the best re-plan (readiness only)
    explanation: Explanation | None = None
    notes: list[str] = field(default_factory=list)
    times_s: dict[str, float] = field(default_factory=dict)


def week_caps(scenario: Scenario, plan: PlanFile, fixed: list[FixedDay]) -> dict[int, int]:
    """No catch-up: each week with a day still to plan holds at most the original plan's minutes for
    the week as far from race day (or what was already run in it, if more)."""
    cal = Calendar(scenario)
    offset = cal.n_weeks - len(plan.weeks)
    fixed_dates = {f.date: f.minutes for f in fixed}
    caps = {}
    for w in cal.weeks:
        days = [cal.date(d) for d in cal.training_days_of_week(w)]
        original = w - offset
        if not 1 <= original <= len(plan.weeks) or all(d in fixed_dates for d in days):
            continue
        caps[w] = max(plan.weeks[original - 1].minutes, sum(fixed_dates.get(d, 0) for d in days))
    return caps


def _with_ill(done: Done, past_ill: set[dt.date]) -> Done:
    entries = {**done.entries, **{d: Entry(0, None) for d in past_ill if d not in done.entries or done.listed_only}}
    return Done(entries, done.listed_only, done.source, done.last_date, done.notes)


def default_from(done: Done, today: dt.date | None = None) -> dt.date:
    """The day after the history's last day; for a done file, today."""
    if not done.listed_only and done.last_date is not None:
        return done.last_date + dt.timedelta(days=1)
    return today or dt.date.today()


def replan(plan: PlanFile, done: Done, *, from_date: dt.date | None = None, settings: list[str] | None = None,
           blackouts: list[str] | None = None, ill: list[str] | None = None,
           tolerance: float = DEFAULT_TOLERANCE) -> ReplanResult:
    """Re-plan ``plan`` from ``from_date`` given what was ``done``; InputError on bad input."""
    from peakplan.replan.run import solve_replan

    start = plan.scenario.start_date
    from_date = from_date or default_from(done)
    if not 0 <= tolerance <= 0.5:
        raise InputError(f"--tolerance {tolerance:g}: give a share of the gain between 0 and 0.5 (e.g. 0.01).")
    data, past_ill = edited_data(plan.scenario, settings or [], blackouts or [], ill or [], from_date)
    race = dt.date.fromisoformat(str(data["race"]["date"]))
    if not start <= from_date < race:
        raise InputError(f"--from {from_date}: the re-plan must start inside the block ({start} to the day before the "
                         f"race on {race}); pass --from with a date in it.")
    notes: list[str] = []
    fixed = fixed_days(plan, _with_ill(done, past_ill), from_date, notes)
    data = with_fixed_days(data, fixed)
    plain = validated(data)
    data["replan"] = {"original_plan_id": plan.plan_id, "from_date": from_date.isoformat(),
                      "fixed_days": [f.model_dump(mode="json") for f in fixed],
                      "week_caps": week_caps(plain, plan, fixed)}
    scenario = validated(data)
    started = time.perf_counter()
    result = solve_replan(scenario, plan, tolerance)
    result.notes = notes + result.notes
    result.times_s["total"] = time.perf_counter() - started
    return result


def changes_of(plan: PlanFile, best: PlanFile, original: PlanFile, counts: tuple[int, int, int, int],
               tolerance: float) -> PlanChanges:
    replan_info = plan.scenario.replan
    assert replan_info is not None
    original_time = original.prediction.race_time_s if original.prediction else None
    offset = len(plan.weeks) - len(original.weeks)   # weeks counted back from race day
    weeks = tuple(original.weeks[w - offset].minutes if 0 <= w - offset < len(original.weeks) else 0
                  for w in range(len(plan.weeks)))
    return PlanChanges(original_plan_id=replan_info.original_plan_id, from_date=replan_info.from_date,
                       tolerance=tolerance, best_readiness=best.objective, changed_days=counts[0],
                       minutes_moved=counts[1], best_changed_days=counts[2], best_minutes_moved=counts[3],
                       original_race_time_s=original_time, original_week_minutes=weeks)
