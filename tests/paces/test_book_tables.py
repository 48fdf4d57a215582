"""Training paces against every row (VDOT 30-85) of the 3rd-edition Daniels table.

The table is ``data/daniels_3rd_edition_paces.tsv`` (Daniels' Running Formula, 3rd ed., 2013; its
header gives the transcription and cross-check). Each pace is compared with the book column in
its own unit. The book's unit columns do not convert exactly into each other: I per km and
2.5 x I per 400 m differ by up to 4 s/km. Converting between units would therefore add error.

- E slow, E fast, M, T: the per-km columns.
- I: the per-km column. At VDOT 30-36, where the book prints no per-km I, 2.5 x I per 400 m.
- R: 2.5 x R per 400 m. At VDOT 30-33, where the book prints no 400 m R, 5 x R per 200 m.

The tolerance is +/-3 s/km. The book prints whole seconds per km (+/-0.5 s/km of rounding), per
400 m (+/-1.25 s/km) or per 200 m (+/-2.5 s/km). The rest of the margin is the formulas' own
residual, because a few constants cannot follow every hand-rounded step of a 56-row table. The
worst residual per pace is in the module docstring of ``peakplan.paces.training``, and
``test_worst_residuals_are_as_documented`` keeps it honest.

Fitting. ``python tests/paces/test_book_tables.py`` refits the constants of
``peakplan.paces.training`` to this table. It uses minimax, the largest absolute residual
minimised by scipy's bounded scalar search or Nelder-Mead, and least squares for M, whose minimax
is not unique. It then prints the fitted values next to the module's rounded constants and the
worst residual of each pace.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from peakplan.paces import training_paces
from peakplan.paces.training import VDOT_RANGE

TABLE = Path(__file__).with_name("data") / "daniels_3rd_edition_paces.tsv"
TOL_S_PER_KM = 3.0
PACES = ("easy_slow", "easy_fast", "marathon", "threshold", "interval", "repetition")
# Worst |model - book| in s/km as stated in the training module docstring (rounded to 0.1).
DOCUMENTED_WORST = {"easy_slow": 1.8, "easy_fast": 0.7, "marathon": 0.6, "threshold": 0.6,
                    "interval": 1.2, "repetition": 2.2}


def _seconds(cell: str) -> float | None:
    """A book cell, 'm:ss' or bare seconds, in seconds. A blank cell (the book prints none) is None."""
    if not cell:
        return None
    minutes, _, seconds = cell.rpartition(":")
    return int(minutes or 0) * 60 + int(seconds)


def _row_s_per_km(raw: dict[str, str]) -> dict[str, float]:
    """One TSV row as the book's pace in s/km for each of PACES, from the columns described above."""
    cell = {k: _seconds(v) for k, v in raw.items() if k != "vdot"}

    def printed(column: str) -> float:
        value = cell[column]
        assert value is not None, f"VDOT {raw['vdot']}: the book prints no {column}"
        return value

    i_km, r_400 = cell["i_per_km"], cell["r_per_400"]
    return {
        "easy_slow": printed("e_slow_per_km"), "easy_fast": printed("e_fast_per_km"), "marathon": printed("m_per_km"),
        "threshold": printed("t_per_km"),
        "interval": i_km if i_km is not None else 2.5 * printed("i_per_400"),
        "repetition": 2.5 * r_400 if r_400 is not None else 5.0 * printed("r_per_200"),
    }


@cache
def book_rows() -> dict[int, dict[str, float]]:
    """VDOT -> the book's paces in s/km (see ``_row_s_per_km``)."""
    with TABLE.open() as f:
        reader = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {int(raw["vdot"]): _row_s_per_km(raw) for raw in reader}


def model_s_per_km(vdot: float) -> dict[str, float]:
    p = training_paces(vdot)
    slow, fast = p.easy_s_per_km
    return {"easy_slow": slow, "easy_fast": fast, "marathon": p.marathon_s_per_km, "threshold": p.threshold_s_per_km,
            "interval": p.interval_s_per_km, "repetition": p.repetition_s_per_km}


def test_table_covers_every_vdot_from_30_to_85() -> None:
    rows = book_rows()
    assert sorted(rows) == list(range(30, 86))
    for pace in PACES:   # the transcription is monotonic: faster with every VDOT point (or equal)
        column = [rows[v][pace] for v in range(30, 86)]
        assert all(a >= b for a, b in zip(column, column[1:], strict=False)), pace


@pytest.mark.parametrize("vdot", range(30, 86))
@pytest.mark.parametrize("pace", PACES)
def test_pace_matches_book(vdot: int, pace: str) -> None:
    book = book_rows()[vdot][pace]
    assert model_s_per_km(vdot)[pace] == pytest.approx(book, abs=TOL_S_PER_KM)


def test_worst_residuals_are_as_documented() -> None:
    """The worst residual of each pace rounds to the value stated in the module docstring."""
    rows = book_rows()
    for pace in PACES:
        worst = max(abs(model_s_per_km(v)[pace] - rows[v][pace]) for v in rows)
        assert round(worst, 1) == DOCUMENTED_WORST[pace], pace


@pytest.mark.parametrize("vdot", [x / 2 for x in range(int(2 * VDOT_RANGE[0]), int(2 * VDOT_RANGE[1]) + 1)])
def test_paces_are_ordered(vdot: float) -> None:
    """E slow > E fast > M > T > I > R, across the table (30-85) and the margin the module allows."""
    m = model_s_per_km(vdot)
    assert m["easy_slow"] > m["easy_fast"] > m["marathon"] > m["threshold"] > m["interval"] > m["repetition"]


def _fit() -> None:  # pragma: no cover - a maintenance script, run by hand
    """Refit the constants by minimax and print them beside the module's rounded values."""
    import numpy as np
    from scipy.optimize import least_squares, minimize, minimize_scalar

    from peakplan.paces import training as tr
    from peakplan.paces.daniels import pace_s_per_km_at, race_time_s

    rows = book_rows()
    vdots = np.array(sorted(rows), dtype=float)
    book = {p: np.array([rows[int(v)][p] for v in vdots]) for p in PACES}

    def worst(model: Callable[[float], float], pace: str) -> float:
        return float(max(abs(model(v) - b) for v, b in zip(vdots, book[pace], strict=True)))

    def scalar(pace: str, model: Callable[[float, float], float], lo: float, hi: float) -> float:
        res = minimize_scalar(lambda x: worst(lambda v: model(v, x), pace), bounds=(lo, hi), method="bounded",
                              options={"xatol": 1e-7})
        return float(res.x)

    def vector(pace: str, model: Callable[[float, np.ndarray], float], start: list[float]) -> np.ndarray:
        res = minimize(lambda x: worst(lambda v: model(v, x), pace), start, method="Nelder-Mead",
                       options={"xatol": 1e-8, "fatol": 1e-8, "maxiter": 5000})
        return np.asarray(res.x)

    def gap(v: float, low: float, high: float) -> float:
        lo_v, hi_v = tr.REPETITION_GAP_VDOTS
        return low + (high - low) * min(1.0, max(0.0, (v - lo_v) / (hi_v - lo_v)))

    race_m = {float(v): race_time_s(v, tr.MARATHON_M) / (tr.MARATHON_M / 1000.0) for v in vdots}
    fits = {
        "easy_slow": (scalar("easy_slow", pace_s_per_km_at, 0.55, 0.75), tr.EASY_SLOW_FRACTION),
        "easy_fast": (vector("easy_fast", lambda v, x: pace_s_per_km_at(v, x[0] + x[1] * (v - 50)), [0.73, 0.0]),
                      tr.EASY_FAST_FRACTION),
        "marathon": (least_squares(lambda x: [race_m[v] + x[0] * max(0.0, x[1] - v) ** 2 - b
                                              for v, b in zip(vdots, book["marathon"], strict=True)], [0.03, 50.0]).x,
                     tr.MARATHON_SLOWING),
        "threshold": (scalar("threshold", pace_s_per_km_at, 0.8, 0.95), tr.THRESHOLD_FRACTION),
        "interval": (scalar("interval", pace_s_per_km_at, 0.9, 1.05), tr.INTERVAL_FRACTION),
        "repetition": (vector("repetition", lambda v, x: pace_s_per_km_at(v, tr.INTERVAL_FRACTION) - gap(v, *x),
                              [20.0, 15.0]), tr.REPETITION_GAP_S_PER_KM),
    }
    for pace, (fitted, rounded) in fits.items():
        residuals = {int(v): model_s_per_km(v)[pace] - b for v, b in zip(vdots, book[pace], strict=True)}
        at = max(residuals, key=lambda v: abs(residuals[v]))
        print(f"{pace:10s} fitted {np.round(fitted, 6)}  module {rounded}  worst {residuals[at]:+.2f} s/km at VDOT {at}")


if __name__ == "__main__":  # pragma: no cover
    _fit()
