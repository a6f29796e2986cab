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

from dataclasses import dataclass
from typing import Iterable

import numpy as np
from numpy.typing import ArrayLike

from ._validation import check_lams, check_positive_int, check_X, check_X_for_predict, check_X_y
from .ridge import _center

__all__ = [
    "BiasVariance",
    "CVResult",
    "RidgePath",
    "bias_variance",
    "kfold_cv",
    "loo_cv",
    "ridge_path",
]

_EPS = np.finfo(np.float64).eps


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
        return check_X_for_predict(X, self.coefs.shape[1]) @ self.coefs.T + self.intercepts

    def mse(self, X: ArrayLike, y: ArrayLike) -> np.ndarray:
        """Mean squared error of every fit on ``(X, y)``: shape (n_lams,)."""
        X_arr, y_arr = check_X_y(X, y)
        return np.mean((y_arr[:, None] - self.predict(X_arr)) ** 2, axis=0)


@dataclass(frozen=True)
class CVResult:
    """Cross-validation error for each penalty (:func:`loo_cv`, :func:`kfold_cv`).

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


@dataclass(frozen=True)
class BiasVariance:
    """Bias-variance decomposition over repeated training sets, from :func:`bias_variance`.

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


def _rank_tol(s: np.ndarray, shape: tuple[int, int]) -> float:
    return float(s[0]) * max(shape) * _EPS if s.size and s[0] > 0 else 0.0


def _path_coefs(Xc: np.ndarray, yc: np.ndarray, alphas: np.ndarray) -> np.ndarray:
    """Ridge weights on centred data for every alpha = n*lam: shape (n_alphas, d).

    The SVD :math:`X_c = U S V^\\top` is taken through a triangular factor, which
    never forms an n x d (or d x n) orthogonal factor and costs a fraction of
    a direct SVD: when n >= d, the R factor of ``[Xc, yc]`` (so ``Xc = Q R``
    and ``Q'yc`` is its last column) has the singular values and right
    vectors of ``Xc``; when d > n, the R factor of ``Xc'`` gives
    ``Xc Xc' = R'R``, whose left singular vectors and values are those of
    ``Xc``, and ``w = Xc' U diag(1 / (s^2 + alpha)) U' yc``.
    """
    n, d = Xc.shape
    if n >= d:
        r = np.linalg.qr(np.column_stack([Xc, yc]), mode="r")
        u, s, vt = np.linalg.svd(r[:d, :d])
        keep = s > _rank_tol(s, Xc.shape)
        uty = u[:, keep].T @ r[:d, d]  # = U' yc in the thin SVD of Xc
        shrink = s[keep] / (s[keep] ** 2 + alphas[:, None])  # (n_alphas, rank)
        return (shrink * uty) @ vt[keep]
    u, s, _ = np.linalg.svd(np.linalg.qr(Xc.T, mode="r").T)
    keep = s > _rank_tol(s, Xc.shape)
    u, s = u[:, keep], s[keep]
    return ((u.T @ yc) / (s**2 + alphas[:, None])) @ (u.T @ Xc)


def ridge_path(X: ArrayLike, y: ArrayLike, lams: ArrayLike, *, fit_intercept: bool = True) -> RidgePath:
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

        w(\lambda) = V \operatorname{diag}\!\left(\frac{s_k}{s_k^2 + n\lambda}\right) U^\top y_c,
        \qquad b(\lambda) = \bar y - \bar x^\top w(\lambda),

    so after the SVD each :math:`\lambda` costs :math:`O(r\,d)` with
    :math:`r = \min(n, d)`. Singular values below the rank tolerance are
    dropped, so ``lam = 0`` gives the minimum-norm least-squares solution, as
    in ``ridge_fit(..., solver="svd")``.

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
    >>> path.coefs.ravel().round(6).tolist(), path.intercepts.round(6).tolist()
    ([2.0, 1.0], [1.0, 2.5])
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    n = X_arr.shape[0]
    Xc, yc, x_mean, y_mean = _center(X_arr, y_arr, bool(fit_intercept))
    coefs = _path_coefs(Xc, yc, n * lam_arr)
    intercepts = y_mean - coefs @ x_mean if fit_intercept else np.zeros(lam_arr.size)
    return RidgePath(lam_arr.copy(), coefs, intercepts)


def _spectrum(Xc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Left singular vectors and squared singular values of Xc above the rank tolerance.

    Thin SVD when n >= d; eigendecomposition of the n x n kernel Xc Xc' when
    d > n (cheaper there, and all that leave-one-out needs).
    """
    n, d = Xc.shape
    if n >= d:
        u, s, _ = np.linalg.svd(Xc, full_matrices=False)
        keep = s > _rank_tol(s, Xc.shape)
        return u[:, keep], s[keep] ** 2
    s2, u = np.linalg.eigh(Xc @ Xc.T)
    # Eigenvalues carry absolute errors of order eps * max(s2): a null
    # direction (such as the constant vector after centring) shows up as noise
    # of that size, so the rank tolerance applies to s^2 itself.
    keep = s2 > max(float(s2[-1]), 0.0) * max(n, d) * _EPS
    return u[:, keep], s2[keep]


def _loo_residuals(Xc: np.ndarray, yc: np.ndarray, alphas: np.ndarray, fit_intercept: bool) -> np.ndarray:
    r"""Exact leave-one-out residuals, shape (n_samples, n_alphas).

    With :math:`H = \mathbf{1}\mathbf{1}^\top/n + U\,\mathrm{diag}(s^2/(s^2+\alpha))U^\top`
    (the first term only with an intercept), the residual of sample i when it
    is left out is :math:`e_i / (1 - H_{ii})`. Both :math:`I - H` and the
    residual :math:`e = (I - H)y` are formed as
    :math:`\alpha\,U\,\mathrm{diag}(1/(s^2+\alpha))U^\top + P_\perp`, with
    :math:`P_\perp` the projection onto the rest of :math:`\mathbf{1}^\perp`,
    which avoids the cancellation in :math:`1 - H_{ii}` at small
    :math:`\alpha`. When :math:`P_\perp = 0` (the fit can interpolate) both
    are divided by :math:`\alpha`, so :math:`\alpha = 0` stays finite.
    """
    n = Xc.shape[0]
    u, s2 = _spectrum(Xc)
    inv = 1.0 / (s2 + alphas[:, None])  # (n_alphas, rank)
    uty = u.T @ yc
    a_diag = (u * u) @ inv.T  # sum_k u_ik^2 / (s_k^2 + alpha)
    a_y = u @ (inv * uty).T  # [U diag(1/(s^2+alpha)) U' y]_i
    if u.shape[1] == n - int(fit_intercept):  # interpolating: P_perp = 0
        return a_y / a_diag
    perp_diag = 1.0 - fit_intercept / n - np.einsum("ik,ik->i", u, u)
    perp_y = yc - u @ uty
    return (alphas * a_y + perp_y[:, None]) / (alphas * a_diag + perp_diag[:, None])


def _cv_result(lams: np.ndarray, mse: np.ndarray, std: np.ndarray, k: int) -> CVResult:
    se = std / np.sqrt(k)
    best = int(np.argmin(mse))
    within = mse <= mse[best] + se[best]
    lam_1se = float(np.max(lams[within]))
    return CVResult(lams.copy(), mse, std, se, float(lams[best]), lam_1se, k)


def loo_cv(X: ArrayLike, y: ArrayLike, lams: ArrayLike, *, fit_intercept: bool = True) -> CVResult:
    r"""Exact leave-one-out cross-validation error of ridge regression for many penalties.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix (any shape).
    y : array-like of shape (n_samples,)
        Targets; at least 2 samples.
    lams : array-like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (re-estimated in every leave-one-out fit).

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
        + U \operatorname{diag}\!\left(\frac{s_k^2}{s_k^2 + n\lambda}\right) U^\top,

    where :math:`\hat y` is the fit on all data and :math:`U, s` come from
    the thin SVD of :math:`X_c` (``n >= d``) or the eigendecomposition of
    :math:`X_c X_c^\top` (``d > n``). No :math:`n \times n` matrix is formed
    when ``n >= d``; each :math:`\lambda` costs :math:`O(n \min(n, d))`.

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
    >>> # least squares: residuals (0.1, 0.2, -0.7, 0.4) over 1 - h = (0.3, 0.7, 0.7, 0.3)
    >>> round((1/9 + 4/49 + 1 + 16/9) / 4, 4), round(float(cv.mse[0]), 4)
    (0.7426, 0.7426)
    >>> cv.best_lam
    0.0
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    n = X_arr.shape[0]
    _check_n_samples(n, "loo_cv")
    Xc, yc, _, _ = _center(X_arr, y_arr, bool(fit_intercept))
    sq = _loo_residuals(Xc, yc, n * lam_arr, bool(fit_intercept)) ** 2
    return _cv_result(lam_arr, sq.mean(axis=0), sq.std(axis=0, ddof=1), n)


def _check_n_samples(n: int, func: str) -> None:
    if n < 2:
        raise ValueError(
            f"{func} needs at least 2 samples to leave one out; got {n}. Pass "
            f"more data."
        )


def kfold_indices(n_samples: int, k: int, seed: int = 0) -> list[np.ndarray]:
    """The k validation folds used by :func:`kfold_cv`: a seeded shuffle split into k near-equal parts.

    Examples
    --------
    >>> from wdlib.selection import kfold_indices
    >>> [fold.size for fold in kfold_indices(10, 3)]
    [4, 3, 3]
    """
    perm = np.random.default_rng(seed).permutation(n_samples)
    return np.array_split(perm, k)


def kfold_cv(
    X: ArrayLike,
    y: ArrayLike,
    lams: ArrayLike,
    *,
    k: int = 5,
    seed: int = 0,
    fit_intercept: bool = True,
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
        Number of folds, ``2 <= k <= n_samples``.
    seed : int, default=0
        Seed of the shuffle that assigns samples to folds
        (see :func:`kfold_indices`).
    fit_intercept : bool, default=True
        Fit an unpenalized intercept in every training fold.

    Returns
    -------
    CVResult
        ``lams``, ``mse`` (the mean of the k fold errors), ``mse_std`` (their
        standard deviation), ``mse_se = mse_std / sqrt(k)``, ``best_lam``,
        ``lam_1se`` (one-standard-error rule) and ``k``.

    Notes
    -----
    Each training set of :math:`m` samples is fitted for all penalties at
    once with one SVD (:func:`ridge_path`), holding the total penalty
    :math:`n\lambda` fixed (``lam * n / m`` in the book's per-sample scaling),
    so that ``best_lam`` refers to the fit on all :math:`n` samples. The
    one-standard-error rule picks the largest :math:`\lambda` with
    :math:`\mathrm{CV}(\lambda) \le \min \mathrm{CV} + \mathrm{SE}`.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani and J. Friedman, The Elements of
       Statistical Learning, 2nd ed., Springer, 2009, Sections 7.10 and 3.4.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 3)); y = X @ [1.0, 0.0, -1.0] + 0.3 * rng.normal(size=40)
    >>> cv = wd.kfold_cv(X, y, np.logspace(-4, 1, 6), k=4)
    >>> cv.mse.shape, cv.k, bool(cv.lam_1se >= cv.best_lam)
    ((6,), 4, True)
    """
    X_arr, y_arr = check_X_y(X, y)
    lam_arr = check_lams(lams)
    k = check_positive_int(k, "k", minimum=2)
    n = X_arr.shape[0]
    if k > n:
        raise ValueError(
            f"k must be at most n_samples={n} (each fold needs a sample); got "
            f"k={k}. Pass a smaller k, or use loo_cv for leave-one-out."
        )
    fold_mse = np.empty((k, lam_arr.size))
    for i, val in enumerate(kfold_indices(n, k, seed)):
        train = np.ones(n, dtype=bool)
        train[val] = False
        path = ridge_path(X_arr[train], y_arr[train], lam_arr * n / train.sum(), fit_intercept=fit_intercept)
        fold_mse[i] = path.mse(X_arr[val], y_arr[val])
    return _cv_result(lam_arr, fold_mse.mean(axis=0), fold_mse.std(axis=0, ddof=1), k)


def bias_variance(
    train_sets: Iterable[tuple[object, object]],
    X_eval: ArrayLike,
    f_eval: ArrayLike,
    lams: ArrayLike,
    *,
    fit_intercept: bool = True,
) -> BiasVariance:
    r"""Squared bias and variance of ridge regression over repeated training sets.

    Parameters
    ----------
    train_sets : iterable of (X, y) pairs
        Independent training sets drawn from the same distribution (at least 2).
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

        \underbrace{\tfrac1T\textstyle\sum_t (\hat f_t(x) - f(x))^2}_{\text{mse}}
        = \underbrace{(\bar f(x) - f(x))^2}_{\text{bias}^2}
        + \underbrace{\tfrac1T\textstyle\sum_t (\hat f_t(x) - \bar f(x))^2}_{\text{variance}},

    averaged over the points :math:`x`. The expected test error on a new
    noisy target adds the noise variance :math:`\sigma^2`.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.selection import bias_variance
    >>> draws = [wd.data.make_overfitting(seed=s)[0] for s in range(5)]
    >>> test = wd.data.make_overfitting(seed=99)[1]
    >>> f_test = test.X @ test.coef + test.intercept
    >>> bv = bias_variance([(d.X, d.y) for d in draws], test.X, f_test, [1e-3, 1e3])
    >>> bool(np.allclose(bv.mse, bv.bias2 + bv.variance))
    True
    """
    X_ev = check_X(X_eval, "X_eval")
    f_ev = np.asarray(f_eval, dtype=np.float64)
    if f_ev.shape != (X_ev.shape[0],):
        raise ValueError(
            f"f_eval must be 1-D of shape ({X_ev.shape[0]},) to match X_eval; "
            f"got shape {f_ev.shape}. Pass the noiseless target at each row."
        )
    lam_arr = check_lams(lams)
    preds = np.array([ridge_path(Xt, yt, lam_arr, fit_intercept=fit_intercept).predict(X_ev)
                      for Xt, yt in train_sets])  # (T, n_eval, n_lams)
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
