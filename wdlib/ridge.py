r"""Closed-form ridge regression: the minimizer of L2-penalized least squares.

All solvers share one signature ``(X, y, alpha) -> coef`` on *centred* data,
with ``alpha = n * lam``, and solve

.. math:: (X_c^\top X_c + n\lambda I)\,w = X_c^\top y_c .

:func:`ridge_fit` validates once, centres, dispatches and recovers the
intercept :math:`b = \bar y - \bar x^\top w`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

import numpy as np
from numpy.typing import ArrayLike

from ._linalg import (
    center,
    cholesky_solve,
    complement_of_ones,
    keep_mask,
    shrink_factors,
)
from ._results import LinearPrediction
from ._validation import (
    _as_float_array,
    check_bool,
    check_lam,
    check_lams,
    check_X,
    check_X_y,
)

__all__ = ["RidgeResult", "effective_dof", "ridge_fit"]

Solver = Literal["auto", "cholesky", "kernel", "svd"]


@dataclass(frozen=True)
class RidgeResult(LinearPrediction):
    """Result of :func:`ridge_fit`.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
        Fitted weights :math:`w`.
    intercept : float
        Fitted intercept :math:`b` (0.0 when ``fit_intercept=False``).
    lam : float
        Penalty strength used.
    solver : str
        The solver that produced the answer (after ``"auto"`` and fallbacks).
    """

    coef: np.ndarray
    intercept: float
    lam: float
    solver: str


def _solve_cholesky(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Primal form: factor the d x d Gram matrix X'X + alpha I."""
    gram = X.T @ X
    gram.flat[:: gram.shape[0] + 1] += alpha
    return cholesky_solve(gram, X.T @ y)


def _solve_kernel(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Dual form: factor the n x n kernel XX' + alpha I, then w = X' a."""
    kernel = X @ X.T
    kernel.flat[:: kernel.shape[0] + 1] += alpha
    return X.T @ cholesky_solve(kernel, y)


def _solve_svd(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Thin SVD; shrink each direction by s / (s^2 + alpha).

    Every direction is used when ``alpha > 0``. At ``alpha = 0`` singular
    values that are zero to working precision are dropped, which gives the
    minimum-norm least-squares solution on rank-deficient data.
    """
    u, s, vt = np.linalg.svd(X, full_matrices=False)
    d = shrink_factors(s, X.shape, np.array([alpha]))[0]
    return vt.T @ (d * (u.T @ y))


SOLVERS: dict[str, Callable[[np.ndarray, np.ndarray, float], np.ndarray]] = {
    "cholesky": _solve_cholesky,
    "kernel": _solve_kernel,
    "svd": _solve_svd,
}


def _choose_solver(solver: str, n: int, d: int, alpha: float) -> str:
    if solver not in ("auto", *SOLVERS):
        raise ValueError(
            f"solver must be one of 'auto', 'cholesky', 'kernel', 'svd'; got "
            f"{solver!r}. Use solver='auto' to pick the fastest stable one."
        )
    if solver != "auto":
        return solver
    if alpha == 0.0:
        return "svd"  # unpenalized: may be singular, take the min-norm answer
    return "cholesky" if n >= d else "kernel"


def _factorization_error(solver: str, lam: float) -> ValueError:
    matrix = "Gram matrix X'X" if solver == "cholesky" else "kernel XX'"
    return ValueError(
        f"solver={solver!r} needs the {matrix} + n*lam*I (of the centred "
        f"data when fitting an intercept) to be positive definite, but its "
        f"Cholesky factorization failed at lam={lam!r}: the data are "
        f"singular or too ill-conditioned for this penalty. Use lam > 0 "
        f"(large enough for the scale of X), or solver='svd' (the "
        f"minimum-norm solution) or solver='auto'."
    )


def ridge_fit(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    *,
    fit_intercept: bool = True,
    solver: Solver = "auto",
) -> RidgeResult:
    r"""Fit ridge regression in closed form.

    Minimizes the book's objective (intercept not penalized)

    .. math::

        J(w, b) = \frac{1}{2n}\lVert y - Xw - b\mathbf{1}\rVert_2^2
                  + \frac{\lambda}{2}\lVert w\rVert_2^2 .

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets. A column of shape ``(n, 1)`` is rejected; pass ``y.ravel()``.
    lam : float
        Penalty strength :math:`\lambda \ge 0`. scikit-learn's
        ``Ridge(alpha=...)`` corresponds to ``alpha = n_samples * lam``.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept by centring ``X`` and ``y``.
    solver : {"auto", "cholesky", "kernel", "svd"}, default="auto"
        ``"cholesky"`` factors the d x d Gram matrix (best when n >= d),
        ``"kernel"`` the n x n kernel matrix (best when d > n), ``"svd"``
        handles rank-deficient data. ``"auto"`` picks Cholesky or kernel by
        shape, SVD when ``lam == 0``, and falls back to SVD if a Cholesky
        factorization fails.

    Returns
    -------
    RidgeResult
        Frozen dataclass with ``coef``, ``intercept``, ``lam`` and ``solver``.

    Raises
    ------
    ValueError
        If an explicitly chosen ``"cholesky"`` or ``"kernel"`` solver meets a
        matrix that is not numerically positive definite (e.g. ``lam = 0``
        on rank-deficient data); use ``lam > 0``, ``solver="svd"`` or
        ``solver="auto"``.

    Notes
    -----
    With centred data :math:`X_c, y_c` the weights solve the normal equations

    .. math:: (X_c^\top X_c + n\lambda I)\,w = X_c^\top y_c,

    equivalently :math:`w = X_c^\top (X_c X_c^\top + n\lambda I)^{-1} y_c`
    (the kernel form), and :math:`b = \bar y - \bar x^\top w`.

    References
    ----------
    .. [1] A. E. Hoerl and R. W. Kennard, "Ridge regression: biased
       estimation for nonorthogonal problems", Technometrics 12(1), 1970.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = 2.0 * X[:, 0] + 1.0
    >>> fit = wd.ridge_fit(X, y, lam=0.0)
    >>> round(float(fit.coef[0]), 6), round(fit.intercept, 6)
    (2.0, 1.0)
    >>> fit = wd.ridge_fit(X, y, lam=1.25)   # n * lam = 5 = sum of centred x^2
    >>> round(float(fit.coef[0]), 6)
    1.0
    """
    X_arr, y_arr = check_X_y(X, y)
    lam = check_lam(lam)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n, d = X_arr.shape
    alpha = n * lam
    name = _choose_solver(solver, n, d, alpha)
    Xc, yc, x_mean, y_mean = center(X_arr, y_arr, fit_intercept)
    try:
        coef = SOLVERS[name](Xc, yc, alpha)
    except np.linalg.LinAlgError:
        if solver != "auto":
            raise _factorization_error(name, lam) from None
        name = "svd"
        coef = _solve_svd(Xc, yc, alpha)
    intercept = y_mean - float(x_mean @ coef) if fit_intercept else 0.0
    return RidgeResult(coef=coef, intercept=intercept, lam=lam, solver=name)


def effective_dof(
    X: ArrayLike, lams: ArrayLike, *, fit_intercept: bool = True
) -> np.ndarray:
    r"""Effective degrees of freedom of ridge regression for each penalty.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    lams : float or array-like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Centre ``X`` first, as the fit with an unpenalized intercept does.

    Returns
    -------
    ndarray of shape (n_lams,)
        :math:`\mathrm{df}(\lambda)` for each value of ``lams``, the
        penalized weights only (see Notes for the intercept).

    Notes
    -----
    With :math:`s_i` the singular values of the centred design matrix
    :math:`X_c` (of ``X`` itself when ``fit_intercept=False``),

    .. math:: \mathrm{df}(\lambda) = \sum_i \frac{s_i^2}{s_i^2 + n\lambda},

    which falls from the rank of :math:`X_c` at :math:`\lambda = 0` towards
    0. Without an intercept this is the trace of the hat matrix
    :math:`S_\lambda = X (X^\top X + n\lambda I)^{-1} X^\top`. With an
    intercept the hat matrix is
    :math:`S_\lambda = \tfrac1n \mathbf 1 \mathbf 1^\top
    + X_c (X_c^\top X_c + n\lambda I)^{-1} X_c^\top`: the unpenalized
    intercept adds one, :math:`\operatorname{tr} S_\lambda =
    \mathrm{df}(\lambda) + 1`. Only at :math:`\lambda = 0` are singular
    values that are zero to working precision left out (the rank); for
    :math:`\lambda > 0` every one counts.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani and J. Friedman, The Elements of
       Statistical Learning, 2nd ed., Springer, 2009, Section 3.4.1.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 2.0], [0.0, -2.0]])
    >>> wd.effective_dof(X, [0.0, 0.5, 1e9]).round(4)   # 2/(2+2) + 8/(8+2)
    array([2. , 1.3, 0. ])
    """
    X_arr = check_X(X)
    lam_arr = check_lams(np.atleast_1d(_as_float_array(lams, "lams")))
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n = X_arr.shape[0]
    if fit_intercept:
        Xc = X_arr - X_arr.mean(axis=0)
        # centring leaves a null direction (the constant vector); remove it
        # exactly so that no rounding noise is counted for tiny lam > 0
        Xc = complement_of_ones(Xc) if n > 1 else Xc[:0]
    else:
        Xc = X_arr
    s = np.linalg.svd(Xc, compute_uv=False) if Xc.size else np.zeros(0)
    alphas = n * lam_arr
    keep = keep_mask(s, X_arr.shape, alphas)
    denom = np.where(keep, s**2 + alphas[:, None], 1.0)
    ratio = np.where(keep, s**2 / denom, 0.0)
    return ratio.sum(axis=1)
