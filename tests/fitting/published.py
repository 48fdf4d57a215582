"""The two published training series in ../shared/data (README there): loaders and the baselines.

- Clarke & Skiba (2013): 165 days of BikeScore, nine 5-min power tests (W). Day 1 is index 0.
- Turner et al. (2017): 532 days of training stress, 24 tests; the authors fit 18 (0-based row
  indices in turner2017_trial_indices.tsv), the other 6 are held out here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from peakplan.fitting import Series
from peakplan.readiness import PMC_TAU_CTL_DAYS, ewma

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Clarke & Skiba's published fit (their spreadsheet, as documented by the dorem package): k1 0.18, k2 0.23,
# tau 36/21 d, p0 262 W, sum of squared errors 20.25, R^2 0.979.
CLARKE_SKIBA_SSE = 20.25
CLARKE_SKIBA_R2 = 0.979
CLARKE_SKIBA_PARAMS = (0.18, 0.23, 36.0, 21.0, 262.0)


def _need(name: str) -> Path:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} is not there (the shared data folder beside the repository)")
    return path


def clarke_skiba() -> Series:
    with _need("clarke_skiba_2013_bike_score.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    loads = np.array([float(r["BikeScore"]) for r in rows])
    tests = [(int(r["Day"]) - 1, float(r["Test_5min_Power"])) for r in rows if r["Test_5min_Power"].strip()]
    return Series(loads, np.array([d for d, _ in tests]), np.array([v for _, v in tests]), unit="W",
                  load_unit="BikeScore", source="Clarke & Skiba 2013")


def turner() -> tuple[Series, np.ndarray]:
    """The series with all 24 tests, and a boolean mask of the 18 the authors fit to."""
    with _need("turner2017_training_data.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    loads = np.array([float(r["training_stress"]) for r in rows])
    performance = np.array([float(r["performance"]) for r in rows])
    trial = {int(line) for line in _need("turner2017_trial_indices.tsv").read_text().split()[1:]}
    days = np.flatnonzero(performance > 0)
    series = Series(loads, days, performance[days], unit="performance (arbitrary)", load_unit="training stress",
                    source="Turner et al. 2017")
    return series, np.array([d in trial for d in days])


def rmse(predicted: np.ndarray, observed: np.ndarray) -> float:
    return float(np.sqrt(np.mean((np.asarray(predicted) - np.asarray(observed)) ** 2)))


def linear_in_time(train: Series, test: Series) -> np.ndarray:
    """Baseline: performance = a + b x day, least squares on the training tests."""
    slope, intercept = np.polyfit(train.days, train.values, 1)
    return intercept + slope * test.days


def linear_in_ctl(train: Series, test: Series) -> np.ndarray:
    """Baseline: performance = a + b x CTL (42-day PMC of the loads before the day), no fatigue term."""
    ctl = np.concatenate(([0.0], ewma(train.loads, PMC_TAU_CTL_DAYS, 0.0)[:-1]))
    slope, intercept = np.polyfit(ctl[train.days], train.values, 1)
    return intercept + slope * ctl[test.days]
