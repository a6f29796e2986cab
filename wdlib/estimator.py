"""A scikit-learn compatible ridge estimator built on :func:`wdlib.ridge_fit`.

scikit-learn is imported when this module loads, which :mod:`wdlib` delays
until ``wd.Ridge`` is first used, so ``import wdlib`` stays light.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np
from numpy.typing import ArrayLike

try:
    from sklearn.base import BaseEstimator, RegressorMixin
    from sklearn.utils.validation import (
        check_array,
        check_is_fitted,
        validate_data,
    )
except ImportError as exc:  # pragma: no cover - exercised only without sklearn
    raise ImportError(
        "wd.Ridge needs scikit-learn >= 1.6; install it with "
        "`pip install scikit-learn` (the other wdlib functions do not need "
        "it)."
    ) from exc

from ._validation import (
    _as_float_array,
    _reject_masked,
    _reject_text,
    check_bool,
    check_lam,
)
from .ridge import ridge_fit

__all__ = ["Ridge"]


def _reject_hidden(value: object, name: str) -> None:
    """Reject what scikit-learn's validation silently misreads.

    Masked entries would be read as their hidden values, and text such as
    ``"1.5"`` would be parsed as a number.
    """
    _reject_masked(value, name)
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        return  # ragged input: scikit-learn's own message follows
    _reject_text(arr, name, f"an array of shape {arr.shape}")


def _naming(
    names: str, check: Callable[[], Any], fallback: Callable[[], str]
) -> Any:
    """Run a scikit-learn check; make sure its error names the argument.

    scikit-learn's messages (which its ``check_estimator`` pins) are kept
    and prefixed with the argument's name when they do not mention it;
    ``fallback`` says which argument failed when several were checked.
    """
    try:
        return check()
    except (TypeError, ValueError) as exc:
        text = str(exc)
        name = names if "," not in names else fallback()
        if re.search(rf"\b{re.escape(name)}\b", text):
            raise
        raise type(exc)(f"{name}: {text}") from None


def _check_sample_weight(sample_weight: object, n: int) -> np.ndarray:
    """Non-negative finite weights, one per sample (a scalar is broadcast)."""
    sw = _as_float_array(sample_weight, "sample_weight")
    if sw.ndim == 0:
        sw = np.full(n, float(sw))
    if sw.shape != (n,):
        raise ValueError(
            f"sample_weight must be a scalar or 1-D of shape ({n},), one "
            f"weight per sample; got shape {sw.shape}."
        )
    if not np.all(np.isfinite(sw)) or np.any(sw < 0):
        raise ValueError(
            f"sample_weight must hold finite numbers >= 0; got "
            f"{sw[~(np.isfinite(sw) & (sw >= 0))][:5].tolist()}. Drop "
            f"samples instead of giving them a negative weight."
        )
    if not sw.any():
        raise ValueError(
            "sample_weight must not be all zero (no sample would count); "
            "give at least one sample a positive weight."
        )
    return sw


class Ridge(RegressorMixin, BaseEstimator):
    r"""Ridge regression with the book's penalty, as a scikit-learn estimator.

    Parameters
    ----------
    lam : float, default=1.0
        Penalty strength :math:`\lambda \ge 0` in
        :math:`\frac{1}{2n}\lVert y - Xw - b\rVert^2 + \frac{\lambda}{2}\lVert
        w\rVert^2`.
        ``sklearn.linear_model.Ridge(alpha=n_samples * lam)`` fits the same
        model (with sample weights, ``n`` is their sum: see Notes).
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    solver : {"auto", "cholesky", "kernel", "svd"}, default="auto"
        Passed to :func:`wdlib.ridge_fit`.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
        Fitted weights; one row per target when ``y`` has more than one
        column (scikit-learn's layout).
    intercept_ : float or ndarray of shape (n_targets,)
        Fitted intercept; an array when ``y`` is 2-D.
    solver_ : str
        The solver :func:`wdlib.ridge_fit` used.
    n_features_in_ : int
        Number of features seen during :meth:`fit`.

    Notes
    -----
    **Sample weights** follow scikit-learn's semantics: weight
    :math:`s_i` multiplies sample :math:`i`'s squared error, an integer
    weight is the same as repeating the row, a zero weight the same as
    dropping it. The ``n`` of :math:`\alpha = n\lambda` is then the total
    weight :math:`S = \sum_i s_i` (the number of rows the weights stand
    for; ``n_samples`` when every weight is 1), so that ``lam`` keeps its
    meaning of a penalty per sample:

    .. math::

        \min_{w, b}\ \frac{1}{2S}\sum_i s_i (y_i - x_i^\top w - b)^2
        + \frac{\lambda}{2}\lVert w\rVert^2,

    which is ``sklearn.linear_model.Ridge(alpha=S * lam).fit(X, y,
    sample_weight=s)``. Multiplying all weights by a constant changes
    nothing. Weights must be finite and non-negative.

    **A 2-D y** of shape ``(n_samples, n_targets)`` fits one ridge model per
    column with the same ``lam``, as scikit-learn's ``Ridge`` does, with
    its shapes: ``coef_`` is ``(n_targets, n_features)``, or
    ``(n_features,)`` for a single column, and ``intercept_`` and the
    predictions keep the targets' axis.

    **In GridSearchCV** (or ``cross_val_score``) each training fold is fitted
    with its own number of rows :math:`m`, so a fixed ``lam`` means a total
    penalty :math:`m\lambda` (scikit-learn's ``alpha``) that is smaller than
    the :math:`n\lambda` of a fit on all :math:`n` rows, and the best
    ``lam`` found for :math:`m` rows is a slightly weaker penalty on all
    data. :func:`wdlib.kfold_cv` instead holds the total penalty
    :math:`n\lambda` fixed in every fold, so its ``best_lam`` applies to the
    fit on all data directly; the two agree when GridSearchCV's ``lam`` is
    ``n / m`` times kfold_cv's. With 12 rows and 3 folds (:math:`m = 8`):

    >>> import numpy as np, wdlib as wd
    >>> from sklearn.model_selection import GridSearchCV
    >>> from wdlib.selection import kfold_indices
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(12, 2)); y = X @ [1.0, -1.0] + rng.normal(size=12)
    >>> folds = [(np.setdiff1d(np.arange(12), val), val)
    ...          for val in kfold_indices(12, 3)]   # wd.kfold_cv's folds
    >>> search = GridSearchCV(wd.Ridge(), {"lam": [0.3]}, cv=folds,
    ...                       scoring="neg_mean_squared_error").fit(X, y)
    >>> round(float(-search.best_score_), 6)   # total penalty 8 * 0.3 = 2.4
    0.81985
    >>> round(float(wd.kfold_cv(X, y, [0.2], k=3).mse[0]), 6)   # 12 * 0.2
    0.81985
    >>> round(float(wd.kfold_cv(X, y, [0.3], k=3).mse[0]), 6)   # 12 * 0.3
    0.895831

    Unlike :func:`wdlib.ridge_fit`, which takes a 1-D ``y`` only, this
    estimator accepts a column ``y`` of shape ``(n, 1)`` as scikit-learn's
    ``Ridge`` does.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = 2.0 * X[:, 0] + 1.0
    >>> model = wd.Ridge(lam=1.25).fit(X, y)
    >>> model.coef_.round(6), round(model.intercept_, 6)
    (array([1.]), 2.5)
    >>> model.predict([[4.0]]).round(6)
    array([6.5])
    >>> weighted = wd.Ridge(lam=1.25).fit(X, y, sample_weight=[2, 1, 1, 2])
    >>> weighted.coef_.round(6)   # 19 / (9.5 + 6 * 1.25): S = 6
    array([1.117647])
    """

    def __init__(
        self,
        lam: float = 1.0,
        *,
        fit_intercept: bool = True,
        solver: str = "auto",
    ):
        self.lam = lam
        self.fit_intercept = fit_intercept
        self.solver = solver

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags

    def fit(
        self,
        X: ArrayLike,
        y: ArrayLike,
        sample_weight: ArrayLike | None = None,
    ) -> "Ridge":
        """Fit the model.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Design matrix.
        y : array-like of shape (n_samples,) or (n_samples, n_targets)
            Targets.
        sample_weight : float or array-like of shape (n_samples,), optional
            Non-negative weight of each sample (see Notes of the class).

        Returns
        -------
        Ridge
            The fitted estimator.
        """
        fit_intercept = check_bool(self.fit_intercept, "fit_intercept")
        lam = check_lam(self.lam)
        _reject_hidden(X, "X")
        _reject_hidden(y, "y")

        def which() -> str:
            try:
                check_array(X, dtype=np.float64)
            except (TypeError, ValueError):
                return "X"
            return "y"

        X, y = _naming(
            "X, y",
            lambda: validate_data(
                self,
                X,
                y,
                y_numeric=True,
                multi_output=True,
                dtype=np.float64,
            ),
            which,
        )
        Y = y if y.ndim == 2 else y[:, None]
        n = X.shape[0]
        x_mean, y_mean = np.zeros(X.shape[1]), np.zeros(Y.shape[1])
        if sample_weight is not None:
            sw = _check_sample_weight(sample_weight, n)
            total = float(sw.sum())
            if fit_intercept:  # weighted centring: b = y_mean - x_mean'w
                x_mean, y_mean = sw @ X / total, sw @ Y / total
            root = np.sqrt(sw)[:, None]
            X, Y = (X - x_mean) * root, (Y - y_mean) * root
            # ridge_fit's alpha = n * lam_fit must equal total * lam
            lam, fit_intercept = lam * total / n, False
        fits = [
            ridge_fit(
                X,
                Y[:, k],
                lam,
                fit_intercept=fit_intercept,
                solver=self.solver,
            )
            for k in range(Y.shape[1])
        ]
        coef = np.array([fit.coef for fit in fits])
        intercept = np.array([fit.intercept for fit in fits])
        intercept += y_mean - coef @ x_mean
        if y.ndim == 1:
            self.coef_, self.intercept_ = coef[0], float(intercept[0])
        else:
            self.coef_ = coef[0] if coef.shape[0] == 1 else coef
            self.intercept_ = intercept
        self.solver_ = fits[0].solver
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Return predictions ``X @ coef_.T + intercept_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            New samples.

        Returns
        -------
        ndarray of shape (n_samples,) or (n_samples, n_targets)
        """
        check_is_fitted(self)
        _reject_hidden(X, "X")
        X = _naming(
            "X",
            lambda: validate_data(self, X, reset=False, dtype=np.float64),
            str,
        )
        return X @ self.coef_.T + self.intercept_
