r"""The book's formulas as sympy expressions, derived rather than typed in.

A teacher can build the article's penalty and loss for a small number of
samples and weights, let sympy differentiate them, read off the normal
equations and the closed form, rewrite a gradient step in weight-decay form,
and then turn any derived expression into a numpy function with
:func:`lambdify_gradient` to check it against the numeric code of
:mod:`wdlib`.

The convention is the book's (the intercept :math:`b` is not penalized):

.. math::

    L(w, b) = \frac{1}{2n}\sum_{i=1}^{n}\Bigl(y_i - \sum_{j=1}^{d} x_{ij} w_j -
    b\Bigr)^2
              + \frac{\lambda}{2}\sum_{j=1}^{d} w_j^2 .

This module imports sympy at load time; ``import wdlib`` does not load it
(``wd.symbolic`` is imported on first use).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp

from ._validation import (
    check_coef,
    check_lam,
    check_positive_int,
    check_real,
    check_X_y,
)

__all__ = [
    "MatrixForm",
    "RidgeSymbols",
    "closed_form",
    "data_loss",
    "gd_update",
    "gradient",
    "hessian",
    "lambdify_gradient",
    "latex_eq",
    "loss",
    "map_objective",
    "matrix_form",
    "normal_equations",
    "penalty",
    "ridge_symbols",
    "shrinkage_factor",
    "step_factor",
]


@dataclass(frozen=True)
class RidgeSymbols:
    """Symbols of a ridge problem with ``n`` samples and ``d`` weights.

    Attributes
    ----------
    X : sympy.Matrix of shape (n, d)
        Entries :math:`x_{ij}`.
    y : sympy.Matrix of shape (n, 1)
        Targets :math:`y_i`.
    w : sympy.Matrix of shape (d, 1)
        Weights :math:`w_j`.
    b : sympy.Symbol
        Intercept (not penalized).
    lam : sympy.Symbol
        Penalty strength :math:`\\lambda`.
    eta : sympy.Symbol
        Step size :math:`\\eta` of gradient descent.
    """

    X: sp.Matrix
    y: sp.Matrix
    w: sp.Matrix
    b: sp.Symbol
    lam: sp.Symbol
    eta: sp.Symbol

    @property
    def n_samples(self) -> int:
        """Number of samples :math:`n`."""
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        """Number of weights :math:`d`."""
        return self.X.shape[1]

    @property
    def params(self) -> list[sp.Symbol]:
        """The parameters :math:`(w_1, \\dots, w_d, b)` in that order."""
        return [*self.w, self.b]


def ridge_symbols(n_samples: int, n_features: int) -> RidgeSymbols:
    """Create the symbols of a ridge problem of the given size.

    Parameters
    ----------
    n_samples : int
        Number of samples :math:`n \\ge 1`.
    n_features : int
        Number of weights :math:`d \\ge 1`.

    Returns
    -------
    RidgeSymbols
        Real symbols ``x_{i,j}``, ``y_i``, ``w_j``, ``b``, ``lambda`` and
        ``eta``.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(2, 3)
    >>> s.w.T
    Matrix([[w_1, w_2, w_3]])
    >>> s.X.shape
    (2, 3)
    """
    n = check_positive_int(n_samples, "n_samples")
    d = check_positive_int(n_features, "n_features")
    X = sp.Matrix(
        n, d, lambda i, j: sp.Symbol(f"x_{{{i + 1},{j + 1}}}", real=True)
    )
    y = sp.Matrix(n, 1, lambda i, _: sp.Symbol(f"y_{i + 1}", real=True))
    w = sp.Matrix(d, 1, lambda j, _: sp.Symbol(f"w_{j + 1}", real=True))
    b, lam, eta = sp.symbols("b lambda eta", real=True)
    return RidgeSymbols(X=X, y=y, w=w, b=b, lam=lam, eta=eta)


def penalty(s: RidgeSymbols) -> sp.Expr:
    r"""The article's penalty :math:`R = \frac{\lambda}{2}\sum_j w_j^2`.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(1, 2)
    >>> wd.symbolic.penalty(s)
    lambda*(w_1**2 + w_2**2)/2
    """
    return s.lam / 2 * sum(wj**2 for wj in s.w)


def data_loss(s: RidgeSymbols) -> sp.Expr:
    r"""The squared-error term :math:`\frac{1}{2n}\sum_i (y_i - \hat y_i)^2`.

    The prediction is :math:`\hat y_i = \sum_j x_{ij} w_j + b`.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(1, 1)
    >>> wd.symbolic.data_loss(s)
    (-b - w_1*x_{1,1} + y_1)**2/2
    """
    residual = s.y - s.X * s.w - s.b * sp.ones(s.n_samples, 1)
    return sp.Rational(1, 2 * s.n_samples) * sum(r**2 for r in residual)


def loss(s: RidgeSymbols) -> sp.Expr:
    r"""The article's objective :math:`J(w, b)`, squared error plus penalty.

    .. math::

        J(w, b) = \frac{1}{2n}\sum_i (y_i - \hat y_i)^2
        + \frac{\lambda}{2}\sum_j w_j^2

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(1, 1)
    >>> wd.symbolic.loss(s)
    lambda*w_1**2/2 + (-b - w_1*x_{1,1} + y_1)**2/2
    """
    return data_loss(s) + penalty(s)


def gradient(expr: sp.Expr, s: RidgeSymbols) -> tuple[sp.Matrix, sp.Expr]:
    r"""Differentiate ``expr`` with respect to the weights and the intercept.

    Parameters
    ----------
    expr : sympy.Expr
        For example :func:`loss` or :func:`penalty`. Symbols named like
        those of ``s`` but created with other assumptions (a plain
        ``sympy.Symbol("w_1")`` where ``s`` holds the real ``w_1``) are
        taken to be those of ``s``; the result is written in ``s``'s.
    s : RidgeSymbols
        The symbols ``expr`` is written in.

    Returns
    -------
    grad_w : sympy.Matrix of shape (d, 1)
        :math:`\partial\,\mathrm{expr}/\partial w_j` as sympy's chain rule
        leaves it (not expanded: each sample's term stays visible).
    grad_b : sympy.Expr
        :math:`\partial\,\mathrm{expr}/\partial b`, likewise.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(1, 2)
    >>> g_w, g_b = wd.symbolic.gradient(wd.symbolic.penalty(s), s)
    >>> g_w.T, g_b
    (Matrix([[lambda*w_1, lambda*w_2]]), 0)
    >>> import sympy as sp
    >>> w_1 = sp.Symbol("w_1")  # not declared real: still the w_1 of s
    >>> wd.symbolic.gradient(w_1**3, s)[0].T
    Matrix([[3*w_1**2, 0]])
    """
    expr = _in_terms_of(expr, s)
    grad_w = s.w.applyfunc(lambda wj: sp.diff(expr, wj))
    return grad_w, sp.diff(expr, s.b)


def _in_terms_of(expr: object, s: object) -> sp.Basic:
    """Rewrite ``expr`` in the symbols of ``s``, matching them by name.

    ``sp.Symbol("w_1")`` and ``sp.Symbol("w_1", real=True)`` print alike
    but are different symbols to sympy, so differentiating an expression
    written with one with respect to the other gives 0. Every symbol of
    ``expr`` named like a symbol of ``s`` is replaced by that symbol.
    """
    if not isinstance(s, RidgeSymbols):
        raise TypeError(
            f"s must be a RidgeSymbols; got {type(s).__name__}. Build it "
            f"with wdlib.symbolic.ridge_symbols(n_samples, n_features)."
        )
    try:
        out = sp.sympify(expr, strict=True)
    except (sp.SympifyError, TypeError):
        raise TypeError(
            f"expr must be a sympy expression; got {type(expr).__name__}. "
            f"Build it from the symbols of s, e.g. penalty(s) or loss(s)."
        ) from None
    own = {v.name: v for v in [*s.X, *s.y, *s.w, s.b, s.lam, s.eta]}
    swap = {
        v: own[v.name]
        for v in out.free_symbols
        if isinstance(v, sp.Symbol) and v.name in own and v != own[v.name]
    }
    return out.xreplace(swap) if swap else out


def hessian(s: RidgeSymbols) -> sp.Matrix:
    r"""Hessian of :func:`loss` in :math:`(w_1, \dots, w_d, b)`.

    It does not depend on the parameters (the loss is quadratic), so its
    largest eigenvalue is the Lipschitz constant :math:`L` of the gradient.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(2, 1)
    >>> wd.symbolic.hessian(s)
    Matrix([
    [lambda + x_{1,1}**2/2 + x_{2,1}**2/2, x_{1,1}/2 + x_{2,1}/2],
    [               x_{1,1}/2 + x_{2,1}/2,                     1]])
    """
    return sp.hessian(loss(s), s.params).applyfunc(sp.expand)


def normal_equations(s: RidgeSymbols) -> tuple[sp.Matrix, sp.Matrix]:
    r"""The linear system :math:`A\theta = c` that the minimizer solves.

    Derived by setting :math:`n\,\nabla L = 0` (the gradient of :func:`loss`
    times :math:`n`) and reading off the coefficients of
    :math:`\theta = (w_1, \dots, w_d, b)`.

    Returns
    -------
    A : sympy.Matrix of shape (d + 1, d + 1)
        :math:`\begin{pmatrix} X^\top X + n\lambda I & X^\top\mathbf 1\\
        \mathbf 1^\top X & n\end{pmatrix}`.
    c : sympy.Matrix of shape (d + 1, 1)
        :math:`\begin{pmatrix} X^\top y \\ \mathbf 1^\top y\end{pmatrix}`.

    Examples
    --------
    >>> import wdlib as wd
    >>> A, c = wd.symbolic.normal_equations(wd.symbolic.ridge_symbols(2, 1))
    >>> A
    Matrix([
    [2*lambda + x_{1,1}**2 + x_{2,1}**2, x_{1,1} + x_{2,1}],
    [                 x_{1,1} + x_{2,1},                 2]])
    >>> c.T
    Matrix([[x_{1,1}*y_1 + x_{2,1}*y_2, y_1 + y_2]])
    """
    grad_w, grad_b = gradient(loss(s), s)
    equations = [sp.expand(s.n_samples * g) for g in [*grad_w, grad_b]]
    A, c = sp.linear_eq_to_matrix(equations, s.params)
    return A.applyfunc(sp.factor_terms), c.applyfunc(sp.factor_terms)


def _exact(values: np.ndarray) -> list:
    """Floats as exact sympy rationals (no rounding)."""
    return [sp.Rational(float(v)) for v in np.ravel(values)]


def closed_form(X: object, y: object, lam: float) -> tuple[sp.Matrix, sp.Expr]:
    r"""Solve the derived normal equations exactly for numeric data.

    The floats in ``X``, ``y`` and ``lam`` are converted to exact rationals and
    the system of :func:`normal_equations` is solved in exact arithmetic, so
    the answer carries no rounding error and is an independent reference for
    :func:`wdlib.ridge_fit`. Meant for small problems (a few dozen numbers).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    coef : sympy.Matrix of shape (n_features, 1)
        Exact weights.
    intercept : sympy.Rational
        Exact intercept.

    Raises
    ------
    ValueError
        If ``lam == 0`` and the least-squares problem has no unique solution.

    Examples
    --------
    >>> import wdlib as wd
    >>> coef, intercept = wd.symbolic.closed_form(
    ...     [[0.0], [1.0], [2.0]], [1.0, 2.0, 6.0], lam=1.0
    ... )
    >>> # centred: sum(xc*yc) / (sum(xc**2) + n*lam) = 5 / (2 + 3)
    >>> coef.T, intercept
    (Matrix([[1]]), 2)
    """
    X_arr, y_arr = check_X_y(X, y)
    lam = check_lam(lam)
    s = ridge_symbols(*X_arr.shape)
    A, c = normal_equations(s)
    values = dict(
        zip(
            [*s.X, *s.y, s.lam],
            [*_exact(X_arr), *_exact(y_arr), sp.Rational(lam)],
        )
    )
    try:
        theta = A.subs(values).LUsolve(c.subs(values))
    except sp.matrices.exceptions.NonInvertibleMatrixError:
        raise ValueError(
            f"the normal equations are singular for lam={lam!r}: the columns "
            "of X "
            "(with the intercept's column of ones) are linearly dependent, "
            "so the "
            f"minimizer is not unique. Pass lam > 0."
        ) from None
    return theta[:-1, :], theta[-1]


def gd_update(s: RidgeSymbols) -> tuple[sp.Matrix, sp.Expr]:
    r"""One gradient-descent step on :func:`loss`, in weight-decay form.

    Returns
    -------
    w_new : sympy.Matrix of shape (d, 1)
        :math:`(1 - \eta\lambda)\,w - \eta\,\nabla_w D`, with :math:`D` the
        :func:`data_loss`: the penalty's whole effect is to multiply the
        weights by :math:`1 - \eta\lambda` before the ordinary step.
    b_new : sympy.Expr
        :math:`b - \eta\,\partial D/\partial b` (the intercept is not decayed).

    Notes
    -----
    The decomposition is checked, not assumed: the function raises
    ``AssertionError`` if :math:`w - \eta\nabla_w L` minus the returned
    expression does not simplify to zero.

    Examples
    --------
    >>> import wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(1, 1)
    >>> w_new, b_new = wd.symbolic.gd_update(s)
    >>> w_new
    Matrix([[eta*x_{1,1}*(-b - w_1*x_{1,1} + y_1) + w_1*(-eta*lambda + 1)]])
    """
    grad_w, grad_b = gradient(loss(s), s)
    data_w, data_b = gradient(data_loss(s), s)
    decay = sp.UnevaluatedExpr(1 - s.eta * s.lam)
    w_new = s.w.applyfunc(lambda wj: wj * decay) - s.eta * data_w
    plain = s.w - s.eta * grad_w
    assert (plain - w_new.doit()).applyfunc(sp.expand) == sp.zeros(*s.w.shape)
    return w_new, s.b - s.eta * data_b


def lambdify_gradient(
    s: RidgeSymbols,
) -> Callable[..., tuple[np.ndarray, float]]:
    r"""Turn the sympy gradient of :func:`loss` into a numpy function.

    Returns
    -------
    callable
        ``f(X, y, coef, intercept, lam) -> (grad_coef, grad_intercept)`` with
        the same signature and return types as :func:`wdlib.ridge_gradient`,
        for arrays of exactly the symbolic size.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> f = wd.symbolic.lambdify_gradient(wd.symbolic.ridge_symbols(2, 1))
    >>> X, y = np.array([[1.0], [2.0]]), np.array([1.0, 3.0])
    >>> f(X, y, np.array([1.0]), 0.0, 1.0)
    (array([0.]), -0.5)
    """
    grad_w, grad_b = gradient(loss(s), s)
    args = [*s.X, *s.y, *s.w, s.b, s.lam]
    func = sp.lambdify(args, [*grad_w, grad_b], modules="numpy", cse=True)
    shape = (s.n_samples, s.n_features)

    def evaluate(X, y, coef, intercept, lam):
        X_arr, y_arr = check_X_y(X, y)
        if X_arr.shape != shape:
            raise ValueError(
                f"X must have shape {shape} like the symbols; got "
                f"{X_arr.shape}. "
                "Build symbols of the right size with "
                "ridge_symbols(*X.shape)."
            )
        w = check_coef(coef, shape[1])
        b = check_real(intercept, "intercept")
        values = func(*X_arr.ravel(), *y_arr, *w, b, check_lam(lam))
        return np.array(values[:-1], dtype=np.float64), float(values[-1])

    return evaluate


@dataclass(frozen=True)
class MatrixForm:
    r"""The loss and its derivatives with matrix symbols of symbolic size.

    Attributes
    ----------
    n, d : sympy.Symbol
        Numbers of samples and weights.
    X, y, w, ones : sympy.MatrixSymbol
        Design matrix (n x d), targets (n x 1), weights (d x 1) and the
        all-ones vector :math:`\mathbf 1` (n x 1).
    b, lam : sympy.Symbol
        Intercept and penalty strength.
    loss : sympy.MatrixExpr
        :math:`\frac{1}{2n}(y - Xw - b\mathbf 1)^\top(y - Xw - b\mathbf 1) +
        \frac{\lambda}{2}w^\top w`.
    grad_w : sympy.MatrixExpr
        :math:`\partial L/\partial w`, by sympy's matrix calculus.
    hessian_w : sympy.MatrixExpr
        :math:`\partial^2 L/\partial w\,\partial w^\top`.
    solution : sympy.MatrixExpr
        The minimizer for centred data (:math:`b = 0`),
        :math:`-H^{-1}\,\nabla_w L\rvert_{w=0}`.
    """

    n: sp.Symbol
    d: sp.Symbol
    X: sp.MatrixSymbol
    y: sp.MatrixSymbol
    w: sp.MatrixSymbol
    ones: sp.MatrixSymbol
    b: sp.Symbol
    lam: sp.Symbol
    loss: sp.MatrixExpr
    grad_w: sp.MatrixExpr
    hessian_w: sp.MatrixExpr
    solution: sp.MatrixExpr

    def evaluate(
        self,
        expr: sp.MatrixExpr,
        X: object,
        y: object,
        coef: object,
        intercept: float = 0.0,
        lam: float = 0.0,
    ) -> np.ndarray:
        """Evaluate a matrix expression (e.g. ``grad_w``) at numeric data.

        Returns a float array of the expression's shape (``coef`` is ignored
        by expressions free of :math:`w`, such as ``solution``).
        """
        X_arr, y_arr = check_X_y(X, y)
        n, d = X_arr.shape
        w = check_coef(coef, d)
        b, lam = check_real(intercept, "intercept"), check_lam(lam)
        sized = expr.subs({self.n: n, self.d: d})
        values = {
            sp.MatrixSymbol(self.X.name, n, d): sp.ImmutableMatrix(X_arr),
            sp.MatrixSymbol(self.y.name, n, 1): sp.ImmutableMatrix(y_arr),
            sp.MatrixSymbol(self.w.name, d, 1): sp.ImmutableMatrix(w),
            sp.MatrixSymbol(self.ones.name, n, 1): sp.ImmutableMatrix(
                np.ones(n)
            ),
            self.b: sp.Float(b),
            self.lam: sp.Float(lam),
        }
        return np.array(sp.Matrix(sized.subs(values).doit()), dtype=np.float64)


def matrix_form() -> MatrixForm:
    r"""Derive the gradient, Hessian and minimizer with matrix symbols.

    The minimizer follows from the loss being quadratic in :math:`w`: its
    gradient is :math:`H w + g_0` with constant Hessian :math:`H` and
    :math:`g_0` the gradient at :math:`w = 0`, so :math:`w^\star = -H^{-1}g_0`.

    Examples
    --------
    >>> import wdlib as wd
    >>> m = wd.symbolic.matrix_form()
    >>> m.hessian_w
    lambda*I + 1/n*X.T*X
    >>> m.solution
    1/n*(lambda*I + 1/n*X.T*X)**(-1)*X.T*y
    """
    n, d = sp.symbols("n d", integer=True, positive=True)
    b, lam = sp.symbols("b lambda", real=True)
    X, y, w = (
        sp.MatrixSymbol("X", n, d),
        sp.MatrixSymbol("y", n, 1),
        sp.MatrixSymbol("w", d, 1),
    )
    ones = sp.MatrixSymbol(r"\mathbf{1}", n, 1)
    r = y - X * w - b * ones
    L = (r.T * r) / (2 * n) + lam / 2 * (w.T * w)
    grad_w = L.diff(w)
    hess = grad_w.diff(w)
    g0 = grad_w.subs({w: sp.ZeroMatrix(d, 1), b: 0}).doit()
    solution = -hess.I * g0
    return MatrixForm(n, d, X, y, w, ones, b, lam, L, grad_w, hess, solution)


def shrinkage_factor() -> tuple[sp.Expr, sp.Symbol, sp.Symbol, sp.Symbol]:
    r"""Derive how ridge shrinks the fit along one singular direction.

    Along a direction with singular value :math:`s` the fit of centred data
    is a one-dimensional problem: minimize
    :math:`\frac{1}{2n}(z - s v)^2 + \frac{\lambda}{2}v^2` over :math:`v`,
    where :math:`z` is the target's coordinate along that direction. sympy
    solves it, and the fitted value :math:`s v^\star` divided by the
    least-squares fit :math:`z` is the shrinkage factor.

    Returns
    -------
    factor : sympy.Expr
        :math:`s^2/(s^2 + n\lambda)`.
    s, n, lam : sympy.Symbol
        The symbols in ``factor``.

    Examples
    --------
    >>> import wdlib as wd
    >>> factor, s, n, lam = wd.symbolic.shrinkage_factor()
    >>> factor
    s**2/(lambda*n + s**2)
    """
    s, lam = sp.symbols("s lambda", positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    v, z = sp.symbols("v z", real=True)
    (v_star,) = sp.solve(
        sp.diff((z - s * v) ** 2 / (2 * n) + lam / 2 * v**2, v), v
    )
    return sp.factor(s * v_star / z), s, n, lam


def step_factor() -> tuple[sp.Expr, sp.Symbol, sp.Symbol]:
    r"""Derive the per-direction factor of a gradient step on a quadratic.

    On :math:`f(e) = \frac{h}{2}e^2` (any eigen-direction of the ridge
    Hessian, :math:`h` its eigenvalue) one step
    :math:`e \leftarrow e - \eta f'(e)` multiplies the error by the returned
    factor, so gradient descent converges iff :math:`|1 - \eta h| < 1` for
    every eigenvalue, i.e. :math:`0 < \eta < 2/L`.

    Returns
    -------
    factor : sympy.Expr
        :math:`1 - \eta h`.
    eta, h : sympy.Symbol

    Examples
    --------
    >>> import wdlib as wd
    >>> factor, eta, h = wd.symbolic.step_factor()
    >>> factor
    -eta*h + 1
    """
    eta, h = sp.symbols("eta h", positive=True)
    e = sp.Symbol("e", real=True)
    f = h / 2 * e**2
    return sp.expand((e - eta * sp.diff(f, e)) / e), eta, h


def map_objective(s: RidgeSymbols) -> tuple[sp.Expr, sp.Symbol, sp.Symbol]:
    r"""Negative log posterior of a Gaussian model with a Gaussian prior on w.

    Model: :math:`y_i \sim N(x_i^\top w + b, \sigma^2)` independently, prior
    :math:`w_j \sim N(0, \tau^2)` independently, flat prior on :math:`b`.

    Returns
    -------
    neg_log_post : sympy.Expr
        :math:`-\log p(w, b \mid y)` up to terms free of :math:`w, b`.
    sigma, tau : sympy.Symbol
        Noise and prior standard deviations.

    Notes
    -----
    Multiplying by :math:`\sigma^2/n` gives :func:`loss` with
    :math:`\lambda = \sigma^2/(n\tau^2)`, up to a constant: the MAP
    estimate is the ridge estimate.

    Examples
    --------
    >>> import sympy as sp, wdlib as wd
    >>> s = wd.symbolic.ridge_symbols(3, 2)
    >>> nlp, sigma, tau = wd.symbolic.map_objective(s)
    >>> ridge = wd.symbolic.loss(s).subs(s.lam, sigma**2 / (3 * tau**2))
    >>> diff = sp.expand(sigma**2 / 3 * nlp - ridge)
    >>> diff.free_symbols & set(s.params)
    set()
    """
    from sympy.stats import Normal, density

    sigma, tau = sp.symbols("sigma tau", positive=True)
    mean = s.X * s.w + s.b * sp.ones(s.n_samples, 1)
    likelihood = [
        density(Normal("e", m, sigma))(yi) for m, yi in zip(mean, s.y)
    ]
    prior = [density(Normal("p", 0, tau))(wj) for wj in s.w]
    return (
        -sum(
            sp.expand_log(sp.log(p), force=True) for p in [*likelihood, *prior]
        ),
        sigma,
        tau,
    )


def latex_eq(lhs: str, rhs: object) -> object:
    r"""Display ``lhs = rhs`` as rendered LaTeX in a notebook.

    Parameters
    ----------
    lhs : str
        LaTeX for the left-hand side, e.g. ``r"\frac{\partial R}{\partial
        w}"``.
    rhs : sympy object
        Printed with :func:`sympy.latex`.

    Returns
    -------
    IPython.display.Math
        Rich output whose ``text/latex`` form is deterministic.

    Examples
    --------
    >>> import sympy as sp, wdlib as wd
    >>> wd.symbolic.latex_eq("R", sp.Symbol("lambda") / 2)._repr_latex_()
    '$\\displaystyle R = \\frac{\\lambda}{2}$'
    """
    from IPython.display import Math

    # sympy prints a matrix sum with a negative term as "a + - b"; tidy that.
    return Math(f"{lhs} = {sp.latex(rhs)}".replace("+ -", "- "))
