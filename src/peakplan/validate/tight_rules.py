"""plan_consistency for ``tight_rules``: every rule the plan says holds with equality really does.

Each stated entry ``{rule, where}`` names a family and a place (a date, ``week N``, ``week N
ceiling`` or ``race day``). The bounds that family puts on that place are rebuilt here from
docs/rules.md, and at least one must hold with equality in the plan; a family that is switched
off, or a place it puts no bound on, is a fabricated claim. Bounds and places, by family:

- availability: date → minutes = ``max_minutes[weekday]``; ``week N`` → running days = the limit.
- weekly_ramp: ``week N`` → ``E(N) = (1+max_increase)·REF(p)`` (p as in the rule, the current volume
  for the first); ``week N ceiling`` → ``E(N) = peak_weekly_minutes``.
- deload: ``week N`` → ``E(N) = volume_factor·REF(N−1)``.
- hard_easy, race_week: ``week N`` → hard training days = ``max_hard_per_week`` / ``max_hard_sessions``.
- long_run: ``week N`` → ``L = max_share_of_week·E``, ``L = max_minutes``, or a day's minutes
  ``= (1+max_growth)·M(N−1)``.
- intensity_mix: ``week N`` → low-intensity minutes = ``min_low_intensity_share·V``.
- quality_caps: date → a type's main set (``quality_fraction·minutes``, 0 for a type not run) =
  its cap (``share·E(w)``, or ``marathon_pace_max_minutes``).
- taper: ``week N`` → ``E = cap_j·ref``, ``E = floor_j·ref``, or running days = those of week R − 1.
- form_window: ``race day`` → race-day TSB = ``tsb_min`` or ``tsb_max``.

Equality is exact for counts and minutes. A ratio is held by the model in basis points (docs/rules.md:
caps rounded down, floors up), so a ratio bound counts as tight within ``RATIO_RESOLUTION`` times
what the ratio multiplies; the form window within the objective's coefficient rounding,
``FORM_TOL_PER_DAY`` TSB per day of the block.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from peakplan.modelfiles import PmcModel
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import effective_loads, pmc_trajectory
from peakplan.validate.stated import PER_FIELD_LIMIT, capped, shown
from peakplan.validate.violation import Tally, Violation

NAME = "plan_consistency"
RATIO_RESOLUTION = 1e-4
FORM_TOL_PER_DAY = 3e-4
EXACT = 1e-9
_WEEK = re.compile(r"^week (\d+)( ceiling)?$")


@dataclass(frozen=True)
class Bound:
    lhs: float
    rhs: float
    tol: float

    @property
    def slack(self) -> float:
        return abs(self.rhs - self.lhs)


Place = tuple[str, int]  # ("day", d), ("week", w), ("ceiling", w) or ("race", T)


def parse_place(ctx: PlanContext, where: object) -> Place | None:
    if not isinstance(where, str):
        return None
    if where == "race day":
        return "race", ctx.cal.race_day
    match = _WEEK.match(where)
    if match:
        w = int(match.group(1)[:4])
        return ("ceiling" if match.group(2) else "week", w) if 1 <= w <= ctx.cal.n_weeks else None
    try:
        d = (dt.date.fromisoformat(where) - ctx.cal.start_date).days
    except ValueError:
        return None
    return ("day", d) if 0 <= d < ctx.cal.race_day else None


def _ratio(lhs: float, ratio: float, base: float) -> Bound:
    return Bound(lhs, ratio * base, RATIO_RESOLUTION * abs(base) + EXACT)


def _availability(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    av = ctx.scenario.availability
    if kind == "day" and ctx.cal.date(i) not in av.blackout_dates and av.max_minutes[ctx.cal.weekday(i)] > 0:
        return [Bound(float(ctx.days.minutes[i]), float(av.max_minutes[ctx.cal.weekday(i)]), EXACT)]
    if kind == "week" and av.max_running_days_per_week is not None:
        return [Bound(float(ctx.weeks.running_days[i - 1]), float(av.max_running_days_per_week), EXACT)]
    return []


def _weekly_ramp(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    athlete, rise = ctx.scenario.athlete, ctx.scenario.rules.weekly_ramp.max_increase
    if kind == "ceiling":
        return [Bound(ctx.E(i), float(athlete.peak_weekly_minutes), EXACT)]
    if kind != "week" or i > ctx.cal.loading_weeks or ctx.cal.week_deload[i - 1]:
        return []
    earlier = [w for w in range(1, i) if not ctx.cal.week_deload[w - 1]]
    reference = ctx.REF(earlier[-1]) if earlier else float(athlete.current_weekly_minutes)
    return [_ratio(ctx.E(i), 1 + rise, reference)]


def _deload(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    if kind != "week" or i < 2 or not ctx.cal.week_deload[i - 1]:
        return []
    return [_ratio(ctx.E(i), ctx.scenario.rules.deload.volume_factor, ctx.REF(i - 1))]


def _hard_count(limit: int) -> Callable[[PlanContext, str, int], list[Bound]]:
    def bounds(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
        return [Bound(float(ctx.weeks.hard_training_days[i - 1]), float(limit), EXACT)] if kind == "week" else []
    return bounds


def _longest_before(ctx: PlanContext, week: int) -> float:
    longest = float(ctx.scenario.athlete.longest_recent_run_minutes)
    for w in range(1, week):
        longest = max([longest, *(float(ctx.days.minutes[d]) for d in ctx.cal.training_days_of_week(w))])
    return longest


def _long_run(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    if kind != "week":
        return []
    rule, long_minutes = ctx.scenario.rules.long_run, float(ctx.weeks.long_minutes[i - 1])
    out = [_ratio(long_minutes, rule.max_share_of_week, ctx.E(i)), Bound(long_minutes, float(rule.max_minutes), EXACT)]
    longest = _longest_before(ctx, i)
    out += [_ratio(float(ctx.days.minutes[d]), 1 + rule.max_growth, longest) for d in ctx.cal.training_days_of_week(i)]
    return out


def _intensity_mix(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    if kind != "week":
        return []
    share, volume = ctx.scenario.rules.intensity_mix.min_low_intensity_share, float(ctx.weeks.volume_minutes[i - 1])
    low = float(ctx.weeks.low_intensity_minutes[i - 1])
    return [Bound(low, share * volume, 2 * RATIO_RESOLUTION * volume + EXACT)]


def _quality_caps(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    if kind != "day":
        return []
    rule, week = ctx.scenario.rules.quality_caps, int(ctx.cal.week_of_day[i])
    shares = {"threshold": rule.threshold_share, "intervals": rule.intervals_share,
              "repetitions": rule.repetitions_share}
    minutes, out = float(ctx.days.minutes[i]), []
    for name, session in ctx.catalogue.sessions.items():
        if session.quality_kind == "none" or session.quality_fraction == 0:
            continue
        main = session.quality_fraction * minutes if ctx.days.session[i] == name else 0.0
        if session.quality_kind == "marathon_pace":
            out.append(Bound(main, float(rule.marathon_pace_max_minutes), RATIO_RESOLUTION * minutes + EXACT))
        else:
            cap = shares[session.quality_kind] * ctx.E(week)
            out.append(Bound(main, cap, RATIO_RESOLUTION * (minutes + ctx.E(week)) + EXACT))
    return out


def _taper(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    rule, last_loading = ctx.scenario.rules.taper, ctx.cal.loading_weeks
    if kind != "week" or not last_loading < i <= ctx.cal.n_weeks:
        return []
    n, j, ref = rule.weeks + 1, i - last_loading, ctx.REF(last_loading)
    cap = (1 - rule.volume_reduction) ** (j / n)
    floor = max(0.0, cap - rule.floor_band)
    out = [_ratio(ctx.E(i), cap, ref)] + ([_ratio(ctx.E(i), floor, ref)] if floor > 0 else [])
    if rule.keep_frequency and ctx.cal.week_length(last_loading) == 7:
        running = ctx.weeks.running_days
        out.append(Bound(float(running[i - 1]), float(running[last_loading - 1]) - 1, EXACT))
    return out


def _form_window(ctx: PlanContext, kind: str, i: int) -> list[Bound]:
    model = ctx.readiness_model
    if kind != "race" or not isinstance(model, PmcModel):
        return []
    tsb = pmc_trajectory(ctx, effective_loads(ctx)).race_tsb
    tol = FORM_TOL_PER_DAY * ctx.cal.n_days + 1e-3
    return [Bound(tsb, model.tsb_min, tol), Bound(tsb, model.tsb_max, tol)]


def _families(ctx: PlanContext) -> dict[str, Callable[[PlanContext, str, int], list[Bound]]]:
    rules = ctx.scenario.rules
    return {"availability": _availability, "weekly_ramp": _weekly_ramp, "deload": _deload,
            "hard_easy": _hard_count(rules.hard_easy.max_hard_per_week), "long_run": _long_run,
            "intensity_mix": _intensity_mix, "quality_caps": _quality_caps, "taper": _taper,
            "race_week": _hard_count(rules.race_week.max_hard_sessions), "form_window": _form_window}


def _enabled(ctx: PlanContext, rule: str) -> bool:
    if rule in ("availability", "form_window"):
        return True
    return bool(getattr(ctx.scenario.rules, rule).enabled)


def _problem(ctx: PlanContext, entry: object) -> str | None:
    """Why a stated tight rule is not one (None: it is)."""
    if not isinstance(entry, dict):
        return "a tight rule must be an object with `rule`, `where` and `detail`"
    rule, where = entry.get("rule"), entry.get("where")
    families = _families(ctx)
    if rule not in families:
        return f"{shown(rule)} is no rule family that can be tight ({', '.join(families)})"
    if not _enabled(ctx, str(rule)):
        return f"rule {rule} is switched off in the scenario, so it cannot be tight"
    place = parse_place(ctx, where)
    bounds = families[str(rule)](ctx, *place) if place is not None else []
    if not bounds:
        return f"{rule} puts no bound on {shown(where)}"
    if any(b.slack <= b.tol for b in bounds):
        return None
    closest = min(bounds, key=lambda b: b.slack)
    return f"no bound of {rule} holds with equality there (closest: {closest.lhs:.4g} against {closest.rhs:.4g})"


def check(ctx: PlanContext, out: Tally) -> None:
    stated = ctx.plan.get("tight_rules", [])
    if not out.expect(isinstance(stated, list), "tight_rules", "not a list", "tight_rules must be a list."):
        return
    assert isinstance(stated, list)
    found: list[Violation] = []
    for entry in stated:
        out.checks += 1
        why = _problem(ctx, entry)
        if why is not None:
            where = str(entry.get("where", "?"))[:60] if isinstance(entry, dict) else "tight_rules"
            rule = str(entry.get("rule", "?"))[:40] if isinstance(entry, dict) else "?"
            found.append(Violation(NAME, where, f"stated tight: {rule}",
                                   f"The plan claims this rule is tight, but {why}."))
    out.found += capped(found, PER_FIELD_LIMIT)
