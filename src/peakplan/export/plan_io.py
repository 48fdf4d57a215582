"""Read a plan file (docs/plan-format.md) and pair each day with its structured workout."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peakplan.paces import Paces
from peakplan.workouts import Workout, paces_for_plan, workouts_for_plan

DAY_FIELDS = {"date": str, "weekday": str, "week": int, "phase": str, "session": str, "minutes": int}
FIX = "re-create it with `peakplan solve --out plan.json` (format: docs/plan-format.md)"


class PlanError(ValueError):
    """A plan file that cannot be exported; the message names the file, the field and the fix."""


@dataclass(frozen=True)
class PlanDay:
    """One entry of ``plan['days']`` with its date parsed and its workout built."""

    date: dt.date
    fields: dict[str, Any]
    workout: Workout

    @property
    def km(self) -> float:
        """The plan's km when present, else the workout's estimate."""
        km = self.fields.get("km")
        return float(km) if isinstance(km, int | float) else round(self.workout.km, 2)


@dataclass(frozen=True)
class PlanView:
    plan: dict[str, Any]
    days: list[PlanDay]
    paces: Paces | None

    @property
    def title(self) -> str:
        name = (self.plan.get("scenario") or {}).get("name") or "Training plan"
        race = self.plan["race"]
        return f"{name}: {race['distance_km']:g} km race on {race['date']}"


def load_plan(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(f"{path}: plan file not found; check the path, or {FIX}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"{path}: cannot be read ({exc.__class__.__name__}); give a UTF-8 JSON plan file.") from None
    try:
        plan = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
                        f"fix it there or {FIX}.") from None
    check_plan(plan, str(path))
    return plan


def check_plan(plan: Any, source: str = "plan") -> None:
    """Raise PlanError naming the first missing or mistyped field an export needs."""
    if not isinstance(plan, dict):
        raise PlanError(f"{source}: a plan must be a JSON object with `race` and `days`; {FIX}.")
    race = plan.get("race")
    if not isinstance(race, dict) or not isinstance(race.get("distance_km"), int | float) or "date" not in race:
        raise PlanError(f"{source}: field `race` needs `date` and a numeric `distance_km`; {FIX}.")
    days = plan.get("days")
    if not isinstance(days, list) or not days:
        raise PlanError(f"{source}: field `days` must be a non-empty list; {FIX}.")
    for i, day in enumerate(days):
        _check_day(day, f"{source}: field `days[{i}]")


def _check_day(day: Any, where: str) -> None:
    if not isinstance(day, dict):
        raise PlanError(f"{where}` must be an object; {FIX}.")
    for name, kind in DAY_FIELDS.items():
        value = day.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise PlanError(f"{where}.{name}` is missing or not a {kind.__name__}; {FIX}.")
    try:
        dt.date.fromisoformat(day["date"])
    except ValueError:
        raise PlanError(f"{where}.date` = {day['date']!r} is not a YYYY-MM-DD date; {FIX}.") from None
    if day["minutes"] < 0 or (day["session"] == "rest") != (day["minutes"] == 0):
        raise PlanError(f"{where}.minutes` = {day['minutes']} does not fit session {day['session']!r} "
                        f"(rest has exactly 0 minutes, every other session more); {FIX}.")


def plan_view(plan: dict[str, Any]) -> PlanView:
    """Every day of ``plan`` with its workout, paces from the plan's scenario (or none)."""
    check_plan(plan)
    try:
        paces = paces_for_plan(plan)
    except ValueError as exc:
        raise PlanError(f"plan: the race result or goal time in `scenario` gives no paces ({exc}); "
                        "fix that field.") from None
    workouts = workouts_for_plan(plan, paces, use_plan_paces=False)
    days = [PlanDay(dt.date.fromisoformat(d["date"]), d, w) for d, w in zip(plan["days"], workouts, strict=True)]
    return PlanView(plan, days, paces)
