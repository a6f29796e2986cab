r"""Choosing the ridge penalty: whole paths, exact leave-one-out and k-fold CV.

Everything here comes from one decomposition of the centred design matrix
:math:`X_c = U S V^\top` (thin SVD; for ``n_features > n_samples`` the
leave-one-out error uses the eigendecomposition of the :math:`n \times n`
kernel :math:`X_c X_c^\top = U S^2 U^\top` instead). Ridge shrinks the
component of the fit along :math:`u_k` by the factor
:math:`s_k^2 / (s_k^2 + n\lambda)`, so every :math:`\lambda` costs one
matrix product, not one fit.

Cross-validation holds the total penalty :math:`n\lambda` on the summed
squared error (scikit-learn's ``alpha``) fixed when a sample or a fold is
left out, as scikit-learn's ``RidgeCV`` does: a training set of
:math:`m < n` samples is fitted with ``ridge_fit(..., lam * n / m)``. The
selected ``best_lam`` then applies directly to a fit on all :math:`n`
samples, and ``kfold_cv`` with ``k = n_samples`` equals ``loo_cv``.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
from numpy.typing import ArrayLike

from ._linalg import (
    center,
    complement_of_ones,
    from_complement_of_ones,
    keep_mask,
    rank_tol,
    shrink_factors,
)
from ._validation import (
    _as_float_array,
    _asarray,
    _check_finite,
    _describe,
    check_bool,
    check_lams,
    check_positive_int,
    check_seed,
    check_X,
    check_X_for_predict,
    check_X_y,
)

if TYPE_CHECKING:  # matplotlib loads only when a result is plotted
    from matplotlib.axes import Axes

__all__ = [
    "BiasVariance",
    "CVResult",
    "RidgePath",
    "bias_variance",
    "kfold_cv",
    "loo_cv",
    "ridge_path",
]


@dataclass(frozen=True)
class RidgePath:
    """Ridge solutions for many penalties, from :func:`ridge_path`.

    Attributes
    ----------
    lams : ndarray of shape (n_lams,)
        Penalty strengths, in the order given.
    coefs : ndarray of shape (n_lams, n_features)
        ``coefs[i]`` equals ``ridge_fit(X, y, lams[i]).coef``.
    intercepts : ndarray of shape (n_lams,)
        The matching intercepts.
    """

    lams: np.ndarray
    coefs: np.ndarray
    intercepts: np.ndarray

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions of every fit: an array of shape (n_samples, n_lams)."""
        X_arr = check_X_for_predict(X, self.coefs.shape[1])
        return X_arr @ self.coefs.T + self.intercepts

    def mse(self, X: ArrayLike, y: ArrayLike) -> np.ndarray:
        """Mean squared error of every fit on ``(X, y)``: shape (n_lams,)."""
        X_arr, y_arr = check_X_y(X, y)
        return np.mean((y_arr[:, None] - self.predict(X_arr)) ** 2, axis=0)

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Draw every coefficient against lambda: "
        ":func:`wdlib.plotting.plot_path`."""
        from .plotting import plot_path  # matplotlib only when plotting

        return plot_path(self, ax=ax, **kwargs)


@dataclass(frozen=True)
class CVResult:
    """Cross-validation error per penalty (:func:`loo_cv`, :func:`kfold_cv`).

    Attributes
    ----------
    lams : ndarray of shape (n_lams,)
        Penalty strengths, in the order given.
    mse : ndarray of shape (n_lams,)
        Estimated prediction mean squared error for each penalty.
    mse_std : ndarray of shape (n_lams,)
        Spread of the error: for k-fold, the standard deviation (``ddof=1``)
        of the k fold errors; for leave-one-out, of the n squared errors.
    mse_se : ndarray of shape (n_lams,)
        Standard error of ``mse``: ``mse_std / sqrt(k)`` (``k = n`` for
        leave-one-out).
    best_lam : float
        The penalty with the smallest ``mse`` (the first one on ties).
    lam_1se : float
        One-standard-error rule: the largest penalty whose ``mse`` is at most
        ``min(mse) + mse_se[argmin]``, the simplest model statistically
        indistinguishable from the best.
    k : int
        Number of folds (``n_samples`` for leave-one-out).
    """

    lams: np.ndarray
    mse: np.ndarray
    mse_std: np.ndarray
    mse_se: np.ndarray
    best_lam: float
    lam_1se: float
    k: int

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Draw the curve and its choices: :func:`wdlib.plotting.plot_cv`."""
        from .plotting import plot_cv  # matplotlib only when plotting

        return plot_cv(self, ax=ax, **kwargs)


@dataclass(frozen=True)
class BiasVariance:
    """Bias-variance decomposition over training sets (:func:`bias_variance`).

    Attributes
    ----------
    lams : ndarray of shape (n_lams,)
        Penalty strengths.
    bias2 : ndarray of shape (n_lams,)
        Squared bias, averaged over the evaluation points.
    variance : ndarray of shape (n_lams,)
        Variance across training sets, averaged over the evaluation points.
    mse : ndarray of shape (n_lams,)
        Mean squared error of the fits against the noiseless targets,
        averaged over training sets and points; equals ``bias2 + variance``.
    """

    lams: np.ndarray
    bias2: np.ndarray
    variance: np.ndarray
    mse: np.ndarray


def _path_coefs(
    Xc: np.ndarray, yc: np.ndarray, alphas: np.ndarray, fit_intercept: bool
) -> np.ndarray:
    """Ridge weights on centred data for every alpha = n*lam: (n_alphas, d).

    The SVD :math:`X_c = U S V^\\top` is taken through a triangular factor,
    which never forms an n x d (or d x n) orthogonal factor: when n >= d,
    the R factor of ``[Xc, yc]`` (so ``Xc = Q R`` and ``Q'yc`` is its last
    column) has the singular values and right vectors of ``Xc``; when
    d > n, the R factor of ``Z'`` gives ``Z Z' = R'R``, whose left singular
    vectors and values are those of ``Z``, and
    ``w = Z' U diag(1 / (s^2 + alpha)) U' z``. Here ``Z, z`` are ``Xc, yc``
    in an orthonormal basis of the complement of the constant vector when
    centring (which removes the null direction centring creates), else
    ``Xc, yc`` themselves. Directions are dropped only at ``alpha = 0``.
    """
    n, d = Xc.shape
    if n >= d:
        r = np.asarray(np.linalg.qr(np.column_stack([Xc, yc]), mode="r"))
        u, s, vt = np.linalg.svd(r[:d, :d])
        uty = u.T @ r[:d, d]  # = U' yc in the thin SVD of Xc
        shrink = shrink_factors(s, Xc.shape, alphas)  # (n_alphas, d)
        return (shrink * uty) @ vt
    Z, z = Xc, yc
    if fit_intercept:
        Z, z = complement_of_ones(Xc), complement_of_ones(yc)
    r_z = np.asarray(np.linalg.qr(Z.T, mode="r"))
    u, s, _ = np.linalg.svd(r_z.T)
    keep = keep_mask(s, Xc.shape, alphas)
    inv = np.where(keep, 1.0 / np.where(keep, s**2 + alphas[:, None], 1.0), 0)
    return ((u.T @ z) * inv) @ (u.T @ Z)


def ridge_path(
    X: ArrayLike,
    y: ArrayLike,
    lams: ArrayLike,
    *,
    fit_intercept: bool = True,
) -> RidgePath:
    r"""Ridge regression for many penalties from one SVD.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix (any shape, also ``n_features > n_samples``).
    y : array-like of shape (n_samples,)
        Targets.
    lams : array-like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0`, in any order.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept by centring ``X`` and ``y``.

    Returns
    -------
    RidgePath
        Frozen dataclass with ``lams``, ``coefs`` of shape
        ``(n_lams, n_features)`` and ``intercepts``; ``.predict(X)`` and
        ``.mse(X, y)`` evaluate every fit at once.

    Notes
    -----
    With the thin SVD :math:`X_c = U S V^\top` of the centred data,

    .. math::

        w(\lambda) = V \operatorname{diag}\!\left(
            \frac{s_k}{s_k^2 + n\lambda}\right) U^\top y_c,
        \qquad b(\lambda) = \bar y - \bar x^\top w(\lambda),

    so after the SVD each :math:`\lambda` costs :math:`O(r\,d)` with
    :math:`r = \min(n, d)`. For :math:`\lambda > 0` every direction is used,
    however small its singular value. Only at ``lam = 0`` are singular
    values that are zero to working precision dropped, which gives the
    minimum-norm least-squares solution, as in
    ``ridge_fit(..., solver="svd")``.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani and J. Friedman, The Elements of
       Statistical Learning, 2nd ed., Springer, 2009, Section 3.4.1.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = 2.0 * X[:, 0] + 1.0
    >>> path = wd.ridge_path(X, y, [0.0, 1.25])   # sum of centred x^2 is 5
    >>> path.coefs.ravel().round(6).tolist()
    [2.0, 1.0]
    >>> path.intercepts.round(6).tolist()
    [1.0, 2.5]
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    return _ridge_path(X_arr, y_arr, lam_arr, fit_intercept)


def _ridge_path(
    X: np.ndarray, y: np.ndarray, lams: np.ndarray, fit_intercept: bool
) -> RidgePath:
    """:func:`ridge_path` on validated arrays."""
    n, d = X.shape
    Xc, yc, x_mean, y_mean = center(X, y, fit_intercept)
    if fit_intercept and n == 1:  # nothing left after centring
        coefs = np.zeros((lams.size, d))
    else:
        coefs = _path_coefs(Xc, yc, n * lams, fit_intercept)
    if fit_intercept:
        intercepts = y_mean - coefs @ x_mean
    else:
        intercepts = np.zeros(lams.size)
    return RidgePath(lams.copy(), coefs, intercepts)


def _spectrum(
    Xc: np.ndarray, fit_intercept: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Left singular vectors, squared singular values and null flags of Xc.

    With an intercept the centred data are first written in an orthonormal
    basis of the complement of the constant vector (an exact change of
    basis), so the constant vector, which centring makes a null direction,
    never appears among the returned vectors: these are all orthogonal to
    it. Thin SVD when that leaves at least d samples, else the
    eigendecomposition of the (smaller) kernel matrix (rounding can make
    tiny eigenvalues negative: they are clipped to 0). ``null`` flags the
    values that are zero to working precision (used at ``alpha = 0`` only).
    """
    A = complement_of_ones(Xc) if fit_intercept else Xc
    m, d = A.shape
    if m >= d:
        u, s, _ = np.linalg.svd(A, full_matrices=False)
        null = ~keep_mask(s, Xc.shape, np.zeros(1))[0]
        s2 = s**2
    else:
        s2, u = np.linalg.eigh(A @ A.T)
        null = ~keep_mask(s2, Xc.shape, np.zeros(1))[0]
        s2 = np.maximum(s2, 0.0)
    if fit_intercept:
        u = from_complement_of_ones(u)
    return u, s2, null


def _loo_residuals(
    Xc: np.ndarray, yc: np.ndarray, alphas: np.ndarray, fit_intercept: bool
) -> np.ndarray:
    r"""Exact leave-one-out residuals, shape (n_samples, n_alphas).

    With :math:`H = \mathbf{1}\mathbf{1}^\top/n +
    U\,\mathrm{diag}(s^2/(s^2+\alpha))U^\top` (the first term only with an
    intercept), the residual of sample i when it is left out is
    :math:`e_i / (1 - H_{ii})`. Both :math:`I - H` and :math:`e = (I - H)y`
    are formed as :math:`\alpha\,U\,\mathrm{diag}(1/(s^2+\alpha))U^\top +
    P_\perp`, with :math:`P_\perp` the projection onto the rest of
    :math:`\mathbf{1}^\perp`, which avoids the cancellation in
    :math:`1 - H_{ii}` at small :math:`\alpha`. A sample with
    :math:`(P_\perp)_{ii} = 0` has :math:`(P_\perp y)_i = 0` too, so both
    are divided by :math:`\alpha`; :math:`\alpha = 0` is handled by
    :func:`_loo_residuals_at_zero`.
    """
    n, d = Xc.shape
    u, s2, null = _spectrum(Xc, fit_intercept)
    uty = u.T @ yc
    lev_tol = 8.0 * rank_tol(1.0, Xc.shape)
    if u.shape[1] == n - int(fit_intercept):  # P_perp = 0 exactly
        perp_diag, perp_y = np.zeros(n), np.zeros(n)
    else:
        perp_diag = 1.0 - fit_intercept / n - np.einsum("ik,ik->i", u, u)
        perp_y = yc - u @ uty
        full = perp_diag <= lev_tol  # leverage 1 at every alpha
        perp_diag[full], perp_y[full] = 0.0, 0.0
    out = np.empty((n, alphas.size))
    pos = alphas > 0
    if pos.any():
        alpha = alphas[pos]
        inv = 1.0 / (s2 + alpha[:, None])  # (n_pos, rank)
        a_diag = (u * u) @ inv.T  # sum_k u_ik^2 / (s_k^2 + alpha)
        a_y = u @ (inv * uty).T  # [U diag(1/(s^2+alpha)) U' y]_i
        with np.errstate(divide="ignore", invalid="ignore"):
            out[:, pos] = (alpha * a_y + perp_y[:, None]) / (
                alpha * a_diag + perp_diag[:, None]
            )
    if not pos.all():
        out[:, ~pos] = _loo_residuals_at_zero(
            u, s2, null, uty, perp_diag, perp_y, lev_tol
        )[:, None]
    return out


def _loo_residuals_at_zero(
    u: np.ndarray,
    s2: np.ndarray,
    null: np.ndarray,
    uty: np.ndarray,
    perp_diag: np.ndarray,
    perp_y: np.ndarray,
    lev_tol: float,
) -> np.ndarray:
    r"""Leave-one-out residuals at :math:`\alpha = 0`, the limit from above.

    Directions with a zero singular value join :math:`P_\perp`. A sample
    with leverage below 1 gets :math:`(P_\perp y)_i / (P_\perp)_{ii}`. A
    sample with leverage 1 (:math:`(P_\perp)_{ii} = 0`, e.g. the only one
    with a nonzero value of some feature, or any sample when the fit
    interpolates) gets the limit of the ratio divided by :math:`\alpha`,
    :math:`(A y)_i / A_{ii}` with :math:`A = U S^{-2} U^\top` over the
    nonzero singular values: the error of the minimum-norm least-squares
    refit without that sample.
    """
    keep = ~null
    perp_diag = perp_diag + (u[:, null] ** 2).sum(axis=1)
    perp_y = perp_y + u[:, null] @ uty[null]
    full = perp_diag <= lev_tol
    res = np.empty(u.shape[0])
    res[~full] = perp_y[~full] / perp_diag[~full]
    if full.any():
        uk = u[full][:, keep]
        a_diag = (uk * uk) @ (1.0 / s2[keep])
        a_y = uk @ (uty[keep] / s2[keep])
        res[full] = a_y / a_diag
    return res


def _cv_result(
    lams: np.ndarray, mse: np.ndarray, std: np.ndarray, k: int
) -> CVResult:
    se = std / np.sqrt(k)
    best = int(np.argmin(mse))
    within = mse <= mse[best] + se[best]
    lam_1se = float(np.max(lams[within]))
    return CVResult(lams.copy(), mse, std, se, float(lams[best]), lam_1se, k)


def loo_cv(
    X: ArrayLike,
    y: ArrayLike,
    lams: ArrayLike,
    *,
    fit_intercept: bool = True,
) -> CVResult:
    r"""Exact leave-one-out cross-validation error of ridge regression.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix (any shape).
    y : array-like of shape (n_samples,)
        Targets; at least 2 samples.
    lams : array-like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (re-estimated in every leave-one-out
        fit).

    Returns
    -------
    CVResult
        ``lams``, ``mse`` (the leave-one-out mean squared error), ``mse_std``
        and ``mse_se`` (spread and standard error of the n squared errors),
        ``best_lam``, ``lam_1se`` and ``k = n_samples``.

    Notes
    -----
    Leaving sample :math:`i` out and refitting with the same total penalty
    :math:`n\lambda` (i.e. ``ridge_fit`` on :math:`n-1` samples with
    ``lam * n / (n - 1)``, as scikit-learn's ``RidgeCV(alphas=n * lams)``)
    predicts :math:`y_i` with the error

    .. math::

        y_i - \hat y_{-i} = \frac{y_i - \hat y_i}{1 - H_{ii}(\lambda)},
        \qquad
        H(\lambda) = \tfrac{1}{n}\mathbf{1}\mathbf{1}^\top
        + U \operatorname{diag}\!\left(\frac{s_k^2}{s_k^2 + n\lambda}\right)
        U^\top,

    where :math:`\hat y` is the fit on all data and :math:`U, s` come from
    the thin SVD of :math:`X_c` or the eigendecomposition of
    :math:`X_c X_c^\top` (when ``d`` exceeds the samples). No
    :math:`n \times n` matrix is formed when ``n >= d``; each
    :math:`\lambda` costs :math:`O(n \min(n, d))`.

    At ``lam = 0`` the error is the :math:`\lambda \to 0^+` limit, which is
    the error of the minimum-norm least-squares refit without sample
    :math:`i`. It stays finite when a sample has leverage
    :math:`H_{ii}(0) = 1` (a feature nonzero only there, duplicated rows
    with ``d >= n``, any interpolating fit): the ratio is then taken in
    the limit, :math:`(A y)_i / A_{ii}` with
    :math:`A = (X_c X_c^\top)^+`.

    References
    ----------
    .. [1] G. H. Golub, M. Heath and G. Wahba, "Generalized cross-validation
       as a method for choosing a good ridge parameter", Technometrics 21(2),
       1979.
    .. [2] T. Hastie, R. Tibshirani and J. Friedman, The Elements of
       Statistical Learning, 2nd ed., Springer, 2009, Section 7.10.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = np.array([0.0, 1.0, 1.0, 3.0])
    >>> cv = wd.loo_cv(X, y, [0.0, 10.0])
    >>> # least squares: residuals (.1, .2, -.7, .4), 1 - h = (.3, .7, .7, .3)
    >>> round((1/9 + 4/49 + 1 + 16/9) / 4, 4), round(float(cv.mse[0]), 4)
    (0.7426, 0.7426)
    >>> cv.best_lam
    0.0
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n = X_arr.shape[0]
    _check_n_samples(n, "loo_cv")
    Xc, yc, _, _ = center(X_arr, y_arr, fit_intercept)
    sq = _loo_residuals(Xc, yc, n * lam_arr, fit_intercept) ** 2
    return _cv_result(lam_arr, sq.mean(axis=0), sq.std(axis=0, ddof=1), n)


def _check_n_samples(n: int, func: str) -> None:
    if n < 2:
        raise ValueError(
            f"{func} needs at least 2 samples to leave one out; got {n}. Pass "
            f"more data."
        )


def _check_k(k: object, n_samples: int) -> int:
    k = check_positive_int(k, "k", minimum=2)
    if k > n_samples:
        raise ValueError(
            f"k must be at most n_samples={n_samples} (each fold needs a "
            f"sample); got k={k}. Pass a smaller k, or use loo_cv for "
            f"leave-one-out."
        )
    return k


def kfold_indices(n_samples: int, k: int, seed: int = 0) -> list[np.ndarray]:
    """The k validation folds of :func:`kfold_cv`: a seeded shuffle in k parts.

    Parameters
    ----------
    n_samples : int
        Number of samples, at least 2.
    k : int
        Number of folds, an integer with ``2 <= k <= n_samples`` (so that
        no fold is empty).
    seed : int, default=0
        Non-negative seed of ``numpy.random.default_rng``.

    Returns
    -------
    list of k ndarrays
        Disjoint index arrays covering ``range(n_samples)``, of sizes that
        differ by at most one.

    Examples
    --------
    >>> from wdlib.selection import kfold_indices
    >>> [fold.size for fold in kfold_indices(10, 3)]
    [4, 3, 3]
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    k = _check_k(k, n_samples)
    seed = check_seed(seed)
    perm = np.random.default_rng(seed).permutation(n_samples)
    return np.array_split(perm, k)


def _fold_indices(value: object, n: int, name: str) -> np.ndarray:
    """Validate one index array of a given fold: ints in [0, n), non-empty."""
    if isinstance(value, np.ma.MaskedArray) and np.ma.count_masked(value):
        raise ValueError(
            f"{name} must not contain masked entries. Pass plain integer "
            f"indices."
        )
    arr = _asarray(
        value,
        name,
        "a 1-D array of integer sample indices",
        describe=lambda v: type(v).__name__,
    )
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D array of sample indices; got "
            f"shape {arr.shape}. Every training and test set needs a sample."
        )
    if arr.dtype.kind == "b":
        raise TypeError(
            f"{name} must hold integer sample indices, not a boolean mask. "
            f"Pass np.flatnonzero(mask)."
        )
    if arr.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must hold integer sample indices; got dtype "
            f"{arr.dtype}. Pass integer positions such as those from "
            f"sklearn's KFold(...).split(X)."
        )
    if arr.min() < 0 or arr.max() >= n:
        bad = arr[(arr < 0) | (arr >= n)]
        raise ValueError(
            f"{name} must hold indices in [0, {n - 1}] for n_samples={n}; "
            f"got {bad[:5].tolist()}. Build the folds from the same X."
        )
    return arr.astype(np.intp, copy=False)


def _given_folds(
    cv: Any, X: np.ndarray, y: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Validated (train, test) index pairs from ``cv``."""
    n = X.shape[0]
    split = getattr(cv, "split", None)
    if isinstance(cv, (str, bytes, numbers.Number)) or not (
        callable(split) or isinstance(cv, Iterable)
    ):
        raise TypeError(
            f"cv must be an iterable of (train_idx, test_idx) pairs or an "
            f"object with a split(X, y) method; got {_describe(cv)}. For k "
            f"shuffled folds pass k=... instead."
        )
    pairs = split(X, y) if callable(split) else cv
    folds = []
    for j, pair in enumerate(pairs):
        try:
            train, test = pair
        except (TypeError, ValueError):
            raise TypeError(
                f"cv must yield (train_idx, test_idx) pairs; split {j} is "
                f"{type(pair).__name__}. Pass e.g. "
                f"list(KFold(5).split(X))."
            ) from None
        train = _fold_indices(train, n, f"cv split {j}: train_idx")
        test = _fold_indices(test, n, f"cv split {j}: test_idx")
        common = np.intersect1d(train, test)
        if common.size:
            raise ValueError(
                f"cv split {j}: train_idx and test_idx must be disjoint; "
                f"both contain {common[:5].tolist()}. A sample used for "
                f"training must not be scored."
            )
        folds.append((train, test))
    if len(folds) < 2:
        raise ValueError(
            f"cv must yield at least 2 (train_idx, test_idx) splits to "
            f"estimate the spread of the error; got {len(folds)}. Pass more "
            f"splits."
        )
    return folds


def kfold_cv(
    X: ArrayLike,
    y: ArrayLike,
    lams: ArrayLike,
    *,
    k: int = 5,
    seed: int = 0,
    fit_intercept: bool = True,
    cv: Any = None,
) -> CVResult:
    r"""k-fold cross-validation error of ridge regression for many penalties.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets.
    lams : array-like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0`.
    k : int, default=5
        Number of folds, an integer with ``2 <= k <= n_samples``. Not used
        when ``cv`` is given (passing another value with ``cv`` is an
        error).
    seed : int, default=0
        Non-negative seed of the shuffle that assigns samples to folds
        (see :func:`kfold_indices`). Not used when ``cv`` is given (passing
        another value with ``cv`` is an error).
    fit_intercept : bool, default=True
        Fit an unpenalized intercept in every training fold.
    cv : iterable of (train_idx, test_idx) pairs or splitter, optional
        Folds to use instead of the seeded shuffle: integer index arrays
        (at least 2 pairs; each set non-empty, in range, train and test
        disjoint), or any object with a scikit-learn-style ``split(X, y)``
        method, e.g. ``GroupKFold(3).split(X, y, groups)`` or
        ``KFold(4)``. The sets need not cover every sample.

    Returns
    -------
    CVResult
        ``lams``, ``mse`` (the mean of the k fold errors), ``mse_std`` (their
        standard deviation), ``mse_se = mse_std / sqrt(k)``, ``best_lam``,
        ``lam_1se`` (one-standard-error rule) and ``k`` (the number of
        folds, also when given through ``cv``).

    Notes
    -----
    Each training set of :math:`m` samples is fitted for all penalties at
    once with one SVD (:func:`ridge_path`), holding the total penalty
    :math:`n\lambda` fixed, with :math:`n` the number of rows of ``X``
    (``lam * n / m`` in the book's per-sample scaling; scikit-learn's
    ``Ridge(alpha=n * lam)`` on every fold), so that ``best_lam`` refers to
    the fit on all :math:`n` samples. The fold error is the mean squared
    error on its test set, and ``mse`` the plain mean of the fold errors.
    The one-standard-error rule picks the largest :math:`\lambda` with
    :math:`\mathrm{CV}(\lambda) \le \min \mathrm{CV} + \mathrm{SE}`.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani and J. Friedman, The Elements of
       Statistical Learning, 2nd ed., Springer, 2009, Sections 7.10 and 3.4.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 3))
    >>> y = X @ [1.0, 0.0, -1.0] + 0.3 * rng.normal(size=40)
    >>> cv = wd.kfold_cv(X, y, np.logspace(-4, 1, 6), k=4)
    >>> cv.mse.shape, cv.k, bool(cv.lam_1se >= cv.best_lam)
    ((6,), 4, True)

    Given folds, here two halves used in turn:

    >>> halves = [(np.arange(20, 40), np.arange(20)),
    ...           (np.arange(20), np.arange(20, 40))]
    >>> wd.kfold_cv(X, y, [0.1, 1.0], cv=halves).k
    2
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n = X_arr.shape[0]
    if cv is None:
        k = _check_k(k, n)
        seed = check_seed(seed)
        folds = [
            (np.setdiff1d(np.arange(n), val), val)
            for val in kfold_indices(n, k, seed)
        ]
    else:
        _check_unused_with_cv(k, seed)
        folds = _given_folds(cv, X_arr, y_arr)
    fold_mse = np.empty((len(folds), lam_arr.size))
    for i, (train, test) in enumerate(folds):
        path = _ridge_path(
            X_arr[train],
            y_arr[train],
            lam_arr * n / train.size,
            fit_intercept,
        )
        resid = y_arr[test][:, None] - path.predict(X_arr[test])
        fold_mse[i] = np.mean(resid**2, axis=0)
    return _cv_result(
        lam_arr,
        fold_mse.mean(axis=0),
        fold_mse.std(axis=0, ddof=1),
        len(folds),
    )


def _check_unused_with_cv(k: object, seed: object) -> None:
    for name, value, default in (("k", k, 5), ("seed", seed, 0)):
        if not (
            isinstance(value, numbers.Integral) and value == default
        ) or isinstance(value, bool):
            raise ValueError(
                f"{name} is not used when cv is given (the folds come from "
                f"cv); got {name}={value!r} together with cv. Pass either "
                f"cv or {name}, not both."
            )


def bias_variance(
    train_sets: Iterable[tuple[object, object]],
    X_eval: ArrayLike,
    f_eval: ArrayLike,
    lams: ArrayLike,
    *,
    fit_intercept: bool = True,
) -> BiasVariance:
    r"""Squared bias and variance of ridge regression over training sets.

    Parameters
    ----------
    train_sets : iterable of (X, y) pairs
        Independent training sets drawn from the same distribution (at
        least 2), each with as many features as ``X_eval``.
    X_eval : array-like of shape (n_eval, n_features)
        Fixed points at which the fits are compared.
    f_eval : array-like of shape (n_eval,)
        The noiseless regression function at ``X_eval``.
    lams : array-like of shape (n_lams,)
        Penalty strengths.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.

    Returns
    -------
    BiasVariance
        ``lams``, ``bias2``, ``variance`` and ``mse = bias2 + variance``, each
        averaged over the evaluation points.

    Notes
    -----
    With :math:`\hat f_t` the fit on training set :math:`t = 1..T` and
    :math:`\bar f = \frac1T\sum_t \hat f_t`,

    .. math::

        \underbrace{\tfrac1T\textstyle\sum_t (\hat f_t(x) - f(x))^2}_{
            \text{mse}}
        = \underbrace{(\bar f(x) - f(x))^2}_{\text{bias}^2}
        + \underbrace{\tfrac1T\textstyle\sum_t (\hat f_t(x) - \bar f(x))^2}_{
            \text{variance}},

    averaged over the points :math:`x`. The expected test error on a new
    noisy target adds the noise variance :math:`\sigma^2`.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.selection import bias_variance
    >>> draws = [wd.data.make_overfitting(seed=s)[0] for s in range(5)]
    >>> test = wd.data.make_overfitting(seed=99)[1]
    >>> f_test = test.X @ test.coef + test.intercept
    >>> sets = [(d.X, d.y) for d in draws]
    >>> bv = bias_variance(sets, test.X, f_test, [1e-3, 1e3])
    >>> bool(np.allclose(bv.mse, bv.bias2 + bv.variance))
    True
    """
    X_ev = check_X(X_eval, "X_eval")
    f_ev = _as_float_array(f_eval, "f_eval")
    if f_ev.shape != (X_ev.shape[0],):
        raise ValueError(
            f"f_eval must be 1-D of shape ({X_ev.shape[0]},) to match X_eval; "
            f"got shape {f_ev.shape}. Pass the noiseless target at each row."
        )
    _check_finite(f_ev, "f_eval")
    lam_arr = check_lams(lams)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    preds = np.array(
        [
            _ridge_path(Xt, yt, lam_arr, fit_intercept).predict(X_ev)
            for Xt, yt in _training_sets(train_sets, X_ev.shape[1])
        ]
    )  # (T, n_eval, n_lams)
    if preds.shape[0] < 2:
        raise ValueError(
            f"train_sets must hold at least 2 training sets to measure a "
            f"variance; got {preds.shape[0]}. Pass more independent draws."
        )
    mean = preds.mean(axis=0)
    bias2 = ((mean - f_ev[:, None]) ** 2).mean(axis=0)
    variance = preds.var(axis=0).mean(axis=0)
    mse = ((preds - f_ev[:, None]) ** 2).mean(axis=(0, 1))
    return BiasVariance(lam_arr.copy(), bias2, variance, mse)


def _training_sets(
    train_sets: object, n_features: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Validate every (X, y) pair of ``train_sets`` against X_eval's width."""
    if isinstance(train_sets, (str, bytes)) or not isinstance(
        train_sets, Iterable
    ):
        raise TypeError(
            f"train_sets must be an iterable of (X, y) pairs; got "
            f"{type(train_sets).__name__}. Pass e.g. [(X1, y1), (X2, y2)]."
        )
    out = []
    for t, pair in enumerate(train_sets):
        try:
            Xt, yt = pair
        except (TypeError, ValueError):
            raise TypeError(
                f"train_sets must hold (X, y) pairs; item {t} is "
                f"{type(pair).__name__}. Pass e.g. [(X1, y1), (X2, y2)]."
            ) from None
        try:
            Xt, yt = check_X_y(Xt, yt)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"train_sets[{t}]: {exc}") from None
        if Xt.shape[1] != n_features:
            raise ValueError(
                f"train_sets[{t}]: X must have {n_features} column(s) like "
                f"X_eval; got shape {Xt.shape}. Use the same features."
            )
        out.append((Xt, yt))
    return out
