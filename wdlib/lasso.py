r"""The lasso (L1-penalized least squares) by cyclic coordinate descent.

The objective uses the book's scaling, so ``lam`` equals scikit-learn's
``Lasso(alpha=lam)``; an optional ridge term ``l2_lam`` gives the elastic net

.. math::

    P(w, b) = \frac{1}{2n}\lVert y - Xw - b\mathbf{1}\rVert_2^2
              + \lambda_1 \lVert w\rVert_1 + \frac{\lambda_2}{2}\lVert
              w\rVert_2^2 .

The intercept is not penalized: the data are centred and
:math:`b = \bar y - \bar x^\top w`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._linalg import center
from ._results import LinearPrediction
from ._validation import (
    check_bool,
    check_coef,
    check_lam,
    check_positive_float,
    check_positive_int,
    check_X_y,
)
from .exceptions import ConvergenceWarning

__all__ = ["LassoResult", "lasso_fit"]


@dataclass(frozen=True)
class LassoResult(LinearPrediction):
    """Result of :func:`lasso_fit`.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
        Fitted weights; coordinates the L1 penalty switched off are exactly
        0.0.
    intercept : float
        Fitted intercept (0.0 when ``fit_intercept=False``).
    lam : float
        L1 penalty strength :math:`\\lambda_1` used.
    l2_lam : float
        L2 penalty strength :math:`\\lambda_2` used (0.0 for the lasso).
    n_iter : int
        Number of full sweeps over the coordinates.
    converged : bool
        Whether the duality gap fell below the tolerance
        (``dual_gap <= tol * ||y_c||^2 / n``).
    dual_gap : float
        Final duality gap of the objective :math:`P` (an upper bound on
        :math:`P(w) - \\min P`), in the scaling of :math:`P`, as
        scikit-learn's ``Lasso.dual_gap_``; NaN for plain least squares
        (``lam = l2_lam = 0``), which has no finite gap.
    """

    coef: np.ndarray
    intercept: float
    lam: float
    l2_lam: float
    n_iter: int
    converged: bool
    dual_gap: float


def _soft_threshold(z: float, t: float) -> float:
    """The proximal map of t*|.|: shrink z towards 0 by t, stopping at 0."""
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0


def _duality_gap(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    r: np.ndarray,
    alpha: float,
    beta: float,
) -> float:
    r"""Duality gap of 1/2||y - Xw||^2 + alpha||w||_1 + beta/2||w||^2.

    The dual point is the residual, rescaled so that it is dual feasible
    (the construction of scikit-learn's ``enet_coordinate_descent``). Without
    an L1 term that construction degenerates; ridge (``alpha = 0 < beta``)
    uses its own dual :math:`D(r) = r^\top y - \|r\|^2/2 - \|X^\top
    r\|^2/(2\beta)`,
    and plain least squares (both zero) has no finite gap: NaN.
    """
    if alpha == 0.0:
        if beta == 0.0:
            return float("nan")
        xtr = X.T @ r
        return float(
            r @ r - r @ y + 0.5 * beta * (w @ w) + (xtr @ xtr) / (2.0 * beta)
        )
    xtr = X.T @ r - beta * w
    dual_norm = float(np.max(np.abs(xtr))) if xtr.size else 0.0
    r_norm2 = float(r @ r)
    if dual_norm > alpha:
        const = alpha / dual_norm
        gap = 0.5 * r_norm2 * (1.0 + const**2)
    else:
        const = 1.0
        gap = r_norm2
    gap += alpha * float(np.abs(w).sum()) - const * float(r @ y)
    gap += 0.5 * beta * (1.0 + const**2) * float(w @ w)
    return gap


def _sweep(
    columns: list[tuple[int, np.ndarray, float]],
    w: np.ndarray,
    r: np.ndarray,
    alpha: float,
    beta: float,
) -> float:
    """One cyclic pass over the coordinates, updating ``w`` and ``r``.

    ``columns`` lists ``(j, X[:, j], ||X[:, j]||^2)`` for the coordinates
    to update. Returns the largest relative coordinate move
    ``max|dw| / max|w|``.
    """
    w_max = change_max = 0.0
    for j, xj, sq in columns:
        w_old = float(w[j])
        z = float(xj @ r) + sq * w_old
        w_new = _soft_threshold(z, alpha) / (sq + beta)
        if w_new != w_old:
            r -= (w_new - w_old) * xj
            w[j] = w_new
        change = abs(w_new - w_old)
        if change > change_max:
            change_max = change
        if abs(w_new) > w_max:
            w_max = abs(w_new)
    return change_max / w_max if w_max > 0.0 else 0.0


def _coordinate_descent(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    alpha: float,
    beta: float,
    max_iter: int,
    tol: float,
) -> tuple[np.ndarray, int, bool, float]:
    """Cyclic coordinate descent on centred data.

    Works on the unscaled objective 1/2||y - Xw||^2 + alpha||w||_1 +
    beta/2||w||^2 (alpha = n*lam, beta = n*l2_lam), keeping the residual
    ``r = y - Xw`` up to date, and stops as soon as the duality gap is at
    most ``tol * ||y||^2`` (checked before the first sweep and after every
    sweep). Plain least squares (alpha = beta = 0) has no finite gap and
    stops when no coordinate moves by more than ``tol * max|w|``.
    Returns (w, n_sweeps, converged, gap).
    """
    X = np.asfortranarray(X)  # contiguous columns
    col_sq = np.einsum("ij,ij->j", X, X)
    active = np.flatnonzero(col_sq + beta > 0.0)
    columns = [(int(j), X[:, j], float(col_sq[j])) for j in active]
    w[col_sq + beta == 0.0] = 0.0  # a constant column carries no weight
    r = y - X @ w
    stop = tol * float(y @ y)
    gap = _duality_gap(X, y, w, r, alpha, beta)
    if gap <= stop:
        return w, 0, True, gap
    for n_iter in range(1, max_iter + 1):
        change = _sweep(columns, w, r, alpha, beta)
        if np.isnan(gap):  # least squares: the coordinate rule decides
            if change <= tol:
                return w, n_iter, True, gap
            continue
        gap = _duality_gap(X, y, w, r, alpha, beta)
        if gap <= stop:
            r = y - X @ w  # refresh against drift before certifying
            gap = _duality_gap(X, y, w, r, alpha, beta)
            if gap <= stop:
                return w, n_iter, True, gap
    return w, max_iter, False, gap


def lasso_fit(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    *,
    l2_lam: float = 0.0,
    fit_intercept: bool = True,
    max_iter: int = 10_000,
    tol: float = 1e-10,
    coef_init: ArrayLike | None = None,
) -> LassoResult:
    r"""Fit the lasso (or the elastic net) by cyclic coordinate descent.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix. The L1 penalty is not scale invariant: standardize
        the columns first unless their units are comparable.
    y : array-like of shape (n_samples,)
        Targets.
    lam : float
        L1 penalty strength :math:`\lambda_1 \ge 0`; equals scikit-learn's
        ``Lasso(alpha=lam)``.
    l2_lam : float, default=0.0
        Additional L2 penalty :math:`\lambda_2 \ge 0` in the book's
        convention :math:`\frac{\lambda_2}{2}\lVert w\rVert^2` (the elastic
        net). scikit-learn's ``ElasticNet(alpha=a, l1_ratio=rho)`` is
        ``lam = a * rho`` and ``l2_lam = a * (1 - rho)``; ``lam=0`` gives
        ridge regression, ``ridge_fit(X, y, l2_lam)``.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept by centring ``X`` and ``y``.
    max_iter : int, default=10000
        Maximum number of sweeps over all coordinates.
    tol : float, default=1e-10
        Stop as soon as the duality gap of the unscaled objective
        :math:`nP` is at most ``tol * ||y_c||^2``, i.e. ``dual_gap <=
        tol * ||y_c||^2 / n`` (scikit-learn's criterion and scaling of
        ``tol``, with ``y_c`` the centred targets). The gap is checked
        before the first sweep and after every sweep. The default is
        tighter than scikit-learn's ``1e-4`` so that the coefficients
        agree with a fully converged fit to about 1e-6 relative on
        standardized data (2e-8 on the diabetes data). For plain least
        squares (``lam = l2_lam = 0``), which has no finite gap, the
        sweeps stop when no coordinate moves by more than
        ``tol * max|w|``.
    coef_init : array-like of shape (n_features,), optional
        Starting weights (a warm start, e.g. the solution at a nearby
        ``lam`` along a path). Defaults to zeros.

    Returns
    -------
    LassoResult
        Frozen dataclass with ``coef``, ``intercept``, ``lam``, ``l2_lam``,
        ``n_iter``, ``converged`` and ``dual_gap``.

    Warns
    -----
    ConvergenceWarning
        If ``max_iter`` sweeps do not bring the duality gap below the
        tolerance (then ``converged`` is False).

    Notes
    -----
    Coordinate :math:`j` is updated with all others held fixed, in closed
    form, by soft thresholding:

    .. math::

        w_j \leftarrow \frac{S\!\left(x_j^\top r_{(j)},\; n\lambda_1\right)}
                           {x_j^\top x_j + n\lambda_2},
        \qquad S(z, t) = \operatorname{sign}(z)\max(|z| - t, 0),

    with :math:`r_{(j)} = y - \sum_{k \ne j} x_k w_k` (centred data). Any
    :math:`w_j` whose correlation with the partial residual stays below the
    threshold is set to exactly zero: this is where the lasso's sparsity
    comes from. A rescaled residual is a feasible dual point, and the
    resulting duality gap bounds the distance to the optimal objective.

    References
    ----------
    .. [1] J. Friedman, T. Hastie and R. Tibshirani, "Regularization paths
       for generalized linear models via coordinate descent", Journal of
       Statistical Software 33(1), 2010.
    .. [2] R. Tibshirani, "Regression shrinkage and selection via the
       lasso", JRSS B 58(1), 1996.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    >>> y = np.array([2.0, -2.0, 0.1, -0.1])
    >>> fit = wd.lasso_fit(X, y, lam=0.25)   # x_j'y/n = 1.0 and 0.05
    >>> fit.coef.tolist(), fit.converged      # 2 * (1.0 - 0.25); 0.05 < 0.25
    ([1.5, 0.0], True)
    """
    X_arr, y_arr = check_X_y(X, y)
    lam = check_lam(lam)
    l2_lam = check_lam(l2_lam, "l2_lam")
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    max_iter = check_positive_int(max_iter, "max_iter")
    tol = check_positive_float(tol, "tol")
    n, d = X_arr.shape
    if coef_init is None:
        w0 = np.zeros(d)
    else:
        w0 = check_coef(coef_init, d, "coef_init").copy()
    Xc, yc, x_mean, y_mean = center(X_arr, y_arr, fit_intercept)
    w, n_iter, converged, gap = _coordinate_descent(
        Xc, yc, w0, n * lam, n * l2_lam, max_iter, tol
    )
    if not converged:
        bound = tol * float(yc @ yc) / n
        warnings.warn(
            f"coordinate descent did not reach tol={tol:g} in "
            f"max_iter={max_iter} sweeps (duality gap {gap / n:.3g}, "
            f"needed <= {bound:.3g}). Increase max_iter, loosen tol, "
            f"standardize X or warm-start with coef_init.",
            ConvergenceWarning,
            stacklevel=2,
        )
    intercept = y_mean - float(x_mean @ w) if fit_intercept else 0.0
    return LassoResult(w, intercept, lam, l2_lam, n_iter, converged, gap / n)
