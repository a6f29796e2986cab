r"""Optimizers following PyTorch's documented update rules (numpy, in place).

Three optimizers, each a transcription of the algorithm box in PyTorch's
documentation (``torch.optim.SGD``, ``torch.optim.Adam``,
``torch.optim.AdamW``, without the ``maximize``/``amsgrad`` options):

* :class:`SGD` and :class:`Adam` add the *coupled* L2 term
  :math:`\lambda\theta` to the gradient, so the decay passes through the
  momentum buffer and, for Adam, through the per-coordinate normalization;
* :class:`AdamW` applies *decoupled* weight decay
  :math:`\theta \leftarrow \theta - \gamma\lambda\theta` before the Adam
  step (Loshchilov and Hutter), with the decay multiplied by the learning
  rate :math:`\gamma` as PyTorch does.

``params`` is a list of numpy float arrays that ``step`` updates in place
(the one deliberate exception in :mod:`wdlib` to "inputs are never
modified"), or a list of parameter-group dicts as in PyTorch::

    [{"params": [W1, W2]}, {"params": [b1, b2], "weight_decay": 0.0}]

Alternatively ``decay_mask`` (a list of bools, one per parameter, like
optax's ``mask``) switches the decay off for the parameters marked False,
typically the biases. ``step(grads)`` takes the gradients in the same order
as the parameters (groups concatenated in order). Hyperparameters live in
``opt.param_groups`` and may be changed between steps, e.g. by a
learning-rate schedule.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np

from ._validation import _describe

__all__ = ["SGD", "Adam", "AdamW"]


def _check_real(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a real number; got {_describe(value)}. Pass a "
            f"float such as {name}=0.01."
        )
    out = float(value)
    if not np.isfinite(out):
        raise ValueError(f"{name} must be finite; got {out!r}. Pass a finite float.")
    return out


def _check_nonneg(value: object, name: str) -> float:
    out = _check_real(value, name)
    if out < 0:
        raise ValueError(
            f"{name} must be >= 0; got {out!r}. Pass a non-negative value "
            f"such as {name}=0.01."
        )
    return out


def _check_betas(value: object) -> tuple[float, float]:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise TypeError(
            f"betas must be a pair (beta1, beta2); got {_describe(value)}. "
            f"Pass e.g. betas=(0.9, 0.999)."
        )
    out = tuple(_check_real(b, f"betas[{i}]") for i, b in enumerate(value))
    for i, b in enumerate(out):
        if not 0.0 <= b < 1.0:
            raise ValueError(
                f"betas[{i}] must be in [0, 1); got {b!r}. Pass e.g. "
                f"betas=(0.9, 0.999)."
            )
    return out  # type: ignore[return-value]


def _check_param(p: object, where: str) -> np.ndarray:
    if not isinstance(p, np.ndarray) or not np.issubdtype(p.dtype, np.floating):
        raise TypeError(
            f"{where} must be a numpy array of floats that can be updated in "
            f"place; got {_describe(p)}. Create it with "
            f"np.asarray(x, dtype=float) and keep a reference to that array."
        )
    if not p.flags.writeable:
        raise ValueError(
            f"{where} is a read-only array; the optimizer updates parameters "
            f"in place. Pass a writeable copy, e.g. np.array(x)."
        )
    return p


class _Optimizer:
    """Shared machinery: parameter groups, validation and the step loop."""

    def __init__(
        self,
        params: Sequence[Any],
        defaults: dict[str, Any],
        decay_mask: Sequence[bool] | None,
    ) -> None:
        if isinstance(params, np.ndarray) or not isinstance(params, (list, tuple)):
            raise TypeError(
                f"params must be a list of numpy float arrays or a list of "
                f"parameter-group dicts; got {_describe(params)}. Wrap a "
                f"single array in a list: [w]."
            )
        if len(params) == 0:
            raise ValueError(
                "params is empty; pass at least one array to optimize."
            )
        if all(isinstance(p, dict) for p in params):
            if decay_mask is not None:
                raise ValueError(
                    "decay_mask cannot be combined with parameter groups; set "
                    "'weight_decay': 0.0 in the group of the parameters to "
                    "exclude instead."
                )
            raw_groups = [dict(g) for g in params]
        elif any(isinstance(p, dict) for p in params):
            raise TypeError(
                "params mixes arrays and parameter-group dicts; pass either a "
                "list of arrays or a list of dicts with a 'params' key."
            )
        else:
            raw_groups = self._groups_from_mask(list(params), decay_mask)
        self.param_groups: list[dict[str, Any]] = []
        self._flat: list[tuple[np.ndarray, dict[str, Any], dict[str, Any]]] = []
        for gi, raw in enumerate(raw_groups):
            self._add_group(gi, raw, defaults)

    @staticmethod
    def _groups_from_mask(
        params: list[Any], decay_mask: Sequence[bool] | None
    ) -> list[dict[str, Any]]:
        if decay_mask is None:
            return [{"params": params}]
        mask = list(decay_mask)
        if len(mask) != len(params) or not all(isinstance(m, (bool, np.bool_)) for m in mask):
            raise ValueError(
                f"decay_mask must be a list of {len(params)} bools, one per "
                f"parameter; got {_describe(decay_mask)}. Pass e.g. "
                f"[True, False] to decay the weights but not the bias."
            )
        # one group per parameter keeps the order of ``params`` for ``step``
        return [
            {"params": [p]} if m else {"params": [p], "weight_decay": 0.0}
            for p, m in zip(params, mask)
        ]

    def _add_group(self, gi: int, raw: dict[str, Any], defaults: dict[str, Any]) -> None:
        if "params" not in raw:
            raise ValueError(
                f"parameter group {gi} has no 'params' key; pass dicts like "
                f"{{'params': [w], 'weight_decay': 0.0}}."
            )
        unknown = set(raw) - set(defaults) - {"params"}
        if unknown:
            raise ValueError(
                f"parameter group {gi} has unknown option(s) {sorted(unknown)}; "
                f"allowed are {sorted(defaults)}."
            )
        group = {**defaults, **raw}
        plist = group["params"]
        if isinstance(plist, np.ndarray):
            plist = [plist]
        group["params"] = [
            _check_param(p, f"params[{len(self._flat) + i}]") for i, p in enumerate(plist)
        ]
        self._validate(group)
        self.param_groups.append(group)
        for p in group["params"]:
            self._flat.append((p, group, {"step": 0}))

    def _validate(self, group: dict[str, Any]) -> None:
        group["lr"] = _check_nonneg(group["lr"], "lr")
        group["weight_decay"] = _check_nonneg(group["weight_decay"], "weight_decay")

    def step(self, grads: Sequence[object]) -> None:
        """Update every parameter in place from its gradient.

        Parameters
        ----------
        grads : list of ndarray
            One gradient per parameter, in the order of ``params`` (groups
            concatenated), each of the same shape as its parameter.
        """
        if not isinstance(grads, (list, tuple)) or len(grads) != len(self._flat):
            got = len(grads) if isinstance(grads, (list, tuple)) else _describe(grads)
            raise ValueError(
                f"grads must be a list of {len(self._flat)} arrays, one per "
                f"parameter; got {got}. Pass the gradients in the order of params."
            )
        checked = []
        for i, ((p, _, _), g) in enumerate(zip(self._flat, grads)):
            g_arr = np.asarray(g, dtype=p.dtype)
            if g_arr.shape != p.shape:
                raise ValueError(
                    f"grads[{i}] has shape {g_arr.shape} but params[{i}] has "
                    f"shape {p.shape}; pass one gradient of the same shape per parameter."
                )
            checked.append(g_arr)
        for (p, group, state), g in zip(self._flat, checked):
            state["step"] += 1
            self._update(p, g, group, state)

    def _update(
        self, p: np.ndarray, g: np.ndarray, group: dict[str, Any], state: dict[str, Any]
    ) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class SGD(_Optimizer):
    r"""Stochastic gradient descent with momentum and coupled L2 weight decay.

    Parameters
    ----------
    params : list of ndarray or list of dict
        Float arrays updated in place, or parameter groups (dicts with a
        ``"params"`` list and optional per-group hyperparameters).
    lr : float
        Learning rate :math:`\gamma \ge 0`.
    momentum : float, default=0.0
        Momentum factor :math:`\mu \ge 0`.
    weight_decay : float, default=0.0
        Coupled L2 coefficient :math:`\lambda \ge 0`, added to the gradient.
    nesterov : bool, default=False
        Nesterov momentum (needs ``momentum > 0`` and ``dampening = 0``).
    dampening : float, default=0.0
        Dampening :math:`\tau` for momentum (keyword-only: the positional
        order follows the book's interface, where PyTorch puts ``dampening``
        before ``weight_decay``).
    decay_mask : list of bool, optional
        One flag per parameter; False excludes it from weight decay.

    Notes
    -----
    PyTorch's ``torch.optim.SGD`` rule. For :math:`t = 1, 2, \dots`

    .. math::

        \begin{aligned}
        g_t &\leftarrow \nabla_\theta f_t(\theta_{t-1}) + \lambda\theta_{t-1}\\
        b_t &\leftarrow \begin{cases} g_t & t = 1\\
              \mu b_{t-1} + (1-\tau) g_t & t > 1 \end{cases}
              \quad(\text{if } \mu \ne 0)\\
        g_t &\leftarrow \begin{cases} g_t + \mu b_t & \text{nesterov}\\
              b_t & \text{otherwise} \end{cases}
              \quad(\text{if } \mu \ne 0)\\
        \theta_t &\leftarrow \theta_{t-1} - \gamma g_t
        \end{aligned}

    Without momentum this is exactly gradient descent on
    :math:`f(\theta) + \tfrac{\lambda}{2}\lVert\theta\rVert^2`, i.e.
    :math:`\theta \leftarrow (1 - \gamma\lambda)\theta - \gamma\nabla f`.

    References
    ----------
    PyTorch documentation, ``torch.optim.SGD``.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0, -2.0])
    >>> opt = wd.optim.SGD([w], lr=0.1, weight_decay=0.5)
    >>> opt.step([np.array([0.0, 1.0])])   # w <- 0.95 w - 0.1 g
    >>> w
    array([ 0.95, -2.  ])
    """

    def __init__(
        self,
        params: Sequence[Any],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
        *,
        dampening: float = 0.0,
        decay_mask: Sequence[bool] | None = None,
    ) -> None:
        defaults = dict(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            weight_decay=weight_decay,
            nesterov=nesterov,
        )
        super().__init__(params, defaults, decay_mask)

    def _validate(self, group: dict[str, Any]) -> None:
        super()._validate(group)
        group["momentum"] = _check_nonneg(group["momentum"], "momentum")
        group["dampening"] = _check_real(group["dampening"], "dampening")
        if group["nesterov"] and (group["momentum"] <= 0 or group["dampening"] != 0):
            raise ValueError(
                f"nesterov=True needs momentum > 0 and dampening = 0; got "
                f"momentum={group['momentum']!r}, dampening={group['dampening']!r}. "
                f"Set e.g. momentum=0.9, dampening=0.0."
            )

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        lam, mu = group["weight_decay"], group["momentum"]
        if lam != 0:
            g = g + lam * p
        if mu != 0:
            if "momentum_buffer" not in state:
                buf = state["momentum_buffer"] = g.copy()
            else:
                buf = state["momentum_buffer"]
                buf *= mu
                buf += (1 - group["dampening"]) * g
            g = g + mu * buf if group["nesterov"] else buf
        p -= group["lr"] * g


class _AdamBase(_Optimizer):
    def __init__(
        self,
        params: Sequence[Any],
        lr: float,
        betas: tuple[float, float],
        eps: float,
        weight_decay: float,
        decay_mask: Sequence[bool] | None,
    ) -> None:
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults, decay_mask)

    def _validate(self, group: dict[str, Any]) -> None:
        super()._validate(group)
        group["betas"] = _check_betas(group["betas"])
        eps = _check_real(group["eps"], "eps")
        if eps <= 0:
            raise ValueError(
                f"eps must be > 0; got {eps!r}. Pass a small positive number "
                f"such as eps=1e-8 (it keeps the division finite)."
            )
        group["eps"] = eps

    def _adam(self, p, g, group, state):  # type: ignore[no-untyped-def]
        beta1, beta2 = group["betas"]
        t = state["step"]
        if "exp_avg" not in state:
            state["exp_avg"] = np.zeros_like(p)
            state["exp_avg_sq"] = np.zeros_like(p)
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m *= beta1
        m += (1 - beta1) * g
        v *= beta2
        v += (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p -= group["lr"] * m_hat / (np.sqrt(v_hat) + group["eps"])


class Adam(_AdamBase):
    r"""Adam with coupled L2 weight decay (the decay is added to the gradient).

    Parameters
    ----------
    params : list of ndarray or list of dict
        Float arrays updated in place, or parameter groups.
    lr : float, default=1e-3
        Learning rate :math:`\gamma \ge 0`.
    betas : tuple of float, default=(0.9, 0.999)
        :math:`(\beta_1, \beta_2)`, each in :math:`[0, 1)`.
    eps : float, default=1e-8
        :math:`\epsilon > 0` added to the denominator.
    weight_decay : float, default=0.0
        Coupled L2 coefficient :math:`\lambda \ge 0`.
    decay_mask : list of bool, optional
        One flag per parameter; False excludes it from weight decay.

    Notes
    -----
    PyTorch's ``torch.optim.Adam`` rule (``amsgrad=False``), with
    :math:`m_0 = v_0 = 0`:

    .. math::

        \begin{aligned}
        g_t &\leftarrow \nabla_\theta f_t(\theta_{t-1}) + \lambda\theta_{t-1}\\
        m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t\\
        v_t &\leftarrow \beta_2 v_{t-1} + (1-\beta_2) g_t^2\\
        \hat m_t &\leftarrow m_t/(1-\beta_1^t),\qquad
        \hat v_t \leftarrow v_t/(1-\beta_2^t)\\
        \theta_t &\leftarrow \theta_{t-1} - \gamma\,\hat m_t/(\sqrt{\hat v_t} + \epsilon)
        \end{aligned}

    The penalty's gradient :math:`\lambda\theta` is divided by
    :math:`\sqrt{\hat v_t}` like the loss gradient, so coordinates with large
    gradients are decayed less, and a coordinate with zero loss gradient moves
    by about :math:`\gamma` per step whatever :math:`\lambda` is. See
    :class:`AdamW` for the decoupled alternative.

    References
    ----------
    Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic
    optimization. ICLR. PyTorch documentation, ``torch.optim.Adam``.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0])
    >>> opt = wd.optim.Adam([w], lr=0.1, weight_decay=0.01)
    >>> opt.step([np.array([0.0])])   # first step moves by ~lr whatever the decay
    >>> w
    array([0.9])
    """

    def __init__(
        self,
        params: Sequence[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        *,
        decay_mask: Sequence[bool] | None = None,
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, decay_mask)

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        if group["weight_decay"] != 0:
            g = g + group["weight_decay"] * p
        self._adam(p, g, group, state)


class AdamW(_AdamBase):
    r"""Adam with decoupled weight decay, multiplied by the learning rate.

    Parameters
    ----------
    params : list of ndarray or list of dict
        Float arrays updated in place, or parameter groups.
    lr : float, default=1e-3
        Learning rate :math:`\gamma \ge 0`.
    betas : tuple of float, default=(0.9, 0.999)
        :math:`(\beta_1, \beta_2)`, each in :math:`[0, 1)`.
    eps : float, default=1e-8
        :math:`\epsilon > 0` added to the denominator.
    weight_decay : float, default=1e-2
        Decoupled decay coefficient :math:`\lambda \ge 0`.
    decay_mask : list of bool, optional
        One flag per parameter; False excludes it from weight decay.

    Notes
    -----
    PyTorch's ``torch.optim.AdamW`` rule (``amsgrad=False``), with
    :math:`m_0 = v_0 = 0` and :math:`g_t = \nabla_\theta f_t(\theta_{t-1})`
    (the loss gradient only):

    .. math::

        \begin{aligned}
        \theta_t &\leftarrow \theta_{t-1} - \gamma\lambda\theta_{t-1}\\
        m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t\\
        v_t &\leftarrow \beta_2 v_{t-1} + (1-\beta_2) g_t^2\\
        \hat m_t &\leftarrow m_t/(1-\beta_1^t),\qquad
        \hat v_t \leftarrow v_t/(1-\beta_2^t)\\
        \theta_t &\leftarrow \theta_t - \gamma\,\hat m_t/(\sqrt{\hat v_t} + \epsilon)
        \end{aligned}

    The decay never enters :math:`m_t` or :math:`v_t`: every weight shrinks
    by the same factor :math:`1 - \gamma\lambda` per step. Loshchilov and
    Hutter's paper writes the decay as :math:`\eta_t\lambda\theta` with
    :math:`\eta_t` the schedule multiplier only; PyTorch's :math:`\lambda`
    times the base learning rate equals theirs.

    References
    ----------
    Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay
    regularization. ICLR. PyTorch documentation, ``torch.optim.AdamW``.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0]); b = np.array([1.0])
    >>> opt = wd.optim.AdamW([w, b], lr=0.1, weight_decay=0.5, decay_mask=[True, False])
    >>> opt.step([np.array([0.0]), np.array([0.0])])   # w <- (1 - 0.05) w
    >>> w, b
    (array([0.95]), array([1.]))
    """

    def __init__(
        self,
        params: Sequence[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        *,
        decay_mask: Sequence[bool] | None = None,
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, decay_mask)

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        if group["weight_decay"] != 0:
            p *= 1 - group["lr"] * group["weight_decay"]
        self._adam(p, g, group, state)
