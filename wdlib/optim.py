r"""Optimizers following PyTorch's documented update rules (numpy, in place).

Four optimizers, three of them transcriptions of the algorithm boxes in
PyTorch's documentation (``torch.optim.SGD``, ``torch.optim.Adam``,
``torch.optim.AdamW``, without the ``maximize``/``amsgrad`` options):

* :class:`SGD` and :class:`Adam` add the *coupled* L2 term
  :math:`\lambda\theta` to the gradient, so the decay passes through the
  momentum buffer and, for Adam, through the per-coordinate normalization;
* :class:`AdamW`, and ``Adam(..., decoupled_weight_decay=True)`` as in
  PyTorch 2.x, apply *decoupled* weight decay
  :math:`\theta \leftarrow \theta - \gamma\lambda\theta` before the Adam
  step (Loshchilov and Hutter), with the decay multiplied by the learning
  rate :math:`\gamma` as PyTorch does;
* :class:`SGDW` (not in PyTorch) is SGD with momentum and the same
  decoupled decay, Loshchilov and Hutter's Algorithm 1.

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

Precision: the update of a float32 or float64 parameter is computed in its
own dtype. A float16 parameter is updated in float32 (the optimizer state is
kept in float32) and the result is rounded to float16 once per step. In
float16 Adam's default ``eps=1e-8`` rounds to 0 and squared gradients below
about ``6e-8`` round to 0, so computing in float16, as PyTorch does for a
float16 tensor, turns a zero or tiny gradient into a division by zero.
Updates smaller than half a float16 spacing of the parameter are still lost
in the final rounding: store parameters in float32 to train.

Divergence: when a parameter stops being finite (NaN or infinite after a
step), ``step`` emits one :class:`wdlib.ConvergenceWarning` per optimizer,
naming the parameter, the step and the likely cause. It is the class
:func:`wdlib.gradient_descent` uses for divergence, so one filter such as
``warnings.simplefilter("error", wd.ConvergenceWarning)`` catches both; it
is not a ``RuntimeWarning`` because the floating-point warnings numpy
would raise inside the step (overflow, invalid value) are suppressed in
favour of this one, and code that silences numpy's ``RuntimeWarning``\ s
should not silence a diverged optimizer.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from ._validation import _as_float_array, _describe, check_bool, check_real
from .gd import ConvergenceWarning

__all__ = ["SGD", "SGDW", "Adam", "AdamW"]


def _check_nonneg(value: object, name: str) -> float:
    out = check_real(value, name)
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
    out = tuple(check_real(b, f"betas[{i}]") for i, b in enumerate(value))
    for i, b in enumerate(out):
        if not 0.0 <= b < 1.0:
            raise ValueError(
                f"betas[{i}] must be in [0, 1); got {b!r}. Pass e.g. "
                f"betas=(0.9, 0.999)."
            )
    return out  # type: ignore[return-value]


def _all_finite(a: np.ndarray) -> bool:
    with np.errstate(over="ignore", invalid="ignore"):
        total = a.sum()
    # one pass: a NaN or inf makes the sum non-finite (so may overflow)
    return bool(np.isfinite(total)) or bool(np.all(np.isfinite(a)))


def _check_param(p: object, where: str) -> np.ndarray:
    if not isinstance(p, np.ndarray) or not np.issubdtype(
        p.dtype, np.floating
    ):
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
    if not _all_finite(p):
        n_bad = int(p.size - np.count_nonzero(np.isfinite(p)))
        raise ValueError(
            f"{where} must contain only finite numbers; got {n_bad} NaN or "
            f"infinite value(s). Initialize the parameter with finite values."
        )
    return p


def _work_dtype(dtype: np.dtype) -> np.dtype:
    """Dtype the update is computed in: the parameter's, at least float32."""
    return np.result_type(dtype, np.float32)


class _Optimizer:
    """Shared machinery: parameter groups, validation and the step loop."""

    def __init__(
        self,
        params: Sequence[Any],
        defaults: dict[str, Any],
        decay_mask: Sequence[bool] | None,
    ) -> None:
        if isinstance(params, np.ndarray) or not isinstance(
            params, (list, tuple)
        ):
            raise TypeError(
                f"params must be a list of numpy float arrays or a list of "
                f"parameter-group dicts; got {_describe(params)}. Wrap a "
                f"single array in a list: [w]."
            )
        if len(params) == 0:
            raise ValueError(
                "params must hold at least one array; got an empty list. "
                "Pass the arrays to optimize, e.g. model.params."
            )
        if all(isinstance(p, dict) for p in params):
            if decay_mask is not None:
                raise ValueError(
                    "decay_mask cannot be combined with parameter groups; "
                    "got both. Set 'weight_decay': 0.0 in the group of the "
                    "parameters to exclude instead."
                )
            raw_groups = [dict(g) for g in params]
        elif any(isinstance(p, dict) for p in params):
            raise TypeError(
                "params must be either a list of arrays or a list of dicts "
                "with a 'params' key; got a mix of both. Put every array in "
                "a group dict, or pass arrays only."
            )
        else:
            raw_groups = self._groups_from_mask(list(params), decay_mask)
        self.param_groups: list[dict[str, Any]] = []
        self._flat: list[
            tuple[np.ndarray, dict[str, Any], dict[str, Any]]
        ] = []
        self._warned_nonfinite = False
        for gi, raw in enumerate(raw_groups):
            self._add_group(gi, raw, defaults)

    @staticmethod
    def _groups_from_mask(
        params: list[Any], decay_mask: Sequence[bool] | None
    ) -> list[dict[str, Any]]:
        if decay_mask is None:
            return [{"params": params}]
        mask = list(decay_mask)
        if len(mask) != len(params) or not all(
            isinstance(m, (bool, np.bool_)) for m in mask
        ):
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

    def _add_group(
        self, gi: int, raw: dict[str, Any], defaults: dict[str, Any]
    ) -> None:
        if "params" not in raw:
            raise ValueError(
                f"parameter group {gi} must have a 'params' key; got keys "
                f"{sorted(raw)}. Pass dicts like "
                f"{{'params': [w], 'weight_decay': 0.0}}."
            )
        unknown = set(raw) - set(defaults) - {"params"}
        if unknown:
            raise ValueError(
                f"parameter group {gi} has unknown option(s) "
                f"{sorted(unknown)}; allowed are {sorted(defaults)}. Remove "
                f"the others."
            )
        group = {**defaults, **raw}
        plist = group["params"]
        if isinstance(plist, np.ndarray):
            plist = [plist]
        checked: list[np.ndarray] = []
        for p in plist:
            where = f"params[{len(self._flat) + len(checked)}]"
            p = _check_param(p, where)
            if any(p is q for q, _, _ in self._flat) or any(
                p is q for q in checked
            ):
                raise ValueError(
                    f"{where} is an array already passed to this optimizer; "
                    f"each parameter must appear once (it would be updated "
                    f"twice per step). Remove the duplicate."
                )
            checked.append(p)
        group["params"] = checked
        self._validate(group)
        self.param_groups.append(group)
        for p in group["params"]:
            self._flat.append((p, group, {"step": 0}))

    def _validate(self, group: dict[str, Any]) -> None:
        group["lr"] = _check_nonneg(group["lr"], "lr")
        group["weight_decay"] = _check_nonneg(
            group["weight_decay"], "weight_decay"
        )

    def _check_grads(self, grads: Sequence[object]) -> list[np.ndarray]:
        n = len(self._flat)
        if not isinstance(grads, (list, tuple)) or len(grads) != n:
            got = (
                f"{len(grads)}"
                if isinstance(grads, (list, tuple))
                else _describe(grads)
            )
            raise ValueError(
                f"grads must be a list of {n} arrays, one per parameter; "
                f"got {got}. Pass the gradients in the order of params."
            )
        checked = []
        for i, ((p, _, _), g) in enumerate(zip(self._flat, grads)):
            work = _work_dtype(p.dtype)
            if isinstance(g, np.ndarray) and g.dtype.kind == "f":
                g_arr = g.astype(work, copy=False)
            else:
                g_arr = _as_float_array(g, f"grads[{i}]").astype(
                    work, copy=False
                )
            if g_arr.shape != p.shape:
                raise ValueError(
                    f"grads[{i}] has shape {g_arr.shape} but params[{i}] has "
                    f"shape {p.shape}; pass one gradient of the same shape "
                    f"per parameter."
                )
            checked.append(g_arr)
        return checked

    def step(self, grads: Sequence[object]) -> None:
        """Update every parameter in place from its gradient.

        Parameters
        ----------
        grads : list of array-like
            One gradient per parameter, in the order of ``params`` (groups
            concatenated), each of the same shape as its parameter.

        Warns
        -----
        ConvergenceWarning
            Once per optimizer, when a parameter stops being finite.
        """
        checked = self._check_grads(grads)
        for i, ((p, group, state), g) in enumerate(zip(self._flat, checked)):
            state["step"] += 1
            with np.errstate(over="ignore", invalid="ignore"):
                if p.dtype == g.dtype:
                    self._update(p, g, group, state)
                else:  # float16: compute in float32, round once
                    p_work = p.astype(g.dtype)
                    self._update(p_work, g, group, state)
                    p[...] = p_work
            if not self._warned_nonfinite and not _all_finite(p):
                self._warn_nonfinite(i, p, g, group, state["step"])

    def _warn_nonfinite(
        self,
        i: int,
        p: np.ndarray,
        g: np.ndarray,
        group: dict[str, Any],
        step: int,
    ) -> None:
        self._warned_nonfinite = True
        if not _all_finite(g):
            cause = (
                f"grads[{i}] itself holds NaN or inf: check the data and "
                f"the loss for missing or overflowing values"
            )
        else:
            cause = (
                f"the iterates diverged: lower lr (now {group['lr']:g}), "
                f"standardize the inputs or clip the gradients"
            )
        warnings.warn(
            f"params[{i}] stopped being finite at step {step} (NaN or "
            f"infinite values after the update); {cause}. Further steps "
            f"cannot recover it. This warning is given once per optimizer.",
            ConvergenceWarning,
            stacklevel=3,
        )

    def _update(
        self,
        p: np.ndarray,
        g: np.ndarray,
        group: dict[str, Any],
        state: dict[str, Any],
    ) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _momentum(
    g: np.ndarray, mu: float, dampening: float, state: dict[str, Any]
) -> np.ndarray:
    """PyTorch's momentum buffer: g at step 1, then mu * b + (1 - tau) * g."""
    if "momentum_buffer" not in state:
        buf = state["momentum_buffer"] = g.copy()
    else:
        buf = state["momentum_buffer"]
        buf *= mu
        buf += (1 - dampening) * g
    return buf


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
        Nesterov momentum (needs ``momentum > 0`` and ``dampening = 0``,
        as in PyTorch).
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
        group["dampening"] = check_real(group["dampening"], "dampening")
        group["nesterov"] = check_bool(group["nesterov"], "nesterov")
        if group["nesterov"] and (
            group["momentum"] <= 0 or group["dampening"] != 0
        ):
            raise ValueError(
                f"nesterov=True needs momentum > 0 and dampening = 0; got "
                f"momentum={group['momentum']!r}, "
                f"dampening={group['dampening']!r}. Set e.g. momentum=0.9, "
                f"dampening=0.0, or nesterov=False."
            )

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        lam, mu = group["weight_decay"], group["momentum"]
        if lam != 0:
            g = g + lam * p
        if mu != 0:
            buf = _momentum(g, mu, group["dampening"], state)
            g = g + mu * buf if group["nesterov"] else buf
        p -= group["lr"] * g


class SGDW(_Optimizer):
    r"""SGD with momentum and decoupled weight decay, multiplied by the lr.

    Parameters
    ----------
    params : list of ndarray or list of dict
        Float arrays updated in place, or parameter groups.
    lr : float
        Learning rate :math:`\gamma \ge 0`.
    momentum : float, default=0.0
        Momentum factor :math:`\mu \ge 0` (PyTorch's heavy-ball buffer,
        without dampening).
    weight_decay : float, default=0.0
        Decoupled decay coefficient :math:`\lambda \ge 0`; each step
        shrinks the parameter by the factor :math:`1 - \gamma\lambda`.
    decay_mask : list of bool, optional
        One flag per parameter; False excludes it from weight decay.

    Notes
    -----
    With :math:`g_t = \nabla_\theta f_t(\theta_{t-1})`, the loss gradient
    only, for :math:`t = 1, 2, \dots`

    .. math::

        \begin{aligned}
        \theta_t &\leftarrow \theta_{t-1} - \gamma\lambda\theta_{t-1}\\
        b_t &\leftarrow \begin{cases} g_t & t = 1 \text{ or } \mu = 0\\
              \mu b_{t-1} + g_t & t > 1 \end{cases}\\
        \theta_t &\leftarrow \theta_t - \gamma b_t
        \end{aligned}

    so :math:`\theta_t = (1 - \gamma\lambda)\theta_{t-1} - \gamma b_t`: the
    decay never enters the momentum buffer. With ``momentum=0`` this is
    the same update as :class:`SGD` with coupled ``weight_decay`` (equal up
    to rounding); with momentum the two differ, because SGD's buffer also
    accumulates the past decay terms :math:`\lambda\theta_s`.

    Loshchilov and Hutter (2019), Algorithm 1 (SGDW), with initial
    learning rate :math:`\alpha`, schedule multiplier :math:`\eta_t` and
    momentum :math:`\beta_1`, updates
    :math:`m_t = \beta_1 m_{t-1} + \eta_t\alpha g_t` and
    :math:`\theta_t = \theta_{t-1} - m_t - \eta_t\lambda_{LH}\theta_{t-1}`:
    their decay is multiplied by the schedule multiplier :math:`\eta_t`
    only, not by :math:`\alpha`. Here the learning rate of step :math:`t`
    is :math:`\gamma_t = \alpha\eta_t` (what a schedule writes into
    ``param_groups[i]["lr"]``), so the two decays are equal exactly when

    .. math::

        \lambda_{LH} = \alpha\lambda = \gamma_t\lambda/\eta_t,

    for every schedule. The gradient steps are equal when the schedule is
    constant (:math:`m_t = \gamma b_t`) or ``momentum=0``; with momentum and
    a changing schedule, this class (PyTorch's convention) scales the whole
    buffer by the current :math:`\gamma_t`, whereas theirs keeps each past
    gradient scaled by its own :math:`\alpha\eta_s`.

    References
    ----------
    Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay
    regularization. ICLR.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0, -2.0])
    >>> opt = wd.optim.SGDW([w], lr=0.1, momentum=0.9, weight_decay=0.5)
    >>> g = np.array([0.0, 1.0])
    >>> opt.step([g])   # b = g;  w <- 0.95 w - 0.1 b = [0.95, -2.0]
    >>> opt.step([g])   # b = 0.9 b + g = [0, 1.9];  w <- 0.95 w - 0.1 b
    >>> [round(float(v), 6) for v in w]
    [0.9025, -2.09]
    """

    def __init__(
        self,
        params: Sequence[Any],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        *,
        decay_mask: Sequence[bool] | None = None,
    ) -> None:
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay)
        super().__init__(params, defaults, decay_mask)

    def _validate(self, group: dict[str, Any]) -> None:
        super()._validate(group)
        group["momentum"] = _check_nonneg(group["momentum"], "momentum")

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        lr, lam, mu = group["lr"], group["weight_decay"], group["momentum"]
        if lam != 0:
            p *= 1 - lr * lam
        if mu != 0:
            g = _momentum(g, mu, 0.0, state)
        p -= lr * g


def _adam_moments(
    m: np.ndarray,
    v: np.ndarray,
    g: np.ndarray,
    beta1: float,
    beta2: float,
    t: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Adam's moment update at step ``t``, in place; the corrected moments.

    ``m <- beta1 m + (1 - beta1) g`` and ``v <- beta2 v + (1 - beta2) g^2``;
    returns ``(m / (1 - beta1^t), v / (1 - beta2^t))``.
    """
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g * g
    return m / (1 - beta1**t), v / (1 - beta2**t)


class _AdamBase(_Optimizer):
    def _validate(self, group: dict[str, Any]) -> None:
        super()._validate(group)
        group["betas"] = _check_betas(group["betas"])
        eps = check_real(group["eps"], "eps")
        if eps <= 0:
            raise ValueError(
                f"eps must be > 0; got {eps!r}. Pass a small positive number "
                f"such as eps=1e-8 (it keeps the division finite)."
            )
        group["eps"] = eps

    def _decoupled(self, group: dict[str, Any]) -> bool:
        raise NotImplementedError  # pragma: no cover - abstract

    def _update(self, p, g, group, state):  # type: ignore[no-untyped-def]
        lam = group["weight_decay"]
        if lam != 0:
            if self._decoupled(group):
                p *= 1 - group["lr"] * lam
            else:
                g = g + lam * p
        beta1, beta2 = group["betas"]
        t = state["step"]
        if "exp_avg" not in state:
            state["exp_avg"] = np.zeros_like(p)
            state["exp_avg_sq"] = np.zeros_like(p)
        m_hat, v_hat = _adam_moments(
            state["exp_avg"], state["exp_avg_sq"], g, beta1, beta2, t
        )
        p -= group["lr"] * m_hat / (np.sqrt(v_hat) + group["eps"])


class Adam(_AdamBase):
    r"""Adam with coupled L2 weight decay, or decoupled as an option.

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
        Coupled L2 coefficient :math:`\lambda \ge 0` (decoupled decay
        coefficient when ``decoupled_weight_decay=True``).
    decoupled_weight_decay : bool, default=False
        As in PyTorch 2.x: True applies the decay as
        :math:`\theta \leftarrow \theta - \gamma\lambda\theta` before the
        Adam step, which is exactly :class:`AdamW` (same arithmetic, same
        results bit for bit).
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
        \theta_t &\leftarrow \theta_{t-1} - \gamma\,\hat m_t/(\sqrt{\hat v_t} +
        \epsilon)
        \end{aligned}

    The penalty's gradient :math:`\lambda\theta` is divided by
    :math:`\sqrt{\hat v_t}` like the loss gradient, so coordinates with large
    gradients are decayed less, and a coordinate with zero loss gradient moves
    by about :math:`\gamma` per step whatever :math:`\lambda` is. See
    :class:`AdamW` for the decoupled alternative.

    A float16 parameter is updated in float32 (see :mod:`wdlib.optim`): in
    float16 the default :math:`\epsilon = 10^{-8}` would round to 0.

    References
    ----------
    Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic
    optimization. ICLR. PyTorch documentation, ``torch.optim.Adam``.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0])
    >>> opt = wd.optim.Adam([w], lr=0.1, weight_decay=0.01)
    >>> opt.step([np.array([0.0])])  # first step moves by ~lr, any decay
    >>> round(float(w[0]), 6)
    0.9
    """

    def __init__(
        self,
        params: Sequence[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        *,
        decoupled_weight_decay: bool = False,
        decay_mask: Sequence[bool] | None = None,
    ) -> None:
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        defaults["decoupled_weight_decay"] = decoupled_weight_decay
        super().__init__(params, defaults, decay_mask)

    def _validate(self, group: dict[str, Any]) -> None:
        super()._validate(group)
        group["decoupled_weight_decay"] = check_bool(
            group["decoupled_weight_decay"], "decoupled_weight_decay"
        )

    def _decoupled(self, group: dict[str, Any]) -> bool:
        return bool(group["decoupled_weight_decay"])


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
        \theta_t &\leftarrow \theta_t - \gamma\,\hat m_t/(\sqrt{\hat v_t} +
        \epsilon)
        \end{aligned}

    The decay never enters :math:`m_t` or :math:`v_t`: every weight shrinks
    by the same factor :math:`1 - \gamma\lambda` per step. Loshchilov and
    Hutter's paper writes the decay as :math:`\eta_t\lambda\theta` with
    :math:`\eta_t` the schedule multiplier only; PyTorch's :math:`\lambda`
    times the base learning rate equals theirs. ``Adam(...,
    decoupled_weight_decay=True)`` computes the same thing.

    References
    ----------
    Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay
    regularization. ICLR. PyTorch documentation, ``torch.optim.AdamW``.

    Examples
    --------
    >>> import numpy as np, wdlib as wd
    >>> w = np.array([1.0]); b = np.array([1.0])
    >>> opt = wd.optim.AdamW([w, b], lr=0.1, weight_decay=0.5,
    ...                      decay_mask=[True, False])
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
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults, decay_mask)

    def _decoupled(self, group: dict[str, Any]) -> bool:
        return True
