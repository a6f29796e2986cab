"""Tests for wdlib.optim against hand-computed steps and independent identities."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd
from wdlib.optim import SGD, Adam, AdamW

# ---------------------------------------------------------------- hand-computed two-step examples
# Scalar parameter theta0 = 1.0, gradients g1 = 0.5 (step 1) and g2 = -0.25 (step 2)
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
    # step 1: g = 0.5 + 0.3 = 0.8; m_hat = 0.8, v_hat = 0.64 -> theta = 1 - 0.1*0.8/(0.8+eps)
    t1 = 1.0 - 0.1 * 0.8 / (0.8 + 1e-8)
    assert t1 == pytest.approx(0.9, abs=1e-8)
    expected = _adam_scalar(THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=False)
    assert expected[0] == t1
    got = _run(Adam, lr=lr, betas=(b1, b2), eps=eps, weight_decay=lam)
    assert got == pytest.approx(expected, abs=1e-14)


def test_adamw_two_steps_by_hand():
    lr, b1, b2, eps, lam = 0.1, 0.9, 0.99, 1e-8, 0.3
    # step 1: decay 1 -> 0.97, then Adam moves by lr*0.5/(0.5+eps)
    t1 = 0.97 - 0.1 * 0.5 / (0.5 + 1e-8)
    expected = _adam_scalar(THETA0, [G1, G2], lr, b1, b2, eps, lam, decoupled=True)
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
        ref = _adam_scalar(w0[idx], [g[idx] for g in grads], 0.05, 0.9, 0.999, 1e-8, 0.1, False)
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
        # gradient of the penalized objective 1/(2n)||y - Xw||^2 + lam/2 ||w||^2, from wdlib.objectives
        g_pen, _ = wd.ridge_gradient(X, y, w_b, 0.0, lam)
        opt_b.step([g_pen])
    np.testing.assert_allclose(w_a, w_b, rtol=1e-12, atol=1e-14)
    # and plain SGD on it converges to the closed-form ridge solution
    w_c = np.zeros(3)
    opt_c = SGD([w_c], lr=0.2, weight_decay=lam)
    for _ in range(2000):
        opt_c.step([-X.T @ (y - X @ w_c) / len(y)])
    closed = np.linalg.solve(X.T @ X / len(y) + lam * np.eye(3), X.T @ y / len(y))
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
    # Adam + L2: the penalty gradient is normalized away, each step moves by ~lr
    # (within 1% of lr * steps: the penalty gradient shrinks with w, so m_hat/sqrt(v_hat) < 1)
    assert w_a[0] == pytest.approx(2.0 - lr * steps, abs=0.01 * lr * steps)
    assert abs(w_w[0] - w_a[0]) > 0.15


def test_adam_l2_decay_independent_of_lambda_for_zero_gradient():
    # the whole point of decoupling: with Adam + L2, wd=1e-4 and wd=1 shrink alike
    finals = []
    for lam in (1e-4, 1.0):
        w = np.array([1.0])
        opt = Adam([w], lr=0.01, weight_decay=lam)
        for _ in range(10):
            opt.step([np.zeros(1)])
        finals.append(float(w[0]))
    # a 10^4-fold change of lambda moves the result by less than 1e-4 (about 0.1% of the 0.1 travelled)
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


# ---------------------------------------------------------------- excluding biases
@pytest.mark.parametrize("cls", [SGD, Adam, AdamW])
def test_decay_mask_and_groups_exclude_biases(cls):
    def make():
        return np.array([1.0, -1.0]), np.array([0.5])

    w1, b1 = make()
    o1 = cls([w1, b1], lr=0.1, weight_decay=0.5, decay_mask=[True, False])
    w2, b2 = make()
    o2 = cls([{"params": [w2]}, {"params": [b2], "weight_decay": 0.0}], lr=0.1, weight_decay=0.5)
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
    for cls in (SGD, Adam, AdamW):
        opt = cls([p], lr=lr, weight_decay=lam) if cls is not SGD else cls([p], lr=lr, momentum=0.5, weight_decay=lam)
        opt.step([g])
        opt.step([g])
        np.testing.assert_array_equal(g, g_copy)


# ---------------------------------------------------------------- validation
def test_errors():
    w = np.zeros(2)
    with pytest.raises(ValueError, match=r"lr must be >= 0; got -0.1"):
        SGD([w], lr=-0.1)
    with pytest.raises(ValueError, match=r"weight_decay must be >= 0; got -1.0"):
        AdamW([w], weight_decay=-1.0)
    with pytest.raises(ValueError, match=r"betas\[1\] must be in \[0, 1\); got 1.0"):
        Adam([w], betas=(0.9, 1.0))
    with pytest.raises(ValueError, match=r"betas\[0\] must be in \[0, 1\); got -0.1"):
        AdamW([w], betas=(-0.1, 0.999))
    with pytest.raises(TypeError, match=r"betas must be a pair"):
        Adam([w], betas=0.9)
    with pytest.raises(ValueError, match=r"eps must be > 0; got 0.0"):
        Adam([w], eps=0.0)
    with pytest.raises(ValueError, match=r"lr must be finite"):
        Adam([w], lr=float("nan"))
    with pytest.raises(TypeError, match=r"lr must be a real number"):
        Adam([w], lr="0.1")
    with pytest.raises(ValueError, match=r"nesterov=True needs momentum > 0"):
        SGD([w], lr=0.1, nesterov=True)
    with pytest.raises(ValueError, match=r"momentum must be >= 0"):
        SGD([w], lr=0.1, momentum=-0.5)


def test_param_errors():
    with pytest.raises(TypeError, match=r"params\[0\] must be a numpy array of floats"):
        SGD([np.array([1, 2])], lr=0.1)
    with pytest.raises(TypeError, match=r"params\[1\] must be a numpy array of floats"):
        SGD([np.zeros(2), [1.0, 2.0]], lr=0.1)
    ro = np.zeros(2)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match=r"params\[0\] is a read-only array"):
        SGD([ro], lr=0.1)
    with pytest.raises(TypeError, match=r"params must be a list"):
        SGD(np.zeros(2), lr=0.1)
    with pytest.raises(ValueError, match=r"params is empty"):
        SGD([], lr=0.1)
    with pytest.raises(ValueError, match=r"decay_mask must be a list of 2 bools"):
        AdamW([np.zeros(2), np.zeros(1)], decay_mask=[True])
    with pytest.raises(ValueError, match=r"unknown option\(s\) \['momentum'\]"):
        Adam([{"params": [np.zeros(2)], "momentum": 0.9}])
    with pytest.raises(ValueError, match=r"decay_mask cannot be combined"):
        Adam([{"params": [np.zeros(2)]}], decay_mask=[True])
    with pytest.raises(ValueError, match=r"no 'params' key"):
        Adam([{"lr": 0.1}])


def test_step_errors():
    opt = Adam([np.zeros(2), np.zeros(3)])
    with pytest.raises(ValueError, match=r"grads must be a list of 2 arrays.*got 1"):
        opt.step([np.zeros(2)])
    with pytest.raises(ValueError, match=r"grads\[1\] has shape \(2,\) but params\[1\] has shape \(3,\)"):
        opt.step([np.zeros(2), np.zeros(2)])


def test_sgd_positional_order_follows_the_book_interface():
    # SGD(params, lr, momentum, weight_decay, nesterov): the fourth positional is the decay
    w = np.array([1.0])
    SGD([w], 0.1, 0.0, 0.5).step([np.zeros(1)])
    assert w[0] == pytest.approx(1.0 - 0.1 * 0.5)
