r"""The L2 penalty and the ridge objective, in one convention.

Every function here uses the objective of the book (the source article's own
formula), with the intercept :math:`b` left out of the penalty:

.. math::

    J(w, b) = \frac{1}{2n}\lVert y - Xw - b\mathbf{1}\rVert_2^2
              + \frac{\lambda}{2}\lVert w\rVert_2^2 .
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._linalg import ridge_grad, ridge_residual, ridge_value
from ._validation import (
    _as_float_array,
    _check_finite,
    check_coef,
    check_lam,
    check_real,
    check_X_y,
)

__all__ = [
    "l2_penalty",
    "l2_penalty_grad",
    "ridge_objective",
    "ridge_gradient",
]


def _check_w(w: ArrayLike) -> np.ndarray:
    arr = _as_float_array(w, "w")
    if arr.ndim != 1:
        raise ValueError(
            f"w must be a 1-D array of weights; got shape {arr.shape}. Pass "
            f"w.ravel() to penalize every entry."
        )
    if arr.size == 0:
        raise ValueError(
            "w must hold at least one weight; got an empty array. Pass the "
            "model's weights (without the intercept)."
        )
    _check_finite(arr, "w")
    return arr


def _check_intercept(intercept: object) -> float:
    """A real finite scalar; arrays of several values get their own message."""
    if isinstance(intercept, np.ma.MaskedArray) and np.ma.count_masked(
        intercept
    ):
        raise ValueError(
            "intercept must not be masked; got a masked value. Pass a "
            "float such as intercept=0.0."
        )
    if isinstance(intercept, (list, tuple)) or (
        isinstance(intercept, np.ndarray) and intercept.ndim > 0
    ):
        raise ValueError(
            f"intercept must be a finite scalar; got {intercept!r}. Pass a "
            f"single float such as intercept=0.0."
        )
    return check_real(intercept, "intercept")


def l2_penalty(w: ArrayLike, lam: float) -> float:
    r"""Return the L2 penalty :math:`\frac{\lambda}{2}\lVert w\rVert_2^2`.

    Parameters
    ----------
    w : array-like of shape (n_features,)
        Weights to penalize (do not include an intercept).
    lam : float
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    float
        Half of ``lam`` times the squared Euclidean norm of ``w``.

    Notes
    -----
    .. math:: R(w) = \frac{\lambda}{2}\sum_{i=1}^{d} w_i^2

    Examples
    --------
    >>> import wdlib as wd
    >>> wd.l2_penalty([3.0, 4.0], lam=0.1)
    1.25
    """
    w_arr = _check_w(w)
    lam = check_lam(lam)
    return 0.5 * lam * float(w_arr @ w_arr)


def l2_penalty_grad(w: ArrayLike, lam: float) -> np.ndarray:
    r"""Return the gradient of the L2 penalty, :math:`\lambda w`.

    Parameters
    ----------
    w : array-like of shape (n_features,)
        Weights.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    ndarray of shape (n_features,)
        A new array; ``w`` is not modified.

    Notes
    -----
    .. math:: \nabla_w \frac{\lambda}{2}\lVert w\rVert_2^2 = \lambda w

    Examples
    --------
    >>> import wdlib as wd
    >>> wd.l2_penalty_grad([3.0, -4.0], lam=0.5)
    array([ 1.5, -2. ])
    """
    w_arr = _check_w(w)
    lam = check_lam(lam)
    return lam * w_arr


def _residual(
    X: ArrayLike, y: ArrayLike, coef: ArrayLike, intercept: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validated ``X``, the residual ``y - X coef - intercept`` and "
    "``coef``."""
    X_arr, y_arr = check_X_y(X, y)
    w = check_coef(coef, X_arr.shape[1])
    b = _check_intercept(intercept)
    return X_arr, ridge_residual(X_arr, y_arr, w, b), w


def ridge_objective(
    X: ArrayLike,
    y: ArrayLike,
    coef: ArrayLike,
    intercept: float = 0.0,
    lam: float = 0.0,
) -> float:
    r"""Return the ridge objective :math:`J(w, b)` at ``(coef, intercept)``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets (1-D; a column ``(n, 1)`` is rejected).
    coef : array-like of shape (n_features,)
        Weights :math:`w`.
    intercept : float, default=0.0
        Intercept :math:`b`, not penalized.
    lam : float, default=0.0
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    float
        The objective value.

    Notes
    -----
    .. math::

        J(w, b) = \frac{1}{2n}\lVert y - Xw - b\mathbf{1}\rVert_2^2
                  + \frac{\lambda}{2}\lVert w\rVert_2^2

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0], [2.0]]); y = np.array([1.0, 3.0])
    >>> wd.ridge_objective(X, y, coef=[1.0], intercept=0.0, lam=1.0)
    0.75
    """
    lam = check_lam(lam)
    _, r, w = _residual(X, y, coef, intercept)
    return float(ridge_value(r, w, lam))


def ridge_gradient(
    X: ArrayLike,
    y: ArrayLike,
    coef: ArrayLike,
    intercept: float = 0.0,
    lam: float = 0.0,
) -> tuple[np.ndarray, float]:
    r"""Return the gradient of :func:`ridge_objective` in coef and intercept.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets.
    coef : array-like of shape (n_features,)
        Weights :math:`w`.
    intercept : float, default=0.0
        Intercept :math:`b`.
    lam : float, default=0.0
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    grad_coef : ndarray of shape (n_features,)
        :math:`\partial J/\partial w`.
    grad_intercept : float
        :math:`\partial J/\partial b` (no penalty term).

    Notes
    -----
    With the residual :math:`r = y - Xw - b\mathbf{1}`,

    .. math::

        \frac{\partial J}{\partial w} = -\frac{1}{n}X^\top r + \lambda w,
        \qquad
        \frac{\partial J}{\partial b} = -\frac{1}{n}\mathbf{1}^\top r .

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0], [2.0]]); y = np.array([1.0, 3.0])
    >>> g_w, g_b = wd.ridge_gradient(X, y, coef=[1.0], lam=1.0)
    >>> g_w, g_b
    (array([0.]), -0.5)
    """
    lam = check_lam(lam)
    X_arr, r, w = _residual(X, y, coef, intercept)
    grad_w, grad_b = ridge_grad(X_arr, r, w, lam)
    return grad_w, float(grad_b)
