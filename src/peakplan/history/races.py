"""Races and time trials: which activities are performance tests, and their VDOT.

A test is an activity marked as one: a FIT sport-profile, workout or session name, a GPX track
name, a file name or a Strava activity name containing a test word (``TEST_WORDS``: race,
parkrun, time trial, TT, test), or a CSV row with a true ``race``/``test`` column. Its
performance is the VDOT of its distance and elapsed time (Daniels & Gilbert 1979,
docs/science.md "Paces"): the whole activity is taken as the effort, so record warm-ups as
separate activities or give the race's distance and time in a CSV row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from peakplan.history.activity import Activity, Unusable
from peakplan.history.model import Test
from peakplan.paces import VDOT_RANGE, vdot_from_race
from peakplan.timefmt import clock

TEST_WORDS = re.compile(r"(?<![a-z])(race|racing|parkrun|time[ _-]?trial|tt|test)(?![a-z])", re.IGNORECASE)
# Daniels' tables start at 1500 m and the oxygen-cost fit holds for efforts of about 3.5 minutes
# to 4 hours (docs/science.md "Paces"); shorter or longer "tests" give no trustworthy VDOT.
MIN_TEST_M = 1500.0
TEST_TIME_S = (210.0, 4 * 3600.0 + 600.0)
RECENT_RACE_DAYS = 180  # "best recent race": the best VDOT of the last half year (practice)
TRUE_WORDS = ("1", "yes", "y", "true", "x", "race", "test", "tt", "time trial")


def looks_like_test(texts: Iterable[str | None]) -> bool:
    return any(TEST_WORDS.search(t) for t in texts if t)


def file_title(source: str) -> str:
    """The file's own name without folders, archive or extensions ("a.zip:runs/5k-race.fit.gz" -> "5k-race")."""
    return PurePosixPath(source.replace("\\", "/").rsplit(":", 1)[-1]).name.split(".")[0]


def is_true(text: str) -> bool:
    return text.strip().lower() in TRUE_WORDS


def test_of(activity: Activity) -> Test:
    """The activity's test; Unusable('bad_test') when its distance or time cannot give a VDOT."""
    distance = activity.test_distance_m if activity.test_distance_m is not None else activity.distance_m
    time_s = activity.test_time_s if activity.test_time_s is not None else activity.elapsed_s
    if distance is None or distance < MIN_TEST_M:
        shown = "no distance" if distance is None else f"{distance:.0f} m"
        raise Unusable("bad_test", f"marked as a race or test but has {shown}; a VDOT needs at least "
                                   f"{MIN_TEST_M:.0f} m (left out of the tests, kept as training)")
    if not TEST_TIME_S[0] <= time_s <= TEST_TIME_S[1]:
        raise Unusable("bad_test", f"marked as a race or test but lasted {clock(time_s)}; a VDOT needs an effort "
                                   "of 3:30 to 4:10:00 (left out of the tests, kept as training)")
    vdot = vdot_from_race(distance, time_s)
    if not VDOT_RANGE[0] <= vdot <= VDOT_RANGE[1]:
        raise Unusable("bad_test", f"{distance / 1000:.2f} km in {clock(time_s)} gives VDOT {vdot:.0f}, outside "
                                   f"{VDOT_RANGE[0]:g}-{VDOT_RANGE[1]:g}: check the distance and time")
    return Test(date=activity.start.date(), distance_m=round(distance, 1), time_s=round(time_s, 1),
                vdot=round(vdot, 2), source=activity.source, name=activity.name)
