"""Tests for wdlib.models: backprop against finite differences, streaming, "
"training."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd
from wdlib.models import (
    MLP,
    LogisticModel,
    ScaleInvariantLinear,
    iter_minibatches,
    make_linear_teacher,
    save_memmap,
    train,
)
from wdlib.experiments import trends
from wdlib.experiments.trends import sweep_lr_decay


def _bce(z, y):
    # independent reference: the logistic loss written with log-sigmoids
    p = 1.0 / (1.0 + np.exp(-z))
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def _numeric_grads(model, X, y, h=1e-6):
    out = []
    for p in model.params:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + h
            f_plus = model.loss(X, y)
            p[idx] = old - h
            f_minus = model.loss(X, y)
            p[idx] = old
            g[idx] = (f_plus - f_minus) / (2 * h)
        out.append(g)
    return out


def _randomize(model, rng):
    for p in model.params:
        p[...] = rng.normal(size=p.shape)


@pytest.mark.parametrize(
    "make",
    [
        lambda: LogisticModel(4),
        lambda: MLP(4, 3, seed=1),
        lambda: ScaleInvariantLinear(4, gain=2.0, seed=1),
    ],
    ids=["logreg", "mlp", "scale-invariant"],
)
def test_backprop_matches_finite_differences(make, rng):
    model = make()
    _randomize(model, rng)
    X = rng.normal(size=(7, 4))
    y = (rng.random(7) < 0.5).astype(float)
    loss, grads = model.loss_and_grads(X, y)
    assert loss == pytest.approx(_bce(model.logits(X), y), rel=1e-12)
    numeric = _numeric_grads(model, X, y)
    assert len(grads) == len(model.params)
    for g, g_num, p in zip(grads, numeric, model.params):
        assert g.shape == p.shape
        np.testing.assert_allclose(g, g_num, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("opt_cls", [wd.optim.SGD, wd.optim.SGDW])
def test_logistic_model_matches_sklearn_unpenalized_limit(opt_cls, rng):
    # gradient descent with tiny decay on separable-free data approaches
    # sklearn's fit; SGDW without momentum has the same fixed point
    # lam * w + grad = 0
    from sklearn.linear_model import LogisticRegression as SkLR

    X, y = make_linear_teacher(300, 3, n_informative=3, flip=0.2, seed=3)
    lam = 0.01
    model = LogisticModel(3)
    opt = opt_cls(
        model.params, lr=1.0, weight_decay=lam, decay_mask=model.decay_mask
    )
    for _ in range(3000):
        opt.step(model.loss_and_grads(X, y)[1])
    # mean loss + lam/2 ||w||^2  <=>  sklearn C = 1 / (n * lam)
    ref = SkLR(C=1.0 / (len(y) * lam), tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(
        model.params[0], ref.coef_.ravel(), rtol=1e-5, atol=1e-7
    )
    assert model.params[1][0] == pytest.approx(ref.intercept_[0], abs=1e-6)


def test_scale_invariant_gradient_is_orthogonal_and_scales_inversely(rng):
    model = ScaleInvariantLinear(5, seed=2)
    X = rng.normal(size=(20, 5))
    y = (rng.random(20) < 0.5).astype(float)
    _, (g1, _) = model.loss_and_grads(X, y)
    assert (
        abs(g1 @ model.params[0])
        < 1e-12 * np.linalg.norm(g1) * np.linalg.norm(model.params[0]) + 1e-15
    )
    model.params[0] *= 4.0
    _, (g4, _) = model.loss_and_grads(X, y)
    np.testing.assert_allclose(g4, g1 / 4.0, rtol=1e-12)


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(1, 40),
    batch=st.integers(1, 9),
    chunk=st.one_of(st.none(), st.integers(1, 15)),
    seed=st.integers(0, 3),
)
def test_minibatches_cover_every_row_once(n, batch, chunk, seed):
    X = np.arange(2.0 * n).reshape(n, 2)
    y = np.arange(float(n))
    seen = []
    for Xb, yb in iter_minibatches(
        X, y, batch, chunk_size=chunk, rng=np.random.default_rng(seed)
    ):
        assert 1 <= len(yb) <= batch
        np.testing.assert_array_equal(
            Xb[:, 0], 2 * yb
        )  # rows stay paired with labels
        seen.extend(yb.tolist())
    assert sorted(seen) == list(range(n))


def test_memmap_streaming_trains_identically_to_in_memory(tmp_path):
    X, y = make_linear_teacher(500, 6, seed=4)
    Xm, ym = save_memmap(tmp_path, X, y)
    assert isinstance(Xm, np.memmap)
    results = []
    for data in ((X, y), (Xm, ym)):
        model = MLP(6, 5, seed=0)
        opt = wd.optim.AdamW(
            model.params,
            lr=0.01,
            weight_decay=0.1,
            decay_mask=model.decay_mask,
        )
        res = train(
            model, opt, *data, epochs=3, batch_size=32, chunk_size=100, seed=7
        )
        results.append((res, [p.copy() for p in model.params]))
    (r1, p1), (r2, p2) = results
    assert (
        r1.n_steps == r2.n_steps == 3 * 5 * 4
    )  # 5 chunks of 100 rows -> 4 batches each
    for a, b in zip(p1, p2):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(r1.train_loss, r2.train_loss)


def test_training_learns_and_schedule_sets_lr():
    X, y = make_linear_teacher(1200, 10, flip=0.05, seed=5)
    model = MLP(10, 8, seed=0)
    opt = wd.optim.SGD(
        model.params, lr=0.5, momentum=0.9, decay_mask=model.decay_mask
    )
    res = train(
        model,
        opt,
        X[:1000],
        y[:1000],
        epochs=10,
        batch_size=50,
        lr_schedule=lambda p: 1.0 - p,
        X_test=X[1000:],
        y_test=y[1000:],
    )
    assert res.test_error[-1] < 0.15  # Bayes error is 0.05; chance is 0.5
    assert res.train_loss[-1] < res.train_loss[0]
    # last step's lr = 0.5 * (1 - 199/200)
    assert opt.param_groups[0]["lr"] == pytest.approx(0.5 / 200)
    assert np.isnan(
        train(model, opt, X, y, epochs=1, batch_size=600).test_error[0]
    )


def test_weight_norm_reported_for_decayed_parameters_only():
    X, y = make_linear_teacher(100, 3, n_informative=2, seed=0)
    model = LogisticModel(3)
    opt = wd.optim.SGD(model.params, lr=0.1)
    res = train(model, opt, X, y, epochs=2, batch_size=100)
    assert res.weight_norm[-1] == pytest.approx(
        np.linalg.norm(model.params[0])
    )


def test_sweep_best_decay_is_argmin():
    X, y = make_linear_teacher(300, 5, seed=1)
    res = sweep_lr_decay(
        lambda: LogisticModel(5),
        wd.optim.Adam,
        [0.01, 0.1],
        [0.0, 0.1, 10.0],
        X[:150],
        y[:150],
        X[150:],
        y[150:],
        epochs=3,
        batch_size=30,
    )
    for i in range(2):
        assert (
            res.test_error[i, list(res.weight_decays).index(res.best_decay[i])]
            == res.test_error[i].min()
        )
    # a huge coupled penalty with a large lr pins the weights near zero: no
    # better than chance-ish
    assert res.test_error[1, 2] >= res.test_error[1, 0]


def test_make_classification_label_noise_and_errors():
    X, y = make_linear_teacher(20_000, 8, flip=0.2, seed=0)
    assert X.shape == (20_000, 8)
    # flipping 20% of labels of a balanced teacher keeps classes balanced
    assert abs(y.mean() - 0.5) < 0.02
    with pytest.raises(
        ValueError, match=r"n_informative must be <= n_features=3; got 5"
    ):
        make_linear_teacher(10, 3)
    with pytest.raises(
        ValueError, match=r"flip must be in \[0, 0.5\); got 0.5"
    ):
        make_linear_teacher(10, 6, flip=0.5)
    with pytest.raises(ValueError, match=r"X has 3 rows but y has 2"):
        next(iter_minibatches(np.zeros((3, 1)), np.zeros(2), 1))
    with pytest.raises(
        ValueError, match=r"batch_size must be an integer >= 1; got 0"
    ):
        next(iter_minibatches(np.zeros((3, 1)), np.zeros(3), 0))


def test_best_lam_by_loo_tracks_bayes_one_over_n():
    from wdlib.experiments.trends import best_lam_vs_n

    res = best_lam_vs_n([100, 1600], np.logspace(-5, 2, 71), repeats=6, seed=1)
    np.testing.assert_allclose(
        res.bayes_lams, [1.0 / (100 * 0.25), 1.0 / (1600 * 0.25)]
    )
    geo = np.exp(np.log(res.best_lams).mean(axis=0))
    # within a factor 2 of sigma^2 / (n tau^2) at both sizes, and falling about
    # 16-fold
    assert np.all(np.abs(np.log(geo / res.bayes_lams)) < np.log(2.0))
    assert 6 < geo[0] / geo[1] < 40


def test_time_decay_overhead_shapes():
    from wdlib.experiments.trends import time_decay_overhead

    res = time_decay_overhead([10, 20], [3, 4, 5], repeats=2)
    assert res.with_decay.shape == res.without_decay.shape == (2, 3)
    assert res.decay_only.shape == (3,)
    assert np.all(np.isfinite(res.with_decay)) and np.all(res.with_decay > 0)


# ---------------------------------------------------------------- validation
MODELS = [
    lambda: LogisticModel(2),
    lambda: MLP(2, 3, seed=0),
    lambda: ScaleInvariantLinear(2, seed=0),
]
MODEL_IDS = ["logreg", "mlp", "scale-invariant"]


@pytest.mark.parametrize("make", MODELS, ids=MODEL_IDS)
def test_labels_minus_one_one_rejected(make):
    # with y = -1 the formula log(1 + e^z) - y z is negative for z < 0:
    # log(1 + e^-5) - 5 = -4.99..., so it is no loss (no minimum at all)
    assert math.log1p(math.exp(-5.0)) - 5.0 < 0
    model = make()
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([-1.0, 1.0, -1.0])
    pattern = (
        r"y must hold the class labels 0 and 1 only .*got 2 other "
        r"value\(s\), e\.g\. \[-1\.0\]\. For labels in \{-1, 1\} pass "
        r"\(y \+ 1\) / 2"
    )
    for method in (model.loss_and_grads, model.loss, model.error_rate):
        with pytest.raises(ValueError, match=pattern):
            method(X, y)
    opt = wd.optim.SGD(model.params, lr=0.1)
    with pytest.raises(ValueError, match=pattern):
        train(model, opt, X, y, epochs=1, batch_size=2)
    loss, _ = model.loss_and_grads(X, (y + 1) / 2)  # the fix works
    assert loss > 0


@pytest.mark.parametrize("make", MODELS, ids=MODEL_IDS)
def test_nan_in_X_rejected_before_any_step(make, tmp_path):
    X, y = make_linear_teacher(60, 2, n_informative=2, seed=0)
    X[57, 1] = np.nan  # in the last chunk
    model = make()
    before = [p.copy() for p in model.params]
    opt = wd.optim.SGD(model.params, lr=0.1)
    with pytest.raises(
        ValueError, match=r"X must contain only finite numbers; got 1 NaN"
    ):
        train(model, opt, X, y, epochs=1, batch_size=5)
    Xm = np.lib.format.open_memmap(
        tmp_path / "X.npy", mode="w+", shape=X.shape
    )
    Xm[:] = X
    ym = y
    with pytest.raises(
        ValueError,
        match=(r"X\[40:60\] must contain only finite numbers; got 1 NaN"),
    ):
        train(model, opt, Xm, ym, epochs=1, batch_size=5, chunk_size=20)
    for p, p0 in zip(model.params, before):
        np.testing.assert_array_equal(p, p0)  # untouched
    with pytest.raises(
        ValueError, match=r"X must contain only finite numbers"
    ):
        model.loss_and_grads(X, y)
    with pytest.raises(
        ValueError, match=r"X must contain only finite numbers"
    ):
        model.predict_proba(X)


def test_batch_and_chunk_sizes_validated():
    X, y = make_linear_teacher(20, 2, n_informative=2, seed=0)
    model = LogisticModel(2)
    opt = wd.optim.SGD(model.params, lr=0.1)
    with pytest.raises(
        ValueError,
        match=(r"batch_size must be an integer >= 1; got 0\. Pass a larger"),
    ):
        train(model, opt, X, y, epochs=1, batch_size=0)
    with pytest.raises(
        TypeError, match=r"chunk_size must be an integer >= 1; got 2\.5"
    ):
        train(model, opt, X, y, epochs=1, batch_size=2, chunk_size=2.5)
    with pytest.raises(
        ValueError, match=r"epochs must be an integer >= 1; got 0"
    ):
        train(model, opt, X, y, epochs=0, batch_size=2)
    with pytest.raises(
        ValueError, match=r"seed must be an integer >= 0; got -1"
    ):
        train(model, opt, X, y, epochs=1, batch_size=2, seed=-1)


def test_lists_are_accepted_like_arrays():
    X, y = make_linear_teacher(50, 3, n_informative=2, seed=2)
    finals = []
    for data in ((X, y), (X.tolist(), y.tolist())):
        model = MLP(3, 4, seed=0)
        opt = wd.optim.Adam(model.params, lr=0.05)
        res = train(
            model,
            opt,
            *data,
            epochs=2,
            batch_size=8,
            X_test=data[0],
            y_test=data[1],
        )
        params = [p.copy() for p in model.params]
        finals.append((params, res.train_loss, res.test_error))
    for a, b in zip(finals[0][0], finals[1][0]):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(finals[0][1], finals[1][1])
    np.testing.assert_array_equal(finals[0][2], finals[1][2])
    batches = list(iter_minibatches([[0.0], [1.0], [2.0]], [0.0, 1.0, 2.0], 2))
    assert [yb.tolist() for _, yb in batches] == [[0.0, 1.0], [2.0]]
    model = LogisticModel(2)
    loss = model.loss([[0.0, 0.0]], [1])
    assert loss == pytest.approx(math.log(2.0), rel=1e-15)
    assert model.predict_proba([[1.0, 2.0]]).tolist() == [0.5]


def test_optimizer_on_copies_rejected_with_the_fix():
    X, y = make_linear_teacher(20, 2, n_informative=2, seed=0)
    model = LogisticModel(2)
    copies = wd.optim.SGD([p.copy() for p in model.params], lr=0.1)
    msg = (
        r"optimizer must hold the model's own parameter arrays; "
        r"model.params\[0\] is not among its 2 array\(s\) .*Build it on the "
        r"arrays themselves: wd.optim.SGD\(model.params, ...\)"
    )
    with pytest.raises(ValueError, match=msg):
        train(model, copies, X, y, epochs=1, batch_size=5)
    with pytest.raises(ValueError, match=msg):
        trends.step_time(model, copies, X, y, repeats=1)
    other = LogisticModel(2)
    with pytest.raises(ValueError, match=r"model.params\[0\] is not among"):
        train(
            model,
            wd.optim.SGD(other.params, lr=0.1),
            X,
            y,
            epochs=1,
            batch_size=5,
        )
    w, b = model.params
    reordered = wd.optim.SGD([{"params": [b]}, {"params": [w]}], lr=0.1)
    with pytest.raises(
        ValueError,
        match=(r"optimizer must hold exactly model.params, in their order"),
    ):
        train(model, reordered, X, y, epochs=1, batch_size=5)
    with pytest.raises(
        TypeError, match=r"optimizer must be a wdlib.optim optimizer"
    ):
        train(model, object(), X, y, epochs=1, batch_size=5)
    with pytest.raises(
        TypeError, match=r"model must have params and loss_and_grads"
    ):
        train(object(), copies, X, y, epochs=1, batch_size=5)


def test_model_and_generator_arguments_validated():
    with pytest.raises(
        TypeError, match=r"gain must be a real number; got 'x'\. Pass a float"
    ):
        ScaleInvariantLinear(2, gain="x")
    with pytest.raises(
        TypeError, match=r"gain must be a real number; got '2'"
    ):
        ScaleInvariantLinear(2, gain="2")
    with pytest.raises(
        ValueError, match=r"gain must be a finite number; got nan"
    ):
        ScaleInvariantLinear(2, gain=float("nan"))
    with pytest.raises(
        ValueError, match=r"gain must be a nonzero real number; got 0\.0"
    ):
        ScaleInvariantLinear(2, gain=0.0)
    with pytest.raises(
        ValueError, match=r"seed must be an integer >= 0; got -1"
    ):
        MLP(2, 3, seed=-1)
    with pytest.raises(
        TypeError, match=r"seed must be an integer >= 0; got 0\.5"
    ):
        ScaleInvariantLinear(2, seed=0.5)
    with pytest.raises(
        TypeError, match=r"flip must be a real number; got '0\.1'"
    ):
        make_linear_teacher(10, 6, flip="0.1")
    with pytest.raises(
        TypeError, match=r"seed must be an integer >= 0; got '1'"
    ):
        make_linear_teacher(10, 6, seed="1")
    from wdlib.experiments.trends import best_lam_vs_n, time_decay_overhead

    with pytest.raises(
        TypeError, match=r"coef_scale must be a finite number > 0; got '0\.5'"
    ):
        best_lam_vs_n([20], [0.1], coef_scale="0.5")
    with pytest.raises(
        ValueError, match=r"noise must be a finite number > 0; got 0\.0"
    ):
        best_lam_vs_n([20], [0.1], noise=0.0)
    with pytest.raises(
        ValueError,
        match=(
            r"ns must be a non-empty 1-D list of whole numbers >= 1; got "
            r"\[10\.5\]"
        ),
    ):
        best_lam_vs_n([10.5], [0.1])
    with pytest.raises(
        ValueError,
        match=(
            r"ds must be a non-empty 1-D list of whole numbers >= 1; got \[0\]"
        ),
    ):
        time_decay_overhead([10], [0], repeats=1)
    with pytest.raises(
        ValueError, match=r"weight_decay must be >= 0; got -1\.0"
    ):
        time_decay_overhead([10], [2], weight_decay=-1.0, repeats=1)


def test_prediction_inputs_validated():
    model = LogisticModel(3)
    with pytest.raises(
        ValueError,
        match=(
            r"X must have 3 column\(s\), one per input of the model; got shape"
            r" \(1, 2\)"
        ),
    ):
        model.predict_proba([[1.0, 2.0]])
    with pytest.raises(ValueError, match=r"X must be 2-D .*reshape\(-1, 1\)"):
        model.loss_and_grads(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match=r"X has 2 rows but y has 3"):
        model.error_rate(np.zeros((2, 3)), np.zeros(3))


def test_training_options_validated():
    X, y = make_linear_teacher(20, 2, n_informative=2, seed=0)
    model = LogisticModel(2)
    opt = wd.optim.SGD(model.params, lr=0.1)
    with pytest.raises(
        ValueError,
        match=(r"X_test and y_test must be given together; got only X_test"),
    ):
        train(model, opt, X, y, epochs=1, batch_size=5, X_test=X)
    with pytest.raises(ValueError, match=r"X_test must have 2 column\(s\)"):
        train(
            model,
            opt,
            X,
            y,
            epochs=1,
            batch_size=5,
            X_test=X[:, :1],
            y_test=y,
        )
    with pytest.raises(
        ValueError, match=r"^X_test has 20 rows but y_test has 19;"
    ):
        train(
            model, opt, X, y, epochs=1, batch_size=5, X_test=X, y_test=y[:-1]
        )
    with pytest.raises(
        ValueError, match=r"y_test must hold the class labels 0 and 1"
    ):
        train(model, opt, X, y, epochs=1, batch_size=5, X_test=X, y_test=2 * y)
    with pytest.raises(TypeError, match=r"lr_schedule must be a callable"):
        train(model, opt, X, y, epochs=1, batch_size=5, lr_schedule=0.5)
    with pytest.raises(
        ValueError,
        match=r"lr_schedule must return a finite number >= 0; got nan at "
        r"progress=0\.0",
    ):
        train(
            model,
            opt,
            X,
            y,
            epochs=1,
            batch_size=5,
            lr_schedule=lambda p: float("nan"),
        )
    with pytest.raises(
        TypeError, match=r"rng must be a numpy.random.Generator or None; got 0"
    ):
        next(iter_minibatches(X, y, 2, rng=0))
    with pytest.raises(
        ValueError,
        match=(r"lrs must contain only finite numbers >= 0; got \[-0\.1\]"),
    ):
        sweep_lr_decay(
            lambda: LogisticModel(2),
            wd.optim.SGD,
            [-0.1],
            [0.0],
            X,
            y,
            X,
            y,
            epochs=1,
            batch_size=5,
        )


def test_sweep_accepts_sgdw():
    X, y = make_linear_teacher(200, 4, n_informative=2, seed=0)
    res = sweep_lr_decay(
        lambda: LogisticModel(4),
        wd.optim.SGDW,
        [0.1],
        [0.0, 0.5],
        X[:100],
        y[:100],
        X[100:],
        y[100:],
        epochs=2,
        batch_size=20,
    )
    assert res.test_error.shape == (1, 2)
    assert np.all(np.isfinite(res.test_error))
