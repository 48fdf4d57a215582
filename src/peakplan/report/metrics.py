"""Comparison metrics of one plan (docs/plan-format.md), and its weekly minutes split by intensity.

Low-intensity minutes of a session are (1 - quality_fraction) x minutes from the catalogue the plan
was solved with; the rest are quality minutes, grouped by the session type's quality kind (or the
session name when it has none, e.g. strides). The race itself is left out of every volume figure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import peakplan.scenario  # noqa: F401  (import first: modelfiles and scenario.loader import each other)
from peakplan.modelfiles import Catalogue, load_catalogue

LOW = "low intensity"
KIND_ORDER = ("marathon_pace", "threshold", "intervals", "repetitions")
TAPER_PHASES = ("taper", "race_week")

# (key, row title, format) of the comparison table, in display order.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("status", "solve status", "{}"),
    ("readiness", "race-day readiness", "{:.1f}"),
    ("race_ctl", "race-day CTL", "{:.1f}"),
    ("race_atl", "race-day ATL", "{:.1f}"),
    ("race_tsb", "race-day TSB", "{:+.1f}"),
    ("peak_week_minutes", "peak week minutes", "{:d}"),
    ("peak_week_load", "peak week load", "{:.0f}"),
    ("total_minutes", "total volume (min)", "{:,d}"),
    ("total_km", "total volume (km)", "{:,.0f}"),
    ("longest_run_minutes", "longest run (min)", "{:d}"),
    ("hard_sessions", "hard sessions", "{:d}"),
    ("low_intensity_share", "low-intensity share", "{:.1%}"),
    ("taper_depth", "taper depth", "{:.0%}"),
)


@dataclass(frozen=True)
class WeekSplit:
    week: int
    phase: str
    deload: bool
    minutes: int
    parts: dict[str, float]            # LOW and quality kinds -> minutes (sums to ``minutes``)


@lru_cache(maxsize=8)
def _catalogue(name: str) -> Catalogue | None:
    try:
        return load_catalogue(name)
    except Exception:  # noqa: BLE001 - a custom catalogue that moved or broke: fall back below
        return None


def plan_catalogue(plan: dict[str, Any]) -> Catalogue | None:
    name = ((plan.get("scenario") or {}).get("model") or {}).get("catalogue") or "catalogue"
    return _catalogue(str(name)) or _catalogue("catalogue")


def training_days(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in plan["days"] if d.get("session") != "race"]


def day_split(day: dict[str, Any], catalogue: Catalogue | None) -> dict[str, float]:
    """Minutes of one day by intensity: {LOW: ..., kind: ...}."""
    minutes = float(day.get("minutes") or 0)
    kind = catalogue.sessions.get(day["session"]) if catalogue else None
    if kind is None or kind.quality_fraction == 0 or minutes == 0:
        return {LOW: minutes}
    quality = kind.quality_fraction * minutes
    label = kind.quality_kind if kind.quality_kind != "none" else day["session"]
    return {LOW: minutes - quality, label: quality}


def weekly_split(plan: dict[str, Any]) -> list[WeekSplit]:
    catalogue = plan_catalogue(plan)
    parts: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for day in training_days(plan):
        for label, minutes in day_split(day, catalogue).items():
            parts[int(day["week"])][label] += minutes
    return [WeekSplit(int(w["week"]), w["phase"], bool(w.get("deload")), int(w["minutes"]),
                      dict(parts.get(int(w["week"]), {LOW: 0.0}))) for w in plan["weeks"]]


def intensity_labels(splits_per_plan: list[list[WeekSplit]]) -> list[str]:
    """Every intensity category used, low first, then the quality kinds in a fixed order."""
    used = {label for splits in splits_per_plan for w in splits for label, m in w.parts.items() if m > 0}
    extra = sorted(used - {LOW, *KIND_ORDER})
    return [LOW, *(k for k in KIND_ORDER if k in used), *extra]


def taper_depth(weeks: list[dict[str, Any]]) -> float | None:
    """1 - race-week minutes / the largest pre-taper week's minutes."""
    race_week = next((w for w in reversed(weeks) if w["phase"] == "race_week"), weeks[-1])
    before = [w["minutes"] for w in weeks if w["phase"] not in TAPER_PHASES]
    return 1.0 - race_week["minutes"] / max(before) if before and max(before) > 0 else None


def tight_rule_counts(plan: dict[str, Any]) -> dict[str, int]:
    return dict(Counter(t["rule"] for t in plan.get("tight_rules") or []))


def metrics(plan: dict[str, Any]) -> dict[str, Any]:
    """Every metric of METRICS plus ``readiness_model`` and ``tight_rules`` (rule -> instances)."""
    weeks, days = plan["weeks"], training_days(plan)
    readiness = plan.get("readiness") or {}
    split = [day_split(d, plan_catalogue(plan)) for d in days]
    minutes = sum(d["minutes"] for d in days)
    low = sum(s.get(LOW, 0.0) for s in split)
    return {
        "status": plan.get("status", "?"),
        "readiness": plan.get("objective", readiness.get("race_day")),
        "readiness_model": readiness.get("model"),
        "race_ctl": readiness.get("ctl"),
        "race_atl": readiness.get("atl"),
        "race_tsb": readiness.get("tsb"),
        "peak_week_minutes": max(w["minutes"] for w in weeks),
        "peak_week_load": max(w["load"] for w in weeks),
        "total_minutes": minutes,
        "total_km": round(sum(d.get("km") or 0.0 for d in days), 1),
        "longest_run_minutes": max((d["minutes"] for d in days), default=0),
        "hard_sessions": sum(bool(d.get("hard")) for d in days),
        "low_intensity_share": round(low / minutes, 4) if minutes else 1.0,
        "taper_depth": taper_depth(weeks),
        "tight_rules": tight_rule_counts(plan),
    }


def weekly_minutes(plan: dict[str, Any]) -> list[int]:
    return [int(w["minutes"]) for w in plan["weeks"]]


def fmt(key: str, value: Any) -> str:
    """A metric as the comparison table shows it ('—' when absent)."""
    if value is None:
        return "—"
    spec = next((f for k, _, f in METRICS if k == key), "{}")
    try:
        return spec.format(value)
    except (ValueError, TypeError):
        return str(value)
