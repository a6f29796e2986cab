"""What the linear fits' results share: one ``predict``.

:class:`~wdlib.RidgeResult`, :class:`~wdlib.GDResult` and
:class:`~wdlib.LassoResult` are frozen dataclasses with ``coef`` and
``intercept``; they inherit :meth:`LinearPrediction.predict` from here.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import check_X_for_predict

__all__ = ["LinearPrediction"]


class LinearPrediction:
    """Mixin: ``predict(X) = X @ coef + intercept`` for a fitted linear "
    "model."""

    coef: np.ndarray
    intercept: float

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Return ``X @ coef + intercept`` for new samples.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            New samples, transformed exactly as the training data.

        Returns
        -------
        ndarray of shape (n_samples,)

        Examples
        --------
        >>> import numpy as np, wdlib as wd
        >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([1.0, 3.0, 5.0])
        >>> wd.ridge_fit(X, y, lam=0.0).predict([[3.0]]).round(6)
        array([7.])
        """
        X_arr = check_X_for_predict(X, self.coef.shape[0])
        return X_arr @ self.coef + self.intercept
