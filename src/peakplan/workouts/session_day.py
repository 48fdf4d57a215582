"""What a session builder knows about one plan day."""

from __future__ import annotations

from dataclasses import dataclass

from peakplan.paces import Paces
from peakplan.vocabulary import distance_class
from peakplan.workouts.model import Target
from peakplan.workouts.steps import reserve_s
from peakplan.workouts.targets import target


@dataclass(frozen=True)
class SessionDay:
    """A plan day: session, seconds, phase, progress through the phase (0 first week .. 1 last), race and paces."""

    session: str
    total_s: int
    phase: str
    progress: float
    race_km: float
    paces: Paces | None
    quality_fraction: float

    @property
    def race_class(self) -> str:
        return distance_class(self.race_km)

    @property
    def work_target_s(self) -> float:
        """Main-set seconds the solver planned: ``quality_fraction`` x minutes (docs/rules.md, quality_caps)."""
        return self.quality_fraction * self.total_s

    @property
    def available_s(self) -> int:
        """Seconds a main set may take once warm-up and cool-down are kept free."""
        return self.total_s - reserve_s(self.total_s)

    def zone(self, name: str) -> Target:
        return target(name, self.paces)
