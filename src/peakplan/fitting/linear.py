"""For fixed time constants the Banister model is linear in (p0, k1, k2): solved exactly, in batches.

``y ~ p0 + k1 g1 - k2 g2`` with ``k1, k2 >= 0`` (p0 free) is a small bounded least-squares
problem. Its optimum is the best feasible solution among the four active sets (none, k1 = 0,
k2 = 0, both = 0): each is an unconstrained solve, and the problem is convex. Done for every
(tau1, tau2) pair of a grid at once, this is the profile the five-parameter fit starts from.
Observations carry weights (bootstrap multiplicities).
"""

from __future__ import annotations

import numpy as np

SUBSETS = ((0, 1, 2), (0, 1), (0, 2), (0,))
FEASIBLE_TOL = -1e-12


def _gram(g1: np.ndarray, g2: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted Gram matrices and right-hand sides of the columns 1, g1, -g2.

    ``g1`` (A, n), ``g2`` (B, n), ``w`` (M, n) weight rows: shapes (M, A, B, 3, 3), (M, A, B, 3), (M,).
    """
    m, a, b = len(w), len(g1), len(g2)
    gram = np.empty((m, a, b, 3, 3))
    rhs = np.empty((m, a, b, 3))
    wy = w * y
    gram[..., 0, 0] = w.sum(axis=1)[:, None, None]
    gram[..., 0, 1] = gram[..., 1, 0] = (w @ g1.T)[:, :, None]
    gram[..., 0, 2] = gram[..., 2, 0] = -(w @ g2.T)[:, None, :]
    gram[..., 1, 1] = (w @ (g1 * g1).T)[:, :, None]
    gram[..., 2, 2] = (w @ (g2 * g2).T)[:, None, :]
    gram[..., 1, 2] = gram[..., 2, 1] = -np.einsum("mn,an,bn->mab", w, g1, g2)
    rhs[..., 0] = wy.sum(axis=1)[:, None, None]
    rhs[..., 1] = (wy @ g1.T)[:, :, None]
    rhs[..., 2] = -(wy @ g2.T)[:, None, :]
    return gram, rhs, wy @ y


def _best(gram: np.ndarray, rhs: np.ndarray, yy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best feasible active-set solution for every problem of the batch (leading axes)."""
    shape = gram.shape[:-2]
    best_sse = np.full(shape, np.inf)
    best = np.zeros(shape + (3,))
    for subset in SUBSETS:
        idx = np.array(subset)
        sub_gram = gram[..., idx[:, None], idx[None, :]]
        x = np.einsum("...ij,...j->...i", np.linalg.pinv(sub_gram), rhs[..., idx])
        sse = yy - 2 * np.einsum("...i,...i->...", x, rhs[..., idx]) + np.einsum("...i,...ij,...j->...", x, sub_gram, x)
        feasible = np.all(x[..., 1:] >= FEASIBLE_TOL, axis=-1) if len(idx) > 1 else np.ones(shape, bool)
        better = feasible & (sse < best_sse - 1e-12)
        full = np.zeros(shape + (3,))
        full[..., idx] = x
        best = np.where(better[..., None], full, best)
        best_sse = np.where(better, sse, best_sse)
    best[..., 1:] = np.maximum(best[..., 1:], 0.0)
    return best, np.maximum(best_sse, 0.0)


def solve_grid(g1: np.ndarray, g2: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Best (p0, k1, k2) and its weighted SSE for every pair: shapes (A, B, 3) and (A, B).

    ``g1`` is (A, n): the fitness response at the n observations for A fitness time constants;
    ``g2`` is (B, n) for the fatigue ones.
    """
    w = np.ones(len(y)) if w is None else np.asarray(w, dtype=float)
    gram, rhs, yy = _gram(np.atleast_2d(g1), np.atleast_2d(g2), y, w[None, :])
    coef, sse = _best(gram[0], rhs[0], yy[0])
    return coef, sse


def solve_one(g1: np.ndarray, g2: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """(p0, k1, k2) and SSE for one pair of responses (shape (n,) each)."""
    coef, sse = solve_grid(g1[None, :], g2[None, :], y, w)
    return coef[0, 0], float(sse[0, 0])


def solve_weighted(g1: np.ndarray, g2: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(p0, k1, k2) for one pair of responses under each row of ``weights`` (M, n) at once: shape (M, 3)."""
    gram, rhs, yy = _gram(g1[None, :], g2[None, :], y, weights)
    coef, _ = _best(gram[:, 0, 0], rhs[:, 0, 0], yy)
    return coef
