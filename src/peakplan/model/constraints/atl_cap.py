"""atl_cap: fatigue (ATL) stays at most ``max_atl`` load per day on every day of the block
(optional, off by default).

Source: a ceiling on short-term load; no published value for runners, so it is athlete-specific
and off unless a coach sets it (docs/science.md "Load state").
"""

from __future__ import annotations

from peakplan.athlete import start_state
from peakplan.explain.knobs import Knob, disable
from peakplan.model.objective import add_linear_bound
from peakplan.model.rulebook import BuildContext
from peakplan.readiness import pmc_taus, state_offset, state_weights
from peakplan.scenario.schema import Scenario

NAME = "atl_cap"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.atl_cap
    if not rule.enabled:
        return
    cal, tau_atl = ctx.calendar, pmc_taus(ctx.scenario.readiness)[1]
    atl0 = start_state(ctx.scenario)[1]
    n = cal.race_day
    for d in range(n):
        add_linear_bound(ctx, NAME, cal.date(d).isoformat(), state_weights(tau_atl, d, n),
                         state_offset(tau_atl, d, atl0), None, rule.max_atl, f"ATL <= {rule.max_atl:g}")


def describe(scenario: Scenario, where: str) -> str:
    return f"fatigue (ATL) at most {scenario.rules.atl_cap.max_atl:g} load a day"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    rule = scenario.rules.atl_cap
    return [Knob("rules.atl_cap.max_atl", rule.max_atl,
                 tuple(float(v) for v in range(int(rule.max_atl) + 5, 401, 5)), "number"), disable(NAME)]
