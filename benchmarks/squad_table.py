"""Write the shipped squad table, ``scenarios/squad/athletes.csv``: 120 marathoners over
``scenarios/marathon-16w.yaml`` (``python -m benchmarks.squad_table``; seeded, so the file is
the same every time).

Each athlete is drawn plausibly for a club squad aiming at the base scenario's spring marathon:
a fitness level (VDOT 34-58) that sets the recent race result (a half or a 10K, by Daniels &
Gilbert's equations: docs/science.md "Paces") and the marathon goal (the VDOT-equivalent time,
rounded to 5 minutes), a current weekly volume that grows with the level, a peak volume 1.6-2.1
times the current one (280 to 600 min), a longest recent run of 28-40 % of the current week,
one or two rest days, and the long run on Sunday (three in four) or Saturday.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from peakplan.paces.daniels import race_time_s
from peakplan.timefmt import clock

OUT = Path(__file__).resolve().parent.parent / "scenarios" / "squad" / "athletes.csv"
N_ATHLETES = 120
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
COLUMNS = ("athlete", "athlete.current_weekly_minutes", "athlete.peak_weekly_minutes",
           "athlete.longest_recent_run_minutes", "athlete.recent_race.distance", "athlete.recent_race.time",
           "race.goal_time", *(f"availability.max_minutes.{d}" for d in WEEKDAYS), "availability.long_run_day")
RACE_M = {"half": 21097.5, "10k": 10000.0, "marathon": 42195.0}


def _round_to(value: float, step: int) -> int:
    return int(step * round(value / step))


def athlete_row(i: int, rng: random.Random) -> dict[str, object]:
    vdot = rng.uniform(34.0, 58.0)
    level = (vdot - 34.0) / 24.0                       # 0 = novice, 1 = sub-3 club runner
    current = _round_to(rng.uniform(170, 210) + 130 * level, 10)
    peak = min(600, max(280, _round_to(current * rng.uniform(1.6, 2.1), 10)))
    longest = _round_to(current * rng.uniform(0.28, 0.4), 5)
    distance = rng.choice(("half", "half", "10k"))
    goal_s = 300 * round(race_time_s(vdot, RACE_M["marathon"]) / 300)
    long_day = "sat" if rng.random() < 0.25 else "sun"
    other_long = "sun" if long_day == "sat" else "sat"
    caps = {d: rng.choice((45, 60, 60, 75, 90)) for d in WEEKDAYS}
    caps[long_day] = rng.choice((150, 165, 180, 195, 210))
    caps[other_long] = rng.choice((60, 75, 90))
    rest = ["fri"] + (["mon"] if rng.random() < 0.4 else [])
    for d in rest:
        caps[d] = 0
    return {"athlete": f"runner-{i:03d}", "athlete.current_weekly_minutes": current,
            "athlete.peak_weekly_minutes": peak, "athlete.longest_recent_run_minutes": longest,
            "athlete.recent_race.distance": distance, "athlete.recent_race.time": clock(race_time_s(vdot, RACE_M[distance])),
            "race.goal_time": clock(goal_s), **{f"availability.max_minutes.{d}": caps[d] for d in WEEKDAYS},
            "availability.long_run_day": long_day}


def write(path: Path = OUT, n: int = N_ATHLETES, seed: int = 16) -> Path:
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(athlete_row(i, rng) for i in range(1, n + 1))
    return path


if __name__ == "__main__":
    print(write())
