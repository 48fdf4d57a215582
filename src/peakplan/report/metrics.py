"""Comparison metrics of one plan file, and its weekly minutes split by intensity.

Low-intensity minutes of a session are (1 - quality_fraction) x minutes from the catalogue the plan
was solved with (embedded in the plan); the rest are quality minutes, grouped by the session
type's quality kind (or the session name when it has none, e.g. strides). The race itself is left
out of every volume figure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from peakplan.modelfiles import Catalogue
from peakplan.plan.file import PlanDay, PlanFile, PlanWeek
from peakplan.timefmt import clock

LOW = "low intensity"
KIND_ORDER = ("marathon_pace", "threshold", "intervals", "repetitions")
TAPER_PHASES = ("taper", "race_week")

# (key, row title, format) of the comparison table, in display order.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("status", "solve status", "{}"),
    ("readiness", "race-day readiness", "{:.2f}"),
    ("predicted_time", "predicted finish", "{}"),
    ("vdot_gain", "VDOT gain over training on", "{:+.2f}"),
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


def day_split(day: PlanDay, catalogue: Catalogue) -> dict[str, float]:
    """Minutes of one day by intensity: {LOW: ..., kind: ...}."""
    minutes = float(day.minutes)
    kind = catalogue.sessions.get(day.session)
    if kind is None or kind.quality_fraction == 0 or minutes == 0:
        return {LOW: minutes}
    quality = kind.quality_fraction * minutes
    label = kind.quality_kind if kind.quality_kind != "none" else day.session
    return {LOW: minutes - quality, label: quality}


def weekly_split(plan: PlanFile) -> list[WeekSplit]:
    catalogue = plan.scenario.catalogue
    parts: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for day in plan.training_days:
        for label, minutes in day_split(day, catalogue).items():
            parts[day.week][label] += minutes
    return [WeekSplit(w.week, w.phase, w.deload, w.minutes, dict(parts.get(w.week, {LOW: 0.0}))) for w in plan.weeks]


def intensity_labels(splits_per_plan: list[list[WeekSplit]]) -> list[str]:
    """Every intensity category used, low first, then the quality kinds in a fixed order."""
    used = {label for splits in splits_per_plan for w in splits for label, m in w.parts.items() if m > 0}
    extra = sorted(used - {LOW, *KIND_ORDER})
    return [LOW, *(k for k in KIND_ORDER if k in used), *extra]


def taper_depth(weeks: tuple[PlanWeek, ...]) -> float | None:
    """1 - race-week minutes / the largest pre-taper week's minutes."""
    race_week = next((w for w in reversed(weeks) if w.phase == "race_week"), weeks[-1])
    before = [w.minutes for w in weeks if w.phase not in TAPER_PHASES]
    return 1.0 - race_week.minutes / max(before) if before and max(before) > 0 else None


def tight_rule_counts(plan: PlanFile) -> dict[str, int]:
    return dict(Counter(t.rule for t in plan.tight_rules))


def metrics(plan: PlanFile) -> dict[str, Any]:
    """Every metric of METRICS plus ``readiness_model`` and ``tight_rules`` (rule -> instances)."""
    days, catalogue = plan.training_days, plan.scenario.catalogue
    minutes = sum(d.minutes for d in days)
    low = sum(day_split(d, catalogue).get(LOW, 0.0) for d in days)
    return {
        "status": plan.status,
        "readiness": plan.objective,
        "readiness_model": readiness_label(plan),
        "predicted_time": clock(plan.prediction.race_time_s) if plan.prediction and plan.prediction.race_time_s else None,
        "vdot_gain": plan.prediction.gain_over_keep_training if plan.prediction else None,
        "race_ctl": plan.readiness.ctl,
        "race_atl": plan.readiness.atl,
        "race_tsb": plan.readiness.tsb,
        "peak_week_minutes": max(w.minutes for w in plan.weeks),
        "peak_week_load": max(w.load for w in plan.weeks),
        "total_minutes": minutes,
        "total_km": round(sum(d.km for d in days), 1),
        "longest_run_minutes": max((d.minutes for d in days), default=0),
        "hard_sessions": sum(d.hard for d in days),
        "low_intensity_share": round(low / minutes, 4) if minutes else 1.0,
        "taper_depth": taper_depth(plan.weeks),
        "tight_rules": tight_rule_counts(plan),
    }


def readiness_label(plan: PlanFile) -> str:
    """'VDOT, runner': the readiness unit and the model file; plans compare only under equal labels."""
    model = plan.scenario.readiness
    unit = "VDOT" if getattr(model, "unit", "") == "vdot" else ("CTL" if plan.readiness.model == "pmc" else "units")
    return f"{unit}, {plan.scenario.model.readiness}"


def weekly_minutes(plan: PlanFile) -> list[int]:
    return [w.minutes for w in plan.weeks]


def fmt(key: str, value: Any) -> str:
    """A metric as the comparison table shows it ('—' when absent)."""
    if value is None:
        return "—"
    spec = next((f for k, _, f in METRICS if k == key), "{}")
    try:
        return spec.format(value)
    except (ValueError, TypeError):
        return str(value)
