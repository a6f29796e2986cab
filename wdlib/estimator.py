"""A scikit-learn compatible ridge estimator built on :func:`wdlib.ridge_fit`.

scikit-learn is imported when this module loads, which :mod:`wdlib` delays
until ``wd.Ridge`` is first used, so ``import wdlib`` stays light.
"""

from __future__ import annotations

import numpy as np

try:
    from sklearn.base import BaseEstimator, RegressorMixin
    from sklearn.utils.validation import check_is_fitted, validate_data
except ImportError as exc:  # pragma: no cover - exercised only without sklearn
    raise ImportError(
        "wd.Ridge needs scikit-learn >= 1.6; install it with "
        "`pip install scikit-learn` (the other wdlib functions do not need it)."
    ) from exc

from .ridge import ridge_fit

__all__ = ["Ridge"]


class Ridge(RegressorMixin, BaseEstimator):
    r"""Ridge regression with the book's penalty convention, as a scikit-learn estimator.

    Parameters
    ----------
    lam : float, default=1.0
        Penalty strength :math:`\lambda \ge 0` in
        :math:`\frac{1}{2n}\lVert y - Xw - b\rVert^2 + \frac{\lambda}{2}\lVert w\rVert^2`.
        ``sklearn.linear_model.Ridge(alpha=n_samples * lam)`` fits the same model.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    solver : {"auto", "cholesky", "kernel", "svd"}, default="auto"
        Passed to :func:`wdlib.ridge_fit`.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        Fitted weights.
    intercept_ : float
        Fitted intercept.
    solver_ : str
        The solver :func:`wdlib.ridge_fit` used.
    n_features_in_ : int
        Number of features seen during :meth:`fit`.

    Notes
    -----
    Unlike :func:`wdlib.ridge_fit`, which rejects a column ``y`` of shape
    ``(n, 1)``, this estimator follows scikit-learn's convention: it warns
    with ``DataConversionWarning`` and flattens it.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = 2.0 * X[:, 0] + 1.0
    >>> model = wd.Ridge(lam=1.25).fit(X, y)
    >>> model.coef_.round(6), round(model.intercept_, 6)
    (array([1.]), 2.5)
    >>> model.predict([[4.0]]).round(6)
    array([6.5])
    """

    def __init__(self, lam: float = 1.0, *, fit_intercept: bool = True, solver: str = "auto"):
        self.lam = lam
        self.fit_intercept = fit_intercept
        self.solver = solver

    def fit(self, X, y) -> "Ridge":
        """Fit the model to ``X`` of shape (n_samples, n_features) and ``y`` of shape (n_samples,)."""
        X, y = validate_data(self, X, y, y_numeric=True, dtype=np.float64)
        result = ridge_fit(X, y, self.lam, fit_intercept=self.fit_intercept, solver=self.solver)
        self.coef_ = result.coef
        self.intercept_ = result.intercept
        self.solver_ = result.solver
        return self

    def predict(self, X) -> np.ndarray:
        """Return predictions ``X @ coef_ + intercept_`` of shape (n_samples,)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        return X @ self.coef_ + self.intercept_
