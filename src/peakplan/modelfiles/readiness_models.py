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
    k1: float = Field(gt=0, description="fitness gain per unit of load")
    k2: float = Field(ge=0, description="fatigue gain per unit of load")
    tau_fitness_days: float = Field(gt=0, description="fitness decay time constant, days")
    tau_fatigue_days: float = Field(gt=0, description="fatigue decay time constant, days")
    p0: float = Field(default=0.0, description="performance without training (the model's unit)")


class PmcModel(_Frozen):
    kind: Literal["pmc"]
    tau_ctl_days: float = Field(gt=0, description="chronic training load (fitness) time constant, days")
    tau_atl_days: float = Field(gt=0, description="acute training load (fatigue) time constant, days")
    tsb_min: float = Field(description="lowest race-day form (TSB) allowed")
    tsb_max: float = Field(description="highest race-day form (TSB) allowed")

    @model_validator(mode="after")
    def _window(self) -> PmcModel:
        if self.tsb_min > self.tsb_max:
            raise ValueError("tsb_min is larger than tsb_max")
        return self


ReadinessModel = Annotated[BanisterModel | PmcModel, Field(discriminator="kind")]
READINESS_KINDS = ("banister", "pmc")
