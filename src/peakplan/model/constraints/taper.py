"""taper: volume comes down over the last ``weeks`` + race week, along a fast exponential decay
towards (1 - volume_reduction) x the last loading week, with a floor so volume goes down,
not to zero, and running frequency kept.

Sources: 2-week taper, volume -41...-60 %, intensity and frequency kept (Bosquet et al. 2007
meta-analysis); taper length by distance (Smyth & Lawlor 2021); fast exponential decay beats a
step taper (Banister, Carter & Zarkadas 1999); docs/science.md "Taper".
"""

from __future__ import annotations

from peakplan.explain.knobs import Knob, disable, int_knob, share_knob, switch
from peakplan.model.rulebook import BuildContext
from peakplan.model.scale import RATIO_SCALE, cap_ratio, floor_ratio
from peakplan.scenario.schema import Scenario

NAME = "taper"


def multipliers(volume_reduction: float, floor_band: float, weeks: int) -> list[tuple[float, float]]:
    """(cap, floor) for taper week j = 1..weeks+1 (the race week last), as in docs/rules.md."""
    n = weeks + 1
    caps = [(1 - volume_reduction) ** (j / n) for j in range(1, n + 1)]
    return [(c, max(0.0, c - floor_band)) for c in caps]


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.taper
    if not rule.enabled:
        return
    cal, v, book = ctx.calendar, ctx.vars, ctx.rules
    ref = cal.loading_weeks
    ref_minutes, ref_days = v.reference(ref)
    for j, (cap, floor) in enumerate(multipliers(rule.volume_reduction, rule.floor_band, rule.weeks), start=1):
        w = ref + j
        where, scaled = f"week {w}", v.week_minutes(w) * ref_days * RATIO_SCALE
        book.add_le(NAME, where, scaled, cap_ratio(cap) * cal.week_length(w) * ref_minutes,
                    f"taper week {j}: volume <= {cap:.0%} of week {ref}")
        if floor > 0:
            book.add_ge(NAME, where, scaled, floor_ratio(floor) * cal.week_length(w) * ref_minutes,
                        f"taper week {j}: volume >= {floor:.0%} of week {ref}")
        if rule.keep_frequency and cal.is_full(ref):
            book.add_ge(NAME, where, v.week_running_days(w), v.week_running_days(ref) - 1,
                        f"running days >= week {ref} minus one")


def describe(scenario: Scenario, where: str) -> str:
    t = scenario.rules.taper
    text = (f"taper of {t.weeks} week(s) + race week, volume down to {1 - t.volume_reduction:.0%} of the last "
            f"loading week (each week at most {t.floor_band:.0%} below its cap)")
    return text + (", running days kept (at most one fewer)" if t.keep_frequency else "")


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    r = scenario.rules.taper
    found = [share_knob("rules.taper.volume_reduction", r.volume_reduction, 0.0),
             share_knob("rules.taper.floor_band", r.floor_band, 1.0),
             switch("rules.taper.keep_frequency", r.keep_frequency),
             int_knob("rules.taper.weeks", r.weeks, 0)]
    return [k for k in found if k is not None] + [disable(NAME)]
