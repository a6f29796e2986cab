r"""Small trainable numpy models with hand-written backpropagation.

Three binary classifiers trained on the mean logistic loss (labels 0/1)

.. math::

    \ell(z, y) = \log\bigl(1 + e^{z}\bigr) - y z,
    \qquad \frac{\partial \ell}{\partial z} = \sigma(z) - y,

plus a minibatch loop that streams the data from disk in chunks (a numpy
memmap), so a data set larger than memory can be used:

* :class:`LogisticModel`: :math:`z = x^\top w + b`;
* :class:`MLP`: one hidden ``tanh`` layer,
  :math:`z = w_2^\top\tanh(W_1^\top x + b_1) + b_2`;
* :class:`ScaleInvariantLinear`: :math:`z = g\,x^\top v/\lVert v\rVert + b`
  with a fixed gain :math:`g`, the simplest model whose loss does not
  change when :math:`v` is rescaled (as with batch or weight
  normalization), where L2 decay acts only through the effective learning
  rate.

Each model holds its parameters in ``model.params`` (float arrays, updated in
place by a :mod:`wdlib.optim` optimizer), ``model.decay_mask`` (False for
biases) and ``loss_and_grads(X, y) -> (loss, grads)``.

Every method and function taking data validates it: ``X`` is a finite 2-D
array-like with one column per model input, ``y`` holds the labels 0 and 1
only (with labels in :math:`\{-1, 1\}` the formula above is not a loss: it
goes negative and has no minimum; pass ``(y + 1) / 2``), and :func:`train`
checks that the optimizer holds the model's own parameter arrays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._validation import (
    _check_y,
    _describe,
    check_positive_int,
    check_real,
    check_seed,
    check_X,
    check_X_y,
)

__all__ = [
    "LogisticModel",
    "MLP",
    "ScaleInvariantLinear",
    "TrainResult",
    "iter_minibatches",
    "make_linear_teacher",
    "save_memmap",
    "train",
]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free logistic function


def _logistic_loss(z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean logistic loss and its derivative with respect to the logits."""
    n = z.shape[0]
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    return loss, (_sigmoid(z) - y) / n


def _check_labels(y: np.ndarray, name: str = "y") -> np.ndarray:
    """Require the class labels 0 and 1 of the logistic loss."""
    bad = (y != 0) & (y != 1)
    if np.any(bad):
        examples = np.unique(y[bad])[:5].tolist()
        raise ValueError(
            f"{name} must hold the class labels 0 and 1 only (the logistic "
            f"loss log(1 + e^z) - y z is a loss only for them); got "
            f"{int(np.count_nonzero(bad))} other value(s), e.g. {examples}. "
            f"For labels in {{-1, 1}} pass ({name} + 1) / 2; otherwise "
            f"({name} == positive_class).astype(float)."
        )
    return y


def _check_columns(X: np.ndarray, n_features: int, name: str = "X") -> None:
    if X.shape[1] != n_features:
        raise ValueError(
            f"{name} must have {n_features} column(s), one per input of the "
            f"model; got shape {X.shape}. Pass the features the model was "
            f"built for (n_features={n_features})."
        )


class _Classifier:
    params: list[np.ndarray]
    decay_mask: list[bool]

    def logits(
        self, X: np.ndarray
    ) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def _check_X(self, X: object) -> np.ndarray:
        X_arr = check_X(X)
        _check_columns(X_arr, self.params[0].shape[0])
        return X_arr

    def _check_X_y(
        self, X: object, y: object
    ) -> tuple[np.ndarray, np.ndarray]:
        X_arr, y_arr = check_X_y(X, y)
        _check_columns(X_arr, self.params[0].shape[0])
        return X_arr, _check_labels(y_arr)

    def _loss_and_grads(
        self, X: np.ndarray, y: np.ndarray
    ) -> tuple[float, list[np.ndarray]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def loss_and_grads(
        self, X: object, y: object
    ) -> tuple[float, list[np.ndarray]]:
        """Mean logistic loss and its gradients, one per array of ``params``.

        ``X`` and ``y`` are validated (labels 0 and 1); the gradients are in
        the order of ``model.params``, ready for ``optimizer.step(grads)``.
        """
        return self._loss_and_grads(*self._check_X_y(X, y))

    def predict_proba(self, X: object) -> np.ndarray:
        """Probability of class 1 for each row of ``X``."""
        return _sigmoid(self.logits(self._check_X(X)))

    def error_rate(self, X: object, y: object) -> float:
        """Fraction of misclassified rows (threshold 0.5)."""
        X_arr, y_arr = self._check_X_y(X, y)
        return float(np.mean((self.logits(X_arr) > 0) != (y_arr > 0.5)))

    def loss(self, X: object, y: object) -> float:
        """Mean logistic loss (no penalty)."""
        X_arr, y_arr = self._check_X_y(X, y)
        return _logistic_loss(self.logits(X_arr), y_arr)[0]


class LogisticModel(_Classifier):
    r"""Logistic regression :math:`z = x^\top w + b`, parameters ``[w, b]``.

    Parameters
    ----------
    n_features : int
        Number of input features :math:`d`.

    Notes
    -----
    With :math:`r = (\sigma(z) - y)/n`: :math:`\nabla_w = X^\top r`,
    :math:`\nabla_b = \mathbf 1^\top r`, an :math:`O(nd)` computation.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> model = wd.models.LogisticModel(2)
    >>> X1, y1 = np.array([[1.0, 2.0]]), np.array([1.0])
    >>> loss, grads = model.loss_and_grads(X1, y1)
    >>> round(loss, 6), grads[0], grads[1]   # log 2, (0.5 - 1) * x, 0.5 - 1
    (0.693147, array([-0.5, -1. ]), array([-0.5]))
    """

    def __init__(self, n_features: int) -> None:
        d = check_positive_int(n_features, "n_features")
        self.params = [np.zeros(d), np.zeros(1)]
        self.decay_mask = [True, False]

    def logits(self, X: np.ndarray) -> np.ndarray:
        w, b = self.params
        return X @ w + b[0]

    def _loss_and_grads(
        self, X: np.ndarray, y: np.ndarray
    ) -> tuple[float, list[np.ndarray]]:
        loss, r = _logistic_loss(self.logits(X), y)
        return loss, [X.T @ r, np.array([r.sum()])]


class MLP(_Classifier):
    r"""One-hidden-layer ``tanh`` network, parameters ``[W1, b1, w2, b2]``.

    Parameters
    ----------
    n_features : int
        Number of inputs :math:`d`.
    n_hidden : int
        Number of hidden units :math:`h`.
    seed : int, default=0
        Seed of the initialization :math:`W_1 \sim N(0, 1/d)`,
        :math:`w_2 \sim N(0, 1/h)`, biases zero.

    Notes
    -----
    Forward: :math:`H = \tanh(XW_1 + b_1)`, :math:`z = Hw_2 + b_2`.
    Backward, with :math:`r = (\sigma(z) - y)/n`:

    .. math::

        \nabla_{w_2} = H^\top r,\quad \nabla_{b_2} = \mathbf 1^\top r,\quad
        \Delta = (r w_2^\top)\odot(1 - H^{\odot 2}),\quad
        \nabla_{W_1} = X^\top\Delta,\quad \nabla_{b_1} = \mathbf 1^\top\Delta.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> model = wd.models.MLP(3, 4, seed=0)
    >>> [p.shape for p in model.params], model.decay_mask
    ([(3, 4), (4,), (4,), (1,)], [True, False, True, False])
    """

    def __init__(
        self, n_features: int, n_hidden: int, *, seed: int = 0
    ) -> None:
        d = check_positive_int(n_features, "n_features")
        h = check_positive_int(n_hidden, "n_hidden")
        rng = np.random.default_rng(check_seed(seed))
        self.params = [
            rng.normal(scale=1 / np.sqrt(d), size=(d, h)),
            np.zeros(h),
            rng.normal(scale=1 / np.sqrt(h), size=h),
            np.zeros(1),
        ]
        self.decay_mask = [True, False, True, False]

    def _forward(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        W1, b1, w2, b2 = self.params
        H = np.tanh(X @ W1 + b1)
        return H, H @ w2 + b2[0]

    def logits(self, X: np.ndarray) -> np.ndarray:
        return self._forward(X)[1]

    def _loss_and_grads(
        self, X: np.ndarray, y: np.ndarray
    ) -> tuple[float, list[np.ndarray]]:
        H, z = self._forward(X)
        loss, r = _logistic_loss(z, y)
        delta = np.outer(r, self.params[2]) * (1.0 - H * H)
        return loss, [
            X.T @ delta,
            delta.sum(axis=0),
            H.T @ r,
            np.array([r.sum()]),
        ]


class ScaleInvariantLinear(_Classifier):
    r"""Weight-normalized classifier :math:`z = g x^\top v/\lVert v\rVert + b`.

    Parameters ``[v, b]``; the gain :math:`g` is fixed. The loss is the same
    for :math:`v` and :math:`c v` (any :math:`c > 0`), as for a layer followed
    by batch normalization.

    Parameters
    ----------
    n_features : int
        Number of input features.
    gain : float, default=1.0
        Fixed scale :math:`g \ne 0` of the logits.
    seed : int, default=0
        Seed of the initialization :math:`v \sim N(0, I)`.

    Notes
    -----
    With :math:`\hat v = v/\lVert v\rVert` and :math:`r = (\sigma(z) - y)/n`,

    .. math::

        \nabla_v = \frac{g}{\lVert v\rVert}\,(I - \hat v\hat v^\top)X^\top r,

    orthogonal to :math:`v` and inversely proportional to :math:`\lVert
    v\rVert`.
    A gradient step of size :math:`\eta` therefore turns the direction
    :math:`\hat v` as much as a step of size :math:`\eta/\lVert v\rVert^2`
    would
    for unit-norm :math:`v`: the effective learning rate
    :math:`\eta/\lVert v\rVert^2` grows as weight decay shrinks :math:`\lVert
    v\rVert`
    (van Laarhoven, 2017).

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> m = wd.models.ScaleInvariantLinear(2, seed=0)
    >>> X = np.array([[1.0, 2.0], [0.5, -1.0]]); y = np.array([1.0, 0.0])
    >>> loss1 = m.loss(X, y); m.params[0] *= 10.0
    >>> bool(np.isclose(loss1, m.loss(X, y)))
    True
    """

    def __init__(
        self, n_features: int, *, gain: float = 1.0, seed: int = 0
    ) -> None:
        d = check_positive_int(n_features, "n_features")
        self.gain = check_real(gain, "gain")
        if self.gain == 0:
            raise ValueError(
                "gain must be a nonzero real number; got 0.0 (every logit "
                "would be the bias alone). Pass e.g. gain=1.0."
            )
        rng = np.random.default_rng(check_seed(seed))
        self.params = [rng.normal(size=d), np.zeros(1)]
        self.decay_mask = [True, False]

    def logits(self, X: np.ndarray) -> np.ndarray:
        v, b = self.params
        return self.gain * (X @ v) / np.linalg.norm(v) + b[0]

    def _loss_and_grads(
        self, X: np.ndarray, y: np.ndarray
    ) -> tuple[float, list[np.ndarray]]:
        v = self.params[0]
        norm = np.linalg.norm(v)
        loss, r = _logistic_loss(self.logits(X), y)
        u = X.T @ r
        v_hat = v / norm
        dv = self.gain / norm * (u - v_hat * (v_hat @ u))
        return loss, [dv, np.array([r.sum()])]


# ---------------------------------------------------------------------------
# data


def make_linear_teacher(
    n_samples: int,
    n_features: int,
    *,
    n_informative: int = 5,
    flip: float = 0.1,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Binary labels from a sparse linear teacher with label noise.

    :math:`x \sim N(0, I_d)`, :math:`y = \mathbb 1[x^\top w^* > 0]` with
    :math:`w^*` nonzero on the first ``n_informative`` coordinates, then a
    fraction ``flip`` of the labels is flipped at random. The Bayes error is
    ``flip``.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,), values 0.0 and 1.0

    Examples
    --------
    >>> import wdlib as wd
    >>> X, y = wd.models.make_linear_teacher(1000, 20, flip=0.0, seed=0)
    >>> X.shape, sorted(set(y.tolist()))
    ((1000, 20), [0.0, 1.0])
    """
    n = check_positive_int(n_samples, "n_samples")
    d = check_positive_int(n_features, "n_features")
    k = check_positive_int(n_informative, "n_informative")
    if k > d:
        raise ValueError(
            f"n_informative must be <= n_features={d}; got {k}. Pass fewer "
            f"informative features or more features."
        )
    flip = check_real(flip, "flip")
    if not 0.0 <= flip < 0.5:
        raise ValueError(
            f"flip must be in [0, 0.5); got {flip!r}. Pass e.g. flip=0.1."
        )
    rng = np.random.default_rng(check_seed(seed))
    X = rng.normal(size=(n, d))
    w_star = np.zeros(d)
    w_star[:k] = rng.normal(size=k)
    y = (X @ w_star > 0).astype(float)
    flipped = rng.random(n) < flip
    y[flipped] = 1.0 - y[flipped]
    return X, y


def save_memmap(
    directory: str | Path, X: object, y: object
) -> tuple[np.ndarray, np.ndarray]:
    """Write ``X`` and ``y`` to ``.npy`` files, reopened as read-only memmaps.

    The returned arrays live on disk: slicing a block of rows reads only
    that block, which is how :func:`iter_minibatches` streams data that
    need not fit in memory.

    Examples
    --------
    >>> import tempfile, numpy as np, wdlib as wd
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     Xm, ym = wd.models.save_memmap(tmp, np.ones((4, 2)), np.zeros(4))
    ...     print(type(Xm).__name__, Xm.shape, float(Xm[1:3].sum()))
    memmap (4, 2) 4.0
    """
    X_arr, y_arr = check_X_y(X, y)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "X.npy", X_arr)
    np.save(folder / "y.npy", y_arr)
    return np.load(folder / "X.npy", mmap_mode="r"), np.load(
        folder / "y.npy", mmap_mode="r"
    )


def _as_stream(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """Validate training data; a memmap ``X`` is kept on disk, unread."""
    if isinstance(X, np.memmap):
        if X.ndim != 2:
            raise ValueError(
                f"X must be 2-D of shape (n_samples, n_features); got a "
                f"memmap of shape {X.shape}. Save a 2-D array."
            )
        X_arr: np.ndarray = X
    else:
        X_arr = check_X(X)  # in memory anyway: checked (and converted) now
    return X_arr, _check_y(y, X_arr.shape[0])


def _check_chunk(X: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Rows ``start:stop`` as float64; checked when read from a memmap."""
    if isinstance(X, np.memmap):
        return check_X(X[start:stop], f"X[{start}:{stop}]")
    return np.asarray(X[start:stop], dtype=float)


def iter_minibatches(
    X: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    *,
    chunk_size: int | None = None,
    rng: np.random.Generator | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield shuffled minibatches, reading ``chunk_size`` rows at a time.

    The chunks are visited in random order; the rows of each chunk are
    loaded into memory (``np.asarray`` of a memmap slice), shuffled and cut
    into minibatches. Only one chunk is in memory at a time, so ``X`` may be
    a memmap larger than memory. Every row is used exactly once per pass.

    Parameters
    ----------
    X, y : array-like or memmap
        Features of shape (n_samples, n_features) and targets
        (n_samples,), finite. A memmap ``X`` is checked chunk by chunk as
        it is read; other inputs are checked (and converted) at once.
    batch_size : int
        Rows per minibatch (the last batch of a chunk may be smaller).
    chunk_size : int, optional
        Rows read from disk at a time; default: all rows.
    rng : numpy.random.Generator, optional
        Source of the shuffling; ``None`` means no shuffling.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X = np.arange(10.0).reshape(5, 2); y = np.arange(5.0)
    >>> batches = wd.models.iter_minibatches(X, y, 2, chunk_size=3)
    >>> [yb.tolist() for _, yb in batches]
    [[0.0, 1.0], [2.0], [3.0, 4.0]]
    """
    batch = check_positive_int(batch_size, "batch_size")
    if chunk_size is not None:
        check_positive_int(chunk_size, "chunk_size")
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator or None; got "
            f"{_describe(rng)}. Pass rng=np.random.default_rng(seed)."
        )
    return _minibatches(*_as_stream(X, y), batch, chunk_size, rng)


def _minibatches(
    X: np.ndarray,
    y: np.ndarray,
    batch: int,
    chunk_size: int | None,
    rng: np.random.Generator | None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    n = X.shape[0]
    chunk = n if chunk_size is None else chunk_size
    starts = np.arange(0, n, chunk)
    if rng is not None:
        starts = rng.permutation(starts)
    for s in starts:
        Xc = _check_chunk(X, int(s), int(s) + chunk)
        yc = y[s : s + chunk]
        order = (
            rng.permutation(len(yc)) if rng is not None else np.arange(len(yc))
        )
        for b in range(0, len(yc), batch):
            idx = order[b : b + batch]
            yield Xc[idx], yc[idx]


# ---------------------------------------------------------------------------
# training


@dataclass(frozen=True)
class TrainResult:
    """Result of :func:`train`.

    Attributes
    ----------
    train_loss : ndarray of shape (epochs,)
        Mean minibatch logistic loss (no penalty) over each epoch.
    test_error : ndarray of shape (epochs,)
        Test error rate after each epoch (NaN when no test set was given).
    weight_norm : ndarray of shape (epochs,)
        Euclidean norm of the decayed parameters after each epoch.
    n_steps : int
        Number of optimizer steps taken.
    """

    train_loss: np.ndarray
    test_error: np.ndarray
    weight_norm: np.ndarray
    n_steps: int


def _check_optimizer(model: Any, optimizer: Any) -> None:
    """The optimizer must update ``model.params`` themselves, in order."""
    if not hasattr(model, "params") or not callable(
        getattr(model, "loss_and_grads", None)
    ):
        raise TypeError(
            f"model must have params and loss_and_grads(X, y); got "
            f"{_describe(model)}. Pass e.g. wd.models.LogisticModel(d)."
        )
    groups = getattr(optimizer, "param_groups", None)
    if not isinstance(groups, list) or not callable(
        getattr(optimizer, "step", None)
    ):
        raise TypeError(
            f"optimizer must be a wdlib.optim optimizer (param_groups and "
            f"step(grads)); got {_describe(optimizer)}. Build one on the "
            f"model's arrays: wd.optim.SGD(model.params, lr=0.1)."
        )
    held = [p for g in groups for p in g["params"]]
    params = list(model.params)
    for i, p in enumerate(params):
        if not any(q is p for q in held):
            raise ValueError(
                f"optimizer must hold the model's own parameter arrays; "
                f"model.params[{i}] is not among its {len(held)} array(s) "
                f"(it was built on copies or on another model), so its "
                f"steps would not change this model. Build it on the "
                f"arrays themselves: wd.optim.SGD(model.params, ...)."
            )
    if len(held) != len(params) or any(
        q is not p for q, p in zip(held, params)
    ):
        raise ValueError(
            f"optimizer must hold exactly model.params, in their order; got "
            f"{len(held)} array(s) in another order or with extra arrays. "
            f"step(grads) pairs gradients with parameters by position: "
            f"build it on model.params (groups listed in that order)."
        )


def _grad_fn(model: Any) -> Callable[[np.ndarray, np.ndarray], Any]:
    """The gradient of a wdlib model skips the checks its caller made."""
    if isinstance(model, _Classifier):
        return model._loss_and_grads
    return model.loss_and_grads


def _check_test_set(
    X_test: object, y_test: object, n_features: int
) -> tuple[np.ndarray, np.ndarray] | None:
    if X_test is None and y_test is None:
        return None
    if X_test is None or y_test is None:
        given = "X_test" if y_test is None else "y_test"
        raise ValueError(
            f"X_test and y_test must be given together; got only {given}. "
            f"Pass both or neither."
        )
    X_arr = check_X(X_test, "X_test")
    _check_columns(X_arr, n_features, "X_test")
    y_arr = _check_y(y_test, X_arr.shape[0], "y_test", x_name="X_test")
    return X_arr, _check_labels(y_arr, "y_test")


def _schedule_factor(
    lr_schedule: Callable[[float], float], progress: float
) -> float:
    factor = lr_schedule(progress)
    try:
        out = check_real(factor, "lr_schedule(progress)")
    except (TypeError, ValueError):
        out = -1.0
    if out < 0:
        raise ValueError(
            f"lr_schedule must return a finite number >= 0; got "
            f"{_describe(factor)} at progress={progress!r}. Return the "
            f"multiplier of the initial learning rate, e.g. 1 - progress."
        )
    return out


def _decayed_norm(model: Any) -> float:
    return float(
        np.sqrt(
            sum(
                float(np.sum(p * p))
                for p, m in zip(model.params, model.decay_mask)
                if m
            )
        )
    )


def train(
    model: Any,
    optimizer: Any,
    X: np.ndarray,
    y: np.ndarray,
    *,
    epochs: int,
    batch_size: int,
    chunk_size: int | None = None,
    seed: int = 0,
    lr_schedule: Callable[[float], float] | None = None,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
) -> TrainResult:
    r"""Minibatch training, streaming ``X`` (array or memmap) in chunks.

    Parameters
    ----------
    model : LogisticModel, MLP or ScaleInvariantLinear
        Model whose ``params`` the optimizer was built on.
    optimizer : wdlib.optim.SGD, SGDW, Adam or AdamW
        Updates ``model.params`` in place; it must hold those very arrays,
        in order (an optimizer built on copies is rejected).
    X, y : array-like or memmap
        Training data, ``y`` with labels 0 and 1. Checked in full before
        the first step (a memmap chunk by chunk), so that no step is taken
        on invalid data.
    epochs, batch_size : int
        Passes over the data and rows per step.
    chunk_size : int, optional
        Rows read at a time (see :func:`iter_minibatches`).
    seed : int, default=0
        Seed of the shuffling.
    lr_schedule : callable, optional
        ``lr_schedule(progress)`` with ``progress`` in :math:`[0, 1)` the
        fraction of training done returns a multiplier :math:`\eta_t` of each
        group's initial learning rate. For AdamW the decay
        :math:`\gamma\lambda` follows the schedule too, as in PyTorch.
    X_test, y_test : ndarray, optional
        Evaluated after every epoch.

    Returns
    -------
    TrainResult

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> X, y = wd.models.make_linear_teacher(400, 5, flip=0.0, seed=1)
    >>> model = wd.models.LogisticModel(5)
    >>> opt = wd.optim.SGD(model.params, lr=0.5)
    >>> res = wd.models.train(
    ...     model, opt, X, y, epochs=5, batch_size=20, chunk_size=100
    ... )
    >>> decreased = bool(res.train_loss[-1] < res.train_loss[0])
    >>> res.n_steps, decreased, model.error_rate(X, y) < 0.05
    (100, True, True)
    """
    n_epochs = check_positive_int(epochs, "epochs")
    batch = check_positive_int(batch_size, "batch_size")
    if chunk_size is not None:
        chunk_size = check_positive_int(chunk_size, "chunk_size")
    rng = np.random.default_rng(check_seed(seed))
    if lr_schedule is not None and not callable(lr_schedule):
        raise TypeError(
            f"lr_schedule must be a callable progress -> multiplier or None; "
            f"got {_describe(lr_schedule)}. Pass e.g. lambda p: 1 - p."
        )
    _check_optimizer(model, optimizer)
    X, y = _as_stream(X, y)
    _check_labels(y)
    if isinstance(model, _Classifier):
        _check_columns(X, model.params[0].shape[0])
    n = X.shape[0]
    if isinstance(X, np.memmap):  # one read before training
        for s in range(0, n, chunk_size or n):
            _check_chunk(X, s, s + (chunk_size or n))
    test = _check_test_set(X_test, y_test, X.shape[1])
    base_lrs = [g["lr"] for g in optimizer.param_groups]
    chunk = chunk_size or n
    steps_per_epoch = sum(
        -(-min(chunk, n - s) // batch) for s in range(0, n, chunk)
    )
    total = n_epochs * steps_per_epoch
    losses, errors, norms = [], [], []
    step, grad_fn = 0, _grad_fn(model)
    for _ in range(n_epochs):
        epoch_loss, seen = 0.0, 0
        for Xb, yb in _minibatches(X, y, batch, chunk_size, rng):
            if lr_schedule is not None:
                factor = _schedule_factor(lr_schedule, step / total)
                for g, lr0 in zip(optimizer.param_groups, base_lrs):
                    g["lr"] = lr0 * factor
            loss, grads = grad_fn(Xb, yb)
            optimizer.step(grads)
            epoch_loss += loss * len(yb)
            seen += len(yb)
            step += 1
        losses.append(epoch_loss / seen)
        norms.append(_decayed_norm(model))
        errors.append(
            model.error_rate(*test) if test is not None else float("nan")
        )
    return TrainResult(
        np.array(losses), np.array(errors), np.array(norms), step
    )
