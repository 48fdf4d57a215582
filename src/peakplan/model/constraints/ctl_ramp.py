"""ctl_ramp: fitness (CTL) rises by at most ``max_per_week`` points from the end of one week to the
end of the next (optional, off by default).

Source: TrainingPeaks' guidance of about 5 CTL points a week, Friel's 5-8 with 10 as a ceiling;
coaching practice, not a research finding (docs/science.md "Load state").
"""

from __future__ import annotations

from peakplan.athlete import start_state
from peakplan.explain.knobs import Knob, disable
from peakplan.model.objective import add_linear_bound
from peakplan.model.rulebook import BuildContext
from peakplan.readiness import pmc_taus, state_offset, state_weights
from peakplan.scenario.schema import Scenario

NAME = "ctl_ramp"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.ctl_ramp
    if not rule.enabled:
        return
    cal, tau_ctl = ctx.calendar, pmc_taus(ctx.scenario.readiness)[0]
    ctl0 = start_state(ctx.scenario)[0]
    n = cal.race_day
    previous: int | None = None  # last day of the previous week (None: the day before the block)
    for w in cal.weeks:
        last = max(cal.training_days_of_week(w), default=None)
        if last is None:
            continue
        weights = state_weights(tau_ctl, last, n)
        offset = state_offset(tau_ctl, last, ctl0)
        if previous is None:
            offset -= ctl0
        else:
            weights = weights - state_weights(tau_ctl, previous, n)
            offset -= state_offset(tau_ctl, previous, ctl0)
        limit = rule.max_per_week * cal.week_length(w) / 7
        add_linear_bound(ctx, NAME, f"week {w}", weights, offset, None, limit,
                         f"CTL up at most {rule.max_per_week:g} a week")
        previous = last


def describe(scenario: Scenario, where: str) -> str:
    return f"fitness (CTL) up by at most {scenario.rules.ctl_ramp.max_per_week:g} points a week"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    rule = scenario.rules.ctl_ramp
    return [Knob("rules.ctl_ramp.max_per_week", rule.max_per_week,
                 tuple(float(v) for v in range(int(rule.max_per_week) + 1, 31)), "number"), disable(NAME)]


