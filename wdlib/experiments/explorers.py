r"""Explorers: move :math:`\lambda` (or the step size) and watch the model.

Each function computes, with :mod:`wdlib`, what one interactive figure of
the HTML book needs and returns an :class:`Explorer`. In a notebook its
``_repr_html_`` is a ``<div class="wd-explorer" data-kind=...>`` holding the
data as JSON in a ``<script type="application/json">`` child; the book's
``_static/explorers.js`` turns that into a slider and an SVG drawing, with no
kernel and no network (it works from ``file://`` too). Without that script
(JupyterLab, a browser without JavaScript) only a short note shows; the
static figure of the chapter's plotting cell beside it carries the content.

Numbers are rounded to ten significant digits, so a re-executed notebook
gives the same HTML and nbval's comparison is stable. Where the page
computes (the polynomial fit, the two-feature ridge and lasso, gradient
descent) it does so exactly, from small matrices computed here; where it
cannot (leave-one-out on a grid) the slider moves over the grid itself.

Part of :mod:`wdlib.experiments`: the book's code, not stable API.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._validation import (
    _as_float_array,
    check_bool,
    check_lam,
    check_lams,
    check_positive_float,
    check_positive_int,
    check_X_y,
)

__all__ = [
    "Explorer",
    "gd_step_size",
    "l1_l2_pictures",
    "ridge_path_loo",
    "ridge_polynomial",
]

#: Significant digits of every number in the embedded data.
DIGITS = 10

#: What each kind of explorer shows, for the note seen without JavaScript.
_FALLBACK = (
    "Interactive explorer ({what}): it runs in the HTML book (no kernel "
    "or network needed). Here, the static figure of the neighbouring cell "
    "shows the same model."
)


@dataclass(frozen=True)
class Explorer:
    """The data of one interactive figure and its HTML.

    Attributes
    ----------
    kind : str
        Which drawing ``explorers.js`` makes: ``"ridge-polynomial"``,
        ``"l1-l2"``, ``"gd-step"`` or ``"ridge-path-loo"``.
    title : str
        One line shown above the figure.
    payload : str
        The embedded data, JSON text with numbers rounded to
        ``DIGITS`` significant digits.
    """

    kind: str
    title: str
    payload: str

    @property
    def data(self) -> dict[str, Any]:
        """The payload decoded into Python objects."""
        return json.loads(self.payload)

    @property
    def nbytes(self) -> int:
        """Size of the embedded JSON in bytes (UTF-8)."""
        return len(self.payload.encode("utf-8"))

    def _repr_html_(self) -> str:
        # "<", ">" and "&" escaped in the JSON: the text can never close
        # the <script> element, whatever a label contains.
        safe = (
            self.payload.replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )
        what = html.escape(self.title)
        return (
            f'<div class="wd-explorer" data-kind="{html.escape(self.kind)}">'
            f'<p class="wd-explorer-title">{what}</p>'
            f'<script type="application/json" class="wd-explorer-data">'
            f"{safe}</script>"
            f'<p class="wd-explorer-fallback">'
            f"{html.escape(_FALLBACK.format(what=self.title))}</p>"
            f"</div>"
        )

    def __repr__(self) -> str:
        return (
            f"Explorer(kind={self.kind!r}, title={self.title!r}, "
            f"{self.nbytes} bytes of data)"
        )


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


def _round(value: Any) -> Any:
    """Nested lists of Python floats rounded to DIGITS significant digits."""
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 0:
        x = float(arr)
        return float(f"{x:.{DIGITS}g}") + 0.0 if math.isfinite(x) else None
    return [_round(v) for v in arr]


def _explorer(kind: str, title: str, data: dict[str, Any]) -> Explorer:
    payload = json.dumps(
        data, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return Explorer(kind, title, payload)


def _check_range(value: object, name: str) -> tuple[float, float]:
    """Two positive finite numbers ``(low, high)`` with ``low < high``."""
    if (
        isinstance(value, (str, bytes))
        or not isinstance(value, Sequence)
        or len(value) != 2
    ):
        raise TypeError(
            f"{name} must be a pair (low, high) of positive numbers; got "
            f"{value!r}. Pass e.g. {name}=(1e-4, 10.0)."
        )
    low = check_positive_float(value[0], f"{name}[0]")
    high = check_positive_float(value[1], f"{name}[1]")
    assert low is not None and high is not None
    if not low < high:
        raise ValueError(
            f"{name} must satisfy low < high; got ({low!r}, {high!r}). "
            f"Pass the smaller value first."
        )
    return low, high


def _check_within(
    value: float, bounds: tuple[float, float], name: str, range_name: str
) -> float:
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(
            f"{name} must lie in {range_name} = {bounds}; got {value!r}. "
            f"Pick a starting value inside the slider's range."
        )
    return value


def _log_slider(
    bounds: tuple[float, float], start: float, step: float = 0.01
) -> dict[str, float]:
    """A range input over log10(lam), on a grid of ``step`` decades."""
    low = math.floor(math.log10(bounds[0]) / step + 1e-9) * step
    high = math.ceil(math.log10(bounds[1]) / step - 1e-9) * step
    value = round(math.log10(start) / step) * step
    return {
        "min": round(low, 6),
        "max": round(high, 6),
        "step": step,
        "value": round(min(max(value, low), high), 6),
    }


def _centre(
    X: np.ndarray, y: np.ndarray, fit_intercept: bool
) -> tuple[np.ndarray, np.ndarray]:
    if not fit_intercept:
        return X, y
    return X - X.mean(axis=0), y - y.mean()


def _two_features(X: np.ndarray, func: str) -> None:
    if X.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns for {func} (the drawing is the "
            f"(w1, w2) plane); got shape {X.shape}. Pass two features, "
            f"e.g. X[:, [0, 1]]."
        )


# ---------------------------------------------------------------------------
# Chapter 1: the polynomial that overfits
# ---------------------------------------------------------------------------


def ridge_polynomial(
    x_train: ArrayLike,
    y_train: ArrayLike,
    x_test: ArrayLike,
    y_test: ArrayLike,
    *,
    degree: int = 12,
    lam: float = 1e-4,
    lam_range: tuple[float, float] = (1e-9, 10.0),
    n_grid: int = 200,
) -> Explorer:
    r"""A :math:`\lambda` slider over a ridge-fitted polynomial.

    The features are the powers :math:`x, \dots, x^p`
    (:func:`wdlib.data.polynomial_features`) standardized with the training
    split's mean and standard deviation (:func:`wdlib.data.fit_standardizer`),
    the fit is :func:`wdlib.ridge_fit` with an unpenalized intercept. The
    page redraws the fitted curve over the data and prints the training
    and test mean squared errors and :math:`\mathrm{df}(\lambda)`.

    Parameters
    ----------
    x_train, y_train : array-like of shape (n_train,)
        Training inputs and targets.
    x_test, y_test : array-like of shape (n_test,)
        Test inputs and targets.
    degree : int, default=12
        Highest power :math:`p`.
    lam : float, default=1e-4
        Starting position of the slider.
    lam_range : (float, float), default=(1e-9, 10.0)
        Smallest and largest :math:`\lambda` of the slider (log scale, 0.01
        decade steps).
    n_grid : int, default=200
        Points at which the curve is drawn, evenly spaced over the inputs.

    Returns
    -------
    Explorer
        Kind ``"ridge-polynomial"``.

    Notes
    -----
    With the thin SVD :math:`X_c = U S V^\top` of the centred training
    design and :math:`z = U^\top (y - \bar y)`, the ridge weights are

    .. math:: w(\lambda) = \sum_i v_i\,\frac{s_i z_i}{s_i^2 + n\lambda},
       \qquad
       \mathrm{df}(\lambda) = \sum_i \frac{s_i^2}{s_i^2 + n\lambda},

    so a prediction at a point with centred features :math:`x_c` is
    :math:`\bar y + \sum_i (x_c^\top v_i)\, s_i z_i/(s_i^2 + n\lambda)`.
    The page evaluates exactly this from the embedded :math:`s_i`,
    :math:`z_i` and projections :math:`x_c^\top v_i` of the training, test
    and drawing points (signs chosen so that :math:`z_i \ge 0`, which makes
    the data independent of the SVD's sign convention).

    Examples
    --------
    >>> from wdlib import data
    >>> from wdlib.experiments import explorers
    >>> train, test = data.make_sine(15, noise=0.25, seed=0)
    >>> ex = explorers.ridge_polynomial(train.x, train.y, test.x, test.y)
    >>> ex.kind, ex.nbytes < 200_000
    ('ridge-polynomial', True)
    """
    from .. import data as wd_data

    degree = check_positive_int(degree, "degree")
    n_grid = check_positive_int(n_grid, "n_grid", minimum=2)
    bounds = _check_range(lam_range, "lam_range")
    lam = _check_within(check_lam(lam), bounds, "lam", "lam_range")
    x_tr = _as_float_array(x_train, "x_train")
    x_te = _as_float_array(x_test, "x_test")
    if x_tr.ndim != 1 or x_te.ndim != 1:
        raise ValueError(
            f"x_train and x_test must be 1-D (one input per sample); got "
            f"shapes {x_tr.shape} and {x_te.shape}. Pass x.ravel()."
        )
    P_tr, y_tr = check_X_y(wd_data.polynomial_features(x_tr, degree), y_train)
    P_te, y_te = check_X_y(wd_data.polynomial_features(x_te, degree), y_test)
    scaler = wd_data.fit_standardizer(P_tr)
    P_tr, P_te = scaler.transform(P_tr), scaler.transform(P_te)
    lo = float(min(x_tr.min(), x_te.min()))
    hi = float(max(x_tr.max(), x_te.max()))
    grid = np.linspace(lo, hi, n_grid)
    P_grid = scaler.transform(wd_data.polynomial_features(grid, degree))

    mean = P_tr.mean(axis=0)
    U, s, Vt = np.linalg.svd(P_tr - mean, full_matrices=False)
    z = U.T @ (y_tr - y_tr.mean())
    sign = np.where(z < 0, -1.0, 1.0)
    V = Vt.T * sign
    y_all = np.concatenate([y_tr, y_te])
    pad = 0.15 * float(np.ptp(y_all))
    payload = {
        "n": int(y_tr.size),
        "degree": degree,
        "s": _round(s),
        "z": _round(np.abs(z)),
        "ybar": _round(y_tr.mean()),
        "train": {
            "x": _round(x_tr),
            "y": _round(y_tr),
            "proj": _round((P_tr - mean) @ V),
        },
        "test": {
            "x": _round(x_te),
            "y": _round(y_te),
            "proj": _round((P_te - mean) @ V),
        },
        "grid": {"x": _round(grid), "proj": _round((P_grid - mean) @ V)},
        "xlim": _round([lo, hi]),
        "ylim": _round([y_all.min() - pad, y_all.max() + pad]),
        "slider": _log_slider(bounds, lam),
    }
    title = (
        f"Degree-{degree} polynomial, ridge fit: move λ and watch the "
        f"curve, the errors and df(λ)"
    )
    return _explorer("ridge-polynomial", title, payload)


# ---------------------------------------------------------------------------
# Chapter 2: the L1 and L2 pictures
# ---------------------------------------------------------------------------


def l1_l2_pictures(
    X: ArrayLike,
    y: ArrayLike,
    *,
    lam: float = 0.3,
    lam_range: tuple[float, float] = (1e-3, 10.0),
    fit_intercept: bool = False,
) -> Explorer:
    r"""Ridge and lasso solutions of a two-feature problem, over the contours.

    A :math:`\lambda` slider moves the ridge solution
    (:func:`wdlib.ridge_fit`) and the lasso solution
    (:func:`wdlib.lasso_fit`) over the contours of the data term; the page
    draws the L2 disc and the L1 diamond that each solution touches, and
    says when a lasso coordinate is exactly zero.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        Exactly two features.
    y : array-like of shape (n_samples,)
        Targets.
    lam : float, default=0.3
        Starting position of the slider.
    lam_range : (float, float), default=(1e-3, 10.0)
        Range of the slider (log scale, 0.01 decade steps).
    fit_intercept : bool, default=False
        Fit an unpenalized intercept (the data are then centred first).

    Returns
    -------
    Explorer
        Kind ``"l1-l2"``.

    Notes
    -----
    With :math:`A = X_c^\top X_c/n` and :math:`c = X_c^\top y_c/n` the data
    term is :math:`D(w) = \tfrac12 w^\top A w - c^\top w + \text{const}`.
    Ridge solves :math:`(A + \lambda I)w = c`. The lasso minimizes
    :math:`D(w) + \lambda\lVert w\rVert_1`; in two dimensions the page
    takes the best of the nine candidates: :math:`w = 0`, one coordinate
    alone (:math:`w_j = S(c_j, \lambda)/A_{jj}`, with the soft threshold
    :math:`S`), and :math:`A^{-1}(c - \lambda\sigma)` for the four sign
    patterns :math:`\sigma`; the minimizer is one of them, so this is
    exact.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import explorers
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(60, 2)); y = X @ [2.0, -1.0]
    >>> explorers.l1_l2_pictures(X, y).data["A"] is not None
    True
    """
    X_arr, y_arr = check_X_y(X, y)
    _two_features(X_arr, "l1_l2_pictures")
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    bounds = _check_range(lam_range, "lam_range")
    lam = _check_within(check_lam(lam), bounds, "lam", "lam_range")
    Xc, yc = _centre(X_arr, y_arr, fit_intercept)
    n = y_arr.size
    A = Xc.T @ Xc / n
    if np.linalg.eigvalsh(A)[0] <= 1e-12 * np.trace(A):
        raise ValueError(
            "X must have two linearly independent (centred) columns for "
            "l1_l2_pictures; got a singular X'X. Pass two distinct features."
        )
    c = Xc.T @ yc / n
    payload = {
        "n": int(n),
        "A": _round(A),
        "c": _round(c),
        "ols": _round(np.linalg.solve(A, c)),
        "slider": _log_slider(bounds, lam),
    }
    title = (
        "Ridge (L2) and lasso (L1) solutions over the loss contours: move λ"
    )
    return _explorer("l1-l2", title, payload)


# ---------------------------------------------------------------------------
# Chapter 3: the step size of gradient descent
# ---------------------------------------------------------------------------


def gd_step_size(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    *,
    eta_L: float = 1.0,
    eta_L_range: tuple[float, float] = (0.1, 2.1),
    tol: float = 1e-6,
    max_iter: int = 10_000,
    fit_intercept: bool = False,
    n_draw: int = 400,
) -> Explorer:
    r"""Gradient descent on a two-feature ridge objective, step-size slider.

    The slider sets :math:`\eta L` (0.01 steps), with :math:`L` from
    :func:`wdlib.lipschitz_constant`; the page runs the iteration of
    :func:`wdlib.gradient_descent` (same start, stopping rule and
    divergence test), draws the first ``n_draw`` iterates over the
    contours and prints the number of steps to the tolerance, or that the
    iteration diverges (past :math:`\eta = 2/L`).

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        Exactly two features.
    y : array-like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0` of the objective.
    eta_L : float, default=1.0
        Starting position of the slider, :math:`\eta L`.
    eta_L_range : (float, float), default=(0.1, 2.1)
        Range of :math:`\eta L` on the slider.
    tol : float, default=1e-6
        Stop when the gradient norm is at most ``tol`` (as
        :func:`wdlib.gradient_descent`).
    max_iter : int, default=10000
        Maximum number of steps.
    fit_intercept : bool, default=False
        Include the unpenalized intercept in the iteration (drawn in the
        :math:`(w_1, w_2)` plane; the contours are then those of
        :math:`\min_b J(w, b)`).
    n_draw : int, default=400
        Iterates drawn.

    Returns
    -------
    Explorer
        Kind ``"gd-step"``.

    Notes
    -----
    With :math:`\theta = (w, b)`, :math:`A = [X, \mathbf 1]` (or
    :math:`A = X`), :math:`G = A^\top A/n + \lambda\,\mathrm{diag}(1, 1, 0)`
    and :math:`c = A^\top y/n`, each step is
    :math:`\theta \leftarrow \theta - \eta(G\theta - c)` and
    :math:`J(\theta) = \tfrac12\theta^\top G\theta - c^\top\theta
    + y^\top y/(2n)`. Along the eigenvector of :math:`G` with eigenvalue
    :math:`h_i` the error is multiplied by :math:`1 - \eta h_i` per step:
    the iteration converges if and only if :math:`\eta < 2/L`.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import explorers
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(60, 2)); y = X @ [2.0, -1.0]
    >>> ex = explorers.gd_step_size(X, y, lam=0.1)
    >>> ex.data["slider"]["min"], ex.data["slider"]["max"]
    (0.1, 2.1)
    """
    from .. import gd, ridge

    X_arr, y_arr = check_X_y(X, y)
    _two_features(X_arr, "gd_step_size")
    lam = check_lam(lam)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    tol = check_positive_float(tol, "tol")
    max_iter = check_positive_int(max_iter, "max_iter")
    n_draw = check_positive_int(n_draw, "n_draw")
    bounds = _check_range(eta_L_range, "eta_L_range")
    eta_L = check_positive_float(eta_L, "eta_L")
    assert eta_L is not None
    _check_within(eta_L, bounds, "eta_L", "eta_L_range")
    n = y_arr.size
    A = np.hstack([X_arr, np.ones((n, 1))]) if fit_intercept else X_arr
    G = A.T @ A / n
    G[0, 0] += lam
    G[1, 1] += lam
    fit = ridge.ridge_fit(X_arr, y_arr, lam, fit_intercept=fit_intercept)
    Xc, _ = _centre(X_arr, y_arr, fit_intercept)
    step = 0.01
    payload = {
        "n": int(n),
        "G": _round(G),
        "c": _round(A.T @ y_arr / n),
        "c0": _round(float(y_arr @ y_arr) / (2 * n)),
        "L": _round(
            gd.lipschitz_constant(X_arr, lam, fit_intercept=fit_intercept)
        ),
        "h": _round(np.linalg.eigvalsh(G)),
        "H2": _round(Xc.T @ Xc / n + lam * np.eye(2)),
        "w_star": _round(fit.coef),
        "lam": _round(lam),
        "tol": _round(tol),
        "max_iter": max_iter,
        "growth": 1e30,
        "n_draw": n_draw,
        "slider": {
            "min": round(bounds[0], 6),
            "max": round(bounds[1], 6),
            "step": step,
            "value": round(round(eta_L / step) * step, 6),
        },
    }
    title = (
        f"Gradient descent on the two-feature ridge objective "
        f"(λ = {lam:g}): move the step size η·L"
    )
    return _explorer("gd-step", title, payload)


# ---------------------------------------------------------------------------
# Chapter 6: the ridge path and leave-one-out
# ---------------------------------------------------------------------------


def ridge_path_loo(
    X: ArrayLike,
    y: ArrayLike,
    lams: ArrayLike,
    *,
    feature_names: Sequence[str] | None = None,
    fit_intercept: bool = True,
    lam: float | None = None,
) -> Explorer:
    r"""The ridge path and the leave-one-out curve, marked at one λ.

    The slider moves over ``lams`` (sorted; one position per value); the page
    marks every coefficient of :func:`wdlib.ridge_path` and the
    leave-one-out error of :func:`wdlib.loo_cv` at that :math:`\lambda`,
    with the minimum and the one-standard-error choice shown.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Design matrix.
    y : array-like of shape (n_samples,)
        Targets.
    lams : array-like of shape (n_lams,)
        Penalty strengths, all > 0 (the axis is logarithmic), at least 2.
    feature_names : sequence of str, optional
        One name per column; ``x1, x2, ...`` by default.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    lam : float, optional
        Starting position (the grid value nearest to it); the
        leave-one-out minimum by default.

    Returns
    -------
    Explorer
        Kind ``"ridge-path-loo"``.

    Notes
    -----
    Leave-one-out for ridge needs no refits: with the hat matrix
    :math:`S_\lambda`, the error of sample :math:`i` left out is
    :math:`(y_i - \hat y_i)/(1 - (S_\lambda)_{ii})`.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import explorers
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(30, 3)); y = X @ [1.0, 0.0, -1.0]
    >>> ex = explorers.ridge_path_loo(X, y, np.logspace(-3, 2, 20))
    >>> len(ex.data["lams"]), ex.data["names"]
    (20, ['x1', 'x2', 'x3'])
    """
    from .. import selection

    X_arr, y_arr = check_X_y(X, y)
    grid = np.sort(check_lams(lams))
    if grid.size < 2 or grid[0] <= 0:
        raise ValueError(
            f"lams must hold at least 2 values, all > 0 (the axis is "
            f"logarithmic); got {grid.size} value(s) from {grid[0]!r}. "
            f"Pass e.g. lams=np.logspace(-3, 2, 100)."
        )
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    d = X_arr.shape[1]
    if feature_names is None:
        names = [f"x{j + 1}" for j in range(d)]
    else:
        if isinstance(feature_names, str):
            raise TypeError(
                "feature_names must be a sequence of str, one per column; "
                "got a single str. Pass a list such as ['age', 'bmi']."
            )
        names = [str(v) for v in feature_names]
        if len(names) != d:
            raise ValueError(
                f"feature_names must have one name per column of X ({d}); "
                f"got {len(names)}. Pass a list of {d} names."
            )
    path = selection.ridge_path(
        X_arr, y_arr, grid, fit_intercept=fit_intercept
    )
    cv = selection.loo_cv(X_arr, y_arr, grid, fit_intercept=fit_intercept)
    best = int(np.argmin(cv.mse))
    one_se = int(np.flatnonzero(grid == cv.lam_1se)[0])
    if lam is None:
        start = best
    else:
        lam_value = check_lam(lam)
        start = int(
            np.argmin(
                np.abs(
                    np.log(grid) - np.log(max(lam_value, np.finfo(float).tiny))
                )
            )
        )
    payload = {
        "n": int(y_arr.size),
        "names": names,
        "lams": _round(grid),
        "coefs": _round(path.coefs),
        "loo": _round(cv.mse),
        "loo_se": _round(cv.mse_se),
        "best": best,
        "one_se": one_se,
        "slider": {
            "min": 0,
            "max": int(grid.size - 1),
            "step": 1,
            "value": start,
        },
    }
    title = "Ridge path and leave-one-out error: move λ along the grid"
    return _explorer("ridge-path-loo", title, payload)
