"""Tests for wdlib.optim against hand-computed steps and independent "
"identities."""

import math
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd
from wdlib.optim import SGD, SGDW, Adam, AdamW

# ---------------------------------------------------------------- hand-
# computed two-step examples
# Scalar parameter theta0 = 1.0, gradients g1 = 0.5 (step 1) and g2 = -0.25
# (step 2)
# of the *loss only*; every expected value below is plain scalar arithmetic.
THETA0, G1, G2 = 1.0, 0.5, -0.25


def _run(opt_cls, **kw):
    p = np.array([THETA0])
    opt = opt_cls([p], **kw)
    opt.step([np.array([G1])])
    first = float(p[0])
    opt.step([np.array([G2])])
    return first, float(p[0])


def test_sgd_plain_two_steps():
    lr = 0.1
    t1 = THETA0 - lr * G1
    t2 = t1 - lr * G2
    assert _run(SGD, lr=lr) == pytest.approx((t1, t2), abs=1e-15)


def test_sgd_momentum_dampening_decay_two_steps():
    lr, mu, tau, lam = 0.1, 0.9, 0.2, 0.3
    g = G1 + lam * THETA0  # 0.8
    b = g  # first step: buffer = gradient (no dampening)
    t1 = THETA0 - lr * b
    g = G2 + lam * t1
    b = mu * b + (1 - tau) * g
    t2 = t1 - lr * b
    got = _run(SGD, lr=lr, momentum=mu, dampening=tau, weight_decay=lam)
    assert got == pytest.approx((t1, t2), abs=1e-15)


def test_sgd_nesterov_two_steps():
    lr, mu, lam = 0.1, 0.9, 0.3
    g = G1 + lam * THETA0
    b = g
    t1 = THETA0 - lr * (g + mu * b)
    g = G2 + lam * t1
    b = mu * b + g
    t2 = t1 - lr * (g + mu * b)
    got = _run(SGD, lr=lr, momentum=mu, weight_decay=lam, nesterov=True)
    assert got == pytest.approx((t1, t2), abs=1e-15)


def _adam_scalar(theta, grads, lr, b1, b2, eps, lam, decoupled):
    m = v = 0.0
    out = []
    for t, g_loss in enumerate(grads, start=1):
        if decoupled:
            theta = theta - lr * lam * theta
            g = g_loss
        else:
            g = g_loss + lam * theta
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        theta = theta - lr * m_hat / (math.sqrt(v_hat) + eps)
        out.append(theta)
    return tuple(out)


def test_adam_two_steps_by_hand():
    lr, b1, b2, eps, lam = 0.1, 0.9, 0.99, 1e-8, 0.3
    # step 1: g = 0.5 + 0.3 = 0.8; m_hat = 0.8, v_hat = 0.64 -> theta = 1 -
    # 0.1*0.8/(0.8+eps)
    t1 = 1.0 - 0.1 * 0.8 / (0.8 + 1e-8)
    assert t1 == pytest.approx(0.9, abs=1e-8)
    expected = _adam_scalar(
        THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=False
    )
    assert expected[0] == t1
    got = _run(Adam, lr=lr, betas=(b1, b2), eps=eps, weight_decay=lam)
    assert got == pytest.approx(expected, abs=1e-14)


def test_adamw_two_steps_by_hand():
    lr, b1, b2, eps, lam = 0.1, 0.9, 0.99, 1e-8, 0.3
    # step 1: decay 1 -> 0.97, then Adam moves by lr*0.5/(0.5+eps)
    t1 = 0.97 - 0.1 * 0.5 / (0.5 + 1e-8)
    expected = _adam_scalar(
        THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=True
    )
    assert expected[0] == pytest.approx(t1, abs=1e-15)
    got = _run(AdamW, lr=lr, betas=(b1, b2), eps=eps, weight_decay=lam)
    assert got == pytest.approx(expected, abs=1e-14)


def test_vector_parameters_update_coordinatewise(rng):
    w = rng.normal(size=(3, 2))
    grads = [rng.normal(size=(3, 2)) for _ in range(2)]
    w0 = w.copy()
    opt = Adam([w], lr=0.05, weight_decay=0.1)
    for g in grads:
        opt.step([g])
    for idx in np.ndindex(w.shape):
        ref = _adam_scalar(
            w0[idx],
            [g[idx] for g in grads],
            0.05,
            0.9,
            0.999,
            1e-8,
            0.1,
            False,
        )
        assert w[idx] == pytest.approx(ref[-1], abs=1e-13)


# ---------------------------------------------------------------- identities
def test_sgd_coupled_decay_equals_sgd_on_l2_penalized_loss(rng):
    X = rng.normal(size=(40, 3))
    y = rng.normal(size=40)
    lam, lr = 0.3, 0.05
    w_a, w_b = np.zeros(3), np.zeros(3)
    opt_a = SGD([w_a], lr=lr, momentum=0.9, weight_decay=lam)
    opt_b = SGD([w_b], lr=lr, momentum=0.9)
    for _ in range(50):
        grad_loss = lambda w: -X.T @ (y - X @ w) / len(y)  # noqa: E731
        opt_a.step([grad_loss(w_a)])
        # gradient of the penalized objective 1/(2n)||y - Xw||^2 + lam/2
        # ||w||^2, from wdlib.objectives
        g_pen, _ = wd.ridge_gradient(X, y, w_b, 0.0, lam)
        opt_b.step([g_pen])
    np.testing.assert_allclose(w_a, w_b, rtol=1e-12, atol=1e-14)
    # and plain SGD on it converges to the closed-form ridge solution
    w_c = np.zeros(3)
    opt_c = SGD([w_c], lr=0.2, weight_decay=lam)
    for _ in range(2000):
        opt_c.step([-X.T @ (y - X @ w_c) / len(y)])
    closed = np.linalg.solve(
        X.T @ X / len(y) + lam * np.eye(3), X.T @ y / len(y)
    )
    np.testing.assert_allclose(w_c, closed, rtol=1e-9)


def test_adamw_shrinks_zero_gradient_weight_geometrically_adam_l2_linearly():
    lr, lam, steps = 0.01, 0.1, 20
    w_w, w_a = np.array([2.0]), np.array([2.0])
    opt_w = AdamW([w_w], lr=lr, weight_decay=lam)
    opt_a = Adam([w_a], lr=lr, weight_decay=lam)
    for _ in range(steps):
        opt_w.step([np.zeros(1)])
        opt_a.step([np.zeros(1)])
    # AdamW: exactly (1 - lr*wd)^t
    assert w_w[0] == pytest.approx(2.0 * (1 - lr * lam) ** steps, rel=1e-14)
    # Adam + L2: the penalty gradient is normalized away, each step moves by
    # ~lr
    # (within 1% of lr * steps: the penalty gradient shrinks with w, so
    # m_hat/sqrt(v_hat) < 1)
    assert w_a[0] == pytest.approx(2.0 - lr * steps, abs=0.01 * lr * steps)
    assert abs(w_w[0] - w_a[0]) > 0.15


def test_adam_l2_decay_independent_of_lambda_for_zero_gradient():
    # the whole point of decoupling: with Adam + L2, wd=1e-4 and wd=1 shrink
    # alike
    finals = []
    for lam in (1e-4, 1.0):
        w = np.array([1.0])
        opt = Adam([w], lr=0.01, weight_decay=lam)
        for _ in range(10):
            opt.step([np.zeros(1)])
        finals.append(float(w[0]))
    # a 10^4-fold change of lambda moves the result by less than 1e-4 (about
    # 0.1% of the 0.1 travelled)
    assert finals[0] == pytest.approx(finals[1], abs=1e-4)
    assert finals[0] == pytest.approx(0.9, abs=1e-3)


def test_adamw_equals_adam_when_no_decay(rng):
    a, b = rng.normal(size=4), None
    b = a.copy()
    oa, ob = Adam([a], lr=0.01), AdamW([b], lr=0.01, weight_decay=0.0)
    for _ in range(5):
        g = rng.normal(size=4)
        oa.step([g])
        ob.step([g])
    np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------- excluding
# biases
@pytest.mark.parametrize("cls", [SGD, SGDW, Adam, AdamW])
def test_decay_mask_and_groups_exclude_biases(cls):
    def make():
        return np.array([1.0, -1.0]), np.array([0.5])

    w1, b1 = make()
    o1 = cls([w1, b1], lr=0.1, weight_decay=0.5, decay_mask=[True, False])
    w2, b2 = make()
    o2 = cls(
        [{"params": [w2]}, {"params": [b2], "weight_decay": 0.0}],
        lr=0.1,
        weight_decay=0.5,
    )
    w3, b3 = make()
    o3 = cls([w3, b3], lr=0.1, weight_decay=0.0)
    for _ in range(3):
        gw, gb = np.array([0.2, 0.1]), np.array([0.3])
        o1.step([gw, gb])
        o2.step([gw, gb])
        o3.step([gw, gb])
    np.testing.assert_array_equal(w1, w2)
    np.testing.assert_array_equal(b1, b2)
    # the bias follows the undecayed trajectory exactly, the weights do not
    np.testing.assert_array_equal(b1, b3)
    assert not np.allclose(w1, w3)


def test_group_lr_can_be_scheduled():
    w = np.array([1.0])
    opt = SGD([w], lr=0.1)
    opt.param_groups[0]["lr"] = 0.5
    opt.step([np.array([1.0])])
    assert w[0] == pytest.approx(0.5)


@settings(max_examples=30, deadline=None)
@given(
    st.floats(1e-4, 0.5),
    st.floats(0.0, 0.9),
    st.lists(st.floats(-10, 10), min_size=3, max_size=3),
)
def test_grads_are_not_modified(lr, lam, values):
    p = np.array([1.0, 2.0, 3.0])
    g = np.array(values)
    g_copy = g.copy()
    for cls in (SGD, SGDW, Adam, AdamW):
        if cls in (SGD, SGDW):
            opt = cls([p], lr=lr, momentum=0.5, weight_decay=lam)
        else:
            opt = cls([p], lr=lr, weight_decay=lam)
        opt.step([g])
        opt.step([g])
        np.testing.assert_array_equal(g, g_copy)


# ---------------------------------------------------------------- validation
def test_errors():
    w = np.zeros(2)
    with pytest.raises(ValueError, match=r"lr must be >= 0; got -0.1"):
        SGD([w], lr=-0.1)
    with pytest.raises(
        ValueError, match=r"weight_decay must be >= 0; got -1.0"
    ):
        AdamW([w], weight_decay=-1.0)
    with pytest.raises(
        ValueError, match=r"betas\[1\] must be in \[0, 1\); got 1.0"
    ):
        Adam([w], betas=(0.9, 1.0))
    with pytest.raises(
        ValueError, match=r"betas\[0\] must be in \[0, 1\); got -0.1"
    ):
        AdamW([w], betas=(-0.1, 0.999))
    with pytest.raises(TypeError, match=r"betas must be a pair"):
        Adam([w], betas=0.9)
    with pytest.raises(ValueError, match=r"eps must be > 0; got 0.0"):
        Adam([w], eps=0.0)
    with pytest.raises(
        ValueError,
        match=(r"lr must be a finite number; got nan\. Pass a finite"),
    ):
        Adam([w], lr=float("nan"))
    with pytest.raises(
        TypeError, match=r"lr must be a real number; got '0.1'\. Pass a float"
    ):
        Adam([w], lr="0.1")
    with pytest.raises(
        ValueError,
        match=r"nesterov=True needs momentum > 0 and dampening = 0; got "
        r"momentum=0.0, dampening=0.0\. Set e.g. momentum=0.9",
    ):
        SGD([w], lr=0.1, nesterov=True)
    with pytest.raises(
        ValueError, match=r"nesterov=True needs .* dampening=0.5"
    ):
        SGD([w], lr=0.1, momentum=0.9, dampening=0.5, nesterov=True)
    with pytest.raises(
        ValueError,
        match=(r"momentum must be >= 0; got -0.5\. Pass a non-negative"),
    ):
        SGD([w], lr=0.1, momentum=-0.5)
    with pytest.raises(ValueError, match=r"momentum must be >= 0; got -0.5"):
        SGDW([w], lr=0.1, momentum=-0.5)
    with pytest.raises(
        ValueError, match=r"weight_decay must be >= 0; got -0.1"
    ):
        SGDW([w], 0.1, 0.0, -0.1)


def test_param_errors():
    with pytest.raises(
        TypeError, match=r"params\[0\] must be a numpy array of floats"
    ):
        SGD([np.array([1, 2])], lr=0.1)
    with pytest.raises(
        TypeError, match=r"params\[1\] must be a numpy array of floats"
    ):
        SGD([np.zeros(2), [1.0, 2.0]], lr=0.1)
    ro = np.zeros(2)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match=r"params\[0\] is a read-only array"):
        SGD([ro], lr=0.1)
    with pytest.raises(TypeError, match=r"params must be a list"):
        SGD(np.zeros(2), lr=0.1)
    with pytest.raises(
        ValueError,
        match=(r"params must hold at least one array; got an empty list"),
    ):
        SGD([], lr=0.1)
    with pytest.raises(
        ValueError, match=r"decay_mask must be a list of 2 bools"
    ):
        AdamW([np.zeros(2), np.zeros(1)], decay_mask=[True])
    with pytest.raises(
        ValueError, match=r"unknown option\(s\) \['momentum'\]"
    ):
        Adam([{"params": [np.zeros(2)], "momentum": 0.9}])
    with pytest.raises(ValueError, match=r"decay_mask cannot be combined"):
        Adam([{"params": [np.zeros(2)]}], decay_mask=[True])
    with pytest.raises(
        ValueError,
        match=(r"group 0 must have a 'params' key; got keys \['lr'\]"),
    ):
        Adam([{"lr": 0.1}])
    with pytest.raises(
        ValueError, match=r"unknown option\(s\) \['nesterov'\]"
    ):
        SGDW([{"params": [np.zeros(2)], "nesterov": True}], lr=0.1)
    with pytest.raises(
        TypeError,
        match=(r"params must be either a list of arrays or .* got a mix"),
    ):
        SGD([np.zeros(2), {"params": [np.zeros(1)]}], lr=0.1)


def test_step_errors():
    opt = Adam([np.zeros(2), np.zeros(3)])
    with pytest.raises(
        ValueError, match=r"grads must be a list of 2 arrays.*got 1"
    ):
        opt.step([np.zeros(2)])
    with pytest.raises(
        ValueError,
        match=r"grads\[1\] has shape \(2,\) but params\[1\] has shape \(3,\)",
    ):
        opt.step([np.zeros(2), np.zeros(2)])


def test_sgd_positional_order_follows_the_book_interface():
    # SGD(params, lr, momentum, weight_decay, nesterov): the fourth positional
    # is the decay
    w = np.array([1.0])
    SGD([w], 0.1, 0.0, 0.5).step([np.zeros(1)])
    assert w[0] == pytest.approx(1.0 - 0.1 * 0.5)


# ---------------------------------------------------------------- SGDW
def _sgdw_fraction(theta, grads, lr, mu, lam):
    """SGDW in exact rational arithmetic: decay by lr*lam, then heavy ball."""
    out, buf = [], None
    for g in grads:
        buf = g if buf is None else mu * buf + g
        theta = theta - lr * lam * theta - lr * buf
        out.append(theta)
    return out


def test_sgdw_three_steps_by_hand_in_fractions():
    lr, mu, lam = Fraction(1, 10), Fraction(9, 10), Fraction(1, 2)
    grads = [Fraction(1, 2), Fraction(-1, 4), Fraction(1, 8)]
    # by hand: lr*lam = 1/20
    # t=1: b = 1/2;             theta = 19/20 * 1      - 1/20   = 9/10
    # t=2: b = 9/20 - 1/4 = 1/5; theta = 19/20 * 9/10  - 1/50   = 167/200
    # t=3: b = 9/50 + 1/8 = 61/200; theta = 19/20 * 167/200 - 61/2000
    expected = [Fraction(9, 10), Fraction(167, 200), Fraction(3051, 4000)]
    assert _sgdw_fraction(Fraction(1), grads, lr, mu, lam) == expected
    p = np.array([1.0])
    opt = SGDW([p], 0.1, 0.9, 0.5)  # positional: lr, momentum, weight_decay
    for g, want in zip(grads, expected):
        opt.step([np.array([float(g)])])
        assert p[0] == pytest.approx(float(want), abs=1e-15)


def test_sgdw_without_momentum_is_sgd_with_coupled_decay(rng):
    # (1 - lr*wd) w - lr g  =  w - lr (g + wd w): the same update, so the
    # trajectories agree to rounding, and both match SGD on the L2 loss
    X = rng.normal(size=(30, 4))
    y = rng.normal(size=30)
    lr, lam = 0.1, 0.3
    w_a, w_b, w_c = np.zeros(4), np.zeros(4), np.zeros(4)
    opt_a = SGDW([w_a], lr, weight_decay=lam)
    opt_b = SGD([w_b], lr, weight_decay=lam)
    opt_c = SGD([w_c], lr)
    for _ in range(1000):
        opt_a.step([-X.T @ (y - X @ w_a) / len(y)])
        opt_b.step([-X.T @ (y - X @ w_b) / len(y)])
        # gradient of 1/(2n)||y - Xw||^2 + lam/2 ||w||^2 from wdlib.objectives
        opt_c.step([wd.ridge_gradient(X, y, w_c, 0.0, lam)[0]])
    np.testing.assert_allclose(w_a, w_b, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(w_a, w_c, rtol=1e-13, atol=1e-15)
    # both converge to the ridge solution (X'X/n + lam I) w = X'y/n
    closed = np.linalg.lstsq(
        np.vstack([X / np.sqrt(len(y)), np.sqrt(lam) * np.eye(4)]),
        np.concatenate([y / np.sqrt(len(y)), np.zeros(4)]),
        rcond=None,
    )[0]
    np.testing.assert_allclose(w_a, closed, rtol=1e-6)


def test_sgdw_with_momentum_differs_from_sgd_by_lr_mu_wd_theta0():
    # by hand, with theta0, g1, g2:
    #   SGD:  b2 = mu (g1 + wd theta0) + g2 + wd theta1
    #   SGDW: b2 = mu g1 + g2, and theta1 is decayed by lr wd theta1 directly
    # step 1 agrees; at step 2 SGDW - SGD = lr * mu * wd * theta0
    lr, mu, lam = 0.1, 0.9, 0.5
    got = {}
    for cls in (SGD, SGDW):
        p = np.array([1.0])
        opt = cls([p], lr, mu, lam)
        opt.step([np.array([0.5])])
        first = float(p[0])
        opt.step([np.array([-0.25])])
        got[cls] = (first, float(p[0]))
    assert got[SGD][0] == pytest.approx(got[SGDW][0], abs=1e-15)
    assert got[SGD][0] == pytest.approx(0.9, abs=1e-15)
    assert got[SGDW][1] - got[SGD][1] == pytest.approx(
        lr * mu * lam * 1.0, abs=1e-15
    )
    assert got[SGDW][1] == pytest.approx(167 / 200, abs=1e-15)


def _loshchilov_hutter_sgdw(theta, grads, alpha, beta1, lam_lh, etas):
    """Algorithm 1 of Loshchilov & Hutter (2019), SGDW, as printed."""
    m = np.zeros_like(theta)
    for g, eta in zip(grads, etas):
        m = beta1 * m + eta * alpha * g
        theta = theta - m - eta * lam_lh * theta
    return theta


@pytest.mark.parametrize(
    "mu, etas",
    [
        (0.0, [1.0, 0.5, 0.25, 0.8, 0.1]),  # any schedule without momentum
        (0.9, [0.7] * 5),  # constant schedule with momentum
    ],
    ids=["no-momentum-schedule", "momentum-constant"],
)
def test_sgdw_equals_paper_algorithm_with_lambda_alpha_times_wd(mu, etas, rng):
    alpha, lam = 0.2, 0.3
    theta0 = rng.normal(size=3)
    grads = [rng.normal(size=3) for _ in etas]
    ref = _loshchilov_hutter_sgdw(theta0, grads, alpha, mu, alpha * lam, etas)
    p = theta0.copy()
    opt = SGDW([p], alpha, mu, lam)
    for g, eta in zip(grads, etas):
        opt.param_groups[0]["lr"] = alpha * eta  # what a schedule does
        opt.step([g])
    np.testing.assert_allclose(p, ref, rtol=1e-13, atol=1e-15)


def test_sgdw_momentum_under_a_schedule_follows_pytorch_not_the_paper(rng):
    # documented difference: our buffer is scaled by the current lr
    alpha, lam, mu, etas = 0.2, 0.3, 0.9, [1.0, 0.2]
    theta0 = np.array([1.0])
    grads = [np.array([0.5]), np.array([0.5])]
    ref = _loshchilov_hutter_sgdw(theta0, grads, alpha, mu, alpha * lam, etas)
    p = theta0.copy()
    opt = SGDW([p], alpha, mu, lam)
    for g, eta in zip(grads, etas):
        opt.param_groups[0]["lr"] = alpha * eta
        opt.step([g])
    # paper: m2 = 0.9 * 0.1 + 0.04 * 0.5; ours: lr2 * b2 = 0.04 * (0.45 + 0.5)
    assert p[0] - ref[0] == pytest.approx(0.9 * 0.1 - 0.04 * 0.45, abs=1e-15)


# ------------------------------------- Adam(decoupled_weight_decay=True)
def test_adam_decoupled_equals_adamw_bit_for_bit(rng):
    def make():
        r = np.random.default_rng(3)
        return [r.normal(size=(3, 2)), r.normal(size=2), r.normal(size=1)]

    pa, pw = make(), make()
    kw = dict(
        lr=0.05,
        betas=(0.8, 0.99),
        eps=1e-6,
        weight_decay=0.2,
        decay_mask=[True, False, True],
    )
    oa = Adam(pa, decoupled_weight_decay=True, **kw)
    ow = AdamW(pw, **kw)
    for t in range(30):
        grads = [rng.normal(size=p.shape) for p in pa]
        for o in (oa, ow):
            for g in o.param_groups:
                g["lr"] = 0.05 * (1 - t / 30)  # a schedule changes lr too
            o.step(grads)
    for a, w in zip(pa, pw):
        np.testing.assert_array_equal(a, w)


def test_adam_decoupled_two_steps_by_hand():
    lr, b1, b2, eps, lam = 0.1, 0.9, 0.99, 1e-8, 0.3
    # step 1: decay 1 -> 0.97, then Adam moves by lr*0.5/(0.5+eps)
    expected = _adam_scalar(
        THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=True
    )
    first = 0.97 - 0.1 * 0.5 / (0.5 + 1e-8)
    assert expected[0] == pytest.approx(first, abs=1e-15)
    got = _run(
        Adam,
        lr=lr,
        betas=(b1, b2),
        eps=eps,
        weight_decay=lam,
        decoupled_weight_decay=True,
    )
    assert got == pytest.approx(expected, abs=1e-14)
    # and the default stays coupled
    coupled = _adam_scalar(
        THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=False
    )
    got = _run(Adam, lr=lr, betas=(b1, b2), eps=eps, weight_decay=lam)
    assert got == pytest.approx(coupled, abs=1e-14)


def test_flags_must_be_bools():
    w = np.zeros(2)
    with pytest.raises(
        TypeError,
        match=r"nesterov must be True or False; got 'False'\. Pass a bool",
    ):
        SGD([w], lr=0.1, momentum=0.9, nesterov="False")
    with pytest.raises(
        TypeError,
        match=r"decoupled_weight_decay must be True or False; got 1\. "
        r"Pass a bool",
    ):
        Adam([w], decoupled_weight_decay=1)
    with pytest.raises(
        TypeError, match=r"decoupled_weight_decay must be True or False"
    ):
        Adam([{"params": [w], "decoupled_weight_decay": "yes"}])


def test_adamw_rejects_the_decoupled_option():
    # AdamW is always decoupled; the option belongs to Adam only
    with pytest.raises(
        TypeError,
        match=(r"unexpected keyword argument 'decoupled_weight_decay'"),
    ):
        AdamW([np.zeros(1)], decoupled_weight_decay=False)


# ----------------------------------------------- non-finite parameters
def _all_optimizers():
    return [
        lambda p: SGD(p, lr=1.0),
        lambda p: SGD(p, lr=1.0, momentum=0.9, weight_decay=0.1),
        lambda p: SGDW(p, lr=1.0, momentum=0.9, weight_decay=0.1),
        lambda p: Adam(p, lr=1.0),
        lambda p: AdamW(p, lr=1.0),
    ]


@pytest.mark.parametrize(
    "make", _all_optimizers(), ids=["sgd", "sgd-mom", "sgdw", "adam", "adamw"]
)
def test_nan_gradient_warns_once_naming_the_gradient(make):
    p = np.array([1.0, 2.0])
    opt = make([p])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        opt.step([np.array([0.5, 0.5])])
        for _ in range(3):
            opt.step([np.array([np.nan, 0.5])])
    assert [type(w.message) for w in caught] == [wd.ConvergenceWarning]
    assert issubclass(wd.ConvergenceWarning, UserWarning)
    message = str(caught[0].message)
    assert "params[0] stopped being finite at step 2" in message
    assert "grads[0] itself holds NaN or inf" in message
    assert caught[0].filename == __file__  # points at the caller of step


def test_divergence_warns_once_and_suggests_lower_lr():
    # finite gradients, but 1e308 + 1e308 overflows the float64 range
    w = np.array([1e308])
    opt = SGD([w], lr=1.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(5):
            opt.step([np.array([-1e308])])
    assert len(caught) == 1 and caught[0].category is wd.ConvergenceWarning
    assert not np.isfinite(w[0])
    assert re.search(
        r"params\[0\] stopped being finite at step 1 .*diverged: lower lr "
        r"\(now 1\)",
        str(caught[0].message),
    )


def test_finite_steps_do_not_warn(rng):
    p = rng.normal(size=5)
    opt = Adam([p], lr=0.1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(20):
            opt.step([rng.normal(size=5)])


def test_non_finite_initial_parameters_rejected():
    with pytest.raises(
        ValueError,
        match=r"params\[1\] must contain only finite numbers; got 1 NaN or "
        r"infinite value\(s\)\. Initialize",
    ):
        SGD([np.zeros(1), np.array([0.0, np.inf])], lr=0.1)


def test_gradient_input_errors():
    opt = SGD([np.zeros(2)], lr=0.1)
    with pytest.raises(
        TypeError, match=r"grads\[0\] must be real; got .*complex"
    ):
        opt.step([np.array([1 + 1j, 0])])
    with pytest.raises(
        TypeError, match=r"grads\[0\] must be a numeric array-like; got .*text"
    ):
        opt.step([["a", "b"]])
    opt.step([[1.0, 2.0]])  # a list is an array-like
    np.testing.assert_allclose(opt.param_groups[0]["params"][0], [-0.1, -0.2])


def test_duplicate_parameter_rejected():
    w = np.zeros(2)
    with pytest.raises(
        ValueError, match=r"params\[1\] is an array already passed"
    ):
        SGD([w, w], lr=0.1)
    with pytest.raises(
        ValueError, match=r"params\[1\] is an array already passed"
    ):
        Adam([{"params": [w]}, {"params": [w], "weight_decay": 0.0}])


# ---------------------------------------------------------------- float16
def _adam_float16_reference(grads, lr, eps):
    # float64 arithmetic on Python floats, the parameter rounded to
    # float16 after every step (what storing it in float16 forces)
    theta, m, v, out = 1.0, 0.0, 0.0, []
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        step = lr * m_hat / (math.sqrt(v_hat) + eps)
        theta = float(np.float16(theta - step))
        out.append(theta)
    return out


def test_float16_adam_with_default_eps_stays_finite_and_correct():
    assert np.float16(1e-8) == 0  # why float16 arithmetic cannot be used
    grads = [0.0, 1e-4, -3e-4, 2e-3, 0.0]
    ref = _adam_float16_reference(grads, 1e-2, 1e-8)
    p = np.ones(1, dtype=np.float16)
    opt = Adam([p], lr=1e-2)
    for g, want in zip(grads, ref):
        opt.step([np.array([g], dtype=np.float16)])
        assert p.dtype == np.float16 and np.isfinite(p[0])
        # within one float16 spacing (the state is float32 here, float64 there)
        assert abs(float(p[0]) - want) <= np.spacing(np.float16(want))
    assert ref[0] == 1.0 and ref[1] < 1.0  # zero gradient: no move


@pytest.mark.parametrize("cls", [SGD, SGDW, AdamW])
def test_float16_matches_float32_rounded(cls):
    # float16 storage, float32 arithmetic: one step from float16 values is
    # the float32 step rounded to float16
    p16 = np.array([0.5, -1.25, 3.0], dtype=np.float16)
    p32 = p16.astype(np.float32)
    g = np.array([1e-3, -2e-2, 0.5], dtype=np.float32)
    kw = dict(lr=0.01, weight_decay=0.1)
    cls([p16], **kw).step([g])
    cls([p32], **kw).step([g])
    np.testing.assert_array_equal(p16, p32.astype(np.float16))


def test_adam_moments_match_the_update_written_out(rng):
    # Kingma and Ba's moment update and bias correction, written out with
    # fresh arrays (no in-place arithmetic), must agree bit for bit.
    from wdlib.optim import _adam_moments

    g = rng.normal(size=(3, 4))
    m0, v0 = rng.normal(size=(3, 4)), rng.uniform(size=(3, 4))
    m, v = m0.copy(), v0.copy()
    m_hat, v_hat = _adam_moments(m, v, g, 0.9, 0.999, 3)
    m_ref = m0 * 0.9 + (1 - 0.9) * g
    v_ref = v0 * 0.999 + (1 - 0.999) * g * g
    np.testing.assert_array_equal(m, m_ref)
    np.testing.assert_array_equal(v, v_ref)
    np.testing.assert_array_equal(m_hat, m_ref / (1 - 0.9**3))
    np.testing.assert_array_equal(v_hat, v_ref / (1 - 0.999**3))
