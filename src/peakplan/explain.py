"""Explain an infeasible scenario in a coach's words: which rules conflict, with their values,
and for each conflicting rule a relaxation that restores a plan, verified by re-solving.

``explain(scenario, catalogue, readiness, relax=True)`` is the report ``peakplan solve`` prints.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from peakplan.model.explain import conflicting_rules
from peakplan.modelfiles import Catalogue, PmcModel, ReadinessModel
from peakplan.relax import Relaxation, relaxations
from peakplan.scenario.schema import WEEKDAYS, Scenario

EXPLAIN_BUDGET_S = 20.0   # the whole explanation (conflict + relaxations) for shipped-size scenarios
MIN_RELAX_BUDGET_S = 3.0  # relaxations get at least this much, even after a slow conflict search


@dataclass(frozen=True)
class Conflict:
    rule: str
    where: str
    text: str
    relaxations: tuple[Relaxation, ...] = ()  # verified changes that each restore a plan (same for the family)


@dataclass(frozen=True)
class Explanation:
    conflicts: list[Conflict]
    complete: bool  # False when the search for a minimal conflict ran out of time
    relaxed: bool = False  # whether relaxations were searched for
    out_of_time: bool = False  # the relaxation search hit its budget (a family may lack one)

    def families(self) -> list[str]:
        return list(dict.fromkeys(c.rule for c in self.conflicts))

    def lines(self) -> list[str]:
        if not self.conflicts:
            return ["no conflicting rule set was found within the time limit; try a longer --explain-limit"
                    if not self.complete else "the session catalogue and availability alone leave no plan"]
        return [_line(group, self.relaxed, self.out_of_time) for group in self._groups()]

    def _groups(self) -> list[list[Conflict]]:
        groups: dict[str, list[Conflict]] = {}
        for c in self.conflicts:
            groups.setdefault(c.rule, []).append(c)
        return list(groups.values())


def _line(group: list[Conflict], relaxed: bool, out_of_time: bool) -> str:
    first = group[0]
    wheres = ", ".join(c.where for c in group)
    texts = "; ".join(dict.fromkeys(c.text for c in group))
    line = f"{first.rule} ({wheres}): {texts}"
    if first.relaxations:
        line += " — relax: " + ", or ".join(r.text for r in first.relaxations)
    elif relaxed and out_of_time:
        line += " — no relaxation verified within the time limit (try a longer --explain-limit)"
    elif relaxed:
        line += " — no single change to this rule restores a plan (another conflict remains)"
    return line


# --- the rule instances in words -------------------------------------------------------------

def _weeknum(where: str) -> int | None:
    parts = where.split()
    return int(parts[1]) if len(parts) > 1 and parts[0] == "week" and parts[1].isdigit() else None


def _phase(scenario: Scenario, where: str) -> str | None:
    from peakplan.model.calendar import Calendar

    week = _weeknum(where)
    return Calendar(scenario).phase_by_week.get(week) if week is not None else None


def _availability(scenario: Scenario, where: str) -> str:
    av = scenario.availability
    if _weeknum(where) is not None:
        return f"at most {av.max_running_days_per_week} running days a week"
    try:
        date = dt.date.fromisoformat(where)
    except ValueError:
        return "the athlete's available days and minutes"
    day = WEEKDAYS[date.weekday()]
    if date in av.blackout_dates:
        return f"{day} {date} is a blackout date (no running)"
    cap = av.max_minutes[day]
    return f"no running on {day} (max_minutes.{day} = 0)" if cap == 0 else f"at most {cap} min on {day}"


def _quotas(scenario: Scenario, where: str) -> str:
    phase = _phase(scenario, where)
    quota = scenario.rules.quotas.per_phase.get(phase or "", {})
    entries = ", ".join(f"{k} {b.min}..{b.max if b.max is not None else '∞'} a week" for k, b in quota.items())
    return f"session quotas in {phase} weeks: {entries}" if phase else "per-phase session quotas"


def _taper(scenario: Scenario) -> str:
    t = scenario.rules.taper
    text = (f"taper of {t.weeks} week(s) + race week, volume down to {1 - t.volume_reduction:.0%} of the last "
            f"loading week (each week at most {t.floor_band:.0%} below its cap)")
    return text + (", running days kept (at most one fewer)" if t.keep_frequency else "")


def describe(scenario: Scenario, rule: str, where: str, readiness: ReadinessModel | None = None) -> str:
    """The rule instance in plain words, with the scenario's values."""
    r, a, av = scenario.rules, scenario.athlete, scenario.availability
    week = _weeknum(where)
    texts = {
        "phases": lambda: f"only the session types the catalogue allows in the {_phase(scenario, where)} phase",
        "weekly_ramp": lambda: (
            f"weekly volume at most {a.peak_weekly_minutes} min (athlete.peak_weekly_minutes)"
            if where.endswith("ceiling") else
            f"weekly volume grows at most {r.weekly_ramp.max_increase:.0%} over the last loading week "
            f"(from {a.current_weekly_minutes} min a week before the block)"),
        "deload": lambda: (f"recovery week: at most {r.deload.volume_factor:.0%} of week {(week or 1) - 1}, "
                           f"every {r.deload.every_weeks} weeks"),
        "hard_easy": lambda: (f"at least {r.hard_easy.min_easy_days_between} easy day(s) between hard days, at most "
                              f"{r.hard_easy.max_hard_per_week} hard sessions a week"),
        "long_run": lambda: (
            f"one long run a week on {av.long_run_day} (or another day if unavailable), the week's longest run, "
            f"at most {r.long_run.max_share_of_week:.0%} of the week and {r.long_run.max_minutes} min, growing at most "
            f"{r.long_run.max_growth:.0%} over the longest run so far ({a.longest_recent_run_minutes} min before "
            "the block)"),
        "intensity_mix": lambda: f"at least {r.intensity_mix.min_low_intensity_share:.0%} of minutes at low intensity",
        "quality_caps": lambda: (
            f"main sets capped: threshold {r.quality_caps.threshold_share:.0%}, intervals "
            f"{r.quality_caps.intervals_share:.0%}, repetitions {r.quality_caps.repetitions_share:.0%} of the week, "
            f"marathon pace {r.quality_caps.marathon_pace_max_minutes} min"),
        "taper": lambda: _taper(scenario),
        "race_week": lambda: (f"race week: at most {r.race_week.max_hard_sessions} hard session(s), none in the last "
                              f"{r.race_week.easy_days_before_race} days, no long run"),
        "quotas": lambda: _quotas(scenario, where),
        "availability": lambda: _availability(scenario, where),
        "form_window": lambda: (f"race-day TSB between {readiness.tsb_min:+g} and {readiness.tsb_max:+g} "
                                "(form window of the readiness model)" if isinstance(readiness, PmcModel)
                                else "race-day TSB inside the form window of the readiness model"),
    }
    text = texts.get(rule)
    return text() if text else rule


# --- the report ------------------------------------------------------------------------------

def explain(scenario: Scenario, catalogue: Catalogue, readiness: ReadinessModel, time_limit_s: float = 10.0,
            *, relax: bool = False, budget_s: float = EXPLAIN_BUDGET_S) -> Explanation:
    """A minimal set of conflicting rule instances in words; with ``relax``, for each conflicting
    family up to two verified relaxations, the whole search kept to about ``budget_s`` seconds."""
    start = time.monotonic()
    found = conflicting_rules(scenario, catalogue, readiness, min(time_limit_s, max(budget_s / 2, 0.5)))
    if found is None:
        return Explanation([], complete=False)
    by_family: dict[str, list[str]] = {}
    for rule, where in found:
        by_family.setdefault(rule, []).append(where)
    fixes: dict[str, list[Relaxation]] = {}
    out_of_time = False
    if relax and found:
        left = max(budget_s - (time.monotonic() - start), MIN_RELAX_BUDGET_S)
        search = relaxations(by_family, scenario, catalogue, readiness, budget_s=left)
        fixes, out_of_time = search.by_family, search.out_of_time
    conflicts = [Conflict(rule, where, describe(scenario, rule, where, readiness), tuple(fixes.get(rule, ())))
                 for rule, where in found]
    return Explanation(conflicts, complete=True, relaxed=relax and bool(found), out_of_time=out_of_time)
