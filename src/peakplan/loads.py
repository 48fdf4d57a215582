"""Training load of a session from the athlete's paces: the product's one copy.

A session is easy running at its ``base_pace`` for ``1 - quality_fraction`` of its minutes
(warm-up, cool-down, recoveries) and main-set work at its ``work_pace`` for the rest. Each part
counts ``hours x IF^2 x 100`` with ``IF = the part's speed / threshold speed`` (rTSS; docs/science.md
"Load"), so an interval session costs what its intervals and its jogging cost, not a fixed
multiple of easy running. Without paces (no race result, no goal time) the catalogue's
session-average intensity factor is used instead. The CP-SAT objective, the plan file and the
start state all take their loads from here; the validator recomputes them on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peakplan.modelfiles import Catalogue, SessionType
from peakplan.paces import Paces
from peakplan.vocabulary import REST

TUNE_UP = "tune_up"        # the session of a tune-up race (catalogue), loaded at its own distance's pace
RECOVERY_SLOWDOWN = 1.08  # a recovery jog is slower than the slow end of E (practice; workouts/targets.py)


def zone_s_per_km(zone: str, paces: Paces, race_km: float) -> float:
    """The pace a part of a session is run at, seconds per km."""
    slow, fast = paces.easy_s_per_km
    return {
        "easy": (slow + fast) / 2,
        "recovery": slow * RECOVERY_SLOWDOWN,
        "marathon": paces.marathon_s_per_km,
        "threshold": paces.threshold_s_per_km,
        "interval": paces.interval_s_per_km,
        "hill": paces.interval_s_per_km,      # hard uphill running at about interval effort
        "repetition": paces.repetition_s_per_km,
        "stride": paces.repetition_s_per_km,
        "race": paces.race_s_per_km(race_km),
    }[zone]


def intensity_factor(zone: str, paces: Paces, race_km: float) -> float:
    """IF of running a zone: its speed over threshold speed (= threshold pace / the zone's pace)."""
    return paces.threshold_s_per_km / zone_s_per_km(zone, paces, race_km)


def per_minute(if_value: float) -> float:
    """Load of one minute at intensity factor ``if_value``: IF^2 x 100 / 60."""
    return if_value**2 * 100.0 / 60.0


def session_load_per_minute(kind: SessionType, paces: Paces | None, race_km: float) -> float:
    """Load per minute of a session type: its easy part and its work part, each at its own pace."""
    if paces is None:
        return kind.fallback_load_per_minute
    if kind.max_minutes == 0:
        return 0.0
    base = per_minute(intensity_factor(kind.base_pace, paces, race_km))
    if kind.work_pace is None or kind.quality_fraction == 0:
        return base
    work = per_minute(intensity_factor(kind.work_pace, paces, race_km))
    return (1 - kind.quality_fraction) * base + kind.quality_fraction * work


@dataclass(frozen=True)
class LoadTable:
    """Load per minute of every session type of a scenario (``rest`` is 0), and of the race."""

    per_minute: dict[str, float]
    race_per_minute: float
    tune_ups: dict[int, float] = field(default_factory=dict)  # day -> load per minute of that day's tune-up race

    def on(self, day: int, session: str) -> float:
        """Load per minute of ``session`` on ``day`` (a tune-up day's race at its own distance's pace)."""
        if session == TUNE_UP and day in self.tune_ups:
            return self.tune_ups[day]
        return self.per_minute.get(session, 0.0)

    def of(self, session: str, minutes: float, day: int = -1) -> float:
        return minutes * self.on(day, session)


def load_table(catalogue: Catalogue, paces: Paces | None, race_km: float, race_fallback_if: float,
               tune_ups: dict[int, float] | None = None) -> LoadTable:
    """Loads per minute for a catalogue and an athlete's paces; the race at race pace; each tune-up
    day (day -> km) at its own race's pace."""
    table = {name: session_load_per_minute(kind, paces, race_km) for name, kind in catalogue.sessions.items()}
    table.setdefault(REST, 0.0)
    race = per_minute(intensity_factor("race", paces, race_km) if paces is not None else race_fallback_if)
    days: dict[int, float] = {}
    kind = catalogue.sessions.get(TUNE_UP)
    for day, km in (tune_ups or {}).items():
        days[day] = session_load_per_minute(kind, paces, km) if kind is not None else 0.0
    return LoadTable(table, race, days)
