"""The session catalogue (``models/catalogue.yaml``): the session types a plan is made of.

Each type has an intensity factor (its load per minute), duration bounds, whether it is hard or
the long run, which Daniels quality cap its main set counts toward, and the phases it may be
planned in. Sources for every number are in the catalogue file and docs/science.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from peakplan.vocabulary import MAX_DAY_MINUTES, PHASES, RACE, REST

QualityKind = Literal["none", "threshold", "intervals", "repetitions", "marathon_pace"]
BasePace = Literal["easy", "recovery"]
WorkPace = Literal["marathon", "threshold", "interval", "repetition", "race", "hill", "stride"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SessionType(_Frozen):
    intensity_factor: float = Field(ge=0, le=1.5, description="session-average intensity factor (1.0 = threshold)")
    min_minutes: int = Field(ge=0, le=MAX_DAY_MINUTES, description="shortest session of this type, minutes")
    max_minutes: int = Field(ge=0, le=MAX_DAY_MINUTES, description="longest session of this type, minutes")
    hard: bool = Field(description="counts as a hard day for the hard/easy rule")
    long: bool = Field(default=False, description="the week's long run")
    quality_kind: QualityKind = Field(default="none", description="Daniels quality cap its main set counts toward")
    quality_fraction: float = Field(default=0.0, ge=0, le=1, description="share of the minutes run above easy")
    phases: tuple[str, ...] = Field(default=PHASES, description="phases in which the type may be planned")
    base_pace: BasePace = Field(default="easy", description="pace of warm-up, cool-down, recoveries and steady running")
    work_pace: WorkPace | None = Field(default=None, description="pace of the main-set work (quality_fraction)")

    @model_validator(mode="after")
    def _check(self) -> SessionType:
        if self.min_minutes > self.max_minutes:
            raise ValueError("min_minutes is larger than max_minutes")
        if self.quality_fraction > 0 and self.work_pace is None and self.quality_kind != "none":
            raise ValueError("a session with quality work needs a work_pace (marathon, threshold, interval, ...)")
        unknown = [p for p in self.phases if p not in PHASES]
        if unknown:
            raise ValueError(f"unknown phase(s) {unknown}; use {', '.join(PHASES)}")
        return self

    @property
    def fallback_load_per_minute(self) -> float:
        """Load of one minute when no paces are known: hours x IF^2 x 100 with the catalogue's IF."""
        return self.intensity_factor**2 * 100.0 / 60.0


REST_TYPE = SessionType(intensity_factor=0.0, min_minutes=0, max_minutes=0, hard=False)


class Catalogue(_Frozen):
    sessions: dict[str, SessionType]

    @model_validator(mode="after")
    def _check(self) -> Catalogue:
        if not self.sessions:
            raise ValueError("the catalogue lists no session types")
        if RACE in self.sessions:
            raise ValueError(f"'{RACE}' is reserved for the race-day session; rename that session type")
        return self

    def type_of(self, name: str) -> SessionType | None:
        """The entry of ``name``; ``rest`` is always known (0 minutes, IF 0)."""
        if name == REST:
            return self.sessions.get(REST, REST_TYPE)
        return self.sessions.get(name)

    @property
    def has_long(self) -> bool:
        return any(s.long for s in self.sessions.values())
