"""acwr: the acute:chronic workload ratio ATL/CTL stays at most ``max_ratio`` on every training day
after the first ``warmup_days`` of the block (optional, off by default).

Source: Gabbett 2016 (team sports: 0.8-1.3 "sweet spot", >= 1.5 "danger zone"); contested for
injury prediction (Impellizzeri et al. 2020; Lolli et al. 2019) and uninformative in a runner cohort,
so it is a guard rail a coach may switch on, not a default (docs/science.md "Load state").
ATL and CTL are the PMC's 7- and 42-day averages (or the pmc model's constants).
"""

from __future__ import annotations

from peakplan.athlete import start_state
from peakplan.explain.knobs import Knob, disable, int_knob, share_knob
from peakplan.model.objective import add_linear_bound
from peakplan.model.rulebook import BuildContext
from peakplan.readiness import pmc_taus, state_offset, state_weights
from peakplan.scenario.schema import Scenario

NAME = "acwr"


def add(ctx: BuildContext) -> None:
    rule = ctx.scenario.rules.acwr
    if not rule.enabled:
        return
    cal, (tau_ctl, tau_atl) = ctx.calendar, pmc_taus(ctx.scenario.readiness)
    ctl0, atl0 = start_state(ctx.scenario)
    n = cal.race_day
    for d in range(rule.warmup_days, n):
        weights = state_weights(tau_atl, d, n) - rule.max_ratio * state_weights(tau_ctl, d, n)
        offset = state_offset(tau_atl, d, atl0) - rule.max_ratio * state_offset(tau_ctl, d, ctl0)
        add_linear_bound(ctx, NAME, cal.date(d).isoformat(), weights, offset, None, 0.0,
                         f"ATL <= {rule.max_ratio:g} x CTL")


def describe(scenario: Scenario, where: str) -> str:
    rule = scenario.rules.acwr
    return f"acute:chronic ratio ATL/CTL at most {rule.max_ratio:g} from day {rule.warmup_days + 1} of the block"


def knobs(scenario: Scenario, wheres: list[str]) -> list[Knob]:
    rule = scenario.rules.acwr
    return [share_knob("rules.acwr.max_ratio", rule.max_ratio, 3.0),
            int_knob("rules.acwr.warmup_days", rule.warmup_days, 120, 7), disable(NAME)]
