"""Explain an infeasible scenario in a coach's words: which rules conflict, with their values."""

from __future__ import annotations

from dataclasses import dataclass

from peakplan.model.explain import conflicting_rules
from peakplan.modelfiles import Catalogue, ReadinessModel
from peakplan.scenario.schema import Scenario


@dataclass(frozen=True)
class Conflict:
    rule: str
    where: str
    text: str


@dataclass(frozen=True)
class Explanation:
    conflicts: list[Conflict]
    complete: bool  # False when the search for a minimal conflict ran out of time

    def lines(self) -> list[str]:
        if not self.conflicts:
            return ["no conflicting rule set was found within the time limit; try a longer --time-limit"
                    if not self.complete else "the session catalogue and availability alone leave no plan"]
        return [f"{c.rule} ({c.where}): {c.text}" for c in self.conflicts]


def describe(scenario: Scenario, rule: str, where: str) -> str:
    """The rule instance in plain words, with the scenario's values."""
    r, a, av = scenario.rules, scenario.athlete, scenario.availability
    texts = {
        "availability": f"running time available on {where} (max minutes per weekday "
                        f"{dict(av.max_minutes)}, blackout dates, at most "
                        f"{av.max_running_days_per_week or 7} running days a week)",
        "phases": "session types allowed in this phase (catalogue `phases`)",
        "weekly_ramp": f"weekly volume may grow at most {r.weekly_ramp.max_increase:.0%} a week from "
                       f"{a.current_weekly_minutes} min and stay under {a.peak_weekly_minutes} min",
        "deload": f"recovery week at most {r.deload.volume_factor:.0%} of the week before, every "
                  f"{r.deload.every_weeks} weeks",
        "hard_easy": f"at least {r.hard_easy.min_easy_days_between} easy day(s) between hard days, at most "
                     f"{r.hard_easy.max_hard_per_week} hard sessions a week",
        "long_run": f"one long run a week on {av.long_run_day} (or another day if unavailable), the week's "
                    f"longest run, at most {r.long_run.max_share_of_week:.0%} of the week and "
                    f"{r.long_run.max_minutes} min, growing at most {r.long_run.max_growth:.0%} over the longest "
                    f"run so far ({a.longest_recent_run_minutes} min before the block)",
        "intensity_mix": f"at least {r.intensity_mix.min_low_intensity_share:.0%} of minutes at low intensity",
        "quality_caps": f"main sets capped: threshold {r.quality_caps.threshold_share:.0%}, intervals "
                        f"{r.quality_caps.intervals_share:.0%}, repetitions {r.quality_caps.repetitions_share:.0%} "
                        f"of the week, marathon pace {r.quality_caps.marathon_pace_max_minutes} min",
        "taper": f"taper of {r.taper.weeks} week(s) + race week, volume down {r.taper.volume_reduction:.0%} "
                 f"(floor band {r.taper.floor_band:.0%}), running days kept" if r.taper.keep_frequency else
                 f"taper of {r.taper.weeks} week(s), volume down {r.taper.volume_reduction:.0%}",
        "race_week": f"race week: at most {r.race_week.max_hard_sessions} hard session(s), none in the last "
                     f"{r.race_week.easy_days_before_race} days, no long run",
        "quotas": "per-phase session quotas: " + "; ".join(
            f"{p}: " + ", ".join(f"{k} {b.min}..{b.max if b.max is not None else '∞'}" for k, b in q.items())
            for p, q in r.quotas.per_phase.items()),
        "form_window": "race-day TSB inside the form window of the readiness model",
    }
    return texts.get(rule, rule)


def explain(scenario: Scenario, catalogue: Catalogue, readiness: ReadinessModel,
            time_limit_s: float = 10.0) -> Explanation:
    found = conflicting_rules(scenario, catalogue, readiness, time_limit_s)
    if found is None:
        return Explanation([], complete=False)
    return Explanation([Conflict(rule, where, describe(scenario, rule, where)) for rule, where in found], True)
