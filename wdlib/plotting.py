"""Figures for the book. The only wdlib module that imports matplotlib.

Every function draws on the axes it is given (``ax=None`` means the current
axes), returns them, and never changes global ``rcParams``. Colours come from
the colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

__all__ = [
    "OKABE_ITO",
    "plot_lr_decay_heatmap",
    "plot_step_times",
    "plot_coef_norm",
    "plot_error_vs_lambda",
    "plot_fitted_lines",
    "plot_iteration_curves",
    "plot_iterations_vs_condition",
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
    return plt.gca() if ax is None else ax


# ---------------------------------------------------------------------------
# Chapter 4: fitted lines, iteration curves, error and norm against lambda,
# iterations against the condition number
# ---------------------------------------------------------------------------


def _as_curves(curves: Mapping[str, object], name: str) -> dict[str, np.ndarray]:
    """Validate a non-empty mapping of label -> 1-D array."""
    if not isinstance(curves, Mapping) or len(curves) == 0:
        raise TypeError(
            f"{name} must be a non-empty mapping of label -> 1-D array; got "
            f"{type(curves).__name__}. Pass e.g. {{'train': values}}."
        )
    out = {}
    for label, values in curves.items():
        arr = np.asarray(values, dtype=np.float64)
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
    x: object,
    y: object,
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
    x_arr = np.asarray(x, dtype=np.float64).ravel()
    y_arr = np.asarray(y, dtype=np.float64).ravel()
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
    curves: Mapping[str, object],
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
    lams: object,
    errors: Mapping[str, object],
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
    lams: object,
    norms: Mapping[str, object],
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
    kappas: object,
    iterations: Mapping[str, object],
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
    kappa_arr = np.asarray(kappas, dtype=np.float64).ravel()
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


def _positive_lams(lams: object) -> np.ndarray:
    lam_arr = np.asarray(lams, dtype=np.float64).ravel()
    if lam_arr.size == 0 or not np.all(lam_arr > 0):
        raise ValueError(
            f"lams must be positive for a log axis; got {lam_arr.tolist()[:5]}. "
            f"Drop lam=0 or plot it separately."
        )
    return lam_arr


# ---------------------------------------------------------------------------
# Chapter 5: decay overhead, (learning rate, decay) heat maps
# ---------------------------------------------------------------------------


def plot_step_times(timing: object, *, ax: Axes | None = None) -> Axes:
    """Time per training step with and without weight decay, against batch size.

    Parameters
    ----------
    timing : wdlib.models.TimingResult
        Result of :func:`wdlib.models.time_decay_overhead`.
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
    >>> t = wd.models.time_decay_overhead([10, 20], [5], repeats=2)
    >>> ax = wd.plotting.plot_step_times(t, ax=Figure().subplots())
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    """
    ax = _axes(ax)
    ns = np.asarray(timing.ns, dtype=float)  # type: ignore[attr-defined]
    for j, d in enumerate(timing.ds):  # type: ignore[attr-defined]
        colour = OKABE_ITO[(j + 1) % 8]
        ax.plot(ns, 1e6 * timing.with_decay[:, j], "o-", color=colour, lw=1.8,  # type: ignore[attr-defined]
                label=f"d = {d}: gradient + step with decay")
        ax.plot(ns, 1e6 * timing.without_decay[:, j], "s--", color=colour, lw=1.2,  # type: ignore[attr-defined]
                label=f"d = {d}: without decay")
        ax.axhline(1e6 * timing.decay_only[j], color=colour, ls=":", lw=1.2,  # type: ignore[attr-defined]
                   label=f"d = {d}: decay update alone")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("minibatch size n (rows)")
    ax.set_ylabel("time per step (µs)")
    ax.legend(fontsize="small", ncol=len(timing.ds))  # type: ignore[attr-defined]
    return ax


def plot_lr_decay_heatmap(
    sweep: object,
    *,
    title: str = "",
    vmin: float | None = None,
    vmax: float | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heat map of test error over (learning rate, weight decay), best decay marked.

    Parameters
    ----------
    sweep : wdlib.models.SweepResult
        Result of :func:`wdlib.models.sweep_lr_decay` (positive grids).
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
    >>> s = wd.models.SweepResult(np.array([0.01, 0.1]), np.array([0.1, 1.0]),
    ...     np.array([[0.2, 0.1], [0.3, 0.4]]), np.array([1.0, 0.1]))
    >>> ax = wd.plotting.plot_lr_decay_heatmap(s, title="AdamW", ax=Figure().subplots())
    >>> ax.get_xlabel(), ax.get_title()
    ('weight decay λ (log scale)', 'AdamW')
    """
    ax = _axes(ax)
    lrs = np.asarray(sweep.lrs, dtype=float)  # type: ignore[attr-defined]
    wds = np.asarray(sweep.weight_decays, dtype=float)  # type: ignore[attr-defined]
    err = 100 * np.asarray(sweep.test_error, dtype=float)  # type: ignore[attr-defined]
    if np.any(lrs <= 0) or np.any(wds <= 0):
        raise ValueError(
            "the heat map needs positive learning rates and decays (log axes); "
            "drop weight_decay=0 from the grid or plot it separately."
        )
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
