"""Over-constrained scenarios whose minimal conflict is known, worked out by hand.

All start from the tiny 4-week 10K of tests/conftest.py (Mon 2027-01-04 .. race Sun 2027-01-31;
the 10K defaults: taper 1 week, so R = 2: week 1 base, 2 race_specific, 3 taper, 4 race week;
availability mon 45, tue 60, wed 45, thu 60, fri 0, sat 60, sun 100 (370 a week, 6 running days);
current 200 min/week, peak 300, longest recent run 70 min; no paces: catalogue IF loads). What
bounds the weeks by default: V(1) <= 1.1 x 200 = 220 (weekly_ramp) and <= .80 x 300 = 240
(progression, base ceiling); week 2 is the first race_specific week, so V(2) <= 1.03 V(1)
(progression) and <= 1.1 V(1) (weekly_ramp).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "name": "tiny 10K",
    "start_date": "2027-01-04",
    "race": {"distance": "10k", "date": "2027-01-31"},
    "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
    "availability": {"max_minutes": {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60, "sun": 100},
                     "long_run_day": "sun"},
    "solver": {"time_limit_s": 10, "workers": 1, "seed": 0},
}
NO_RACE_PACE = {"race_week": {"race_pace": {"min": 0}}}


@dataclass(frozen=True)
class Case:
    name: str
    why: str                       # the conflict, worked out by hand
    changes: dict[str, Any]        # dotted path -> value, over BASE
    families: frozenset[str]       # the minimal conflict's rule families
    relaxable: frozenset[str]      # families for which a single change must be found
    exact: dict[str, Any] = field(default_factory=dict)  # relaxations whose value follows from the arithmetic
    readiness: dict[str, Any] | None = None              # a readiness model file written for the case

    def data(self, tmp: Path) -> dict[str, Any]:
        data = copy.deepcopy(BASE)
        data["name"] = self.name
        changes = dict(self.changes)
        if self.readiness is not None:
            path = tmp / f"{self.name}-readiness.yaml"
            path.write_text(yaml.safe_dump(self.readiness), encoding="utf-8")
            changes["model.readiness"] = str(path)
        for dotted, value in changes.items():
            node = data
            *parents, last = dotted.split(".")
            for key in parents:
                node = node.setdefault(key, {})
            node[last] = value
        return data


CASES = [
    Case("long-run-three-days",
         "week 1 has 3 running days (mon, wed, sat blacked out, fri off; interrupted_below .5 keeps it a normal "
         "week): the long run is the longest run, so it is >= 1/3 of the week, over a 30 % share on 3 days",
         {"availability.blackout_dates": ["2027-01-04", "2027-01-06", "2027-01-09"],
          "availability.interrupted_below": 0.5, "rules.long_run.max_share_by_days": {3: 0.30}},
         frozenset({"availability", "long_run"}), frozenset({"availability", "long_run"}),
         exact={"rules.long_run.max_share_by_days": {1: 1.0, 2: 0.64, 3: 0.34, 4: 0.46, 5: 0.42, 6: 0.40, 7: 0.36}}),
    Case("ramp-too-slow-for-intervals",
         "from 138 min a week at +10 %, week 1 <= 151 and week 2 (race specific) <= 166 min, but its intervals "
         "quota (45 min, main set 13.5) needs 13.5 <= 8 % of the week: 169 min (progression's one change a week "
         "and the taper's tempo quota, which would need E(3) >= 160 <= .9 V(2), are off to keep this the only "
         "conflict). The minimal set names the main-set caps of Tue 12 and Thu 14 only: the long runs on Sun 10 and "
         "Sun 17 are spaced like hard days and Fri 15 is off, so the two hard sessions can only be Tue and Thu",
         {"athlete.current_weekly_minutes": 138, "athlete.level": "intermediate",
          "rules.progression.one_change_per_week": False, "rules.quotas.per_phase": {"taper": {"tempo": {"min": 0}}}},
         # hard_easy: the long run is spaced like a hard day, which narrows where the quality runs fit
         frozenset({"availability", "weekly_ramp", "hard_easy", "long_run", "quality_caps", "quotas"}),
         frozenset({"weekly_ramp", "quality_caps", "quotas"}),
         exact={"rules.weekly_ramp.max_increase": 0.11, "rules.quotas.per_phase.race_specific.intervals.min": 0}),
    Case("no-hard-days-but-tempo-quota",
         "max_hard_per_week 0, but the race-specific week must hold a tempo run (a hard session)",
         {"rules.hard_easy.max_hard_per_week": 0,
          "rules.quotas.per_phase": {"race_specific": {"intervals": {"min": 0}}, "taper": {"tempo": {"min": 0}},
                                     **NO_RACE_PACE}},
         frozenset({"hard_easy", "quotas"}), frozenset({"hard_easy", "quotas"}),
         exact={"rules.hard_easy.max_hard_per_week": 1, "rules.quotas.per_phase.race_specific.tempo.min": 0}),
    Case("pmc-form-window-out-of-reach",
         "race-day TSB >= +60 while CTL(-1) = ATL(-1) = 23.3: TSB(T) = 23.3 (e^{-27/42} - e^{-27/7}) = 11.8 plus "
         "the loads' part, whose positive weights (days 15+ before the race) sum to 0.078; even 500 load a day "
         "there (300 min of the heaviest type, whatever any other rule says) reaches 11.8 + 38.8 = 50.6",
         {}, frozenset({"form_window"}), frozenset({"form_window"}),
         readiness={"kind": "pmc", "tau_ctl_days": 42.0, "tau_atl_days": 7.0, "tsb_min": 60.0, "tsb_max": 70.0}),
    Case("taper-too-deep-for-long-run",
         "the taper week at most 50 % of the peak week 2 (<= 1.1 x 220 = 242 by the ramp): 121 min; its required "
         "long run (>= 45 min, <= 36 % of a 6-day week) needs 125 min. Without the ramp week 2 could reach the "
         "race-specific ceiling .95 x 300 = 285 (progression), and 0.5 x 285 = 142 (progression's one change a "
         "week and the taper's tempo quota are off to keep this the only conflict)",
         {"rules.taper.volume_bands": [[0.45, 0.50], [0.45, 0.70]], "rules.progression.one_change_per_week": False,
          "rules.quotas.per_phase": {"taper": {"tempo": {"min": 0}}, **NO_RACE_PACE}},
         frozenset({"weekly_ramp", "long_run", "taper"}), frozenset({"weekly_ramp", "long_run", "taper"})),
]
