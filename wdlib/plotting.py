"""Figures for the book. The only wdlib module that imports matplotlib.

Every function draws on the axes it is given (``ax=None`` means the current
axes), returns them, and never changes global ``rcParams``. Colours come from
the colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from ._validation import _as_float_array, check_positive_int

if TYPE_CHECKING:
    from typing import Protocol

    # What the plotting functions read from a result: any object with these
    # attributes type-checks (CVResult, TimingResult, SweepResult, or a
    # student's own). Read-only properties, so frozen dataclasses match.

    class _CVLike(Protocol):
        @property
        def lams(self) -> np.ndarray: ...
        @property
        def mse(self) -> np.ndarray: ...
        @property
        def mse_se(self) -> np.ndarray: ...
        @property
        def best_lam(self) -> float: ...
        @property
        def lam_1se(self) -> float: ...

    class _TimingLike(Protocol):
        @property
        def ns(self) -> np.ndarray: ...
        @property
        def ds(self) -> np.ndarray: ...
        @property
        def with_decay(self) -> np.ndarray: ...
        @property
        def without_decay(self) -> np.ndarray: ...
        @property
        def decay_only(self) -> np.ndarray: ...

    class _SweepLike(Protocol):
        @property
        def lrs(self) -> np.ndarray: ...
        @property
        def weight_decays(self) -> np.ndarray: ...
        @property
        def test_error(self) -> np.ndarray: ...

__all__ = [
    "OKABE_ITO",
    "plot_lr_decay_heatmap",
    "plot_step_times",
    "plot_coef_norm",
    "plot_constraint_regions",
    "plot_curve_fits",
    "plot_cv_curve",
    "plot_error_vs_dof",
    "plot_error_vs_lambda",
    "plot_fitted_lines",
    "plot_iteration_curves",
    "plot_iterations_vs_condition",
    "plot_lambda_curves",
    "plot_loss_contours",
    "plot_missing_counts",
    "plot_paired_errors",
    "plot_shrinkage",
]

#: Okabe-Ito colour-blind-safe palette (black first).
OKABE_ITO = (
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise TypeError(
            f"ax must be a matplotlib Axes or None; got {type(ax).__name__}. "
            f"Pass one Axes, e.g. ax=axes[0] from fig.subplots(1, 2)."
        )
    return ax


def _result_arrays(
    result: object, name: str, expected: str, attrs: Sequence[str]
) -> dict[str, np.ndarray]:
    """The array attributes ``attrs`` of a result object, validated.

    Raises a ``TypeError`` naming the argument and the expected type when
    ``result`` lacks one of them (a RidgeResult where a CVResult is
    expected, a list, a dict).
    """
    missing = [a for a in attrs if not hasattr(result, a)]
    if missing:
        raise TypeError(
            f"{name} must be a {expected}; got {type(result).__name__} "
            f"without .{missing[0]}. Pass the result object itself."
        )
    return {
        a: _as_float_array(getattr(result, a), f"{name}.{a}") for a in attrs
    }


def _same_shape(
    arrays: dict[str, np.ndarray], name: str, shape: tuple
) -> None:
    for attr, arr in arrays.items():
        if arr.shape != shape:
            raise ValueError(
                f"{name}.{attr} must have shape {shape}; got {arr.shape}. "
                f"Pass an unmodified result."
            )


# ---------------------------------------------------------------------------
# Chapter 4: fitted lines, iteration curves, error and norm against lambda,
# iterations against the condition number
# ---------------------------------------------------------------------------


def _as_curves(
    curves: Mapping[str, ArrayLike], name: str
) -> dict[str, np.ndarray]:
    """Validate a non-empty mapping of label -> 1-D array."""
    if not isinstance(curves, Mapping) or len(curves) == 0:
        raise TypeError(
            f"{name} must be a non-empty mapping of label -> 1-D array; got "
            f"{type(curves).__name__}. Pass e.g. {{'train': values}}."
        )
    out = {}
    for label, values in curves.items():
        arr = _as_float_array(values, f"{name}[{label!r}]")
        if arr.ndim != 1 or arr.size == 0:
            raise ValueError(
                f"{name}[{label!r}] must be a non-empty 1-D array; got shape "
                f"{arr.shape}. Pass one value per point."
            )
        out[str(label)] = arr
    return out


def _check_same_length(x: np.ndarray, curves: dict[str, np.ndarray], xname: str, name: str) -> None:
    for label, values in curves.items():
        if values.shape != x.shape:
            raise ValueError(
                f"{name}[{label!r}] has {values.size} values but {xname} has "
                f"{x.size}; pass one value per entry of {xname}."
            )


def plot_fitted_lines(
    x: ArrayLike,
    y: ArrayLike,
    lines: Mapping[str, tuple[float, float]],
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Scatter one-feature data and draw the lines :math:`y = wx + b`.

    Parameters
    ----------
    x, y : array-like of shape (n_samples,)
        The single feature and the targets.
    lines : mapping of str to (float, float)
        Label -> ``(weight, intercept)``; one line each, in palette order
        (starting after black, which the points use).
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per entry of ``lines``, plus the scatter.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = Figure().subplots()
    >>> ax = wd.plotting.plot_fitted_lines([0, 1], [2, 5], {"truth": (3.0, 2.0)}, ax=ax)
    >>> [line.get_label() for line in ax.get_lines()]
    ['truth']
    """
    x_arr = _as_float_array(x, "x").ravel()
    y_arr = _as_float_array(y, "y").ravel()
    if x_arr.shape != y_arr.shape:
        raise ValueError(
            f"x has {x_arr.size} values but y has {y_arr.size}; pass one "
            f"target per input."
        )
    if not isinstance(lines, Mapping) or len(lines) == 0:
        raise TypeError(
            f"lines must be a non-empty mapping of label -> (weight, intercept); "
            f"got {type(lines).__name__}. Pass e.g. {{'fit': (3.0, 2.0)}}."
        )
    for label, pair in lines.items():
        if isinstance(pair, str) or np.shape(pair) != (2,):
            raise TypeError(
                f"lines[{label!r}] must be a (weight, intercept) pair of "
                f"numbers; got {pair!r}. Pass e.g. (fit.coef[0], "
                f"fit.intercept)."
            )
    ax = _axes(ax)
    ax.scatter(x_arr, y_arr, s=12, color=OKABE_ITO[0], alpha=0.45, label="data")
    grid = np.linspace(x_arr.min(), x_arr.max(), 2)
    for k, (label, (weight, intercept)) in enumerate(lines.items()):
        ax.plot(grid, weight * grid + intercept, color=OKABE_ITO[1 + k % 7], lw=2, label=str(label))
    ax.set_xlabel("x (feature, no unit)")
    ax.set_ylabel("y (target, no unit)")
    ax.legend()
    return ax


def plot_iteration_curves(
    curves: Mapping[str, ArrayLike],
    *,
    ylabel: str,
    logy: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Plot quantities recorded at every iteration (loss, weight size, error).

    Parameters
    ----------
    curves : mapping of str to array-like of shape (n_iterations,)
        Label -> values; value ``k`` is drawn at iteration ``k``. Curves may
        have different lengths.
    ylabel : str
        What the values are, with units.
    logy : bool, default=True
        Logarithmic vertical axis (non-positive values are not drawn).
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per curve, labelled with its key.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = Figure().subplots()
    >>> ax = wd.plotting.plot_iteration_curves({"GD": [1.0, 0.5, 0.25]}, ylabel="loss", ax=ax)
    >>> ax.get_yscale(), ax.get_xlabel()
    ('log', 'iteration k')
    """
    data = _as_curves(curves, "curves")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(np.arange(values.size), values, color=OKABE_ITO[k % 8], lw=1.8, label=label)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel("iteration k")
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def plot_error_vs_lambda(
    lams: ArrayLike,
    errors: Mapping[str, ArrayLike],
    *,
    ylabel: str = "mean squared error",
    ax: Axes | None = None,
) -> Axes:
    r"""Plot errors (train, test, ...) against the penalty strength :math:`\lambda`.

    The :math:`\lambda` axis is logarithmic; the minimum of the last curve
    (by convention the test or validation error) is marked.

    Parameters
    ----------
    lams : array-like of shape (n_lams,)
        Positive penalty strengths.
    errors : mapping of str to array-like of shape (n_lams,)
        Label -> error at each ``lam``.
    ylabel : str, default="mean squared error"
        What the errors are, with units.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per entry of ``errors`` plus one marker at the minimum of
        the last one.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = Figure().subplots()
    >>> ax = wd.plotting.plot_error_vs_lambda([0.1, 1, 10], {"train": [1, 2, 3], "test": [3, 2, 4]}, ax=ax)
    >>> ax.get_xscale(), len(ax.get_lines())
    ('log', 3)
    """
    lam_arr = _positive_lams(lams)
    data = _as_curves(errors, "errors")
    _check_same_length(lam_arr, data, "lams", "errors")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(lam_arr, values, color=OKABE_ITO[(5, 6, 3, 7, 1, 2, 0)[k % 7]], lw=2, label=label)
    last = list(data)[-1]
    best = int(np.argmin(data[last]))
    ax.plot(
        lam_arr[best], data[last][best], "o", color=OKABE_ITO[0],
        label=f"lowest {last}: λ = {lam_arr[best]:.3g}",
    )
    ax.set_xscale("log")
    ax.set_xlabel("λ (penalty strength, log scale)")
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def plot_coef_norm(
    lams: ArrayLike,
    norms: Mapping[str, ArrayLike],
    *,
    reference: Mapping[str, float] | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot the weight norm :math:`\|w(\lambda)\|_2` against :math:`\lambda` (log-log).

    Parameters
    ----------
    lams : array-like of shape (n_lams,)
        Positive penalty strengths.
    norms : mapping of str to array-like of shape (n_lams,)
        Label -> Euclidean norm of the fitted weights at each ``lam``.
    reference : mapping of str to float, optional
        Horizontal reference levels (e.g. the norm of the true weights),
        drawn dashed.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per curve and per reference level.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = Figure().subplots()
    >>> ax = wd.plotting.plot_coef_norm([0.1, 1], {"ridge": [2.0, 1.0]}, reference={"truth": 1.5}, ax=ax)
    >>> ax.get_xscale(), ax.get_yscale(), len(ax.get_lines())
    ('log', 'log', 2)
    """
    lam_arr = _positive_lams(lams)
    data = _as_curves(norms, "norms")
    _check_same_length(lam_arr, data, "lams", "norms")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(lam_arr, values, color=OKABE_ITO[(5, 6, 3, 7)[k % 4]], lw=2, label=label)
    for k, (label, level) in enumerate((reference or {}).items()):
        ax.axhline(float(level), color=OKABE_ITO[(0, 1, 2)[k % 3]], ls="--", lw=1.2, label=str(label))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("λ (penalty strength, log scale)")
    ax.set_ylabel("‖w‖₂ (Euclidean norm of the weights)")
    ax.legend()
    return ax


def plot_iterations_vs_condition(
    kappas: ArrayLike,
    iterations: Mapping[str, ArrayLike],
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot iteration counts against the condition number :math:`\kappa` (log-log).

    Parameters
    ----------
    kappas : array-like of shape (n_problems,)
        Condition numbers :math:`\kappa = L/\mu \ge 1` of the problems.
    iterations : mapping of str to array-like of shape (n_problems,)
        Label -> iterations needed (or a bound on them) for each problem.
        Labels containing "bound" are drawn dashed without markers.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per entry of ``iterations``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = Figure().subplots()
    >>> ax = wd.plotting.plot_iterations_vs_condition([1, 10], {"GD": [5, 50]}, ax=ax)
    >>> ax.get_xscale(), ax.get_ylabel()
    ('log', 'iterations to reach the tolerance')
    """
    kappa_arr = _as_float_array(kappas, "kappas").ravel()
    if kappa_arr.size == 0 or not np.all(kappa_arr >= 1):
        raise ValueError(
            f"kappas must be condition numbers >= 1; got {kappa_arr.tolist()[:5]}. "
            f"Compute them as largest / smallest Hessian eigenvalue."
        )
    data = _as_curves(iterations, "iterations")
    _check_same_length(kappa_arr, data, "kappas", "iterations")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        style = {"ls": "--", "marker": None} if "bound" in label else {"ls": "-", "marker": "o"}
        ax.plot(kappa_arr, values, color=OKABE_ITO[(5, 6, 0, 3, 7)[k % 5]], lw=1.8, label=label, **style)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("κ = L/μ (condition number of the Hessian, log scale)")
    ax.set_ylabel("iterations to reach the tolerance")
    ax.legend()
    return ax


def _positive_lams(lams: ArrayLike) -> np.ndarray:
    lam_arr = _as_float_array(lams, "lams").ravel()
    if lam_arr.size == 0 or not np.all(lam_arr > 0):
        raise ValueError(
            f"lams must be positive for a log axis; got {lam_arr.tolist()[:5]}. "
            f"Drop lam=0 or plot it separately."
        )
    return lam_arr


# ---------------------------------------------------------------------------
# Chapters 2 and 3: loss surfaces, descent paths, L1/L2 constraint regions,
# curves against lambda (coefficient paths, shrinkage factors)
# ---------------------------------------------------------------------------


def _two_feature_problem(
    X: ArrayLike, y: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    from ._validation import check_X_y

    X_arr, y_arr = check_X_y(X, y)
    if X_arr.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns to draw a loss surface over (w_1, w_2); "
            f"got {X_arr.shape[1]}. Select two features, e.g. X[:, :2]."
        )
    return X_arr, y_arr


def _objective_grid(X: np.ndarray, y: np.ndarray, lam: float, W1: np.ndarray, W2: np.ndarray) -> np.ndarray:
    """The objective 1/(2n)||y - Xw||^2 + lam/2 ||w||^2 (no intercept) on a grid of w."""
    W = np.stack([W1.ravel(), W2.ravel()])  # (2, n_points)
    R = y[:, None] - X @ W
    values = (R * R).sum(axis=0) / (2 * X.shape[0]) + 0.5 * lam * (W * W).sum(axis=0)
    return values.reshape(W1.shape)


def _grid_around(points: list[np.ndarray], margin: float = 0.35, size: int = 161):
    pts = np.vstack(points)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = margin * max(float((hi - lo).max()), 1e-3)
    g1 = np.linspace(lo[0] - pad, hi[0] + pad, size)
    g2 = np.linspace(lo[1] - pad, hi[1] + pad, size)
    return np.meshgrid(g1, g2)


def plot_loss_contours(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    *,
    paths: Mapping[str, ArrayLike] | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Contours of the loss with and without the L2 penalty, and descent paths.

    Draws, over the weights :math:`(w_1, w_2)` of a two-feature problem
    without intercept (centre the data first), the contours of the data loss
    :math:`\frac{1}{2n}\lVert y - Xw\rVert^2` (dashed) and of the penalized
    loss with :math:`+\frac{\lambda}{2}\lVert w\rVert^2` (solid), their
    minimizers (from :func:`wdlib.ridge_fit`), and optional iterate paths.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        Design matrix with two (centred) features.
    y : array-like of shape (n_samples,)
        Centred targets.
    lam : float
        Penalty strength :math:`\lambda > 0` of the solid contours.
    paths : mapping of str to array-like of shape (n_steps + 1, 2), optional
        Label -> successive iterates :math:`w^{(k)}`.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        With equal aspect ratio, labelled axes and a legend.

    Examples
    --------
    >>> import numpy as np
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> X = np.array([[1.0, 0.5], [-1.0, 0.2], [0.0, -0.7]]); y = np.array([1.0, -1.0, 0.0])
    >>> ax = wd.plotting.plot_loss_contours(X, y, 0.5, ax=Figure().subplots())
    >>> ax.get_xlabel()
    'weight w₁'
    """
    from .ridge import ridge_fit

    X_arr, y_arr = _two_feature_problem(X, y)
    w_data = ridge_fit(X_arr, y_arr, 0.0, fit_intercept=False).coef
    w_pen = ridge_fit(X_arr, y_arr, lam, fit_intercept=False).coef
    drawn = {str(k): _as_float_array(v, f"paths[{k!r}]").reshape(-1, 2)
             for k, v in (paths or {}).items()}
    W1, W2 = _grid_around([w_data[None], w_pen[None], np.zeros((1, 2)), *drawn.values()])
    ax = _axes(ax)
    for lam_k, colour, style in ((0.0, OKABE_ITO[2], "--"), (lam, OKABE_ITO[6], "-")):
        Z = _objective_grid(X_arr, y_arr, lam_k, W1, W2)
        zmin = Z.min()
        levels = zmin + (Z.max() - zmin) * np.linspace(0.0, 1.0, 14)[1:] ** 2
        ax.contour(W1, W2, Z, levels=levels, colors=colour, linestyles=style, linewidths=1.0)
    ax.plot(*w_data, "s", color=OKABE_ITO[2], ms=8, label="minimum of the data loss (λ = 0)")
    ax.plot(*w_pen, "o", color=OKABE_ITO[6], ms=8, label=f"minimum of the penalized loss (λ = {lam:g})")
    for k, (label, path) in enumerate(drawn.items()):
        ax.plot(path[:, 0], path[:, 1], ".-", color=OKABE_ITO[(0, 5, 1, 7)[k % 4]], lw=1.2, ms=4, label=label)
    ax.plot(0, 0, "+", color=OKABE_ITO[0], ms=10)
    ax.set_aspect("equal")
    ax.set_xlabel("weight w₁")
    ax.set_ylabel("weight w₂")
    ax.legend(fontsize="small", loc="best")
    return ax


def plot_constraint_regions(
    X: ArrayLike,
    y: ArrayLike,
    coef_l2: ArrayLike,
    coef_l1: ArrayLike,
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""The L2 disk and the L1 diamond touched by a contour of the data loss.

    The penalized problems are equivalent to minimizing the data loss
    :math:`\frac{1}{2n}\lVert y - Xw\rVert^2` inside
    :math:`\lVert w\rVert_2 \le t_2` or :math:`\lVert w\rVert_1 \le t_1`,
    with the radii set by the fitted solutions. The diamond's corners lie on
    the axes, which is where the L1 solution tends to land (a zero weight).

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        Centred design matrix with two features.
    y : array-like of shape (n_samples,)
        Centred targets.
    coef_l2 : array-like of shape (2,)
        Ridge solution (sets :math:`t_2 = \lVert w\rVert_2`).
    coef_l1 : array-like of shape (2,)
        Lasso solution (sets :math:`t_1 = \lVert w\rVert_1`).
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import numpy as np
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> X = np.array([[1.0, 0.5], [-1.0, 0.2], [0.0, -0.7]]); y = np.array([1.0, -1.0, 0.0])
    >>> ax = wd.plotting.plot_constraint_regions(X, y, [0.5, 0.1], [0.6, 0.0], ax=Figure().subplots())
    >>> [text.get_text()[:7] for text in ax.get_legend().get_texts()]
    ['L2 disk', 'L1 diam', 'least s', 'L2 solu', 'L1 solu']
    """
    from .ridge import ridge_fit

    X_arr, y_arr = _two_feature_problem(X, y)
    w2 = _as_float_array(coef_l2, "coef_l2").ravel()
    w1 = _as_float_array(coef_l1, "coef_l1").ravel()
    if w2.shape != (2,) or w1.shape != (2,):
        raise ValueError(
            f"coef_l2 and coef_l1 must each have 2 entries; got shapes {w2.shape} "
            f"and {w1.shape}. Pass the coef of a two-feature fit."
        )
    w_ls = ridge_fit(X_arr, y_arr, 0.0, fit_intercept=False).coef
    t2, t1 = float(np.linalg.norm(w2)), float(np.abs(w1).sum())
    W1, W2 = _grid_around([w_ls[None], np.array([[t2, t2], [-t2, -t2], [t1, t1], [-t1, -t1]])])
    Z = _objective_grid(X_arr, y_arr, 0.0, W1, W2)
    ax = _axes(ax)
    ax.contour(W1, W2, Z, levels=np.sort(Z.min() + (Z.max() - Z.min()) * np.linspace(0, 1, 12)[1:] ** 2),
               colors=OKABE_ITO[0], linewidths=0.5, alpha=0.4)
    for w, colour in ((w2, OKABE_ITO[5]), (w1, OKABE_ITO[6])):
        level = _objective_grid(X_arr, y_arr, 0.0, np.array([[w[0]]]), np.array([[w[1]]]))[0, 0]
        ax.contour(W1, W2, Z, levels=[level], colors=colour, linewidths=1.2, linestyles="--")
    angle = np.linspace(0, 2 * np.pi, 400)
    ax.plot(t2 * np.cos(angle), t2 * np.sin(angle), color=OKABE_ITO[5], lw=2, label=f"L2 disk ‖w‖₂ ≤ {t2:.2f}")
    ax.plot(t1 * np.array([1, 0, -1, 0, 1]), t1 * np.array([0, 1, 0, -1, 0]), color=OKABE_ITO[6], lw=2,
            label=f"L1 diamond ‖w‖₁ ≤ {t1:.2f}")
    ax.plot(*w_ls, "s", color=OKABE_ITO[0], ms=7, label="least squares (unconstrained)")
    ax.plot(*w2, "o", color=OKABE_ITO[5], ms=8, label="L2 solution")
    ax.plot(*w1, "D", color=OKABE_ITO[6], ms=8, label="L1 solution")
    ax.axhline(0, color=OKABE_ITO[0], lw=0.6)
    ax.axvline(0, color=OKABE_ITO[0], lw=0.6)
    ax.set_aspect("equal")
    ax.set_xlabel("weight w₁")
    ax.set_ylabel("weight w₂")
    ax.legend(fontsize="small", loc="best")
    return ax


def plot_lambda_curves(
    lams: ArrayLike,
    values: ArrayLike,
    *,
    labels: Sequence[str],
    ylabel: str,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot one curve per column of ``values`` against :math:`\lambda` (log axis).

    For coefficient paths (one curve per feature) and shrinkage factors
    :math:`s_i^2/(s_i^2 + n\lambda)` (one curve per singular value).

    Parameters
    ----------
    lams : array-like of shape (n_lams,)
        Positive penalty strengths.
    values : array-like of shape (n_lams, n_curves)
        Column ``j`` is curve ``j``.
    labels : sequence of str of length n_curves
        Legend entries.
    ylabel : str
        What the values are, with units.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_lambda_curves([0.1, 1, 10], [[2, 1], [1, 0.5], [0.2, 0.0]],
    ...                                     labels=["a", "b"], ylabel="weight", ax=Figure().subplots())
    >>> ax.get_xscale(), len(ax.get_lines())
    ('log', 2)
    """
    lam_arr = _positive_lams(lams)
    if hasattr(values, "coefs"):
        raise TypeError(
            f"values must be an array of shape (n_lams, n_curves); got "
            f"{type(values).__name__}. For a RidgePath pass path.coefs "
            f"(and path.lams as lams)."
        )
    vals = _as_float_array(values, "values")
    names = _labels(labels, "labels")
    if vals.ndim != 2 or vals.shape != (lam_arr.size, len(names)):
        raise ValueError(
            f"values must have shape (n_lams, n_curves) = ({lam_arr.size}, {len(names)}); "
            f"got {vals.shape}. Pass one row per lam and one label per column."
        )
    ax = _axes(ax)
    styles = ("-", "--", ":", "-.")
    for j, label in enumerate(names):
        ax.plot(lam_arr, vals[:, j], color=OKABE_ITO[(5, 6, 3, 7, 1, 2, 0)[j % 7]],
                ls=styles[(j // 7) % 4], lw=1.6, label=label)
    ax.set_xscale("log")
    ax.set_xlabel("λ (penalty strength, log scale)")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small", ncol=2 if len(names) > 5 else 1)
    return ax


def _labels(labels: object, name: str) -> list[str]:
    """Legend entries: a sequence of strings (a lone string is a slip)."""
    if isinstance(labels, str) or not isinstance(labels, Sequence):
        raise TypeError(
            f"{name} must be a sequence of str (one legend entry per "
            f"curve); got {type(labels).__name__} {labels!r}. Pass a list, "
            f"e.g. {name}=['w_1', 'w_2']."
        )
    return [str(label) for label in labels]


# ---------------------------------------------------------------------------
# Chapter 6: cross-validation curves with error bars
# ---------------------------------------------------------------------------


_CV_EXPECTED = "CVResult (from wdlib.loo_cv or wdlib.kfold_cv)"
_CV_ATTRS = ("lams", "mse", "mse_se", "best_lam", "lam_1se")


def plot_cv_curve(
    cv: _CVLike,
    *,
    label: str,
    color: str | None = None,
    error_bars: bool = True,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot a cross-validation curve against :math:`\lambda` with its choices marked.

    Draws ``cv.mse`` with a shaded band of plus or minus one standard error
    (``cv.mse_se``), a solid vertical line at ``cv.best_lam`` (minimum) and a dotted one at
    ``cv.lam_1se`` (one-standard-error rule).

    Parameters
    ----------
    cv : CVResult
        Output of :func:`wdlib.loo_cv` or :func:`wdlib.kfold_cv` with positive ``lams``.
    label : str
        Legend entry of the curve, e.g. ``"5-fold CV"``.
    color : str, optional
        Line colour; Okabe-Ito blue by default.
    error_bars : bool, default=True
        Shade the band of plus or minus one standard error.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from matplotlib.figure import Figure
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(30, 3)); y = X @ [1.0, 0.0, -1.0] + rng.normal(size=30)
    >>> cv = wd.kfold_cv(X, y, np.logspace(-3, 1, 9))
    >>> ax = wd.plotting.plot_cv_curve(cv, label="5-fold CV", ax=Figure().subplots())
    >>> ax.get_xscale(), len(ax.get_legend().get_texts())   # curve, band, minimum, one-SE
    ('log', 4)
    """
    cv_arrays = _result_arrays(cv, "cv", _CV_EXPECTED, _CV_ATTRS)
    lam_arr = _positive_lams(cv_arrays["lams"])
    mse, se = cv_arrays["mse"], cv_arrays["mse_se"]
    _same_shape({"mse": mse, "mse_se": se}, "cv", lam_arr.shape)
    _same_shape({k: cv_arrays[k] for k in ("best_lam", "lam_1se")}, "cv", ())
    best, one_se = cv_arrays["best_lam"].item(), cv_arrays["lam_1se"].item()
    color = OKABE_ITO[5] if color is None else color
    ax = _axes(ax)
    ax.plot(lam_arr, mse, color=color, lw=1.8, label=label)
    if error_bars:
        ax.fill_between(lam_arr, mse - se, mse + se, color=color, alpha=0.18,
                        lw=0, label=f"{label}: ±1 standard error")
    ax.axvline(best, color=color, lw=1.2, ls="-",
               label=f"{label}: minimum, λ = {best:.3g}")
    ax.axvline(one_se, color=color, lw=1.2, ls=":",
               label=f"{label}: one-SE rule, λ = {one_se:.3g}")
    ax.set_xscale("log")
    ax.set_xlabel("λ (penalty strength, log scale)")
    ax.set_ylabel("cross-validated mean squared error")
    ax.legend(fontsize="small")
    return ax


# ---------------------------------------------------------------------------
# Chapter 5: decay overhead, (learning rate, decay) heat maps
# ---------------------------------------------------------------------------


def plot_step_times(timing: _TimingLike, *, ax: Axes | None = None) -> Axes:
    """Time per training step with and without weight decay, against batch size.

    Parameters
    ----------
    timing : wdlib.experiments.trends.TimingResult
        Result of ``wdlib.experiments.trends.time_decay_overhead`` (any
        object with the same fields).
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        Log-log axes: one colour per feature count ``d``; solid lines with
        decay, dashed without, dotted horizontal lines the decay update alone.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> from wdlib.experiments import trends
    >>> t = trends.time_decay_overhead([10, 20], [5], repeats=2)
    >>> ax = wd.plotting.plot_step_times(t, ax=Figure().subplots())
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    """
    from matplotlib.lines import Line2D

    t = _result_arrays(
        timing, "timing",
        "TimingResult (from wdlib.experiments.trends.time_decay_overhead)",
        ("ns", "ds", "with_decay", "without_decay", "decay_only"),
    )
    ns, ds = t["ns"].ravel(), t["ds"].ravel()
    _same_shape({k: t[k] for k in ("with_decay", "without_decay")},
                "timing", (ns.size, ds.size))
    _same_shape({"decay_only": t["decay_only"]}, "timing", (ds.size,))
    ax = _axes(ax)
    handles = []
    for j, d in enumerate(ds):
        colour = OKABE_ITO[(j + 1) % 8]
        ax.plot(ns, 1e6 * t["with_decay"][:, j], "o-", color=colour, lw=1.8)
        ax.plot(ns, 1e6 * t["without_decay"][:, j], "s--", color=colour,
                lw=1.2)
        ax.axhline(1e6 * t["decay_only"][j], color=colour, ls=":", lw=1.5)
        handles.append(
            Line2D([], [], color=colour, lw=3, label=f"d = {d:g} features")
        )
    handles += [
        Line2D([], [], color="grey", ls="-", marker="o", label="gradient + step, with decay"),
        Line2D([], [], color="grey", ls="--", marker="s", label="gradient + step, without decay"),
        Line2D([], [], color="grey", ls=":", label="decay update alone"),
    ]
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("minibatch size n (rows)")
    ax.set_ylabel("time per step (µs)")
    ax.legend(handles=handles, fontsize="small", loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return ax


def plot_lr_decay_heatmap(
    sweep: _SweepLike,
    *,
    title: str = "",
    vmin: float | None = None,
    vmax: float | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heat map of test error over (learning rate, weight decay), best decay marked.

    Parameters
    ----------
    sweep : wdlib.experiments.trends.SweepResult
        Result of ``wdlib.experiments.trends.sweep_lr_decay`` (positive
        grids; any object with the same fields).
    title : str, optional
        Axes title, e.g. the optimizer's name.
    vmin, vmax : float, optional
        Colour limits in percent, to share one scale between panels.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        Weight decay on the horizontal axis, learning rate on the vertical
        one (both log-spaced cells), colour = test error in %, a white
        circle on the best decay of every learning rate, and a colour bar.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> s = trends.SweepResult(np.array([0.01, 0.1]), np.array([0.1, 1.0]),
    ...     np.array([[0.2, 0.1], [0.3, 0.4]]), np.array([1.0, 0.1]))
    >>> ax = wd.plotting.plot_lr_decay_heatmap(s, title="AdamW", ax=Figure().subplots())
    >>> ax.get_xlabel(), ax.get_title()
    ('weight decay λ (log scale)', 'AdamW')
    """
    arrays = _result_arrays(
        sweep, "sweep",
        "SweepResult (from wdlib.experiments.trends.sweep_lr_decay)",
        ("lrs", "weight_decays", "test_error"),
    )
    lrs, wds = arrays["lrs"].ravel(), arrays["weight_decays"].ravel()
    _same_shape({"test_error": arrays["test_error"]}, "sweep",
                (lrs.size, wds.size))
    err = 100 * arrays["test_error"]
    if np.any(lrs <= 0) or np.any(wds <= 0):
        raise ValueError(
            "the heat map needs positive learning rates and decays (log axes); "
            "drop weight_decay=0 from the grid or plot it separately."
        )
    ax = _axes(ax)
    im = ax.imshow(err, origin="lower", aspect="auto", cmap="viridis", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(wds.size), [f"{v:.2g}" for v in wds], rotation=45)
    ax.set_yticks(range(lrs.size), [f"{v:.2g}" for v in lrs])
    best = np.argmin(err, axis=1)
    ax.plot(best, np.arange(lrs.size), "o", mfc="none", mec="white", mew=2, ms=10,
            label="best decay for this learning rate")
    ax.set_xlabel("weight decay λ (log scale)")
    ax.set_ylabel("learning rate γ (log scale)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize="small")
    ax.figure.colorbar(im, ax=ax, label="test error (%)")
    return ax


# ---------------------------------------------------------------------------
# Chapter 1: missing values, shrinkage by unit, leakage, polynomial fits,
# error against effective degrees of freedom
# ---------------------------------------------------------------------------


def plot_missing_counts(counts: Mapping[str, int], n_rows: int, *, ax: Axes | None = None) -> Axes:
    """Horizontal bars: missing values per column, labelled with counts.

    Parameters
    ----------
    counts : mapping of str to int
        Column -> number of missing values (e.g. ``MissingReport.counts``).
    n_rows : int
        Rows in the table, for the percentage labels.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_missing_counts({"a": 0, "b": 3}, 10, ax=Figure().subplots())
    >>> [float(p.get_width()) for p in ax.patches]
    [0.0, 3.0]
    """
    if not isinstance(counts, Mapping) or len(counts) == 0:
        raise TypeError(
            f"counts must be a non-empty mapping of column -> count; got "
            f"{type(counts).__name__}. Pass MissingReport.counts."
        )
    n_rows = check_positive_int(n_rows, "n_rows")
    names = [str(c) for c in counts]
    vals = _as_float_array([counts[c] for c in counts], "counts' values")
    ax = _axes(ax)
    y = np.arange(len(names))
    ax.barh(y, vals, color=OKABE_ITO[5], label="missing values")
    for yi, v in zip(y, vals):
        ax.text(v, yi, f" {int(v)} ({100 * v / max(n_rows, 1):.1f}%)", va="center", fontsize="small")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(0, max(vals.max(), 1) * 1.35)
    ax.set_xlabel(f"missing values (count, out of {n_rows} rows)")
    ax.set_ylabel("column")
    ax.legend(loc="lower right")
    return ax


def plot_shrinkage(
    lams: ArrayLike,
    ratios: Mapping[str, ArrayLike],
    *,
    ylabel: str = "w(λ) / w(0)  (fraction of the unpenalized weight)",
    ax: Axes | None = None,
) -> Axes:
    r"""Plot quantities relative to their :math:`\lambda = 0` value against :math:`\lambda`.

    A ratio of 1 means "untouched by the penalty", 0 "shrunk away". Used to
    compare how one penalty shrinks the same feature in different units.

    Parameters
    ----------
    lams : array-like of shape (n_lams,)
        Positive penalty strengths (log axis).
    ratios : mapping of str to array-like of shape (n_lams,)
        Label -> ratio at each ``lam``.
    ylabel : str
        What the ratio is.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_shrinkage([0.1, 1, 10], {"mm": [1, 0.9, 0.5]}, ax=Figure().subplots())
    >>> ax.get_xscale(), len(ax.get_lines())
    ('log', 2)
    """
    lam_arr = _positive_lams(lams)
    data = _as_curves(ratios, "ratios")
    _check_same_length(lam_arr, data, "lams", "ratios")
    ax = _axes(ax)
    styles = ("-", "--", "-.", ":")
    for k, (label, values) in enumerate(data.items()):
        ax.plot(lam_arr, values, color=OKABE_ITO[(5, 6, 3, 7, 1)[k % 5]], ls=styles[k % 4], lw=2, label=label)
    ax.axhline(1.0, color=OKABE_ITO[0], lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_xlabel("λ (penalty strength, log scale)")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small")
    return ax


def plot_paired_errors(
    first: ArrayLike,
    second: ArrayLike,
    *,
    labels: tuple[str, str],
    unit: str = "g²",
    ax: Axes | None = None,
) -> Axes:
    """Scatter paired errors (one point per repeat) against the diagonal.

    Points below the diagonal are repeats where ``second`` is smaller.

    Parameters
    ----------
    first, second : array-like of shape (n_repeats,)
        Paired errors, e.g. test MSE of a clean and of a leaky pipeline.
    labels : (str, str)
        Names of ``first`` (x axis) and ``second`` (y axis).
    unit : str, default="g²"
        Unit of the errors, for the axis labels.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_paired_errors([1, 2], [1.1, 1.9], labels=("a", "b"), ax=Figure().subplots())
    >>> ax.get_xlabel()
    'a: test MSE (g²)'
    """
    if len(_labels(labels, "labels")) != 2:
        raise ValueError(
            f"labels must name the two errors, (first, second); got "
            f"{labels!r}. Pass e.g. labels=('clean', 'leaky')."
        )
    a = _as_float_array(first, "first").ravel()
    b = _as_float_array(second, "second").ravel()
    if a.shape != b.shape or a.size == 0:
        raise ValueError(
            f"first and second must be non-empty and paired; got {a.size} and "
            f"{b.size} values. Pass one error of each kind per repeat."
        )
    ax = _axes(ax)
    ax.scatter(a, b, s=14, color=OKABE_ITO[5], alpha=0.7, label=f"one random split ({a.size} in all)")
    lo, hi = float(min(a.min(), b.min())), float(max(a.max(), b.max()))
    ax.plot([lo, hi], [lo, hi], color=OKABE_ITO[0], lw=1, ls="--", label="equal errors")
    ax.set_xlabel(f"{labels[0]}: test MSE ({unit})")
    ax.set_ylabel(f"{labels[1]}: test MSE ({unit})")
    ax.legend(fontsize="small")
    return ax


def plot_curve_fits(
    x: ArrayLike,
    y: ArrayLike,
    grid: ArrayLike,
    curves: Mapping[str, ArrayLike],
    *,
    truth: ArrayLike | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Scatter 1-D training data and draw fitted curves evaluated on a grid.

    Parameters
    ----------
    x, y : array-like of shape (n_samples,)
        Training inputs and targets.
    grid : array-like of shape (n_grid,)
        Inputs where the curves are evaluated.
    curves : mapping of str to array-like of shape (n_grid,)
        Label -> predictions on ``grid``.
    truth : array-like of shape (n_grid,), optional
        The noise-free function on ``grid``, drawn dashed in black.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_curve_fits([0, 1], [0, 1], [0, 0.5, 1], {"fit": [0, 0.5, 1]},
    ...                                  ax=Figure().subplots())
    >>> [line.get_label() for line in ax.get_lines()]
    ['fit']
    """
    x_arr = _as_float_array(x, "x").ravel()
    y_arr = _as_float_array(y, "y").ravel()
    g = _as_float_array(grid, "grid").ravel()
    data = _as_curves(curves, "curves")
    _check_same_length(g, data, "grid", "curves")
    ax = _axes(ax)
    if truth is not None:
        ax.plot(g, _as_float_array(truth, "truth"), color=OKABE_ITO[0],
                ls="--", lw=1.2, label="noise-free function")
    for k, (label, values) in enumerate(data.items()):
        ax.plot(g, values, color=OKABE_ITO[(6, 5, 3, 7, 1)[k % 5]], lw=2, label=label)
    ax.scatter(x_arr, y_arr, s=22, color=OKABE_ITO[0], zorder=3, label="training points")
    span = float(y_arr.max() - y_arr.min())
    ax.set_ylim(y_arr.min() - 0.5 * span, y_arr.max() + 0.5 * span)
    ax.set_xlabel("x (input, no unit)")
    ax.set_ylabel("y (target, no unit)")
    ax.legend(fontsize="small")
    return ax


def plot_error_vs_dof(
    dofs: ArrayLike,
    errors: Mapping[str, ArrayLike],
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot errors against the effective degrees of freedom :math:`\mathrm{df}(\lambda)`.

    Complexity grows to the right (small :math:`\lambda`); the minimum of the
    last curve is marked.

    Parameters
    ----------
    dofs : array-like of shape (n_lams,)
        :math:`\mathrm{df}(\lambda)`, e.g. from :func:`wdlib.effective_dof`.
    errors : mapping of str to array-like of shape (n_lams,)
        Label -> error at each ``lam``.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_error_vs_dof([1, 5, 9], {"test": [3, 1, 4]}, ax=Figure().subplots())
    >>> len(ax.get_lines())
    2
    """
    d = _as_float_array(dofs, "dofs").ravel()
    data = _as_curves(errors, "errors")
    _check_same_length(d, data, "dofs", "errors")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(d, values, color=OKABE_ITO[(5, 6, 3, 7)[k % 4]], lw=2, label=label)
    last = list(data)[-1]
    best = int(np.argmin(data[last]))
    ax.plot(d[best], data[last][best], "o", color=OKABE_ITO[0], label=f"lowest {last}: df = {d[best]:.1f}")
    ax.set_xlabel("df(λ) (effective degrees of freedom)")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize="small")
    return ax
