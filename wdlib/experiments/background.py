"""Chapter 1 (background): the penguin data prepared for ridge; figures.

Not part of the stable API (see :mod:`wdlib.experiments`). The chapter
shows each cleaning step with the reusable tools of :mod:`wdlib.data`;
:func:`prepare` chains them for the later sections, and the plotters draw
the chapter's one-figure views.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from .._validation import _as_float_array, check_bool, check_positive_int
from ..data import (
    FillReport,
    Imputer,
    OneHotCoding,
    Standardizer,
    _check_columns,
    _check_frame,
    _require_pandas,
    fit_imputer,
    fit_one_hot,
    fit_standardizer,
)
from ..plotting import (
    OKABE_ITO,
    _as_curves,
    _axes,
    _check_same_length,
    _labels,
    _mark_lowest,
    plot_against_lambda,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PENGUIN_CATEGORICAL",
    "PENGUIN_NUMERIC",
    "PENGUIN_TARGET",
    "Prepared",
    "plot_curve_fits",
    "plot_error_vs_dof",
    "plot_missing_counts",
    "plot_paired_errors",
    "plot_shrinkage",
    "prepare",
]

#: Measurements of :func:`wdlib.data.load_penguins` used to predict body mass.
PENGUIN_NUMERIC = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm")
#: Its text columns, one-hot encoded.
PENGUIN_CATEGORICAL = ("species", "island", "sex")
#: The target, in grams.
PENGUIN_TARGET = "body_mass_g"


@dataclass(frozen=True)
class Prepared:
    """Model-ready arrays made by :func:`prepare`, and how they were made.

    Attributes
    ----------
    X_train, X_test : ndarray of shape (n_train, p), (n_test, p)
    y_train, y_test : ndarray of shape (n_train,), (n_test,)
    feature_names : tuple of str
        Names of the ``p`` columns.
    imputer : Imputer
    encoder : OneHotCoding
    standardizer : Standardizer or None
    filled_train, filled_test : FillReport
        Values filled in each split.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    feature_names: tuple
    imputer: Imputer
    encoder: OneHotCoding
    standardizer: Standardizer | None
    filled_train: FillReport
    filled_test: FillReport


def prepare(
    train: pd.DataFrame,
    test: pd.DataFrame,
    *,
    target: str = PENGUIN_TARGET,
    numeric: Sequence[str] = PENGUIN_NUMERIC,
    categorical: Sequence[str] = PENGUIN_CATEGORICAL,
    standardize: bool = True,
    drop: None | Literal["first"] | Mapping[str, str] = None,
    fit_on: Literal["train", "all"] = "train",
) -> Prepared:
    """Impute, one-hot encode and standardize, learning all on ``train``.

    Steps: median/most-frequent imputation of the features, one-hot encoding
    of ``categorical``, standardization of ``numeric`` (the indicators stay
    0/1). The target is never imputed: drop rows with a missing target first
    (:func:`drop_missing`).

    Parameters
    ----------
    train, test : pandas.DataFrame
        The two splits.
    target : str, default="body_mass_g"
    numeric, categorical : sequence of str
        Feature columns; defaults are the penguins' measurements and
        species, island and sex.
    standardize : bool, default=True
        Scale numeric features to mean 0 and standard deviation 1.
    drop : None, "first" or dict, default=None
        Passed to :func:`fit_one_hot`.
    fit_on : {"train", "all"}, default="train"
        ``"all"`` learns the statistics on train and test together: the
        leak to avoid, available so that its effect can be measured.

    Returns
    -------
    Prepared

    Examples
    --------
    >>> import wdlib as wd
    >>> from wdlib.experiments import background
    >>> df, _ = wd.data.drop_missing(wd.data.load_penguins(), "body_mass_g")
    >>> train, test = wd.data.split_train_test(df, test_size=0.25, seed=0)
    >>> p = background.prepare(train, test)
    >>> p.X_train.shape, p.X_test.shape, len(p.feature_names)
    ((256, 11), (86, 11), 11)
    >>> p.filled_train.n_filled + p.filled_test.n_filled  # 9 unknown sexes
    9
    """
    train, test = _check_frame(train, "train"), _check_frame(test, "test")
    numeric = list(_check_names(numeric, "numeric"))
    categorical = list(_check_names(categorical, "categorical"))
    standardize = check_bool(standardize, "standardize")
    _check_roles(target, numeric, categorical)
    features = numeric + categorical
    for name, part in (("train", train), ("test", test)):
        _check_columns(part, features + [target], f"columns of {name}")
        if part[target].isna().any():
            raise ValueError(
                f"{name}[{target!r}] has {int(part[target].isna().sum())} "
                "missing "
                "value(s); a target cannot be imputed. Remove those rows "
                "with "
                f"drop_missing(df, {target!r}) before splitting."
            )
    if fit_on not in ("train", "all"):
        raise ValueError(f"fit_on must be 'train' or 'all'; got {fit_on!r}.")
    pd = _require_pandas()
    basis = train if fit_on == "train" else pd.concat([train, test])
    imputer = fit_imputer(basis[features])
    basis_f, _ = imputer.transform(basis[features])
    encoder = fit_one_hot(basis_f, categorical, drop=drop)
    scaler = fit_standardizer(basis_f, numeric) if standardize else None

    def make(part):
        filled, report = imputer.transform(part[features])
        encoded = encoder.transform(filled)
        if scaler is not None:
            encoded = scaler.transform(encoded)
        return encoded, part[target].to_numpy(dtype=np.float64), report

    Xtr, ytr, rep_tr = make(train)
    Xte, yte, rep_te = make(test)
    return Prepared(
        Xtr.to_numpy(dtype=np.float64),
        ytr,
        Xte.to_numpy(dtype=np.float64),
        yte,
        tuple(str(c) for c in Xtr.columns),
        imputer,
        encoder,
        scaler,
        rep_tr,
        rep_te,
    )


def _check_names(columns: object, name: str) -> tuple[str, ...]:
    """A sequence of column names (a lone string is a common slip)."""
    if isinstance(columns, str) or not isinstance(columns, Iterable):
        raise TypeError(
            f"{name} must be a sequence of column names; got "
            f"{type(columns).__name__} {columns!r}. Pass a list, e.g. "
            f"{name}=[{columns!r}]."
        )
    return tuple(columns)


def _check_roles(target: object, numeric: list, categorical: list) -> None:
    """Each column plays one role: target, numeric or categorical feature."""
    if not isinstance(target, str):
        raise TypeError(
            f"target must be a column name (str); got "
            f"{type(target).__name__} {target!r}. Pass e.g. "
            f"target={PENGUIN_TARGET!r}."
        )
    for name, cols in (("numeric", numeric), ("categorical", categorical)):
        if target in cols:
            raise ValueError(
                f"{name} must not contain the target {target!r}: a model "
                f"given its own target as a feature learns nothing. Remove "
                f"{target!r} from {name}."
            )
    both = sorted(set(numeric) & set(categorical))
    if both:
        raise ValueError(
            f"columns {both} are listed as both numeric and categorical; "
            f"each feature needs one role. Remove them from one list."
        )
    for name, cols in (("numeric", numeric), ("categorical", categorical)):
        twice = sorted({c for c in cols if cols.count(c) > 1})
        if twice:
            raise ValueError(
                f"{name} lists {twice} more than once; list each column once."
            )


# ---------------------------------------------------------------------------
# The chapter's figures
# ---------------------------------------------------------------------------


def plot_missing_counts(
    counts: Mapping[str, int], n_rows: int, *, ax: Axes | None = None
) -> Axes:
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
    >>> from wdlib.experiments import background
    >>> ax = background.plot_missing_counts(
    ...     {"a": 0, "b": 3}, 10, ax=Figure().subplots()
    ... )
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
        ax.text(
            v,
            yi,
            f" {int(v)} ({100 * v / max(n_rows, 1):.1f}%)",
            va="center",
            fontsize="small",
        )
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
    r"""Plot quantities relative to their value at :math:`\lambda = 0`.

    A ratio of 1 means "untouched by the penalty", 0 "shrunk away": the
    chapter compares how one penalty shrinks the same feature in different
    units. :func:`wdlib.plotting.plot_against_lambda` with a reference
    line at 1.

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
    >>> from wdlib.experiments import background
    >>> ax = background.plot_shrinkage([0.1, 1, 10], {"mm": [1, 0.9, 0.5]},
    ...                                ax=Figure().subplots())
    >>> ax.get_xscale(), len(ax.get_lines())
    ('log', 2)
    """
    return plot_against_lambda(
        lams, ratios, ylabel=ylabel, reference={"no shrinkage": 1.0}, ax=ax
    )


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
    >>> from wdlib.experiments import background
    >>> ax = background.plot_paired_errors(
    ...     [1, 2], [1.1, 1.9], labels=("a", "b"), ax=Figure().subplots()
    ... )
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
    ax.scatter(
        a,
        b,
        s=14,
        color=OKABE_ITO[5],
        alpha=0.7,
        label=f"one random split ({a.size} in all)",
    )
    lo, hi = float(min(a.min(), b.min())), float(max(a.max(), b.max()))
    ax.plot(
        [lo, hi],
        [lo, hi],
        color=OKABE_ITO[0],
        lw=1,
        ls="--",
        label="equal errors",
    )
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
    >>> from wdlib.experiments import background
    >>> ax = background.plot_curve_fits(
    ...     [0, 1], [0, 1], [0, 0.5, 1], {"fit": [0, 0.5, 1]},
    ...     ax=Figure().subplots(),
    ... )
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
        ax.plot(
            g,
            _as_float_array(truth, "truth"),
            color=OKABE_ITO[0],
            ls="--",
            lw=1.2,
            label="noise-free function",
        )
    for k, (label, values) in enumerate(data.items()):
        ax.plot(
            g,
            values,
            color=OKABE_ITO[(6, 5, 3, 7, 1)[k % 5]],
            lw=2,
            label=label,
        )
    ax.scatter(
        x_arr,
        y_arr,
        s=22,
        color=OKABE_ITO[0],
        zorder=3,
        label="training points",
    )
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
    r"""Plot errors against the degrees of freedom :math:`df(\lambda)`.

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
    >>> from wdlib.experiments import background
    >>> ax = background.plot_error_vs_dof(
    ...     [1, 5, 9], {"test": [3, 1, 4]}, ax=Figure().subplots()
    ... )
    >>> len(ax.get_lines())
    2
    """
    d = _as_float_array(dofs, "dofs").ravel()
    data = _as_curves(errors, "errors")
    _check_same_length(d, data, "dofs", "errors")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        ax.plot(
            d, values, color=OKABE_ITO[(5, 6, 3, 7)[k % 4]], lw=2, label=label
        )
    _mark_lowest(ax, d, data, "df = {:.1f}")
    ax.set_xlabel("df(λ) (effective degrees of freedom)")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize="small")
    return ax
