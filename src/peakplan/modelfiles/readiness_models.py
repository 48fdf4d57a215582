"""Readiness models (``models/banister.yaml``, ``models/pmc.yaml``): what "ready on race day" means.

- ``banister``: the impulse-response (fitness-fatigue) model, p(T) = p0 + sum over training days
  of load x (k1 e^{-n/tau_fitness} - k2 e^{-n/tau_fatigue}), n = days before the race.
- ``pmc``: the Performance Management Chart: maximise race-day CTL with race-day TSB in a window.

Formulas and sources: docs/science.md "Readiness". The numbers a plan is scored with are
computed in :mod:`peakplan.readiness` (product side) and again in :mod:`peakplan.validate`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BanisterModel(_Frozen):
    kind: Literal["banister"]
    unit: str = Field(default="arbitrary", description="unit of performance: vdot (Daniels), or e.g. W, points")
    k1: float = Field(gt=0, description="fitness gain per unit of load (unit per TSS)")
    k2: float = Field(ge=0, description="fatigue gain per unit of load (unit per TSS)")
    tau_fitness_days: float = Field(gt=0, description="fitness decay time constant, days")
    tau_fatigue_days: float = Field(gt=0, description="fatigue decay time constant, days")
    p0: float = Field(default=0.0, description="performance without training (the model's unit); with "
                      "baseline: athlete, derived from the athlete's current VDOT when the scenario is loaded")
    baseline: Literal["fixed", "athlete"] = Field(
        default="fixed", description="fixed: p0 as written; athlete: p0 = current VDOT minus what the training "
                                     "before the block contributes (unit vdot only)")
    tsb_share_min: float | None = Field(default=None, ge=-1, le=1,
                                        description="race-day TSB at least this share of race-day CTL (guard rail)")
    tsb_share_max: float | None = Field(default=None, ge=-1, le=1,
                                        description="race-day TSB at most this share of race-day CTL (guard rail)")

    @model_validator(mode="after")
    def _check(self) -> BanisterModel:
        if self.baseline == "athlete" and self.unit != "vdot":
            raise ValueError("baseline: athlete needs unit: vdot (the baseline comes from the athlete's VDOT)")
        if self.tsb_share_min is not None and self.tsb_share_max is not None and self.tsb_share_min > self.tsb_share_max:
            raise ValueError("tsb_share_min is larger than tsb_share_max")
        return self

    @property
    def has_form_window(self) -> bool:
        return self.tsb_share_min is not None or self.tsb_share_max is not None


class PmcModel(_Frozen):
    kind: Literal["pmc"]
    tau_ctl_days: float = Field(gt=0, description="chronic training load (fitness) time constant, days")
    tau_atl_days: float = Field(gt=0, description="acute training load (fatigue) time constant, days")
    tsb_min: float = Field(description="lowest race-day form (TSB) allowed")
    tsb_max: float = Field(description="highest race-day form (TSB) allowed")
    unit: Literal["ctl"] = Field(default="ctl", description="readiness is race-day CTL (load per day)")

    @model_validator(mode="after")
    def _window(self) -> PmcModel:
        if self.tsb_min > self.tsb_max:
            raise ValueError("tsb_min is larger than tsb_max")
        return self

    @property
    def has_form_window(self) -> bool:
        return True


class BussoModel(_Frozen):
    """Busso's variable dose-response model (Busso 2003): the fatigue gain grows with recent load,
    k2(i) = k3 sum_{j<=i} w_j e^{-(i-j)/tau3}, so performance has an optimal daily load (an
    inverted U). Nonlinear in the loads: peakplan scores plans with it (``compare --models``), it
    does not optimise with it."""

    kind: Literal["busso"]
    unit: str = Field(default="arbitrary", description="unit of performance: vdot, or another")
    k1: float = Field(gt=0, description="fitness gain per unit of load")
    k3: float = Field(ge=0, description="growth of the fatigue gain per unit of recent load")
    tau_fitness_days: float = Field(gt=0, description="fitness decay time constant, days")
    tau_fatigue_days: float = Field(gt=0, description="fatigue decay time constant, days")
    tau_gain_days: float = Field(gt=0, description="decay of the fatigue gain's memory of load, days (tau3)")
    p0: float = Field(default=0.0, description="performance without training")
    baseline: Literal["fixed", "athlete"] = Field(default="fixed", description="as for banister")


ReadinessModel = Annotated[BanisterModel | PmcModel, Field(discriminator="kind")]
READINESS_KINDS = ("banister", "pmc")
SCORING_KINDS = ("banister", "pmc", "busso")
