"""Chapter 5's experiments: the learning-rate x decay sweep, the penalty
against the sample size, and the cost of the decay term per step.

Part of :mod:`wdlib.experiments`: the book's code, not stable API.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._validation import (
    _as_float_array,
    _describe,
    check_lams,
    check_positive_float,
    check_positive_int,
    check_real,
    check_seed,
)
from ..models import (
    LogisticModel,
    _Classifier,
    _as_stream,
    _check_labels,
    _check_optimizer,
    _check_test_set,
    _grad_fn,
    make_linear_teacher,
    train,
)

__all__ = [
    "LamSizeResult",
    "SweepResult",
    "TimingResult",
    "best_lam_vs_n",
    "step_time",
    "sweep_lr_decay",
    "time_decay_overhead",
]


@dataclass(frozen=True)
class SweepResult:
    """Result of :func:`sweep_lr_decay`.

    Attributes
    ----------
    lrs, weight_decays : ndarray
        The grid.
    test_error : ndarray of shape (len(lrs), len(weight_decays))
        Final test error rate of each run.
    best_decay : ndarray of shape (len(lrs),)
        For each learning rate, the decay with the lowest test error.
    """

    lrs: np.ndarray
    weight_decays: np.ndarray
    test_error: np.ndarray
    best_decay: np.ndarray


def sweep_lr_decay(
    make_model: Callable[[], Any],
    make_optimizer: Callable[..., Any],
    lrs: object,
    weight_decays: object,
    X: np.ndarray,
    y: np.ndarray,
    X_test: np.ndarray,
    y_test: np.ndarray,
    **train_kwargs: Any,
) -> SweepResult:
    """Train one fresh model per (learning rate, decay) pair; record test error.

    ``make_optimizer(params, lr=..., weight_decay=..., decay_mask=...)`` is
    e.g. ``wdlib.optim.AdamW``. Biases are excluded from decay.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> X, y = wd.models.make_linear_teacher(200, 4, n_informative=2, seed=0)
    >>> res = trends.sweep_lr_decay(lambda: wd.models.LogisticModel(4),
    ...     wd.optim.AdamW, [0.01, 0.1], [0.0, 1.0], X[:100], y[:100], X[100:], y[100:],
    ...     epochs=2, batch_size=25)
    >>> res.test_error.shape
    (2, 2)
    """
    for f, name in (
        (make_model, "make_model"),
        (make_optimizer, "make_optimizer"),
    ):
        if not callable(f):
            raise TypeError(
                f"{name} must be callable; got {_describe(f)}. Pass e.g. "
                f"lambda: wd.models.LogisticModel(d) and wd.optim.AdamW."
            )
    lr_arr = check_lams(lrs, "lrs")
    wd_arr = check_lams(weight_decays, "weight_decays")
    X, y = _as_stream(X, y)
    _check_labels(y)
    test = _check_test_set(X_test, y_test, X.shape[1])
    if test is None:
        raise ValueError(
            "X_test and y_test must be arrays; got None. Pass a held-out "
            "test set: the sweep records its error."
        )
    X_test, y_test = test
    err = np.empty((lr_arr.size, wd_arr.size))
    for i, lr in enumerate(lr_arr):
        for j, lam in enumerate(wd_arr):
            model = make_model()
            opt = make_optimizer(
                model.params, lr=float(lr), weight_decay=float(lam), decay_mask=model.decay_mask
            )
            train(model, opt, X, y, **train_kwargs)
            err[i, j] = model.error_rate(X_test, y_test)
    return SweepResult(lr_arr, wd_arr, err, wd_arr[np.argmin(err, axis=1)])


def step_time(model: Any, optimizer: Any, X: np.ndarray, y: np.ndarray, *, repeats: int = 20) -> float:
    """Best-of-``repeats`` wall-clock seconds of one gradient evaluation plus one optimizer step.

    The minimum, as :mod:`timeit` recommends: other processes only ever add time.

    Parameters
    ----------
    model : object with ``params`` and ``loss_and_grads(X, y)``
        For example :class:`LogisticModel`.
    optimizer : object with ``step(grads)``
        An optimizer built on ``model.params``, e.g. :class:`wdlib.optim.SGD`.
    X : ndarray of shape (n_samples, n_features)
        One batch of inputs.
    y : ndarray of shape (n_samples,)
        Its labels.
    repeats : int, default=20
        Number of timed steps; the fastest is returned.

    Returns
    -------
    float
        Seconds. The model's parameters are updated ``repeats`` times. For
        the models of this module ``X`` and ``y`` are validated once,
        before timing, so the time is that of the arithmetic alone.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> model = wd.models.LogisticModel(3)
    >>> opt = wd.optim.SGD(model.params, 0.1, weight_decay=1e-3)
    >>> X, y = wd.models.make_linear_teacher(50, 3, n_informative=2)
    >>> seconds = trends.step_time(model, opt, X, y, repeats=3)
    >>> 0.0 < seconds < 1.0
    True
    """
    reps = check_positive_int(repeats, "repeats")
    _check_optimizer(model, optimizer)
    if isinstance(model, _Classifier):  # check once, time the arithmetic
        X, y = model._check_X_y(X, y)
    grad_fn = _grad_fn(model)
    times = np.empty(reps)
    for k in range(reps):
        t0 = time.perf_counter()
        _, grads = grad_fn(X, y)
        optimizer.step(grads)
        times[k] = time.perf_counter() - t0
    return float(np.min(times))


@dataclass(frozen=True)
class TimingResult:
    """Result of :func:`time_decay_overhead` (seconds per step).

    Attributes
    ----------
    ns, ds : ndarray
        Batch sizes and feature counts of the grid.
    with_decay, without_decay : ndarray of shape (len(ns), len(ds))
        Best-of-repeats time of one gradient evaluation plus one SGD step.
    decay_only : ndarray of shape (len(ds),)
        Best-of-repeats time of the decay update :math:`w \\leftarrow w - \\eta\\lambda w`
        alone, on a vector of length ``d``.
    """

    ns: np.ndarray
    ds: np.ndarray
    with_decay: np.ndarray
    without_decay: np.ndarray
    decay_only: np.ndarray


def time_decay_overhead(
    ns: object, ds: object, *, weight_decay: float = 1e-2, repeats: int = 15, seed: int = 0
) -> TimingResult:
    """Time a logistic-regression SGD step with and without weight decay.

    Uses one BLAS thread when ``threadpoolctl`` (installed with
    scikit-learn) is available: on a shared machine, multi-threaded BLAS
    calls stall on busy cores and the timings become erratic.

    Examples
    --------
    >>> from wdlib.experiments import trends
    >>> res = trends.time_decay_overhead([10], [5], repeats=3)
    >>> res.with_decay.shape, bool(res.decay_only[0] > 0)
    ((1, 1), True)
    """
    from ..optim import SGD

    weight_decay = check_real(weight_decay, "weight_decay")
    if weight_decay < 0:
        raise ValueError(
            f"weight_decay must be >= 0; got {weight_decay!r}. Pass e.g. "
            f"weight_decay=1e-2."
        )
    ns, ds = _check_sizes(ns, "ns"), _check_sizes(ds, "ds")
    seed = check_seed(seed)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        limits: Any = contextlib.nullcontext()
    else:
        limits = threadpool_limits(limits=1)
    with limits:
        return _time_grid(ns, ds, weight_decay, check_positive_int(repeats, "repeats"), seed, SGD)


def _check_sizes(values: object, name: str) -> np.ndarray:
    """A non-empty 1-D list of whole numbers >= 1 (sizes or counts)."""
    arr = _as_float_array(values, name)
    with np.errstate(invalid="ignore"):
        ok = arr.ndim == 1 and arr.size > 0 and bool(
            np.all(np.isfinite(arr) & (arr >= 1) & (arr == np.round(arr)))
        )
    if not ok:
        raise ValueError(
            f"{name} must be a non-empty 1-D list of whole numbers >= 1; "
            f"got {_describe(values)}. Pass e.g. {name}=[100, 1000]."
        )
    return arr.astype(int)


def _time_grid(ns: object, ds: object, weight_decay: float, repeats: int, seed: int, SGD: Any) -> TimingResult:
    n_arr = np.asarray(ns, dtype=int)
    d_arr = np.asarray(ds, dtype=int)
    rng = np.random.default_rng(seed)
    with_decay = np.empty((n_arr.size, d_arr.size))
    without_decay = np.empty((n_arr.size, d_arr.size))
    for i, n in enumerate(n_arr):
        for j, d in enumerate(d_arr):
            X = rng.normal(size=(int(n), int(d)))
            y = (rng.random(int(n)) < 0.5).astype(float)
            runs = []
            for lam in (0.0, weight_decay):
                model = LogisticModel(int(d))
                opt = SGD(model.params, lr=0.01, weight_decay=lam, decay_mask=model.decay_mask)
                runs.append((model, opt))
            # interleave the two variants so that load from other processes hits both alike
            best = [np.inf, np.inf]
            for _ in range(repeats):
                for k, (model, opt) in enumerate(runs):
                    best[k] = min(best[k], step_time(model, opt, X, y, repeats=1))
            without_decay[i, j], with_decay[i, j] = best
    decay_only = np.empty(d_arr.size)
    for j, d in enumerate(d_arr):
        w = rng.normal(size=int(d))
        times = np.empty(repeats)
        for k in range(repeats):
            t0 = time.perf_counter()
            w -= 0.01 * weight_decay * w
            times[k] = time.perf_counter() - t0
        decay_only[j] = np.min(times)
    return TimingResult(n_arr, d_arr, with_decay, without_decay, decay_only)


@dataclass(frozen=True)
class LamSizeResult:
    """Result of :func:`best_lam_vs_n`.

    Attributes
    ----------
    ns : ndarray of shape (n_sizes,)
        Training-set sizes.
    best_lams : ndarray of shape (repeats, n_sizes)
        Penalty chosen by exact leave-one-out cross-validation, per data draw.
    bayes_lams : ndarray of shape (n_sizes,)
        :math:`\\sigma^2/(n\\tau^2)`, the penalty that gives the posterior mean
        under the prior :math:`w \\sim N(0, \\tau^2 I)` that generated the data.
    """

    ns: np.ndarray
    best_lams: np.ndarray
    bayes_lams: np.ndarray


def best_lam_vs_n(
    ns: object,
    lams: object,
    *,
    n_features: int = 20,
    noise: float = 1.0,
    coef_scale: float = 0.5,
    repeats: int = 5,
    seed: int = 0,
) -> LamSizeResult:
    r"""Penalty chosen by leave-one-out cross-validation as the data grow.

    Data: :math:`x \sim N(0, I_d)`, :math:`w \sim N(0, \tau^2 I_d)`,
    :math:`y = x^\top w + \varepsilon` with :math:`\varepsilon \sim N(0, \sigma^2)`
    (``coef_scale`` is :math:`\tau`, ``noise`` is :math:`\sigma`). In the
    book's convention :math:`J = \tfrac{1}{2n}\lVert y - Xw\rVert^2 +
    \tfrac{\lambda}{2}\lVert w\rVert^2` the data term is an average, so the
    Bayes-optimal penalty :math:`\lambda = \sigma^2/(n\tau^2)` falls as
    :math:`1/n`.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> res = trends.best_lam_vs_n([50, 500], np.logspace(-4, 1, 30), repeats=2)
    >>> res.best_lams.shape, [round(float(v), 3) for v in res.bayes_lams]
    ((2, 2), [0.08, 0.008])
    """
    from ..selection import loo_cv

    n_arr = _check_sizes(ns, "ns")
    lams = check_lams(lams)
    d = check_positive_int(n_features, "n_features")
    noise = float(check_positive_float(noise, "noise"))  # type: ignore[arg-type]
    coef_scale = float(
        check_positive_float(coef_scale, "coef_scale")  # type: ignore[arg-type]
    )
    reps = check_positive_int(repeats, "repeats")
    rng = np.random.default_rng(check_seed(seed))
    best = np.empty((reps, n_arr.size))
    for r in range(reps):
        w = rng.normal(scale=coef_scale, size=d)
        for i, n in enumerate(n_arr):
            X = rng.normal(size=(int(n), d))
            y = X @ w + rng.normal(scale=noise, size=int(n))
            best[r, i] = loo_cv(X, y, lams).best_lam
    return LamSizeResult(n_arr, best, noise**2 / (n_arr * coef_scale**2))
