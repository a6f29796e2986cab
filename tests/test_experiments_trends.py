"""Chapter 5's batched network, batched optimizers and figures.

References are independent of the code under test: central finite
differences for the backward pass, the single-run optimizers of
:mod:`wdlib.optim` (themselves checked against PyTorch's documented rules)
and hand-computed updates for the batched steps, and the input arrays for
the figures.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

import wdlib as wd
from wdlib.experiments import trends


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def _fd_grads(params, X, y, eps, h=1e-6):
    out = []
    for i, p in enumerate(params):
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            up = [a.copy() for a in params]
            dn = [a.copy() for a in params]
            up[i][idx] += h
            dn[i][idx] -= h
            lu = trends.ln_mlp_loss_and_grads(up, X, y, eps=eps)[0].sum()
            ld = trends.ln_mlp_loss_and_grads(dn, X, y, eps=eps)[0].sum()
            g[idx] = (lu - ld) / (2 * h)
        out.append(g)
    return out


@pytest.mark.parametrize("shared_batch", [True, False])
@pytest.mark.parametrize("eps", [1e-5, 0.0])
def test_backward_pass_matches_finite_differences(rng, shared_batch, eps):
    params = trends.init_ln_mlp(2, 3, 5, seed=1)
    params[1] += rng.normal(scale=0.3, size=params[1].shape)  # gain != 1
    params[2] += rng.normal(scale=0.3, size=params[2].shape)
    shape = (7, 3) if shared_batch else (2, 7, 3)
    X = rng.normal(size=shape)
    y = (rng.random(shape[:-1]) < 0.5).astype(float)
    _, grads = trends.ln_mlp_loss_and_grads(params, X, y, eps=eps)
    for g, ref in zip(grads, _fd_grads(params, X, y, eps)):
        np.testing.assert_allclose(g, ref, rtol=1e-5, atol=1e-8)


def test_loss_is_the_mean_logistic_loss_of_each_run(rng):
    params = trends.init_ln_mlp(3, 4, 6, seed=2)
    X = rng.normal(size=(3, 9, 4))
    y = (rng.random((3, 9)) < 0.5).astype(float)
    loss, _ = trends.ln_mlp_loss_and_grads(params, X, y)
    for r in range(3):  # one run at a time, written out with a loop
        W1, g, beta, w2, c = (p[r] for p in params)
        A = X[r] @ W1.T
        U = (A - A.mean(1, keepdims=True)) / np.sqrt(
            A.var(1, keepdims=True) + 1e-5
        )
        z = np.maximum(g * U + beta, 0) @ w2 + c
        ref = np.mean(np.log1p(np.exp(z)) - y[r] * z)
        assert loss[r] == pytest.approx(ref, rel=1e-12)


def test_first_layer_is_scale_invariant_and_the_gain_is_not(rng):
    params = trends.init_ln_mlp(2, 4, 6, seed=3)
    X = rng.normal(size=(10, 4))
    z = trends.ln_mlp_logits(params, X, eps=0.0)
    scaled = [params[0] * 3.0] + params[1:]
    np.testing.assert_allclose(
        trends.ln_mlp_logits(scaled, X, eps=0.0), z, rtol=1e-12, atol=1e-12
    )
    gain = [params[0], params[1] * 3.0] + params[2:]
    assert np.abs(trends.ln_mlp_logits(gain, X, eps=0.0) - z).max() > 0.1
    _, grads = trends.ln_mlp_loss_and_grads(
        params, X, np.arange(10) % 2, eps=0.0
    )
    inner = np.einsum("rkd,rkd->r", grads[0], params[0])
    np.testing.assert_allclose(inner, 0.0, atol=1e-12)


def test_init_shapes_and_seed():
    a = trends.init_ln_mlp(4, 3, 5, seed=7)
    b = trends.init_ln_mlp(4, 3, 5, seed=7)
    assert [p.shape for p in a] == [(4, 5, 3), (4, 5), (4, 5), (4, 5), (4,)]
    for p, q in zip(a, b):
        np.testing.assert_array_equal(p, q)
    np.testing.assert_array_equal(a[1], 1.0)


_OPTIMIZERS = {
    "SGD": wd.optim.SGD,
    "SGDW": wd.optim.SGDW,
    "Adam": wd.optim.Adam,
    "AdamW": wd.optim.AdamW,
}


@pytest.mark.parametrize("kind", list(_OPTIMIZERS))
def test_batched_step_equals_wdlib_optim_run_by_run(rng, kind):
    lrs, lams = np.array([0.05, 0.01, 0.2]), np.array([0.3, 0.0, 1.0])
    mask = [True, False, False, True, False]
    batched = trends.init_ln_mlp(3, 4, 6, seed=4)
    singles, opts = [], []
    for r in range(3):
        p = [a[r : r + 1].copy() for a in batched]
        extra = {"momentum": 0.9} if kind.startswith("SGD") else {}
        opts.append(
            _OPTIMIZERS[kind](
                p, lr=lrs[r], weight_decay=lams[r], decay_mask=mask, **extra
            )
        )
        singles.append(p)
    state = {}
    for _ in range(15):
        X = rng.normal(size=(8, 4))
        y = (rng.random(8) < 0.5).astype(float)
        _, g = trends.ln_mlp_loss_and_grads(batched, X, y)
        trends.batched_step(kind, batched, g, state, lrs, lams, mask)
        for p, opt in zip(singles, opts):
            opt.step(trends.ln_mlp_loss_and_grads(p, X, y)[1])
    for r in range(3):
        for a, b in zip(batched, singles[r]):
            np.testing.assert_allclose(a[r], b[0], rtol=1e-10, atol=1e-13)


def test_batched_sgd_and_sgdw_by_hand():
    # theta = 1, gradient 0 then 1, lr 0.1, decay 0.5, momentum 0.9
    for kind, expected in (
        ("SGDW", [0.95 * 0.95 - 0.1]),
        # SGD: b1 = 0.5; theta1 = 0.95;
        # b2 = 0.9*0.5 + (1 + 0.5*0.95); theta2 = .95-.1 b2
        ("SGD", [0.95 - 0.1 * (0.45 + 1.475)]),
    ):
        p, state = [np.ones((1, 1))], {}
        for g in (0.0, 1.0):
            trends.batched_step(
                kind,
                p,
                [np.full((1, 1), g)],
                state,
                np.array([0.1]),
                np.array([0.5]),
                [True],
            )
        np.testing.assert_allclose(p[0].ravel(), expected, rtol=1e-14)


def test_batched_adamw_first_step_by_hand():
    # first Adam step is lr * sign(g) (m_hat/sqrt(v_hat) = g/|g|)
    p, state = [np.array([[2.0, -1.0]])], {}
    trends.batched_step(
        "AdamW",
        p,
        [np.array([[0.5, -3.0]])],
        state,
        np.array([0.1]),
        np.array([0.5]),
        [True],
        eps=0.0,
    )
    np.testing.assert_allclose(
        p[0], [[2.0 * 0.95 - 0.1, -0.95 + 0.1]], rtol=1e-14
    )


def test_batched_step_masks_and_rejects_unknown_kind():
    p, state = [np.ones((2, 1)), np.ones((2, 1))], {}
    trends.batched_step(
        "AdamW",
        p,
        [np.zeros((2, 1))] * 2,
        state,
        np.full(2, 0.1),
        np.full(2, 1.0),
        [True, False],
    )
    np.testing.assert_allclose(p[0], 0.9)
    np.testing.assert_allclose(p[1], 1.0)
    with pytest.raises(ValueError, match=r"kind must be one of .*'sgd'"):
        trends.batched_step(
            "sgd",
            p,
            [np.zeros((2, 1))] * 2,
            {},
            np.full(2, 0.1),
            np.full(2, 1.0),
            [True, True],
        )


@pytest.mark.parametrize("product", [False, True])
def test_heatmap_marks_each_rows_best_decay(product):
    lrs, decays = np.array([0.01, 0.1, 1.0]), np.array([0.1, 1.0])
    err = np.array([[0.2, 0.1], [0.3, 0.4], [0.5, 0.25]])
    ax = trends.plot_grid_heatmap(
        err, lrs, decays, product=product, ax=Figure().subplots()
    )
    x, y = ax.lines[0].get_data()
    best = decays[[1, 0, 1]]
    np.testing.assert_allclose(x, best * lrs if product else best)
    np.testing.assert_allclose(y, lrs)
    mesh = ax.collections[0]
    np.testing.assert_allclose(mesh.get_array().ravel(), 100 * err.ravel())
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"


def test_decay_share_plots_the_ratio():
    t = trends.TimingResult(
        np.array([10, 100]),
        np.array([5, 50]),
        with_decay=np.ones((2, 2)),
        without_decay=np.array([[1.0, 2.0], [4.0, 8.0]]),
        decay_only=np.array([0.1, 0.2]),
    )
    ax = trends.plot_decay_share(t, ax=Figure().subplots())
    for j, line in enumerate(ax.lines):
        x, y = line.get_data()
        np.testing.assert_allclose(x, [10, 100])
        np.testing.assert_allclose(
            y, 100 * t.decay_only[j] / t.without_decay[:, j]
        )
    assert [tx.get_text() for tx in ax.get_legend().get_texts()] == [
        "d = 5",
        "d = 50",
    ]
