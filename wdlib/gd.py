r"""Full-batch gradient descent on the ridge objective.

The step size defaults to :math:`1/L`, with :math:`L` the largest eigenvalue
of the objective's Hessian in :math:`(w, b)`; for that step size gradient
descent decreases the objective monotonically and converges linearly.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from ._linalg import ridge_grad, ridge_residual, ridge_value
from ._results import LinearPrediction
from ._validation import (
    check_bool,
    check_lam,
    check_positive_float,
    check_positive_int,
    check_X,
    check_X_y,
)
from .exceptions import ConvergenceWarning

__all__ = [
    "ConvergenceWarning",
    "GDResult",
    "condition_number",
    "gradient_descent",
    "lipschitz_constant",
]


@dataclass(frozen=True)
class GDResult(LinearPrediction):
    """Result of :func:`gradient_descent`.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
        Final weights.
    intercept : float
        Final intercept (0.0 when ``fit_intercept=False``).
    n_iter : int
        Number of updates that led to ``coef`` and ``intercept``: at most
        ``max_iter``, and exactly ``max_iter`` when the run stops there.
    converged : bool
        Whether the gradient norm fell below ``tol``.
    history : ndarray of shape (n_iter + 1,)
        Objective value before the first update and after each of the
        ``n_iter`` updates; ``history[-1]`` is the objective at ``coef``
        and ``intercept``.
    lr : float
        Step size used.
    """

    coef: np.ndarray
    intercept: float
    n_iter: int
    converged: bool
    history: np.ndarray
    lr: float


def _design(X: np.ndarray, fit_intercept: bool) -> np.ndarray:
    """X with a column of ones appended when an intercept is fitted."""
    return np.hstack([X, np.ones((X.shape[0], 1))]) if fit_intercept else X


def lipschitz_constant(
    X: ArrayLike, lam: float, *, fit_intercept: bool = True
) -> float:
    r"""Largest eigenvalue :math:`L` of the ridge objective's Hessian.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Include the (unpenalized) intercept as a parameter.

    Returns
    -------
    float
        :math:`L`, so that gradient descent converges for any step
        :math:`0 < \eta < 2/L` and decreases the objective for
        :math:`\eta \le 1/L`.

    Notes
    -----
    With :math:`A = [X, \mathbf{1}]` the Hessian is
    :math:`H = A^\top A/n + \lambda\,\mathrm{diag}(1, \dots, 1, 0)`. When
    :math:`d + 1 \le n` its largest eigenvalue is computed exactly. Otherwise
    the bound :math:`\lambda_{\max}(AA^\top/n) + \lambda \ge L` (exact without
    an intercept) is used, which needs only the :math:`n \times n` kernel.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0], [-1.0]])
    >>> wd.lipschitz_constant(X, lam=0.5, fit_intercept=False)
    1.5
    """
    X_arr = check_X(X)
    lam = check_lam(lam)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n, d = X_arr.shape
    if d + int(fit_intercept) <= n:
        hess = _hessian(X_arr, lam, fit_intercept)
        return float(np.linalg.eigvalsh(hess)[-1])
    A = _design(X_arr, fit_intercept)
    return float(np.linalg.eigvalsh(A @ A.T / n)[-1]) + lam


def _hessian(X: np.ndarray, lam: float, fit_intercept: bool) -> np.ndarray:
    A = _design(X, fit_intercept)
    hess = A.T @ A / A.shape[0]
    d = X.shape[1]
    hess.flat[: d * (A.shape[1] + 1) : A.shape[1] + 1] += lam
    return hess


def condition_number(
    X: ArrayLike, lam: float, *, fit_intercept: bool = True
) -> float:
    r"""Condition number :math:`\kappa = L/\mu` of the objective's Hessian.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Include the (unpenalized) intercept as a parameter.

    Returns
    -------
    float
        :math:`\kappa`, or ``inf`` when the Hessian is singular (for example
        :math:`\lambda = 0` with more features than samples).

    Notes
    -----
    The Hessian in :math:`(w, b)` is
    :math:`H = A^\top A/n + \lambda\,\mathrm{diag}(1, \dots, 1, 0)` with
    :math:`A = [X, \mathbf{1}]`. Gradient descent with step :math:`1/L`
    needs about :math:`\kappa \log(1/\varepsilon)` steps to reach accuracy
    :math:`\varepsilon`; Nesterov's method about
    :math:`\sqrt{\kappa}\log(1/\varepsilon)`. This computes all
    :math:`d + 1` eigenvalues, :math:`O(d^3)`.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 3.0], [0.0, -3.0]])
    >>> wd.condition_number(X, lam=0.0)      # eigenvalues 0.5, 4.5 and 1
    9.0
    >>> wd.condition_number(X, lam=0.5)      # 1.0, 5.0 and 1
    5.0
    """
    X_arr = check_X(X)
    lam = check_lam(lam)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    eigenvalues = np.linalg.eigvalsh(_hessian(X_arr, lam, fit_intercept))
    tiny = eigenvalues[-1] * eigenvalues.size * np.finfo(np.float64).eps
    return (
        float(eigenvalues[-1] / eigenvalues[0])
        if eigenvalues[0] > tiny
        else float("inf")
    )


def gradient_descent(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    *,
    lr: float | None = None,
    max_iter: int = 10_000,
    tol: float = 1e-6,
    fit_intercept: bool = True,
    nesterov: bool = False,
) -> GDResult:
    r"""Minimize the ridge objective by full-batch gradient descent.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    lr : float, optional
        Step size :math:`\eta`. Defaults to :math:`1/L`
        (see :func:`lipschitz_constant`).
    max_iter : int, default=10000
        Maximum number of steps.
    tol : float, default=1e-6
        Stop when the Euclidean norm of the full gradient (weights and
        intercept) is at most ``tol``.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    nesterov : bool, default=False
        Use Nesterov's accelerated gradient with momentum
        :math:`k/(k+3)` and function-value restart (O'Donoghue and Candès),
        which needs about :math:`\sqrt{\kappa}` instead of :math:`\kappa`
        steps per digit of accuracy. Its step must be at most :math:`1/L`
        (the default): steps up to :math:`2/L`, stable for plain gradient
        descent, can make the momentum diverge.

    Returns
    -------
    GDResult
        Frozen dataclass with ``coef``, ``intercept``, ``n_iter``,
        ``converged``, ``history`` (objective values), ``lr`` and a
        ``predict(X)`` method.

    Warns
    -----
    ConvergenceWarning
        If ``max_iter`` steps do not reach ``tol`` (the message says whether
        ``lr`` is unstable), or the iterates diverge: the objective or its
        gradient overflows, grows by a factor of 1e30, or ends above its
        starting value. The message then names the stable step sizes:
        ``lr < 2/L`` for plain gradient descent, ``lr <= 1/L`` with
        ``nesterov=True``. ``converged`` is False, and ``coef``,
        ``intercept`` and ``history`` end at the last finite iterate.

    Notes
    -----
    Each step updates :math:`\theta = (w, b)` by

    .. math::

        w \leftarrow w - \eta\left(-\tfrac{1}{n}X^\top r + \lambda w\right)
          = (1 - \eta\lambda)\,w + \tfrac{\eta}{n}X^\top r,
        \qquad
        b \leftarrow b + \tfrac{\eta}{n}\mathbf{1}^\top r,

    with :math:`r = y - Xw - b\mathbf{1}`: the factor :math:`1 - \eta\lambda`
    is where "weight decay" gets its name.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(50, 3)); y = X @ [1.0, -2.0, 0.5] + 3.0
    >>> res = wd.gradient_descent(X, y, lam=0.1, tol=1e-10)
    >>> res.converged
    True
    >>> exact = wd.ridge_fit(X, y, lam=0.1)
    >>> bool(np.allclose(res.coef, exact.coef))
    True
    >>> bool(np.isclose(res.intercept, exact.intercept))
    True
    """
    X_arr, y_arr = check_X_y(X, y)
    lam = check_lam(lam)
    max_iter = check_positive_int(max_iter, "max_iter")
    tol = check_positive_float(tol, "tol")
    step = check_positive_float(lr, "lr", allow_none=True)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    nesterov = check_bool(nesterov, "nesterov")
    if step is None:
        step = 1.0 / lipschitz_constant(
            X_arr, lam, fit_intercept=fit_intercept
        )
    evaluate = _objective_and_gradient(X_arr, y_arr, lam, fit_intercept)
    theta0 = np.zeros(X_arr.shape[1] + int(fit_intercept))
    method = _nesterov_iterates if nesterov else _plain_iterates
    run = _Run(step, X_arr, lam, fit_intercept, nesterov)
    history: list[float] = []
    norms: list[float] = []
    last, converged = theta0, False
    for k, (theta, value, grad) in enumerate(method(evaluate, theta0, step)):
        # k updates led to theta
        with np.errstate(over="ignore", invalid="ignore"):
            norm = float(np.linalg.norm(grad))
        if not (np.isfinite(value) and np.isfinite(norm)):
            if k == 0:  # nothing finite to return but the start
                history.append(value)
                _warn_diverged(
                    "the objective or its gradient overflows float64 at "
                    "the starting point w = 0, b = 0",
                    run,
                )
                break
            _warn_diverged(
                f"the objective or its gradient overflowed after {k} steps "
                f"(objective {history[0]:.3g} at the start, "
                f"{history[-1]:.3g} at the last finite step)",
                run,
            )
            break
        history.append(value)
        norms.append(norm)
        last = theta
        if norm <= tol:
            converged = True
            break
        if value > _GROWTH * history[0] or (
            k == max_iter and value > history[0]
        ):
            _warn_diverged(
                f"the objective grew from {history[0]:.3g} to {value:.3g} "
                f"and the gradient norm from {norms[0]:.3g} to {norm:.3g} "
                f"in {k} steps",
                run,
            )
            break
        if k == max_iter:
            _warn_slow(tol, max_iter, norm, run)
            break
    d = X_arr.shape[1]
    coef = last[:d].copy()
    intercept = float(last[d]) if fit_intercept else 0.0
    n_iter = len(history) - 1
    return GDResult(
        coef, intercept, n_iter, converged, np.array(history), step
    )


_Evaluate = Callable[[np.ndarray], tuple[float, np.ndarray]]


def _objective_and_gradient(
    X: np.ndarray, y: np.ndarray, lam: float, fit_intercept: bool
) -> _Evaluate:
    """``theta = (w, b) -> (J, grad J)``; without an intercept theta = w."""
    d = X.shape[1]

    def evaluate(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:d]
        b = float(theta[d]) if fit_intercept else 0.0
        # overflow is diagnosed by the caller, not warned about here
        with np.errstate(over="ignore", invalid="ignore"):
            r = ridge_residual(X, y, w, b)
            g_w, g_b = ridge_grad(X, r, w, lam)
            value = float(ridge_value(r, w, lam))
        return value, (np.append(g_w, g_b) if fit_intercept else g_w)

    return evaluate


_Iterates = Iterator[tuple[np.ndarray, float, np.ndarray]]


def _plain_iterates(
    evaluate: _Evaluate, theta: np.ndarray, step: float
) -> _Iterates:
    r"""Yield (theta_k, J(theta_k), grad J(theta_k)) for k = 0, 1, ...

    with :math:`\theta_{k+1} = \theta_k - \eta \nabla J(\theta_k)`.
    """
    while True:
        value, grad = evaluate(theta)
        yield theta, value, grad
        with np.errstate(over="ignore", invalid="ignore"):
            theta = theta - step * grad


def _nesterov_iterates(
    evaluate: _Evaluate, theta: np.ndarray, step: float
) -> _Iterates:
    r"""Like :func:`_plain_iterates` for Nesterov's accelerated gradient.

    The gradient step is taken at the extrapolated point
    :math:`\theta_k + \frac{m}{m+3}(\theta_k - \theta_{k-1})`; the
    momentum counter :math:`m` restarts at 0 whenever the objective rises
    (function-value restart, O'Donoghue and Candes).
    """
    previous, m, last_value = theta, 0, np.inf
    while True:
        value, grad = evaluate(theta)
        yield theta, value, grad
        if value > last_value:
            m = 0
        last_value = value
        with np.errstate(over="ignore", invalid="ignore"):
            point = theta + m / (m + 3) * (theta - previous)
            previous, theta = theta, point - step * evaluate(point)[1]
        m += 1


# No convergent run multiplies the objective by this much: with lr <= 1/L
# gradient descent never increases it, and Nesterov's method keeps
# J - J* below kappa * (J(0) - J*), kappa < 1/eps in double precision.
_GROWTH = 1e30


class _Run(NamedTuple):
    """The settings of a run, for the warnings that explain its failure."""

    step: float
    X: np.ndarray
    lam: float
    fit_intercept: bool
    nesterov: bool


def _stability(run: _Run) -> str:
    """Why a step size is or may be unstable, and what to use instead."""
    step, nesterov = run.step, run.nesterov
    L = lipschitz_constant(run.X, run.lam, fit_intercept=run.fit_intercept)
    ratio = f"lr={step:.3g} is {step * L:.3g}/L"
    if nesterov and step * L > 1.0:
        return (
            f"{ratio}: with nesterov=True the momentum needs lr <= "
            f"1/L={1.0 / L:.3g} (the accelerated method's guarantee; with "
            f"momentum near 1 steps above 4/(3L)={4.0 / (3.0 * L):.3g} are "
            f"unstable), not the 2/L={2.0 / L:.3g} of plain gradient "
            f"descent. Use the default lr=None (1/L) or a smaller step."
        )
    if not nesterov and step * L >= 2.0:
        return (
            f"{ratio}, above the stability limit 2/L={2.0 / L:.3g} of "
            f"gradient descent. Use the default lr=None (1/L) or a step "
            f"below 2/L."
        )
    return ""


def _warn_diverged(what: str, run: _Run) -> None:
    why = _stability(run) or (
        f"lr={run.step:.3g} is within the stable range, so the data are "
        f"likely too large for float64. Standardize X and y and use the "
        f"default lr=None (1/L)."
    )
    warnings.warn(
        f"gradient descent diverged: {what}. {why}",
        ConvergenceWarning,
        stacklevel=3,
    )


def _warn_slow(tol: float, max_iter: int, norm: float, run: _Run) -> None:
    why = _stability(run)
    advice = (
        f"The step {'may be' if run.nesterov else 'is'} unstable: {why}"
        if why
        else "Increase max_iter, loosen tol, standardize X or use "
        "nesterov=True."
    )
    warnings.warn(
        f"gradient descent did not reach tol={tol:g} in "
        f"max_iter={max_iter} steps (gradient norm {norm:.3g}). {advice}",
        ConvergenceWarning,
        stacklevel=3,
    )
