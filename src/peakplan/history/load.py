"""The load of a completed run: the same rTSS-like score the plan uses, with stated fallbacks.

Load = sum over moving segments of hours x IF^2 x 100 (docs/science.md "Load"), where the
intensity factor IF comes from the first rule that applies (docs/history.md "Load"):

1. ``rtss``: the CSV gives the session's load; used as given.
2. ``pace``: IF = segment speed / threshold speed (= threshold pace / segment pace), threshold pace
   = Daniels T pace of the athlete's VDOT. Not on trail runs when heart rate can be used instead
   (pace without grade adjustment undercounts hills).
3. ``hr``: IF = (HR - HR_rest) / (HR_threshold - HR_rest), per segment, when a threshold heart
   rate is given (practice: the heart-rate-reserve analogue of the pace IF, as hrTSS-style scores do).
4. ``rpe``: Foster et al. (2001) session-RPE, RPE (CR-10) x minutes, times ``RPE_LOAD_PER_UNIT``.
5. ``duration``: the run taken as easy running, IF = ``EASY_INTENSITY_FACTOR`` (the project's default
   start-of-block assumption, docs/science.md "Load").

IF is capped at ``INTENSITY_CAP``: a 30-second segment faster than 1.4 x threshold speed is
beyond repetition pace for nearly everybody and is taken as a GPS glitch rather than credited.
"""

from __future__ import annotations

from dataclasses import dataclass

from peakplan.history.activity import Activity, Segment
from peakplan.history.model import LoadSource

INTENSITY_CAP = 1.4
# Session-RPE to rTSS-like units: one hour at threshold (100) is taken as RPE 7 ("very hard" on
# Foster's CR-10) for 60 minutes, so 100 / (7 x 60) per RPE-minute (practice, docs/history.md "Load").
RPE_AT_THRESHOLD = 7.0
RPE_LOAD_PER_UNIT = 100.0 / (RPE_AT_THRESHOLD * 60.0)
EASY_INTENSITY_FACTOR = 0.70  # a run with nothing but its duration: easy running, IF 0.65-0.75 (docs/science.md "Load")
HR_REST_BPM = 60.0  # default resting heart rate when only a threshold heart rate is given (practice)


@dataclass(frozen=True)
class LoadSettings:
    threshold_s_per_km: float | None = None
    hr_rest_bpm: float = HR_REST_BPM
    hr_threshold_bpm: float | None = None

    @property
    def threshold_m_per_s(self) -> float | None:
        return None if self.threshold_s_per_km is None else 1000.0 / self.threshold_s_per_km


def tss(duration_s: float, intensity: float) -> float:
    """hours x IF^2 x 100, with IF capped at ``INTENSITY_CAP`` and floored at 0."""
    factor = min(INTENSITY_CAP, max(0.0, intensity))
    return duration_s / 3600.0 * factor * factor * 100.0


def pace_load(segments: list[Segment], threshold_m_per_s: float) -> float:
    """Per-segment pace IF; the few segments without distance take the session's mean speed."""
    paced = [s for s in segments if s.distance_m is not None]
    mean_speed = sum(s.distance_m or 0.0 for s in paced) / max(1e-9, sum(s.duration_s for s in paced))
    speeds = [s.speed_m_per_s if s.speed_m_per_s is not None else mean_speed for s in segments]
    return sum(tss(s.duration_s, v / threshold_m_per_s) for s, v in zip(segments, speeds, strict=True))


def hr_load(segments: list[Segment], mean_hr: float, settings: LoadSettings) -> float:
    """Per-segment heart-rate IF; segments without heart rate take the session's mean."""
    assert settings.hr_threshold_bpm is not None
    span = settings.hr_threshold_bpm - settings.hr_rest_bpm
    return sum(tss(s.duration_s, ((s.hr_bpm or mean_hr) - settings.hr_rest_bpm) / span) for s in segments)


def segments_of(activity: Activity) -> list[Segment]:
    """The activity's moving segments, or the whole session as one when the source has no track."""
    return activity.segments or [Segment(activity.elapsed_s, activity.distance_m, activity.avg_hr)]


def has_pace(activity: Activity) -> bool:
    """Pace data over at least half the moving time (a treadmill run without distance has none)."""
    segments = segments_of(activity)
    timed = sum(s.duration_s for s in segments if s.distance_m is not None)
    return timed > 0 and timed >= 0.5 * sum(s.duration_s for s in segments)


def needs_threshold(activity: Activity, settings: LoadSettings) -> bool:
    """Whether this activity's load would come from pace (so a threshold pace is required)."""
    return activity.rtss is None and has_pace(activity) and not _hr_first(activity, settings)


def _hr_first(activity: Activity, settings: LoadSettings) -> bool:
    usable_hr = settings.hr_threshold_bpm is not None and activity.mean_hr() is not None
    return usable_hr and (activity.sub_sport or "") == "trail"


def session_load(activity: Activity, settings: LoadSettings) -> tuple[float, LoadSource]:
    """The load and the rule that gave it (see the module docstring for the order)."""
    if activity.rtss is not None:
        return activity.rtss, "rtss"
    segments = segments_of(activity)
    mean_hr = activity.mean_hr()
    hr_usable = settings.hr_threshold_bpm is not None and mean_hr is not None
    threshold = settings.threshold_m_per_s
    if has_pace(activity) and threshold is not None and not _hr_first(activity, settings):
        return pace_load(segments, threshold), "pace"
    if hr_usable and mean_hr is not None:
        return hr_load(segments, mean_hr, settings), "hr"
    minutes = activity.moving_s / 60.0
    if activity.rpe is not None:
        return activity.rpe * minutes * RPE_LOAD_PER_UNIT, "rpe"
    return tss(activity.moving_s, EASY_INTENSITY_FACTOR), "duration"
