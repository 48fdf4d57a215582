"""Over-constrained scenarios whose minimal conflict is known, worked out by hand.

All start from the tiny 4-week 10K of tests/conftest.py (Mon 2027-01-04 .. race Sun 2027-01-31;
week 1 base, 2 build, 3 race_specific, 4 race week; availability mon 45, tue 60, wed 45, thu 60,
fri 0, sat 60, sun 100; current 200 min/week, peak 300, longest recent run 70 min).
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
         "week 1 has 3 running days (mon, wed, sat blacked out, fri off): the long run is the longest run, "
         "so it is >= 1/3 of the week, over the 30 % cap",
         {"availability.blackout_dates": ["2027-01-04", "2027-01-06", "2027-01-09"]},
         frozenset({"availability", "long_run"}), frozenset({"availability", "long_run"}),
         exact={"rules.long_run.max_share_of_week": 0.34}),
    Case("ramp-too-slow-for-tempo",
         "from 130 min a week at +10 %, week 2 (build) reaches 159 min, but its tempo quota needs a 16-min "
         "threshold main set, at most 10 % of the week: 160 min",
         {"athlete.current_weekly_minutes": 130, "rules.long_run.max_share_of_week": 0.35,
          "rules.quotas.per_phase": NO_RACE_PACE},
         # hard_easy: the long run is spaced like a hard day, which narrows where the tempo run fits
         frozenset({"availability", "weekly_ramp", "hard_easy", "long_run", "quality_caps", "quotas"}),
         frozenset({"weekly_ramp", "quality_caps", "quotas"}),
         exact={"rules.weekly_ramp.max_increase": 0.12, "rules.quotas.per_phase.build.tempo.min": 0}),
    Case("no-hard-days-but-tempo-quota",
         "max_hard_per_week 0, but the build week must hold a tempo run (a hard session)",
         {"rules.hard_easy.max_hard_per_week": 0,
          "rules.quotas.per_phase": {"race_specific": {"tempo": {"min": 0}, "intervals": {"min": 0}},
                                     **NO_RACE_PACE}},
         frozenset({"hard_easy", "quotas"}), frozenset({"hard_easy", "quotas"}),
         exact={"rules.hard_easy.max_hard_per_week": 1, "rules.quotas.per_phase.build.tempo.min": 0}),
    Case("pmc-form-window-out-of-reach",
         "race-day TSB >= +40 while CTL starts near 23: even resting, CTL - ATL stays far below",
         {}, frozenset({"form_window"}), frozenset({"form_window"}),
         readiness={"kind": "pmc", "tau_ctl_days": 42.0, "tau_atl_days": 7.0, "tsb_min": 40.0, "tsb_max": 50.0}),
    Case("taper-too-deep-for-long-run",
         "a 1-week taper at -70 % caps week 3 at 0.3^(1/2) = 55 % of week 2 (<= 242 min by the ramp): 132 min; "
         "the required long run (>= 45 min, <= 30 % of the week) needs 150 min",
         {"rules.taper.weeks": 1, "rules.taper.volume_reduction": 0.7, "rules.quotas.per_phase": NO_RACE_PACE},
         frozenset({"weekly_ramp", "long_run", "taper"}), frozenset({"weekly_ramp", "long_run", "taper"})),
]
