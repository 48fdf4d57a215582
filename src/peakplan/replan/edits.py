"""The re-planned scenario: the plan's own scenario with the user's edits (``--set``, ``--blackout``,
``--ill``) and the days already run made possible (docs/replan.md "Changed life", "Illness").

- ``--set PATH=VALUE``: any scenario field, as `compare --set` takes it (one value). A new
  ``race.goal_time`` also sets the race's duration. The race distance cannot change (a new plan).
- ``--blackout DATE[..DATE]``: days without running.
- ``--ill START..END[:mild|moderate|severe]``: no running on those days, then easy running only
  for 1, 2 or 3 times as many days as the illness lasted (practice, docs/science.md "Re-planning").
- A fixed day run longer than its day's minutes raises that date's cap, a day run on a blackout
  date loses its blackout, and a missed session's day becomes a blackout (it was not available,
  so a week with missed days is interrupted by the calendar's own rule).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
from typing import Any

import yaml
from pydantic import ValidationError

from peakplan.errors import InputError, NoLines, ScenarioError, format_validation_error
from peakplan.scenario.schema import FixedDay, Scenario
from peakplan.timefmt import parse_duration_s

ILLNESS_FACTORS = {"mild": 1, "moderate": 2, "severe": 3}   # easy days after, per day ill (practice)
CLOCK = re.compile(r"^\d+:\d{2}(:\d{2})?$")


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option} {text!r}: dates are YYYY-MM-DD, e.g. 2027-03-01.") from None


def date_range(text: str, option: str) -> list[dt.date]:
    first, _, last = text.partition("..")
    start = parse_date(first, option)
    end = parse_date(last, option) if last else start
    if end < start:
        raise InputError(f"{option} {text!r}: the range ends before it starts; write START..END.")
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def illness(text: str) -> tuple[list[dt.date], int]:
    """``START..END[:severity]`` -> the days ill and the number of easy days after."""
    span, _, severity = text.partition(":")
    severity = severity.strip() or "moderate"
    if severity not in ILLNESS_FACTORS:
        raise InputError(f"--ill {text!r}: severity {severity!r}: use mild, moderate or severe.")
    days = date_range(span, "--ill")
    return days, ILLNESS_FACTORS[severity] * len(days)


def _setting(text: str) -> tuple[str, Any]:
    from peakplan.report.variants import check_path

    path, sep, raw = text.partition("=")
    path, raw = path.strip(), raw.strip()
    if not sep or not path or not raw:
        raise ScenarioError(f"--set {text!r}: write it as PATH=VALUE, e.g. --set race.date=2027-05-02")
    check_path(path)
    if path == "race.distance":
        raise ScenarioError("--set race.distance: a new race distance is a new plan; run `peakplan solve`.")
    try:
        value = raw if CLOCK.match(raw) else yaml.safe_load(raw)
    except yaml.YAMLError:
        raise ScenarioError(f"--set {path}: value {raw!r} cannot be read; quote it or simplify it.") from None
    return path, value


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    node = data
    *parents, last = path.split(".")
    for key in parents:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[last] = value


def edited_data(base: Scenario, settings: list[str], blackouts: list[str], ill: list[str],
                from_date: dt.date) -> tuple[dict[str, Any], set[dt.date]]:
    """The scenario data with the edits; also the illness days before ``from_date`` (missed)."""
    data = copy.deepcopy(base.model_dump(mode="json"))
    data.pop("replan", None)
    for text in settings:
        path, value = _setting(text)
        _put(data, path, value)
        if path == "race.goal_time" and not any(s.startswith("race_session.minutes") for s in settings):
            with contextlib.suppress(ValueError, OverflowError):   # the schema check names a malformed time
                data["race_session"]["minutes"] = max(1, round(parse_duration_s(str(value)) / 60))
    av = data["availability"]
    dark = {dt.date.fromisoformat(d) for d in av.get("blackout_dates", [])}
    easy = {dt.date.fromisoformat(d) for d in av.get("easy_only_dates", [])}
    for text in blackouts:
        dark |= set(date_range(text, "--blackout"))
    past_ill: set[dt.date] = set()
    for text in ill:
        days, easy_after = illness(text)
        dark |= {d for d in days if d >= from_date}
        past_ill |= {d for d in days if d < from_date}
        easy |= {days[-1] + dt.timedelta(days=i) for i in range(1, easy_after + 1)
                 if days[-1] + dt.timedelta(days=i) >= from_date}
    av["blackout_dates"], av["easy_only_dates"] = sorted(d.isoformat() for d in dark), sorted(d.isoformat() for d in easy)
    return data, past_ill


def with_fixed_days(data: dict[str, Any], fixed: list[FixedDay]) -> dict[str, Any]:
    """Caps and blackouts that let each fixed day be what it was (see the module docstring)."""
    data = copy.deepcopy(data)
    av = data["availability"]
    dark = set(av["blackout_dates"])
    caps = dict(av.get("date_caps") or {})
    for f in fixed:
        key = f.date.isoformat()
        if f.minutes > 0:
            dark.discard(key)
            weekday_cap = av["max_minutes"][f.date.strftime("%a").lower()]
            if f.minutes > caps.get(key, weekday_cap):
                caps[key] = f.minutes
        elif f.note == "missed":
            dark.add(key)
    race = dt.date.fromisoformat(str(data["race"]["date"]))
    av["blackout_dates"] = sorted(d for d in dark if d < race.isoformat())
    av["easy_only_dates"] = sorted(d for d in av["easy_only_dates"] if d < race.isoformat())
    av["date_caps"] = dict(sorted(caps.items()))
    return data


def validated(data: dict[str, Any]) -> Scenario:
    from peakplan.scenario import checks

    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, "the re-planned scenario (PLAN.json with the edits)",
                                                    None, Scenario)) from None
    checks.check_values(scenario, "the re-planned scenario", NoLines())
    checks.check_against_models(scenario, "the re-planned scenario", NoLines())
    return scenario
