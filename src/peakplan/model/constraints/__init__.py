"""The rules: one module per constraint family, each the whole story of its rule.

Every module has ``NAME`` (used for its validator module, its test file, its variable names and
its line in reports), ``add(ctx)`` (its constraints), ``describe(scenario, where)`` (the rule
instance in words, for explanations) and ``knobs(scenario, wheres)`` (the values that loosen it,
for relaxations). Families that forbid (day, session type) pairs outright also have
``impossible(calendar, catalogue)``. docs/rules.md states each rule; docs/science.md its sources.
"""

from __future__ import annotations

from types import ModuleType

from peakplan.model.constraints import (
    acwr,
    atl_cap,
    availability,
    ctl_ramp,
    deload,
    fixed_days,
    form_window,
    hard_easy,
    intensity_mix,
    long_run,
    long_run_build,
    no_catch_up,
    phases,
    progression,
    quality_caps,
    quotas,
    race_week,
    taper,
    tune_up,
    weekly_ramp,
)

# Hard rules first, then the shape of the block, then the readiness model's own rule; the order
# only affects model readability.
FAMILIES: tuple[ModuleType, ...] = (fixed_days, availability, phases, tune_up, weekly_ramp, deload, hard_easy, long_run,
                                    long_run_build, intensity_mix, quality_caps, taper, race_week, quotas, progression,
                                    form_window, acwr, ctl_ramp, atl_cap, no_catch_up)
# Families that forbid some (day, session type) pairs outright; those pairs get no variables.
PRUNING: tuple[ModuleType, ...] = (availability, phases, tune_up, fixed_days)
BY_NAME: dict[str, ModuleType] = {f.NAME: f for f in FAMILIES}
