r"""Numeric primitives shared by the ridge solvers and the lambda selection.

One copy of each: centring, the rank tolerance, the shrinkage factors of the
SVD solution, the orthogonal change of basis that removes the constant
direction after centring, the Cholesky solve, and the residual, value and
gradient of the ridge objective (used by :mod:`wdlib.objectives`,
:mod:`wdlib.gd` and the loss surfaces of :mod:`wdlib.plotting`).

The rank rule: a singular value is dropped only where it is zero to working
precision (:func:`rank_tol`) *and* the penalty is exactly zero. For any
penalty :math:`n\lambda > 0` every direction is kept: a small singular value
is data, not noise, and :math:`s / (s^2 + n\lambda)` is well defined.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "center",
    "cholesky_solve",
    "ridge_grad",
    "ridge_residual",
    "ridge_value",
    "complement_of_ones",
    "from_complement_of_ones",
    "keep_mask",
    "rank_tol",
    "shrink_factors",
]

EPS = np.finfo(np.float64).eps


def center(
    X: np.ndarray, y: np.ndarray, fit_intercept: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Centred copies of ``X`` and ``y`` and their means.

    Without an intercept the inputs are returned unchanged (not copied) with
    zero means; callers never modify them.
    """
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    x_mean = X.mean(axis=0)
    y_mean = float(y.mean())
    return X - x_mean, y - y_mean, x_mean, y_mean


def rank_tol(largest: float, shape: tuple[int, ...]) -> float:
    """Values at or below ``largest * max(shape) * eps`` are zero.

    ``largest`` is the largest singular value of a matrix of ``shape`` (the
    rule of ``numpy.linalg.matrix_rank``), or the largest eigenvalue of its
    Gram or kernel matrix, whose eigenvalues carry absolute errors of order
    ``eps`` times the largest.
    """
    return max(float(largest), 0.0) * max(shape) * EPS


def keep_mask(
    s: np.ndarray, shape: tuple[int, ...], alphas: np.ndarray
) -> np.ndarray:
    """Which of the values ``s`` each penalty uses: shape (n_alphas, len(s)).

    ``s`` holds singular values of a matrix of ``shape`` (or eigenvalues of
    its Gram matrix). All are kept where ``alpha > 0``; at ``alpha == 0``
    those at or below :func:`rank_tol` are dropped (minimum-norm solution).
    """
    tol = rank_tol(s.max(), shape) if s.size else 0.0
    return (s > tol)[None, :] | (np.asarray(alphas)[:, None] > 0)


def shrink_factors(
    s: np.ndarray, shape: tuple[int, ...], alphas: np.ndarray
) -> np.ndarray:
    r"""The factors :math:`s_k / (s_k^2 + \alpha)`, zero where dropped.

    Returns an array of shape (n_alphas, len(s)); see :func:`keep_mask`.
    """
    alphas = np.asarray(alphas, dtype=np.float64)
    keep = keep_mask(s, shape, alphas)
    denom = s[None, :] ** 2 + alphas[:, None]
    safe = np.where(keep, denom, 1.0)
    return np.where(keep, s[None, :] / safe, 0.0)


def complement_of_ones(A: np.ndarray) -> np.ndarray:
    r"""Rows of ``A`` in an orthonormal basis of :math:`\mathbf 1^\perp`.

    With the Householder reflection :math:`Q = I - v v^\top / v_0`,
    :math:`v = \mathbf 1/\sqrt n + e_1`, which maps :math:`\mathbf
    1/\sqrt n` to :math:`-e_1`, this returns rows 2..n of :math:`Q A`, an
    array of shape (n - 1, ...). For centred ``A`` (columns summing to
    zero) the dropped first row is zero, so the result has the same Gram
    matrix as ``A`` without the structural null direction that centring
    creates. Costs O(n) per column.
    """
    n = A.shape[0]
    root = np.sqrt(n)
    v_dot_a = A.sum(axis=0) / root + A[0]
    return A[1:] - v_dot_a / (root + 1.0)


def from_complement_of_ones(B: np.ndarray) -> np.ndarray:
    r"""Inverse map of :func:`complement_of_ones` for (n - 1, k) coordinates.

    Returns the (n, k) array :math:`Q [0; B]`, whose columns are orthogonal
    to :math:`\mathbf 1` (orthonormal if those of ``B`` are).
    """
    m = B.shape[0]
    n = m + 1
    root = np.sqrt(n)
    v_dot_b = B.sum(axis=0) / root  # v' [0; B], v_0 = 1 + 1/sqrt(n)
    out = np.empty((n,) + B.shape[1:])
    scale = v_dot_b / (1.0 + 1.0 / root)
    out[0] = -v_dot_b  # v_0 * scale
    out[1:] = B - scale / root
    return out


def cholesky_solve(A: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve ``A x = rhs`` for a symmetric positive definite ``A``.

    Raises ``numpy.linalg.LinAlgError`` when the Cholesky factorization
    fails (``A`` not numerically positive definite).
    """
    from scipy.linalg import cho_factor, cho_solve  # loaded on first solve

    factor = cho_factor(A, lower=True, check_finite=False)
    return cho_solve(factor, rhs, check_finite=False)


def ridge_residual(
    X: np.ndarray, y: np.ndarray, coef: np.ndarray, intercept: float = 0.0
) -> np.ndarray:
    r"""The residual :math:`r = y - Xw - b`.

    ``coef`` of shape (d,) gives shape (n,); of shape (d, m), one weight
    vector per column, gives the (n, m) residuals of all of them at once.
    """
    pred = X @ coef
    return (y if pred.ndim == 1 else y[:, None]) - pred - intercept


def ridge_value(r: np.ndarray, coef: np.ndarray, lam: float) -> np.ndarray:
    r"""The objective :math:`\frac{1}{2n}\lVert r\rVert^2 +
    \frac{\lambda}{2}\lVert w\rVert^2` from the residual (per column)."""
    n = r.shape[0]
    return (r * r).sum(axis=0) / (2 * n) + 0.5 * lam * (coef * coef).sum(
        axis=0
    )


def ridge_grad(
    X: np.ndarray, r: np.ndarray, coef: np.ndarray, lam: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""Gradients :math:`-X^\top r/n + \lambda w` and :math:`-\mathbf 1^\top
    r/n` of the objective in ``coef`` and in the (unpenalized) intercept."""
    n = r.shape[0]
    return -(X.T @ r) / n + lam * coef, -r.sum(axis=0) / n
