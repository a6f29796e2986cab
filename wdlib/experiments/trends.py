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
from ..optim import _adam_moments

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
    """Train one fresh model per (learning rate, decay) pair; test error.

    ``make_optimizer(params, lr=..., weight_decay=..., decay_mask=...)`` is
    e.g. ``wdlib.optim.AdamW``. Biases are excluded from decay.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> X, y = wd.models.make_linear_teacher(200, 4, n_informative=2, seed=0)
    >>> res = trends.sweep_lr_decay(lambda: wd.models.LogisticModel(4),
    ...     wd.optim.AdamW, [0.01, 0.1], [0.0, 1.0], X[:100], y[:100],
    ...     X[100:], y[100:],
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
                model.params,
                lr=float(lr),
                weight_decay=float(lam),
                decay_mask=model.decay_mask,
            )
            train(model, opt, X, y, **train_kwargs)
            err[i, j] = model.error_rate(X_test, y_test)
    return SweepResult(lr_arr, wd_arr, err, wd_arr[np.argmin(err, axis=1)])


def step_time(
    model: Any,
    optimizer: Any,
    X: np.ndarray,
    y: np.ndarray,
    *,
    repeats: int = 20,
) -> float:
    """Best-of-``repeats`` seconds of one gradient evaluation plus one step.

    The minimum, as :mod:`timeit` recommends: other processes only ever add
    time.

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
        Best-of-repeats time of the decay update
        :math:`w \\leftarrow w - \\eta\\,\\mathrm{wd}\\,w` alone,
        on a vector of length ``d``.
    """

    ns: np.ndarray
    ds: np.ndarray
    with_decay: np.ndarray
    without_decay: np.ndarray
    decay_only: np.ndarray


def time_decay_overhead(
    ns: object,
    ds: object,
    *,
    weight_decay: float = 1e-2,
    repeats: int = 15,
    seed: int = 0,
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
    except (
        ImportError
    ):  # pragma: no cover - threadpoolctl comes with scikit-learn
        limits: Any = contextlib.nullcontext()
    else:
        limits = threadpool_limits(limits=1)
    with limits:
        return _time_grid(
            ns,
            ds,
            weight_decay,
            check_positive_int(repeats, "repeats"),
            seed,
            SGD,
        )


def _check_sizes(values: object, name: str) -> np.ndarray:
    """A non-empty 1-D list of whole numbers >= 1 (sizes or counts)."""
    arr = _as_float_array(values, name)
    with np.errstate(invalid="ignore"):
        ok = (
            arr.ndim == 1
            and arr.size > 0
            and bool(
                np.all(np.isfinite(arr) & (arr >= 1) & (arr == np.round(arr)))
            )
        )
    if not ok:
        raise ValueError(
            f"{name} must be a non-empty 1-D list of whole numbers >= 1; "
            f"got {_describe(values)}. Pass e.g. {name}=[100, 1000]."
        )
    return arr.astype(int)


def _time_grid(
    ns: object,
    ds: object,
    weight_decay: float,
    repeats: int,
    seed: int,
    SGD: Any,
) -> TimingResult:
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
                opt = SGD(
                    model.params,
                    lr=0.01,
                    weight_decay=lam,
                    decay_mask=model.decay_mask,
                )
                runs.append((model, opt))
            # interleave the two variants: load from other processes hits
            # both alike
            best = [np.inf, np.inf]
            for _ in range(repeats):
                for k, (model, opt) in enumerate(runs):
                    best[k] = min(
                        best[k], step_time(model, opt, X, y, repeats=1)
                    )
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
        :math:`\\sigma^2/(n\\tau^2)`, the penalty that gives the posterior
        mean under the prior :math:`w \\sim N(0, \\tau^2 I)` that generated
        the data.
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
    :math:`y = x^\top w + \varepsilon` with
    :math:`\varepsilon \sim N(0, \sigma^2)`
    (``coef_scale`` is :math:`\tau`, ``noise`` is :math:`\sigma`). In the
    book's convention :math:`J = \tfrac{1}{2n}\lVert y - Xw\rVert^2 +
    \tfrac{\lambda}{2}\lVert w\rVert^2` the data term is an average, so the
    Bayes-optimal penalty :math:`\lambda = \sigma^2/(n\tau^2)` falls as
    :math:`1/n`.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> from wdlib.experiments import trends
    >>> res = trends.best_lam_vs_n([50, 500], np.logspace(-4, 1, 30),
    ...                            repeats=2)
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


# ---------------------------------------------------- a batched normalized MLP
#
# Chapter 5 trains hundreds of small networks at once (every cell of a
# learning-rate x decay grid, every seed): each parameter carries a leading
# axis of length R, one slice per run, and the forward pass, the backward
# pass and the optimizer updates are array operations over that axis.

LN_MLP_NAMES = ("W1", "g", "delta", "w2", "c")


def init_ln_mlp(
    n_runs: int, n_features: int, n_hidden: int, *, seed: int = 0
) -> list[np.ndarray]:
    r"""Parameters ``[W1, g, delta, w2, c]`` of ``n_runs`` separate networks.

    The network of :func:`ln_mlp_loss_and_grads`; run ``r`` owns slice
    ``[r]`` of every array. ``W1`` has shape ``(R, k, d)`` with entries
    :math:`N(0, 1/d)`, the gain ``g`` is ones ``(R, k)``, the shift
    ``delta`` zeros ``(R, k)``, the output weights ``w2`` are
    :math:`N(0, 1/k)` of shape ``(R, k)`` and the output bias ``c`` zeros
    ``(R,)``.

    Examples
    --------
    >>> from wdlib.experiments import trends
    >>> [p.shape for p in trends.init_ln_mlp(3, 4, 5)]
    [(3, 5, 4), (3, 5), (3, 5), (3, 5), (3,)]
    """
    r = check_positive_int(n_runs, "n_runs")
    d = check_positive_int(n_features, "n_features")
    k = check_positive_int(n_hidden, "n_hidden")
    rng = np.random.default_rng(check_seed(seed))
    return [
        rng.normal(scale=1 / np.sqrt(d), size=(r, k, d)),
        np.ones((r, k)),
        np.zeros((r, k)),
        rng.normal(scale=1 / np.sqrt(k), size=(r, k)),
        np.zeros(r),
    ]


def ln_mlp_logits(
    params: list[np.ndarray], X: np.ndarray, *, eps: float = 1e-5
) -> np.ndarray:
    r"""Logits of the batched network, shape ``(R, B)``.

    ``X`` has shape ``(R, B, d)`` (one batch per run) or ``(B, d)`` (the
    same batch for every run). See :func:`ln_mlp_loss_and_grads`.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import trends
    >>> p = trends.init_ln_mlp(2, 3, 4)
    >>> z = trends.ln_mlp_logits(p, np.ones((5, 3)) * [1, 2, 3])
    >>> p[0] *= 7.0  # the layer norm makes W1's scale irrelevant
    >>> bool(np.allclose(z, trends.ln_mlp_logits(p, np.ones((5, 3))
    ...                                            * [1, 2, 3])))
    True
    """
    # a block of runs at a time: a test set of 1000 rows for 2000 runs makes
    # arrays of hundreds of MB otherwise, and the same arithmetic on blocks
    # that fit in the cache runs several times faster (same numbers)
    n_runs, n_rows, n_hidden = (
        params[0].shape[0],
        X.shape[-2],
        params[0].shape[1],
    )
    block = max(1, _BLOCK_ENTRIES // (n_rows * n_hidden))
    if n_runs <= block:
        return _ln_mlp_forward(params, X, eps)[0]
    return np.concatenate(
        [
            _ln_mlp_forward(
                [a[s : s + block] for a in params],
                X if X.ndim == 2 else X[s : s + block],
                eps,
            )[0]
            for s in range(0, n_runs, block)
        ]
    )


_BLOCK_ENTRIES = 1 << 19  # entries of a (runs, rows, hidden) block: 4 MB


def _ln_mlp_forward(params, X, eps):  # type: ignore[no-untyped-def]
    W1, g, delta, w2, c = params
    # matmul, not einsum: one small BLAS product per run, ten times faster
    # (R, B, k); X is (B, d) or (R, B, d). In place from here on: the test
    # sets make arrays of R x 1000 x k, and fewer temporaries run faster
    U = X @ W1.transpose(0, 2, 1)
    U -= U.mean(axis=-1, keepdims=True)  # a - mean(a)
    s = np.sqrt(np.square(U).mean(axis=-1, keepdims=True) + eps)
    U /= s
    H = U * g[:, None, :]
    H += delta[:, None, :]
    Z = np.maximum(H, 0.0)
    z = (Z @ w2[:, :, None])[..., 0] + c[:, None]
    return z, (U, s, H, Z)


def ln_mlp_loss_and_grads(
    params: list[np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    *,
    eps: float = 1e-5,
) -> tuple[np.ndarray, list[np.ndarray]]:
    r"""Mean logistic loss of each run and its gradients, batched over runs.

    Parameters
    ----------
    params : list of ndarray
        ``[W1, g, delta, w2, c]`` as made by :func:`init_ln_mlp`.
    X : ndarray of shape (R, B, d) or (B, d)
        One minibatch per run, or one shared by all runs.
    y : ndarray of shape (R, B) or (B,)
        Labels 0/1.
    eps : float, default=1e-5
        Added to the variance inside the layer norm.

    Returns
    -------
    loss : ndarray of shape (R,)
        Mean logistic loss of every run on its batch.
    grads : list of ndarray
        Gradients in the order and shapes of ``params``.

    Notes
    -----
    For one run and one row :math:`x`, with :math:`a = W_1 x`,
    layer normalization over the :math:`k` hidden units and a ReLU,

    .. math::

        u = \frac{a - \bar a}{\sqrt{\operatorname{var}(a) + \epsilon}},\quad
        h = g \odot u + \delta,\quad
        z = w_2^\top \max(h, 0) + c.

    The loss is :math:`\ell(z, y) = \log(1 + e^z) - yz`, averaged over the
    batch. :math:`u` does not change when :math:`W_1` is multiplied by a
    constant (exactly when :math:`\epsilon = 0`), so :math:`W_1` is a
    scale-invariant parameter and :math:`\nabla_{W_1}` is orthogonal to
    :math:`W_1`; ``g``, ``delta``, ``w2`` and ``c`` are not. Backward pass
    (row-wise, :math:`\sigma = \sqrt{\operatorname{var}(a) + \epsilon}`):
    :math:`\partial u = g \odot \partial h` and

    .. math::

        \partial a = \frac{1}{\sigma}\Bigl(\partial u
        - \overline{\partial u} - u\,\overline{u \odot \partial u}\Bigr),
        \qquad \nabla_{W_1} = \sum_{\text{rows}} \partial a\, x^\top,

    bars being means over the hidden units.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import trends
    >>> p = trends.init_ln_mlp(2, 3, 4, seed=1)
    >>> X = np.random.default_rng(0).normal(size=(6, 3))
    >>> loss, grads = trends.ln_mlp_loss_and_grads(p, X, np.arange(6) % 2,
    ...                                            eps=0.0)
    >>> loss.shape, [g.shape for g in grads][0]
    ((2,), (2, 4, 3))
    >>> inner = np.einsum("rkd,rkd->r", grads[0], p[0])  # dW1 orthogonal
    >>> bool(np.all(np.abs(inner) < 1e-12))
    True
    """
    W1, g, delta, w2, c = params
    z, (U, s, H, Z) = _ln_mlp_forward(params, X, eps)
    y = np.broadcast_to(y, z.shape)
    loss = np.mean(np.logaddexp(0.0, z) - y * z, axis=-1)
    r = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / z.shape[-1]  # dloss/dz
    dw2 = (r[:, None, :] @ Z)[:, 0]
    dH = r[:, :, None] * w2[:, None, :] * (H > 0)
    dg = np.einsum("rbk,rbk->rk", dH, U)
    dU = dH * g[:, None, :]
    dA = dU - dU.mean(axis=-1, keepdims=True)
    dA -= U * (dU * U).mean(axis=-1, keepdims=True)
    dA /= s
    dW1 = dA.transpose(0, 2, 1) @ X  # (R, k, d)
    return loss, [dW1, dg, dH.sum(axis=1), dw2, r.sum(axis=-1)]


OPTIMIZER_KINDS = ("SGD", "SGDW", "Adam", "AdamW")


def batched_step(
    kind: str,
    params: list[np.ndarray],
    grads: list[np.ndarray],
    state: dict[str, Any],
    lr: np.ndarray,
    weight_decay: np.ndarray,
    decay_mask: list[bool],
    *,
    momentum: float = 0.9,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
) -> None:
    r"""One step of ``R`` runs of SGD, SGDW, Adam or AdamW, in place.

    The rules of :mod:`wdlib.optim` (PyTorch's), with a learning rate and a
    decay per run: ``lr`` and ``weight_decay`` have shape ``(R,)``.

    Parameters
    ----------
    kind : {"SGD", "SGDW", "Adam", "AdamW"}
        SGD (heavy-ball momentum, coupled L2), SGDW (decoupled), Adam
        (coupled L2) or AdamW (decoupled).
    params, grads : list of ndarray
        Arrays with the run axis first; ``params`` is updated in place.
    state : dict
        Empty at the first step; holds the step count and the buffers.
    lr, weight_decay : ndarray of shape (R,)
        :math:`\eta` and :math:`\mathrm{wd}` (``weight_decay``) of every run.
    decay_mask : list of bool
        False excludes a parameter from the decay.
    momentum : float, default=0.9
        :math:`\beta` of SGD and SGDW.
    betas, eps : Adam's constants.

    Notes
    -----
    With :math:`g` the loss gradient, coupled rules use
    :math:`\tilde g = g + \mathrm{wd}\,\theta`, decoupled ones
    :math:`\tilde g = g`
    and first shrink :math:`\theta \leftarrow (1 - \eta\,\mathrm{wd})\theta`;
    then SGD(W): :math:`b \leftarrow \beta b + \tilde g` (:math:`b_1 =
    \tilde g_1`), :math:`\theta \leftarrow \theta - \eta b`; Adam(W):
    :math:`\theta \leftarrow \theta - \eta\hat m/(\sqrt{\hat v}
    + \epsilon)` with the bias-corrected moments of :math:`\tilde g`.

    Examples
    --------
    >>> import numpy as np
    >>> from wdlib.experiments import trends
    >>> p, state = [np.ones((2, 1))], {}
    >>> trends.batched_step("SGDW", p, [np.zeros((2, 1))], state,
    ...     np.array([0.1, 0.1]), np.array([0.5, 1.0]), [True])
    >>> [float(v) for v in p[0].ravel()]
    [0.95, 0.9]
    """
    if kind not in OPTIMIZER_KINDS:
        raise ValueError(
            f"kind must be one of {OPTIMIZER_KINDS}; got {kind!r}. Pass "
            f'e.g. kind="AdamW".'
        )
    decoupled = kind.endswith("W")
    state["t"] = t = state.get("t", 0) + 1
    for i, (p, g) in enumerate(zip(params, grads)):
        shape = (-1,) + (1,) * (p.ndim - 1)
        lr_p = lr.reshape(shape)
        if decay_mask[i]:
            lam = weight_decay.reshape(shape)
            if decoupled:
                p *= 1.0 - lr_p * lam
            else:
                g = g + lam * p
        if kind.startswith("SGD"):
            if t == 1:
                state[i] = g.copy()
            else:
                state[i] = momentum * state[i] + g
            p -= lr_p * state[i]
            continue
        b1, b2 = betas
        if t == 1:
            state[i] = (np.zeros_like(p), np.zeros_like(p))
        m_hat, v_hat = _adam_moments(*state[i], g, b1, b2, t)
        p -= lr_p * m_hat / (np.sqrt(v_hat) + eps)


# ------------------------------------------------------------------- figures


def plot_grid_heatmap(
    err: np.ndarray,
    lrs: np.ndarray,
    decays: np.ndarray,
    *,
    product: bool = False,
    title: str = "",
    vmin: float | None = None,
    vmax: float | None = None,
    ax: Any = None,
) -> Any:
    r"""Heat map of test error (%) over learning rate x decay, best marked.

    ``err`` has shape ``(len(lrs), len(decays))`` (fractions). With
    ``product=True`` the horizontal axis is :math:`\eta\,\mathrm{wd}` (the
    decay per step): each row moves right by :math:`\log_{10}\eta`. A white
    circle marks the decay with the lowest error on every row.

    Examples
    --------
    >>> import numpy as np
    >>> from matplotlib.figure import Figure
    >>> from wdlib.experiments import trends
    >>> ax = trends.plot_grid_heatmap(np.array([[0.2, 0.1], [0.3, 0.4]]),
    ...     np.array([0.01, 0.1]), np.array([0.1, 1.0]), product=True,
    ...     ax=Figure().subplots())
    >>> ax.get_xlabel()
    'decay per step η·wd (log scale)'
    """
    import matplotlib.pyplot as plt

    lrs, decays = np.asarray(lrs, float), np.asarray(decays, float)
    ax = ax if ax is not None else plt.gca()
    ly, lx = np.log10(lrs), np.log10(decays)
    ey = np.r_[
        ly[0] - (ly[1] - ly[0]) / 2,
        (ly[1:] + ly[:-1]) / 2,
        ly[-1] + (ly[-1] - ly[-2]) / 2,
    ]
    ex = np.r_[
        lx[0] - (lx[1] - lx[0]) / 2,
        (lx[1:] + lx[:-1]) / 2,
        lx[-1] + (lx[-1] - lx[-2]) / 2,
    ]
    EX, EY = np.meshgrid(ex, ey)
    if product:  # shift each row by its own log10(lr)
        EX = EX + EY
    mesh = ax.pcolormesh(
        10.0**EX,
        10.0**EY,
        100 * err,
        cmap="viridis",
        vmin=vmin,
        vmax=vmax,
        shading="flat",
    )
    best = np.argmin(err, axis=1)
    bx = decays[best] * (lrs if product else 1.0)
    ax.plot(
        bx,
        lrs,
        "o",
        mfc="none",
        mec="white",
        mew=2,
        ms=9,
        label="lowest mean error on this row",
    )
    ax.set(
        xscale="log",
        yscale="log",
        title=title,
        ylabel="learning rate η (log scale)",
        xlabel=(
            "decay per step η·wd (log scale)"
            if product
            else "weight_decay wd (log scale)"
        ),
    )
    ax.figure.colorbar(mesh, ax=ax, label="test error (%)")
    return ax


def plot_decay_share(timing: TimingResult, *, ax: Any = None) -> Any:
    """Time of the decay update over the time of one SGD step, against n.

    One line per feature count ``d`` of :func:`time_decay_overhead`'s
    result; log-log axes, the ratio in percent.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from wdlib.experiments import trends
    >>> t = trends.time_decay_overhead([10, 20], [5], repeats=2)
    >>> trends.plot_decay_share(t, ax=Figure().subplots()).get_ylabel()
    'decay update / SGD step (%)'
    """
    import matplotlib.pyplot as plt

    from ..plotting import OKABE_ITO

    ax = ax if ax is not None else plt.gca()
    for j, d in enumerate(timing.ds):
        share = 100 * timing.decay_only[j] / timing.without_decay[:, j]
        ax.plot(
            timing.ns, share, "o-", color=OKABE_ITO[j + 1], label=f"d = {d}"
        )
    ax.set(
        xscale="log",
        yscale="log",
        xlabel="batch size n (rows)",
        ylabel="decay update / SGD step (%)",
    )
    ax.legend(title="features")
    return ax
