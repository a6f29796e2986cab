"""Warnings and errors raised by :mod:`wdlib`.

:class:`ConvergenceWarning` is re-exported as ``wdlib.ConvergenceWarning``
and, for code written against earlier releases, from :mod:`wdlib.gd`.
"""

from __future__ import annotations

__all__ = ["ConvergenceWarning"]


class ConvergenceWarning(UserWarning):
    """An iterative solver stopped before meeting its tolerance.

    Raised by :func:`wdlib.gradient_descent` and :func:`wdlib.lasso_fit`
    together with ``converged=False`` in their result; never an exception.

    Examples
    --------
    >>> import warnings, numpy as np, wdlib as wd
    >>> X = np.array([[1.0], [2.0], [3.0]]); y = np.array([1.0, 2.0, 2.0])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     res = wd.gradient_descent(X, y, lam=0.0, max_iter=2)
    >>> res.converged, caught[0].category is wd.ConvergenceWarning
    (False, True)
    """
