"""Writes the synthetic history sample in this folder: 18 weeks of one made-up runner's activities.

    python scenarios/history-sample/generate.py

Everything here is made by the project (no real athlete's data): FIT activity files written with
Garmin's FIT SDK (``garmin-fit-sdk``'s Encoder), one GPX and two TCX files, a training-log CSV,
and, to show how they are reported, a cycling file, a truncated FIT file and one run recorded twice
(FIT and GPX). The races' results come from a known Banister model (``TRUE`` below) applied to
the loads peakplan itself computes from the files written before each race, plus Gaussian noise;
``expected.json`` records the model, the noise and the import options, so a test can check that
`peakplan history` + `peakplan fit` recover it. Seeded: the same script writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sample_files import fit_activity, gpx_activity, tcx_activity  # noqa: E402 - the folder's own helper

from peakplan.fitting.banister import Params, curve  # noqa: E402
from peakplan.history.build import ImportOptions, import_history  # noqa: E402
from peakplan.paces import race_time_s, training_paces  # noqa: E402
from peakplan.timefmt import clock  # noqa: E402

SEED = 2026
START = dt.date(2026, 5, 4)                  # a Monday
WEEKS = 18
TRAINING_VDOT = 45.0                         # the paces the runner trains at (and `--vdot` of the import)
HR_REST, HR_THRESHOLD = 55.0, 172.0          # the import's --hr-rest / --hr-threshold
TRUE = Params(k1=0.0050, k2=0.0100, tau1=45.0, tau2=11.0, p0=41.0)   # VDOT per unit load; days
NOISE_VDOT = 0.15                            # SD of a race result around the model, VDOT
OPTIONS = ImportOptions(vdot=TRAINING_VDOT, hr_rest_bpm=HR_REST, hr_threshold_bpm=HR_THRESHOLD)
LOCAL = dt.timedelta(hours=2)                # the runner's clock (CEST): files say so
PACES = training_paces(TRAINING_VDOT)
EASY_S_PER_KM = sum(PACES.easy_s_per_km) / 2


def _week_plan(week: int) -> dict[int, tuple[str, list[tuple[float, float]]]]:
    """Weekday -> (kind, [(minutes, s/km), ...]) for one week; races are added separately."""
    grow = (1 + 0.045 * week) * (0.75 if week % 4 == 3 else 1.0)
    easy = [(40 * grow, EASY_S_PER_KM)]
    quality = [(15, EASY_S_PER_KM), (min(30, 16 * grow), PACES.threshold_s_per_km), (10, EASY_S_PER_KM)]
    if week % 2:
        quality = [(15, EASY_S_PER_KM)] + [(3, PACES.interval_s_per_km), (2, EASY_S_PER_KM + 60)] * 5 + [(10, EASY_S_PER_KM)]
    return {1: ("easy", easy), 3: ("quality", quality), 5: ("easy", [(35 * grow, EASY_S_PER_KM)]),
            6: ("long", [(min(120, 70 * grow), EASY_S_PER_KM + 10)])}


def _points(blocks: list[tuple[float, float]], rng: np.random.Generator, step_s: int, stop: bool
            ) -> list[tuple[int, float, int]]:
    """(t_s, cumulative m, hr) every ``step_s`` seconds; pace noise 3 %; a 40-s stop midway if ``stop``."""
    threshold_speed = 1000 / PACES.threshold_s_per_km
    points, t, distance = [(0, 0.0, int(HR_REST + 60))], 0, 0.0
    total = sum(m for m, _ in blocks) * 60
    for minutes, pace in blocks:
        for _ in range(round(minutes * 60 / step_s)):
            speed = 1000 / pace * (1 + rng.normal(0, 0.03))
            if stop and abs(t - total / 2) < 20:
                speed = 0.0
            t += step_s
            distance += speed * step_s
            effort = speed / threshold_speed
            points.append((t, round(distance, 2), int(HR_REST + (HR_THRESHOLD - HR_REST) * effort + rng.normal(0, 2))))
    return points


def _day_start(day: dt.date, hour: int = 7) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).replace(tzinfo=dt.UTC) - LOCAL


def write_training(rng: np.random.Generator, folder: Path) -> list[str]:
    """Every run but the races; returns the CSV rows written for runs without a file."""
    rows = []
    for week in range(WEEKS):
        for weekday, (kind, blocks) in _week_plan(week).items():
            day = START + dt.timedelta(days=7 * week + weekday)
            if week % 2 == 1 and weekday == 5:
                continue  # race Saturdays
            minutes = sum(m for m, _ in blocks)
            points = _points(blocks, rng, 10, stop=kind == "long")
            name = f"{day}-{kind}"
            if (week, weekday) == (10, 1):
                rows.append(f"{day},{minutes:.0f},,,,3,,,,")          # no watch: RPE only
            elif (week, weekday) == (12, 1):
                rows.append(f"{day},{minutes:.0f},{points[-1][1] / 1000:.2f},,,,,,,")  # km and minutes only
            elif (week, weekday) == (5, 1):
                (folder / f"{name}.gpx").write_text(gpx_activity(_day_start(day), points, "Morning Run"), "utf-8")
            elif (week, weekday) == (8, 3):
                (folder / f"{name}-treadmill.tcx").write_text(
                    tcx_activity(_day_start(day, 18), points, distance=False), "utf-8")
            elif (week, weekday) == (14, 1):
                (folder / f"{name}.tcx").write_text(tcx_activity(_day_start(day), points), "utf-8")
            else:
                (folder / f"{name}.fit").write_bytes(fit_activity(_day_start(day), points, sub_sport="street"))
            if (week, weekday) == (4, 6):
                (folder / f"{name}-strava-copy.gpx").write_text(gpx_activity(_day_start(day), points, "Long Run"),
                                                                "utf-8")
    ride = [(t, d * 3.0, hr) for t, d, hr in _points([(60, 400.0)], rng, 10, False)]
    (folder / f"{START + dt.timedelta(days=51)}-ride.fit").write_bytes(
        fit_activity(_day_start(START + dt.timedelta(days=51)), ride, sport="cycling"))
    broken = fit_activity(_day_start(START + dt.timedelta(days=100)), _points([(30, EASY_S_PER_KM)], rng, 10, False))
    (folder / f"{START + dt.timedelta(days=100)}-broken-watch.fit").write_bytes(broken[: len(broken) * 2 // 3])
    return rows


def _true_vdot(folder: Path, csv_rows: list[str], day: dt.date, rng: np.random.Generator) -> float:
    """The model's VDOT on ``day`` from the loads peakplan computes from the files so far, plus noise."""
    (folder / "log.csv").write_text("date,minutes,km,avg_hr,rtss,rpe,race,distance,time,name\n" + "\n".join(csv_rows)
                                    + "\n", "utf-8")
    history = import_history([folder], OPTIONS)
    loads = history.daily_loads(history.first_date, day)
    vdot = curve(TRUE, loads, "excluded")[-1]
    return float(vdot + rng.normal(0, NOISE_VDOT))


def write_races(rng: np.random.Generator, folder: Path, csv_rows: list[str]) -> list[dict[str, object]]:
    """A 5K every second Saturday (a 10K logged in the CSV once), its time from the model's VDOT."""
    races = []
    for week in range(1, WEEKS, 2):
        day = START + dt.timedelta(days=7 * week + 5)
        vdot = _true_vdot(folder, csv_rows, day, rng)
        metres = 10000.0 if week == 9 else 5000.0
        time_s = round(race_time_s(vdot, metres))
        if week == 9:
            csv_rows.append(f"{day},{time_s / 60:.1f},10.0,,,,yes,10k,{clock(time_s)},Town 10K")
        else:
            pace = time_s / (metres / 1000)
            points = [(t, round(min(metres, t / pace * 1000), 2), int(HR_THRESHOLD + 3)) for t in range(0, time_s + 1, 5)]
            points[-1] = (time_s, metres, int(HR_THRESHOLD + 5))
            (folder / f"{day}-parkrun-5k.fit").write_bytes(
                fit_activity(_day_start(day, 9), points, sub_sport="street", name="Parkrun"))
        races.append({"date": str(day), "distance_m": metres, "time_s": time_s, "model_vdot": round(vdot, 4)})
    _true_vdot(folder, csv_rows, START, rng)  # rewrites log.csv with the 10K row
    return races


def main() -> None:
    rng = np.random.default_rng(SEED)
    folder = HERE / "activities"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    rows = write_training(rng, folder)
    races = write_races(rng, folder, rows)
    expected = {"true_params": TRUE.__dict__, "convention": "excluded", "noise_vdot_sd": NOISE_VDOT, "seed": SEED,
                "import": {"vdot": TRAINING_VDOT, "hr_rest_bpm": HR_REST, "hr_threshold_bpm": HR_THRESHOLD},
                "races": races, "n_zero_days": round(TRUE.tau1 * TRUE.tau2 / (TRUE.tau1 - TRUE.tau2)
                                                      * math.log(TRUE.k2 / TRUE.k1), 2)}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", "utf-8")
    print(f"wrote {len(list(folder.iterdir()))} files to {folder}")


if __name__ == "__main__":
    main()
