"""taper: volume comes down over the last ``weeks`` + race week inside per-week bands of the peak
week, the taper weeks' long runs inside bands of the block's longest run, and running frequency is
kept. The peak week is the last normal loading week that is not a recovery week; it is the block's
biggest loading week and holds its longest run (as in the published plans: the last 20-miler three
weeks out).

Sources: volume -41...-60 % over about two weeks, intensity and frequency kept (Bosquet et al.
2007 meta-analysis); longer strict tapers for the marathon (Smyth & Lawlor 2021); the bands of
Pfitzinger & Douglas 18/55 (0.78, 0.58, 0.40 of peak; 16 and 12 miles after 20) and of Pfitzinger's
half and 5K schedules (docs/science.md "Taper").
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, switch
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio, floor_ratio
from peakplan.model.variables import LinearExpr
from peakplan.scenario.schema import Scenario

NAME = "taper"


def _week_long(ctx: BuildContext, week: int) -> LinearExpr:
    return sum(ctx.vars.long_minutes(d) for d in ctx.calendar.training_days_of_week(week))


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.taper
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    peak, first = cal.reference_week(cal.loading_weeks + 1), cal.loading_weeks + 1
    loading = range(1, cal.loading_weeks + 1)
    if peak is not None:  # the taper is measured from the peak week: the last normal loading week is the biggest
        for w in loading:
            if w != peak:
                book.add(NAME, f"week {w}", v.week_minutes(w) * 7 <= v.week_minutes(peak) * cal.week_length(w))
    peak_minutes = v.reference(peak)
    for j, (low, high) in enumerate(rule.volume_bands, start=1):
        w = cal.loading_weeks + j
        where, scaled = f"week {w}", v.week_minutes(w) * 7 * RATIO_SCALE
        book.add_le(NAME, where, scaled, cap_ratio(high) * cal.week_length(w) * peak_minutes,
                    f"taper week {j}: volume <= {high:.0%} of the peak week")
        book.add_ge(NAME, where, scaled, floor_ratio(low) * cal.week_length(w) * peak_minutes,
                    f"taper week {j}: volume >= {low:.0%} of the peak week")
        if rule.keep_frequency and peak is not None:
            book.add_ge(NAME, where, v.week_running_days(w), v.week_running_days(peak) - 1,
                        f"running days >= week {peak} minus one")
    if rule.long_run_bands and peak is not None:
        longest = _week_long(ctx, peak)  # ... and holds the block's longest run
        for w in loading:
            if w != peak:
                book.add(NAME, f"week {peak}", _week_long(ctx, w) <= longest)
        for j, (low, high) in enumerate(rule.long_run_bands):
            w, where = first + j, f"week {first + j}"
            long_minutes = _week_long(ctx, w) * RATIO_SCALE
            book.add_le(NAME, where, long_minutes, cap_ratio(high) * longest,
                        f"taper long run <= {high:.0%} of the longest run")
            book.add_ge(NAME, where, long_minutes, floor_ratio(low) * longest,
                        f"taper long run >= {low:.0%} of the longest run")


def describe(scenario: Scenario, where: str) -> str:
    t = scenario.rules.taper
    bands = ", ".join(f"{lo:.0%}-{hi:.0%}" for lo, hi in t.volume_bands)
    text = f"taper of {t.weeks} week(s) + race week at {bands} of the peak week"
    if t.long_run_bands:
        text += ", long runs at " + ", ".join(f"{lo:.0%}-{hi:.0%}" for lo, hi in t.long_run_bands) + " of the longest"
    return text + (", running days kept (at most one fewer)" if t.keep_frequency else "")


def _widen(field: str, bands: tuple[tuple[float, float], ...]) -> Knob:
    """All bands widened together, by 0.05 a step on each side, up to (0, 1.2)."""
    steps = []
    for k in range(1, 21):
        steps.append(tuple((round(max(0.0, lo - 0.05 * k), 2), round(min(1.2, hi + 0.05 * k), 2)) for lo, hi in bands))
    return Knob(field, bands, tuple(steps), "bands")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.taper
    found = [_widen("rules.taper.volume_bands", r.volume_bands),
             _widen("rules.taper.long_run_bands", r.long_run_bands) if r.long_run_bands else None,
             switch("rules.taper.keep_frequency", r.keep_frequency)]
    return [k for k in found if k is not None] + [disable(NAME)]

