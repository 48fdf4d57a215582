"""What a session builder knows about one plan day."""

from __future__ import annotations

from dataclasses import dataclass

from peakplan.paces import Paces
from peakplan.vocabulary import distance_class
from peakplan.workouts.model import Target
from peakplan.workouts.steps import frame_min_s
from peakplan.workouts.targets import estimate_s_per_km, target


@dataclass(frozen=True)
class SessionDay:
    """A plan day: session, seconds, phase, where its week is in the phase, race and paces.

    ``progress`` runs 0 (first week of the phase) .. 1 (last); ``week_in_phase`` is the week's
    index in its phase (0 first) when the caller knows it, and turns the rep schemes week by week.
    """

    session: str
    total_s: int
    phase: str
    progress: float
    race_km: float
    paces: Paces | None
    quality_fraction: float
    week_in_phase: int | None = None

    @property
    def race_class(self) -> str:
        return distance_class(self.race_km)

    @property
    def work_target_s(self) -> float:
        """Main-set seconds the solver planned: ``quality_fraction`` x minutes (docs/rules.md, quality_caps)."""
        return self.quality_fraction * self.total_s

    def work_target_capped_s(self, max_km: float, zone: str) -> float:
        """The planned main set, but no more than ``max_km`` at the zone's pace (Daniels' per-session caps)."""
        return min(self.work_target_s, max_km * estimate_s_per_km(zone, self.paces))

    @property
    def available_s(self) -> int:
        """Seconds a main set may take once the minimum warm-up and cool-down are kept free."""
        return self.total_s - frame_min_s(self.total_s)

    def zone(self, name: str) -> Target:
        return target(name, self.paces)
