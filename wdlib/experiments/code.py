"""Chapter 4 (code): the one-figure plotters of the chapter.

Not part of the stable API (see :mod:`wdlib.experiments`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from .._validation import _as_float_array
from ..plotting import OKABE_ITO, _as_curves, _axes, _check_same_length

__all__ = ["plot_fitted_lines", "plot_iterations_vs_condition"]


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
    >>> from wdlib.experiments import code
    >>> ax = Figure().subplots()
    >>> lines = {"truth": (3.0, 2.0)}
    >>> ax = code.plot_fitted_lines([0, 1], [2, 5], lines, ax=ax)
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
            "lines must be a non-empty mapping of label -> (weight, "
            "intercept); "
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
    ax.scatter(
        x_arr, y_arr, s=12, color=OKABE_ITO[0], alpha=0.45, label="data"
    )
    grid = np.linspace(x_arr.min(), x_arr.max(), 2)
    for k, (label, (weight, intercept)) in enumerate(lines.items()):
        ax.plot(
            grid,
            weight * grid + intercept,
            color=OKABE_ITO[1 + k % 7],
            lw=2,
            label=str(label),
        )
    ax.set_xlabel("x (feature, no unit)")
    ax.set_ylabel("y (target, no unit)")
    ax.legend()
    return ax


def plot_iterations_vs_condition(
    kappas: ArrayLike,
    iterations: Mapping[str, ArrayLike],
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot iteration counts against the condition number :math:`\kappa`.

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
    >>> from wdlib.experiments import code
    >>> ax = Figure().subplots()
    >>> ax = code.plot_iterations_vs_condition([1, 10], {"GD": [5, 50]}, ax=ax)
    >>> ax.get_xscale(), ax.get_ylabel()
    ('log', 'iterations to reach the tolerance')
    """
    kappa_arr = _as_float_array(kappas, "kappas").ravel()
    if kappa_arr.size == 0 or not np.all(kappa_arr >= 1):
        raise ValueError(
            "kappas must be condition numbers >= 1; got "
            f"{kappa_arr.tolist()[:5]}. "
            f"Compute them as largest / smallest Hessian eigenvalue."
        )
    data = _as_curves(iterations, "iterations")
    _check_same_length(kappa_arr, data, "kappas", "iterations")
    ax = _axes(ax)
    for k, (label, values) in enumerate(data.items()):
        style = (
            {"ls": "--", "marker": None}
            if "bound" in label
            else {"ls": "-", "marker": "o"}
        )
        ax.plot(
            kappa_arr,
            values,
            color=OKABE_ITO[(5, 6, 0, 3, 7)[k % 5]],
            lw=1.8,
            label=label,
            **style,
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("κ = L/μ (condition number of the Hessian, log scale)")
    ax.set_ylabel("iterations to reach the tolerance")
    ax.legend()
    return ax
