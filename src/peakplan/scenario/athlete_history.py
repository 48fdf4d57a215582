"""``athlete.history``: a history file (``peakplan history``) as the athlete's state at block start.

The file's daily loads up to the day before ``start_date`` become ``athlete.loads_before`` (the
last ``LOADS_KEPT_DAYS``), so CTL, ATL and the readiness model's carried-over fitness come from
the real training (docs/science.md "History and fitting"). Fields the scenario leaves out are
filled in from the same days: ``current_weekly_minutes`` (mean of the last four weeks),
``longest_recent_run_minutes`` (longest run of the last 30 days) and ``recent_race`` (the best
race of the last 180 days, else the history's own VDOT). Anything the scenario states wins. Runs
on the raw scenario data, before the distance units and the schema.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from peakplan.errors import InputError, Lines, ScenarioError, at

LOADS_KEPT_DAYS = 400     # e^(-400/45) < 1e-3: older days change nothing the models can see
MAX_GAP_DAYS = 42         # a history ending six weeks before the block is stale, not a rest period


def _time(seconds: float) -> str:
    total = round(seconds)
    if total < 3600:
        return f"{total // 60}:{total % 60:02d}"
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def _start_date(data: dict[str, Any]) -> dt.date | None:
    value = data.get("start_date")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None  # the schema reports the malformed date


def from_history(data: dict[str, Any], source: str, base_dir: Path | None, lines: Lines) -> dict[str, Any]:
    """The raw scenario with ``athlete.history`` read into ``athlete.loads_before`` and the missing fields."""
    athlete = data.get("athlete")
    if not isinstance(athlete, dict) or athlete.get("history") is None:
        return data
    where = at(source, lines.line(("athlete", "history")))
    if "loads_before" in athlete:
        raise ScenarioError(f"{where}: give either athlete.history or athlete.loads_before, not both "
                            "(the history file's loads are the loads before the block).")
    name, start = athlete["history"], _start_date(data)
    if not isinstance(name, str) or start is None:
        return data  # the schema reports the wrong type or the date
    path = Path(name) if Path(name).is_absolute() or base_dir is None else base_dir / name
    from peakplan.history import HistoryFileError, read_history, start_state
    from peakplan.history.start import best_recent_test

    try:
        history = read_history(path)
        state = start_state(history, start)
    except (HistoryFileError, InputError) as exc:
        raise ScenarioError(f"{where}: athlete.history: {exc}") from None
    gap = (start - history.last_date).days - 1
    if gap > MAX_GAP_DAYS:
        raise ScenarioError(f"{where}: the history ends on {history.last_date}, {gap} days before the block starts "
                            f"on {start}; those days would count as rest. Import your recent runs "
                            "(peakplan history), or leave athlete.history out and state the athlete's volume.")
    athlete = dict(athlete)
    athlete["loads_before"] = [round(float(x), 3) for x in state.loads_before[-LOADS_KEPT_DAYS:]]
    if not any(k.startswith("current_weekly") for k in athlete):
        athlete["current_weekly_minutes"] = round(sum(state.weekly_minutes_last_4) / len(state.weekly_minutes_last_4))
    if not any(k.startswith("longest_recent_run") for k in athlete):
        athlete["longest_recent_run_minutes"] = round(state.longest_run_minutes_last_30_days)
    if athlete.get("vdot") is None and athlete.get("recent_race") is None:
        best = best_recent_test(history.tests, start)
        if best is not None:
            athlete["recent_race"] = {"distance": round(best.distance_m / 1000.0, 3), "time": _time(best.time_s)}
        elif history.vdot is not None:
            athlete["vdot"] = round(history.vdot, 2)
    return {**data, "athlete": athlete}
