"""Reusable figures for weight decay; the only wdlib module using matplotlib.

Every function draws on the axes it is given (``ax=None`` means the current
axes), returns them, and never changes global ``rcParams``. Colours come from
the colour-blind-safe Okabe-Ito palette. A quantity against the penalty
strength is always :func:`plot_against_lambda` (one input convention); a
ridge path and a cross-validation curve are one call each
(:func:`plot_path`, :func:`plot_cv`, or ``path.plot()`` and ``cv.plot()``).
The book's one-chapter figures live in :mod:`wdlib.experiments`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from ._linalg import ridge_residual, ridge_value
from ._validation import _as_float_array, check_bool, check_X_y
from .ridge import ridge_fit

if TYPE_CHECKING:
    from typing import Protocol

    # What the plotting functions read from a result: any object with these
    # attributes type-checks (CVResult, RidgePath, or a student's own).
    # Read-only properties, so frozen dataclasses match.

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

    class _PathLike(Protocol):
        @property
        def lams(self) -> np.ndarray: ...
        @property
        def coefs(self) -> np.ndarray: ...


__all__ = [
    "OKABE_ITO",
    "plot_against_lambda",
    "plot_constraint_regions",
    "plot_cv",
    "plot_iteration_curves",
    "plot_loss_contours",
    "plot_path",
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

# Curve colours in drawing order (blue, vermilion, green, purple, orange,
# sky blue, black), then the same colours with other line styles.
_CURVE_COLOURS = tuple(OKABE_ITO[i] for i in (5, 6, 3, 7, 1, 2, 0))
_CURVE_STYLES = ("-", "--", ":", "-.")
_LAM_LABEL = "λ (penalty strength, log scale)"


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


def _check_same_length(
    x: np.ndarray, curves: dict[str, np.ndarray], xname: str, name: str
) -> None:
    for label, values in curves.items():
        if values.shape != x.shape:
            raise ValueError(
                f"{name}[{label!r}] has {values.size} values but {xname} has "
                f"{x.size}; pass one value per entry of {xname}."
            )


def _positive_lams(lams: ArrayLike) -> np.ndarray:
    lam_arr = _as_float_array(lams, "lams").ravel()
    if lam_arr.size == 0 or not np.all(lam_arr > 0):
        raise ValueError(
            "lams must be positive for a log axis; got "
            f"{lam_arr.tolist()[:5]}. "
            f"Drop lam=0 or plot it separately."
        )
    return lam_arr


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
# Quantities against the iteration count and against lambda
# ---------------------------------------------------------------------------


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
    >>> ax = wd.plotting.plot_iteration_curves(
    ...     {"GD": [1.0, 0.5, 0.25]}, ylabel="loss", ax=ax
    ... )
    >>> ax.get_yscale(), ax.get_xlabel()
    ('log', 'iteration k')
    """
    data = _as_curves(curves, "curves")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(
            np.arange(values.size),
            values,
            color=OKABE_ITO[k % 8],
            lw=1.8,
            label=label,
        )
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel("iteration k")
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def _curve_table(
    curves: Mapping[str, ArrayLike] | ArrayLike,
    labels: Sequence[str] | None,
    n_lams: int,
) -> dict[str, np.ndarray]:
    """``curves`` as label -> array of shape (n_lams,), validated."""
    if hasattr(curves, "coefs") or hasattr(curves, "mse"):
        raise TypeError(
            f"curves must be a mapping label -> array or an array of shape "
            f"(n_lams, k); got {type(curves).__name__}. For a RidgePath or "
            f"a CVResult use plot_path(path) or plot_cv(cv)."
        )
    if isinstance(curves, Mapping):
        if labels is not None:
            raise TypeError(
                "labels are taken from the keys of a mapping curves; pass "
                "labels only with an (n_lams, k) array."
            )
        table = _as_curves(curves, "curves")
    else:
        values = _as_float_array(curves, "curves")
        if labels is None:
            raise TypeError(
                "an array curves needs labels, one legend entry per column; "
                "pass e.g. labels=['w_1', 'w_2'] or a mapping label -> "
                "array."
            )
        names = _labels(labels, "labels")
        if values.ndim != 2 or values.shape[1] != len(names):
            raise ValueError(
                f"curves must have shape (n_lams, k) = ({n_lams}, "
                f"{len(names)}) for {len(names)} labels; got "
                f"{values.shape}. Pass one row per lam and one label per "
                f"column."
            )
        table = {name: values[:, j] for j, name in enumerate(names)}
    for label, values in table.items():
        if values.shape != (n_lams,):
            raise ValueError(
                f"curves[{label!r}] has {values.size} values but lams has "
                f"{n_lams}; pass one value per entry of lams."
            )
    return table


def _marks(mark: object, lams: np.ndarray) -> dict[str, float]:
    """Vertical lines to draw: label -> positive lam."""
    if not isinstance(mark, Mapping):
        raise TypeError(
            f"mark must be None, 'min' or a mapping label -> lam; got "
            f"{mark!r}. Pass e.g. mark={{'minimum': cv.best_lam}}."
        )
    out = {}
    for label, lam in mark.items():
        value = _positive_lams([lam])[0]
        out[str(label)] = float(value)
    return out


def plot_against_lambda(
    lams: ArrayLike,
    curves: Mapping[str, ArrayLike] | ArrayLike,
    *,
    ylabel: str,
    labels: Sequence[str] | None = None,
    errors: Mapping[str, ArrayLike] | None = None,
    mark: Literal["min"] | Mapping[str, float] | None = None,
    reference: Mapping[str, float] | None = None,
    logy: bool = False,
    colors: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot quantities against the penalty strength :math:`\lambda` (log).

    One function for every curve over :math:`\lambda`: train and test
    errors, coefficient paths, weight norms, shrinkage factors,
    cross-validation curves.

    Parameters
    ----------
    lams : array-like of shape (n_lams,)
        Positive penalty strengths (drop ``lam = 0`` for a log axis).
    curves : mapping of str to array-like, or array-like
        Label -> values of shape (n_lams,), one at each ``lam``; or ``k``
        curves as the columns of an array of shape (n_lams, k), with
        ``labels``.
    ylabel : str
        What the values are, with units: a quantity has no default unit.
    labels : sequence of k str, optional
        Legend entries for the columns of an array ``curves``.
    errors : mapping of str to array-like of shape (n_lams,), optional
        Label (a key of ``curves``) -> standard error at each ``lam``,
        drawn as a shaded band of plus or minus one standard error.
    mark : "min" or mapping of str to float, optional
        ``"min"`` marks the minimum of the last curve (by convention the
        test or validation error) with a dot; a mapping label -> lam draws
        labelled vertical lines (e.g. the chosen penalties).
    reference : mapping of str to float, optional
        Horizontal reference levels (e.g. the norm of the true weights),
        drawn dashed.
    logy : bool, default=False
        Logarithmic vertical axis (for norms and errors spanning decades).
    colors : sequence of str, optional
        One colour per curve; the Okabe-Ito palette by default.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes
        One line per curve, plus the marks and reference lines, with a
        legend.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import wdlib as wd
    >>> ax = wd.plotting.plot_against_lambda(
    ...     [0.1, 1, 10], {"train": [1, 2, 3], "test": [3, 2, 4]},
    ...     ylabel="mean squared error (y units²)", mark="min",
    ...     ax=Figure().subplots())
    >>> ax.get_xscale(), [line.get_label() for line in ax.get_lines()]
    ('log', ['train', 'test', 'lowest test: λ = 1'])

    Coefficient paths are the columns of an array:

    >>> ax = wd.plotting.plot_against_lambda(
    ...     [0.1, 1, 10], [[2, 1], [1, 0.5], [0.2, 0.0]], labels=["a", "b"],
    ...     ylabel="weight (y units per x unit)", ax=Figure().subplots())
    >>> len(ax.get_lines())
    2
    """
    lam_arr = _positive_lams(lams)
    table = _curve_table(curves, labels, lam_arr.size)
    logy = check_bool(logy, "logy")
    palette = _colours(colors, len(table))
    bands = _as_curves(errors, "errors") if errors is not None else {}
    unknown = sorted(set(bands) - set(table))
    if unknown:
        raise ValueError(
            f"errors names {unknown}, which are not curves; use the labels "
            f"{list(table)}."
        )
    _check_same_length(lam_arr, bands, "lams", "errors")
    ax = _axes(ax)
    for j, (label, values) in enumerate(table.items()):
        style = _CURVE_STYLES[(j // len(_CURVE_COLOURS)) % 4]
        ax.plot(
            lam_arr, values, color=palette[j], ls=style, lw=1.8, label=label
        )
        if label in bands:
            se = bands[label]
            ax.fill_between(
                lam_arr,
                values - se,
                values + se,
                color=palette[j],
                alpha=0.18,
                lw=0,
                label=f"{label}: ±1 standard error",
            )
    if isinstance(mark, str) and mark == "min":
        _mark_lowest(ax, lam_arr, table, "λ = {:.3g}")
    elif mark is not None:
        for k, (label, lam) in enumerate(_marks(mark, lam_arr).items()):
            ax.axvline(
                lam,
                color=palette[0],
                lw=1.2,
                ls=_CURVE_STYLES[k % 4],
                label=label,
            )
    for k, (label, level) in enumerate((reference or {}).items()):
        ax.axhline(
            float(level),
            color=OKABE_ITO[(0, 1, 2)[k % 3]],
            ls="--",
            lw=1.2,
            label=str(label),
        )
    ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(_LAM_LABEL)
    ax.set_ylabel(str(ylabel))
    ax.legend(fontsize="small", ncol=2 if len(table) > 5 else 1)
    return ax


def _mark_lowest(
    ax: Axes, x: np.ndarray, table: Mapping[str, np.ndarray], where: str
) -> None:
    """A dot at the minimum of the last curve of ``table``, in the legend
    as ``"lowest <label>: "`` and ``where`` formatted with its x value."""
    last = list(table)[-1]
    best = int(np.argmin(table[last]))
    ax.plot(
        x[best],
        table[last][best],
        "o",
        color=OKABE_ITO[0],
        label=f"lowest {last}: {where.format(x[best])}",
    )


def _colours(colors: Sequence[str] | None, n: int) -> list[str]:
    if colors is None:
        return [_CURVE_COLOURS[j % len(_CURVE_COLOURS)] for j in range(n)]
    names = _labels(colors, "colors")
    if len(names) != n:
        raise ValueError(
            f"colors must give one colour per curve ({n}); got "
            f"{len(names)}. Pass e.g. colors=wd.plotting.OKABE_ITO[5:{5 + n}]."
        )
    return names


def plot_path(
    path: _PathLike,
    *,
    labels: Sequence[str] | None = None,
    ylabel: str = "coefficient w_j (y units per x unit)",
    ax: Axes | None = None,
) -> Axes:
    r"""Plot a ridge path: each coefficient :math:`w_j(\lambda)` against lam.

    Parameters
    ----------
    path : RidgePath
        Output of :func:`wdlib.ridge_path` with positive ``lams`` (any
        object with ``lams`` and ``coefs`` of shape (n_lams, n_features)).
    labels : sequence of str, optional
        One name per feature; ``w_1, w_2, ...`` by default.
    ylabel : str, optional
        What the coefficients are, with units.
    ax : matplotlib Axes, optional
        Axes to draw on; the current axes by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from matplotlib.figure import Figure
    >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
    >>> path = wd.ridge_path(X, [1.0, 2.0, 4.0, 5.0], np.logspace(-2, 2, 5))
    >>> ax = path.plot(ax=Figure().subplots())
    >>> [line.get_label() for line in ax.get_lines()]
    ['w_1', 'w_2']
    """
    arrays = _result_arrays(path, "path", _PATH_EXPECTED, ("lams", "coefs"))
    coefs = arrays["coefs"]
    if coefs.ndim != 2 or coefs.shape[0] != arrays["lams"].size:
        raise ValueError(
            f"path.coefs must have shape (n_lams, n_features) = "
            f"({arrays['lams'].size}, ...); got {coefs.shape}. Pass an "
            f"unmodified result."
        )
    if labels is None:
        labels = [f"w_{j + 1}" for j in range(coefs.shape[1])]
    return plot_against_lambda(
        arrays["lams"], coefs, labels=labels, ylabel=ylabel, ax=ax
    )


_PATH_EXPECTED = "RidgePath (from wdlib.ridge_path)"
_CV_EXPECTED = "CVResult (from wdlib.loo_cv or wdlib.kfold_cv)"
_CV_ATTRS = ("lams", "mse", "mse_se", "best_lam", "lam_1se")


def plot_cv(
    cv: _CVLike,
    *,
    label: str = "cross-validation",
    color: str | None = None,
    error_bars: bool = True,
    ylabel: str = "cross-validated mean squared error",
    ax: Axes | None = None,
) -> Axes:
    r"""Plot a cross-validation curve against :math:`\lambda`, choices marked.

    Draws ``cv.mse`` with a shaded band of plus or minus one standard error
    (``cv.mse_se``), a solid vertical line at ``cv.best_lam`` (minimum) and
    a dashed one at ``cv.lam_1se`` (one-standard-error rule).

    Parameters
    ----------
    cv : CVResult
        Output of :func:`wdlib.loo_cv` or :func:`wdlib.kfold_cv` with
        positive ``lams``.
    label : str, default="cross-validation"
        Legend entry of the curve, e.g. ``"5-fold CV"``.
    color : str, optional
        Line colour; Okabe-Ito blue by default.
    error_bars : bool, default=True
        Shade the band of plus or minus one standard error.
    ylabel : str, optional
        What the error is, with units.
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
    >>> X = rng.normal(size=(30, 3))
    >>> y = X @ [1.0, 0.0, -1.0] + rng.normal(size=30)
    >>> cv = wd.kfold_cv(X, y, np.logspace(-3, 1, 9))
    >>> ax = cv.plot(label="5-fold CV", ax=Figure().subplots())
    >>> len(ax.get_legend().get_texts())  # curve, band, minimum, one-SE
    4
    """
    arrays = _result_arrays(cv, "cv", _CV_EXPECTED, _CV_ATTRS)
    lam_arr = _positive_lams(arrays["lams"])
    _same_shape({k: arrays[k] for k in ("mse", "mse_se")}, "cv", lam_arr.shape)
    _same_shape({k: arrays[k] for k in ("best_lam", "lam_1se")}, "cv", ())
    best, one_se = arrays["best_lam"].item(), arrays["lam_1se"].item()
    error_bars = check_bool(error_bars, "error_bars")
    errors = {str(label): arrays["mse_se"]} if error_bars else None
    marks = {
        f"{label}: minimum, λ = {best:.3g}": best,
        f"{label}: one-SE rule, λ = {one_se:.3g}": one_se,
    }
    colors = None if color is None else [color]
    return plot_against_lambda(
        lam_arr,
        {str(label): arrays["mse"]},
        ylabel=ylabel,
        errors=errors,
        mark=marks,
        colors=colors,
        ax=ax,
    )


# ---------------------------------------------------------------------------
# Loss surfaces over two weights: contours, descent paths, L1/L2 regions
# ---------------------------------------------------------------------------


def _two_feature_problem(
    X: ArrayLike, y: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    X_arr, y_arr = check_X_y(X, y)
    if X_arr.shape[1] != 2:
        raise ValueError(
            "X must have exactly 2 columns to draw a loss surface over (w_1, "
            "w_2); "
            f"got {X_arr.shape[1]}. Select two features, e.g. X[:, :2]."
        )
    return X_arr, y_arr


def _objective_grid(
    X: np.ndarray, y: np.ndarray, lam: float, W1: np.ndarray, W2: np.ndarray
) -> np.ndarray:
    """The objective (no intercept) at every grid point ``(W1, W2)``."""
    W = np.stack([W1.ravel(), W2.ravel()])  # (2, n_points)
    values = ridge_value(ridge_residual(X, y, W), W, lam)
    return values.reshape(W1.shape)


def _grid_around(
    points: list[np.ndarray], margin: float = 0.35, size: int = 161
):
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
    r"""Contours of the loss with and without the L2 penalty; descent paths.

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
    >>> X = np.array([[1.0, 0.5], [-1.0, 0.2], [0.0, -0.7]])
    >>> y = np.array([1.0, -1.0, 0.0])
    >>> ax = wd.plotting.plot_loss_contours(X, y, 0.5, ax=Figure().subplots())
    >>> ax.get_xlabel()
    'weight w₁'
    """
    X_arr, y_arr = _two_feature_problem(X, y)
    w_data = ridge_fit(X_arr, y_arr, 0.0, fit_intercept=False).coef
    w_pen = ridge_fit(X_arr, y_arr, lam, fit_intercept=False).coef
    drawn = {
        str(k): _as_float_array(v, f"paths[{k!r}]").reshape(-1, 2)
        for k, v in (paths or {}).items()
    }
    W1, W2 = _grid_around(
        [w_data[None], w_pen[None], np.zeros((1, 2)), *drawn.values()]
    )
    ax = _axes(ax)
    for lam_k, colour, style in (
        (0.0, OKABE_ITO[2], "--"),
        (lam, OKABE_ITO[6], "-"),
    ):
        Z = _objective_grid(X_arr, y_arr, lam_k, W1, W2)
        zmin = Z.min()
        levels = zmin + (Z.max() - zmin) * np.linspace(0.0, 1.0, 14)[1:] ** 2
        ax.contour(
            W1,
            W2,
            Z,
            levels=levels,
            colors=colour,
            linestyles=style,
            linewidths=1.0,
        )
    ax.plot(
        *w_data,
        "s",
        color=OKABE_ITO[2],
        ms=8,
        label="minimum of the data loss (λ = 0)",
    )
    ax.plot(
        *w_pen,
        "o",
        color=OKABE_ITO[6],
        ms=8,
        label=f"minimum of the penalized loss (λ = {lam:g})",
    )
    for k, (label, path) in enumerate(drawn.items()):
        ax.plot(
            path[:, 0],
            path[:, 1],
            ".-",
            color=OKABE_ITO[(0, 5, 1, 7)[k % 4]],
            lw=1.2,
            ms=4,
            label=label,
        )
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
    >>> X = np.array([[1.0, 0.5], [-1.0, 0.2], [0.0, -0.7]])
    >>> y = np.array([1.0, -1.0, 0.0])
    >>> ax = wd.plotting.plot_constraint_regions(
    ...     X, y, [0.5, 0.1], [0.6, 0.0], ax=Figure().subplots()
    ... )
    >>> [text.get_text()[:7] for text in ax.get_legend().get_texts()]
    ['L2 disk', 'L1 diam', 'least s', 'L2 solu', 'L1 solu']
    """
    X_arr, y_arr = _two_feature_problem(X, y)
    w2 = _as_float_array(coef_l2, "coef_l2").ravel()
    w1 = _as_float_array(coef_l1, "coef_l1").ravel()
    if w2.shape != (2,) or w1.shape != (2,):
        raise ValueError(
            "coef_l2 and coef_l1 must each have 2 entries; got shapes "
            f"{w2.shape} "
            f"and {w1.shape}. Pass the coef of a two-feature fit."
        )
    w_ls = ridge_fit(X_arr, y_arr, 0.0, fit_intercept=False).coef
    t2, t1 = float(np.linalg.norm(w2)), float(np.abs(w1).sum())
    W1, W2 = _grid_around(
        [w_ls[None], np.array([[t2, t2], [-t2, -t2], [t1, t1], [-t1, -t1]])]
    )
    Z = _objective_grid(X_arr, y_arr, 0.0, W1, W2)
    ax = _axes(ax)
    ax.contour(
        W1,
        W2,
        Z,
        levels=np.sort(
            Z.min() + (Z.max() - Z.min()) * np.linspace(0, 1, 12)[1:] ** 2
        ),
        colors=OKABE_ITO[0],
        linewidths=0.5,
        alpha=0.4,
    )
    for w, colour in ((w2, OKABE_ITO[5]), (w1, OKABE_ITO[6])):
        level = _objective_grid(
            X_arr, y_arr, 0.0, np.array([[w[0]]]), np.array([[w[1]]])
        )[0, 0]
        ax.contour(
            W1,
            W2,
            Z,
            levels=[level],
            colors=colour,
            linewidths=1.2,
            linestyles="--",
        )
    angle = np.linspace(0, 2 * np.pi, 400)
    ax.plot(
        t2 * np.cos(angle),
        t2 * np.sin(angle),
        color=OKABE_ITO[5],
        lw=2,
        label=f"L2 disk ‖w‖₂ ≤ {t2:.2f}",
    )
    ax.plot(
        t1 * np.array([1, 0, -1, 0, 1]),
        t1 * np.array([0, 1, 0, -1, 0]),
        color=OKABE_ITO[6],
        lw=2,
        label=f"L1 diamond ‖w‖₁ ≤ {t1:.2f}",
    )
    ax.plot(
        *w_ls,
        "s",
        color=OKABE_ITO[0],
        ms=7,
        label="least squares (unconstrained)",
    )
    ax.plot(*w2, "o", color=OKABE_ITO[5], ms=8, label="L2 solution")
    ax.plot(*w1, "D", color=OKABE_ITO[6], ms=8, label="L1 solution")
    ax.axhline(0, color=OKABE_ITO[0], lw=0.6)
    ax.axvline(0, color=OKABE_ITO[0], lw=0.6)
    ax.set_aspect("equal")
    ax.set_xlabel("weight w₁")
    ax.set_ylabel("weight w₂")
    ax.legend(fontsize="small", loc="best")
    return ax
