"""ridge_path, loo_cv and kfold_cv against brute-force refits and "
"scikit-learn."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd
from wdlib.selection import bias_variance, kfold_indices

LAMS = np.array([1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0])
SHAPES = [(40, 5), (25, 60), (12, 11), (12, 12)]


def _problem(rng, n, d):
    X = rng.normal(size=(n, d)) + rng.normal(size=d)  # non-centred columns
    y = X @ rng.normal(size=d) / np.sqrt(d) + 0.5 * rng.normal(size=n) + 3.0
    return X, y


def _brute_force_loo(X, y, lams, fit_intercept):
    """Refit n times per lam with ridge_fit, total penalty n*lam held fixed."""
    n = len(y)
    mse = []
    for lam in lams:
        errors = []
        for i in range(n):
            keep = np.arange(n) != i
            fit = wd.ridge_fit(
                X[keep],
                y[keep],
                lam * n / (n - 1),
                fit_intercept=fit_intercept,
                solver="svd",
            )
            errors.append(y[i] - fit.predict(X[i : i + 1])[0])
        mse.append(np.mean(np.square(errors)))
    return np.array(mse)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge_path_equals_ridge_fit_at_every_lam(rng, shape, fit_intercept):
    X, y = _problem(rng, *shape)
    path = wd.ridge_path(X, y, LAMS, fit_intercept=fit_intercept)
    assert path.coefs.shape == (LAMS.size, shape[1])
    for lam, coef, intercept in zip(LAMS, path.coefs, path.intercepts):
        ref = wd.ridge_fit(
            X, y, lam, fit_intercept=fit_intercept, solver="svd"
        )
        np.testing.assert_allclose(coef, ref.coef, rtol=1e-9, atol=1e-12)
        assert intercept == pytest.approx(ref.intercept, rel=1e-9, abs=1e-12)


def test_ridge_path_against_lstsq_on_augmented_system(rng):
    # independent reference: min ||[X 1; sqrt(n lam) I 0] theta - [y; 0]||
    X, y = _problem(rng, 30, 4)
    n, d = X.shape
    path = wd.ridge_path(X, y, LAMS)
    for lam, coef, b in zip(LAMS, path.coefs, path.intercepts):
        A = np.vstack(
            [
                np.hstack([X, np.ones((n, 1))]),
                np.hstack([np.sqrt(n * lam) * np.eye(d), np.zeros((d, 1))]),
            ]
        )
        theta = np.linalg.lstsq(
            A, np.concatenate([y, np.zeros(d)]), rcond=None
        )[0]
        np.testing.assert_allclose(coef, theta[:d], rtol=1e-9)
        assert b == pytest.approx(theta[d], rel=1e-9)


def test_ridge_path_lam_zero_is_min_norm_least_squares(rng):
    X, y = _problem(rng, 10, 30)
    Xc, yc = X - X.mean(0), y - y.mean()
    coef = wd.ridge_path(X, y, [0.0]).coefs[0]
    np.testing.assert_allclose(
        coef, np.linalg.pinv(Xc) @ yc, rtol=1e-8, atol=1e-12
    )


def test_ridge_path_predict_and_mse(rng):
    X, y = _problem(rng, 30, 4)
    path = wd.ridge_path(X, y, LAMS)
    pred = path.predict(X[:5])
    assert pred.shape == (5, LAMS.size)
    np.testing.assert_allclose(
        pred[:, 2], wd.ridge_fit(X, y, LAMS[2]).predict(X[:5])
    )
    np.testing.assert_allclose(
        path.mse(X, y)[3],
        np.mean((y - wd.ridge_fit(X, y, LAMS[3]).predict(X)) ** 2),
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_cv_equals_brute_force(rng, shape, fit_intercept):
    X, y = _problem(rng, *shape)
    cv = wd.loo_cv(X, y, LAMS, fit_intercept=fit_intercept)
    np.testing.assert_allclose(
        cv.mse, _brute_force_loo(X, y, LAMS, fit_intercept), rtol=1e-10
    )
    assert cv.k == shape[0]
    assert cv.best_lam == LAMS[np.argmin(cv.mse)]


def test_loo_cv_lam_zero_is_ordinary_least_squares_loo(rng):
    X, y = _problem(rng, 30, 4)
    np.testing.assert_allclose(
        wd.loo_cv(X, y, [0.0]).mse,
        _brute_force_loo(X, y, [0.0], True),
        rtol=1e-10,
    )


def test_loo_cv_lam_zero_interpolating_limit(rng):
    # d > n: every refit interpolates; lam = 0 is the limit of small lam (min-
    # norm refits)
    X, y = _problem(rng, 10, 30)
    np.testing.assert_allclose(
        wd.loo_cv(X, y, [0.0]).mse,
        _brute_force_loo(X, y, [0.0], True),
        rtol=1e-9,
    )


@pytest.mark.parametrize("shape", [(60, 8), (30, 80)])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_cv_equals_sklearn_ridgecv(rng, shape, fit_intercept):
    linear_model = pytest.importorskip("sklearn.linear_model")
    X, y = _problem(rng, *shape)
    n = shape[0]
    try:
        ref = linear_model.RidgeCV(
            alphas=n * LAMS, fit_intercept=fit_intercept, store_cv_results=True
        ).fit(X, y)
        squared = ref.cv_results_
    except TypeError:  # scikit-learn < 1.5
        ref = linear_model.RidgeCV(
            alphas=n * LAMS, fit_intercept=fit_intercept, store_cv_values=True
        ).fit(X, y)
        squared = ref.cv_values_
    cv = wd.loo_cv(X, y, LAMS, fit_intercept=fit_intercept)
    np.testing.assert_allclose(cv.mse, squared.mean(axis=0), rtol=1e-8)
    assert cv.best_lam * n == pytest.approx(ref.alpha_)


def test_loo_cv_one_standard_error_rule(rng):
    X, y = _problem(rng, 40, 5)
    lams = np.logspace(-4, 2, 30)
    cv = wd.loo_cv(X, y, lams)
    # reference straight from the definition, with the squared errors from
    # brute force
    best = np.argmin(cv.mse)
    threshold = cv.mse[best] + cv.mse_std[best] / np.sqrt(len(y))
    assert cv.lam_1se == max(
        lam for lam, m in zip(lams, cv.mse) if m <= threshold
    )
    assert cv.lam_1se >= cv.best_lam


def _brute_force_kfold(X, y, lams, k, seed, fit_intercept):
    n = len(y)
    folds = kfold_indices(n, k, seed)
    errors = np.empty((k, len(lams)))
    for i, val in enumerate(folds):
        train = np.setdiff1d(np.arange(n), val)
        for j, lam in enumerate(lams):
            fit = wd.ridge_fit(
                X[train],
                y[train],
                lam * n / train.size,
                fit_intercept=fit_intercept,
                solver="svd",
            )
            errors[i, j] = np.mean((y[val] - fit.predict(X[val])) ** 2)
    return errors


@pytest.mark.parametrize("shape", [(37, 5), (23, 40)])
@pytest.mark.parametrize("k", [2, 5, 10])
def test_kfold_cv_equals_brute_force_with_the_same_folds(rng, shape, k):
    X, y = _problem(rng, *shape)
    cv = wd.kfold_cv(X, y, LAMS, k=k, seed=3)
    errors = _brute_force_kfold(X, y, LAMS, k, 3, True)
    np.testing.assert_allclose(cv.mse, errors.mean(axis=0), rtol=1e-9)
    np.testing.assert_allclose(
        cv.mse_std, errors.std(axis=0, ddof=1), rtol=1e-7
    )
    np.testing.assert_allclose(
        cv.mse_se, errors.std(axis=0, ddof=1) / np.sqrt(k), rtol=1e-7
    )
    assert cv.best_lam == LAMS[np.argmin(errors.mean(axis=0))]
    within = (
        errors.mean(axis=0)
        <= errors.mean(axis=0).min()
        + cv.mse_se[np.argmin(errors.mean(axis=0))]
    )
    assert cv.lam_1se == LAMS[within].max()


def test_kfold_folds_partition_the_samples():
    folds = kfold_indices(23, 5, seed=1)
    assert sorted(np.concatenate(folds).tolist()) == list(range(23))
    assert [f.size for f in folds] == [5, 5, 5, 4, 4]


def test_kfold_seed_changes_the_split_and_is_reproducible(rng):
    X, y = _problem(rng, 30, 3)
    a = wd.kfold_cv(X, y, LAMS, seed=1)
    np.testing.assert_array_equal(a.mse, wd.kfold_cv(X, y, LAMS, seed=1).mse)
    assert not np.array_equal(a.mse, wd.kfold_cv(X, y, LAMS, seed=2).mse)


def test_kfold_with_k_equal_n_is_leave_one_out(rng):
    X, y = _problem(rng, 15, 4)
    np.testing.assert_allclose(
        wd.kfold_cv(X, y, LAMS, k=15).mse, wd.loo_cv(X, y, LAMS).mse, rtol=1e-9
    )


def test_bias_variance_against_direct_computation(rng):
    sets = [_problem(np.random.default_rng(s), 15, 4) for s in range(4)]
    X_eval = rng.normal(size=(7, 4))
    f_eval = X_eval @ np.ones(4)
    bv = bias_variance(sets, X_eval, f_eval, LAMS[:3])
    for j, lam in enumerate(LAMS[:3]):
        preds = np.array(
            [wd.ridge_fit(Xt, yt, lam).predict(X_eval) for Xt, yt in sets]
        )
        assert bv.bias2[j] == pytest.approx(
            np.mean((preds.mean(0) - f_eval) ** 2), rel=1e-9
        )
        assert bv.variance[j] == pytest.approx(np.mean(preds.var(0)), rel=1e-9)
    np.testing.assert_allclose(bv.mse, bv.bias2 + bv.variance, rtol=1e-12)


def test_bias_variance_rejects_bad_input(rng):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(
        ValueError,
        match=(
            r"f_eval must be 1-D of shape \(10,\) to match X_eval; got "
            r"shape \(3,\)"
        ),
    ):
        bias_variance([(X, y), (X, y)], X, y[:3], LAMS)
    with pytest.raises(
        ValueError,
        match=(
            r"train_sets must hold at least 2 training sets to measure a "
            r"variance; got 1"
        ),
    ):
        bias_variance([(X, y)], X, y, LAMS)


BAD_LAMS = [
    (
        -1.0,
        ValueError,
        r"lams must be a non-empty 1-D sequence of numbers >= 0; got shape "
        r"\(\)",
    ),
    (
        [],
        ValueError,
        r"lams must be a non-empty 1-D sequence of numbers >= 0; got shape "
        r"\(0,\)",
    ),
    (
        [0.1, -1.0],
        ValueError,
        r"lams must contain only finite numbers >= 0; got \[-1\.0\]",
    ),
    (
        [0.1, np.nan],
        ValueError,
        r"lams must contain only finite numbers >= 0; got \[nan\]",
    ),
    (
        [[0.1, 1.0]],
        ValueError,
        r"lams must be a non-empty 1-D sequence .* got shape \(1, 2\)",
    ),
    ("0.1", TypeError, r"lams must be a numeric array-like; got '0\.1'"),
]


@pytest.mark.parametrize("func", [wd.ridge_path, wd.loo_cv, wd.kfold_cv])
@pytest.mark.parametrize(("lams", "error", "message"), BAD_LAMS)
def test_bad_lams_are_rejected(rng, func, lams, error, message):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(error, match=message):
        func(X, y, lams)


@pytest.mark.parametrize(
    ("k", "error", "message"),
    [
        (
            1,
            ValueError,
            r"k must be an integer >= 2; got 1\. Pass a larger value",
        ),
        (2.5, TypeError, r"k must be an integer >= 2; got 2\.5"),
        (True, TypeError, r"k must be an integer >= 2; got True"),
        (
            11,
            ValueError,
            r"k must be at most n_samples=10 \(each fold needs a sample\); "
            r"got k=11\. Pass a smaller k, or use loo_cv",
        ),
    ],
)
def test_bad_k_is_rejected(rng, k, error, message):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(error, match=message):
        wd.kfold_cv(X, y, LAMS, k=k)


def test_loo_needs_two_samples():
    with pytest.raises(
        ValueError,
        match=r"loo_cv needs at least 2 samples to leave one out; got 1",
    ):
        wd.loo_cv(np.ones((1, 2)), np.ones(1), LAMS)


def test_inputs_not_modified(rng):
    X, y = _problem(rng, 20, 4)
    lams = LAMS.copy()
    copies = X.copy(), y.copy(), lams.copy()
    path = wd.ridge_path(X, y, lams)
    wd.loo_cv(X, y, lams)
    wd.kfold_cv(X, y, lams)
    wd.ridge_path(X, y, lams, fit_intercept=False)
    for before, after in zip(copies, (X, y, lams)):
        np.testing.assert_array_equal(before, after)
    assert path.lams is not lams


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(3, 25), d=st.integers(1, 25))
def test_path_norm_never_grows_with_lam(seed, n, d):
    X, y = _problem(np.random.default_rng(seed), n, d)
    norms = np.linalg.norm(
        wd.ridge_path(X, y, np.logspace(-4, 3, 15)).coefs, axis=1
    )
    assert np.all(np.diff(norms) <= 1e-10 * norms[0] + 1e-14)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(3, 20), d=st.integers(1, 20))
def test_loo_matches_brute_force_for_random_shapes(seed, n, d):
    X, y = _problem(np.random.default_rng(seed), n, d)
    lams = np.array([0.01, 1.0])
    np.testing.assert_allclose(
        wd.loo_cv(X, y, lams).mse,
        _brute_force_loo(X, y, lams, True),
        rtol=1e-8,
    )


def test_plot_cv_marks_both_choices(rng):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    X, y = _problem(rng, 30, 4)
    cv = wd.kfold_cv(X, y, np.logspace(-3, 2, 12))
    ax = wd.plotting.plot_cv(cv, label="5-fold", ax=Figure().subplots())
    vertical = sorted(
        line.get_xdata()[0]
        for line in ax.get_lines()
        if len(set(line.get_xdata())) == 1
    )
    assert vertical == sorted([cv.best_lam, cv.lam_1se])
    assert ax.get_xscale() == "log"
    with pytest.raises(
        TypeError, match=r"cv must be a CVResult .* got dict without \.lams"
    ):
        wd.plotting.plot_cv({}, label="x", ax=Figure().subplots())


# --------------------------------------------------------------------------
# Independent references written with numpy.linalg.lstsq only


def _lstsq_fit(X, y, alpha, fit_intercept):
    """Ridge with total penalty alpha (sklearn's), alpha = 0 min-norm LS."""
    n, d = X.shape
    if alpha == 0.0:
        xm = X.mean(axis=0) if fit_intercept else np.zeros(d)
        ym = y.mean() if fit_intercept else 0.0
        w = np.linalg.lstsq(X - xm, y - ym, rcond=None)[0]
        return w, ym - xm @ w
    A = np.hstack([X, np.ones((n, 1))]) if fit_intercept else X
    pad = np.zeros((d, A.shape[1]))
    pad[:, :d] = np.sqrt(alpha) * np.eye(d)
    rows = np.vstack([A, pad])
    rhs = np.concatenate([y, np.zeros(d)])
    sol = np.linalg.lstsq(rows, rhs, rcond=None)[0]
    return sol[:d], (sol[d] if fit_intercept else 0.0)


def _lstsq_loo(X, y, lams, fit_intercept):
    """Leave-one-out by n refits, total penalty n * lam held fixed."""
    n = len(y)
    out = []
    for lam in lams:
        errors = []
        for i in range(n):
            keep = np.arange(n) != i
            w, b = _lstsq_fit(X[keep], y[keep], n * lam, fit_intercept)
            errors.append(y[i] - X[i] @ w - b)
        out.append(np.mean(np.square(errors)))
    return np.array(out)


def _leverage_one_problems():
    rng = np.random.default_rng(7)
    dummy = np.array([[1.0, 0], [0, 1], [0, 2], [0, 4]])
    yield "dummy column", dummy, np.array([5.0, 1, 2, 3])
    X = rng.normal(size=(5, 6))
    X[1] = X[0]
    yield "duplicate rows, d > n", X, rng.normal(size=5)
    X = rng.normal(size=(20, 3))
    X = np.hstack([X, np.zeros((20, 1))])
    X[7, 3] = 2.0  # a feature seen by one sample only
    yield "one-sample feature", X, rng.normal(size=20)
    X = rng.normal(size=(30, 4))
    yield "duplicate rows, n > d", np.vstack([X, X[:3]]), rng.normal(size=33)
    yield "interpolating", rng.normal(size=(10, 30)), rng.normal(size=10)


LEVERAGE_ONE = list(_leverage_one_problems())


@pytest.mark.parametrize(
    ("name", "X", "y"), LEVERAGE_ONE, ids=[c[0] for c in LEVERAGE_ONE]
)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_cv_at_lam_zero_refits_min_norm_least_squares(
    name, X, y, fit_intercept
):
    lams = [0.0, 1e-9, 1e-3, 1.0]
    cv = wd.loo_cv(X, y, lams, fit_intercept=fit_intercept)
    assert np.all(np.isfinite(cv.mse))
    ref = _lstsq_loo(X, y, lams, fit_intercept)
    np.testing.assert_allclose(cv.mse[0], ref[0], rtol=1e-9)
    np.testing.assert_allclose(cv.mse[2:], ref[2:], rtol=1e-8)


def test_loo_cv_documented_leverage_one_example_is_finite():
    cv = wd.loo_cv([[1, 0], [0, 1], [0, 2], [0, 4]], [5, 1, 2, 3], [0.0, 1e-9])
    ref = _lstsq_loo(
        np.array([[1.0, 0], [0, 1], [0, 2], [0, 4]]),
        np.array([5.0, 1, 2, 3]),
        [0.0],
        True,
    )
    assert cv.mse[0] == pytest.approx(ref[0], rel=1e-12)
    assert cv.best_lam in (0.0, 1e-9)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("case", [0, 2, 3], ids=lambda i: LEVERAGE_ONE[i][0])
def test_loo_cv_lam_zero_is_continuous_with_tiny_lam(case, fit_intercept):
    # SVD path (n >= d): 1e-12 is numerically meaningful there
    _, X, y = LEVERAGE_ONE[case]
    mse = wd.loo_cv(X, y, [0.0, 1e-12], fit_intercept=fit_intercept).mse
    assert mse[1] == pytest.approx(mse[0], rel=1e-8)


def test_loo_cv_lam_zero_is_continuous_in_the_kernel_form():
    # d > n: eigenvalues of the kernel carry errors of eps * s_max^2, so the
    # limit is approached for lam well above that, not at 1e-12
    _, X, y = LEVERAGE_ONE[1]
    mse = wd.loo_cv(X, y, [0.0, 1e-9, 1e-7]).mse
    assert mse[1] == pytest.approx(mse[0], rel=1e-5)
    assert abs(mse[2] - mse[0]) > abs(mse[1] - mse[0])


def _graded(rng):
    X = rng.normal(size=(40, 3)) * [1e8, 1.0, 1e-8]
    return X, X @ [1e-8, -1.0, 5e7]


def test_ridge_path_keeps_small_singular_directions_for_tiny_lam(rng):
    sk_linear = pytest.importorskip("sklearn.linear_model")
    X, y = _graded(rng)
    path = wd.ridge_path(X, y, [1e-20])
    ref = sk_linear.Ridge(alpha=40 * 1e-20, solver="svd").fit(X, y)
    np.testing.assert_allclose(path.coefs[0], ref.coef_, rtol=1e-6)
    assert path.coefs[0, 2] == pytest.approx(5e7, rel=1e-3)
    assert path.mse(X, y)[0] < 1e-6 * np.var(y)


def test_ridge_path_lam_zero_still_drops_the_null_direction(rng):
    x = rng.normal(size=(25, 1))
    X = np.hstack([x, x, rng.normal(size=(25, 1))])
    y = rng.normal(size=25)
    coefs = wd.ridge_path(X, y, [0.0]).coefs[0]
    ref = _lstsq_fit(X, y, 0.0, True)[0]
    np.testing.assert_allclose(coefs, ref, rtol=1e-8, atol=1e-12)


def test_loo_cv_keeps_small_singular_directions_for_tiny_lam(rng):
    X, y = _graded(rng)
    y = y + 1e-3 * rng.normal(size=40)
    # the small direction matters: leave-one-out error with it is tiny
    sk_linear = pytest.importorskip("sklearn.linear_model")
    cv = wd.loo_cv(X, y, [1e-20])
    # reference: n refits by scikit-learn's SVD solver (lstsq on the
    # augmented rows would itself cut the direction at this conditioning)
    errs = []
    for i in range(40):
        keep = np.arange(40) != i
        ref = sk_linear.Ridge(alpha=40 * 1e-20, solver="svd")
        ref.fit(X[keep], y[keep])
        errs.append(y[i] - ref.predict(X[i : i + 1])[0])
    assert cv.mse[0] == pytest.approx(np.mean(np.square(errs)), rel=1e-4)
    assert cv.mse[0] < 1e-5


# --------------------------------------------------------------------------
# kfold_indices, seeds and flags


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((5, 10), ValueError, r"k must be at most n_samples=5 .*got k=10"),
        ((5, 2.5), TypeError, r"k must be an integer >= 2; got 2\.5"),
        ((5, True), TypeError, r"k must be an integer >= 2; got True"),
        ((5, 1), ValueError, r"k must be an integer >= 2; got 1"),
        ((5.0, 2), TypeError, r"n_samples must be an integer >= 2; got 5\.0"),
        ((5, 2, 1.5), TypeError, r"seed must be an integer >= 0; got 1\.5"),
        ((5, 2, -1), ValueError, r"seed must be an integer >= 0; got -1"),
        ((5, 2, "0"), TypeError, r"seed must be an integer >= 0; got '0'"),
    ],
)
def test_kfold_indices_rejects_bad_arguments(args, error, message):
    with pytest.raises(error, match=message):
        kfold_indices(*args)


@pytest.mark.parametrize("n", [2, 5, 9])
def test_kfold_indices_never_gives_an_empty_fold(n):
    for k in range(2, n + 1):
        folds = kfold_indices(n, k)
        assert min(f.size for f in folds) >= 1
        assert sorted(np.concatenate(folds).tolist()) == list(range(n))


@pytest.mark.parametrize(
    ("seed", "error"), [(1.5, TypeError), (-3, ValueError), (None, TypeError)]
)
def test_kfold_cv_rejects_bad_seed(rng, seed, error):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(error, match=r"seed must be an integer >= 0; got"):
        wd.kfold_cv(X, y, LAMS, seed=seed)


@pytest.mark.parametrize("func", [wd.ridge_path, wd.loo_cv, wd.kfold_cv])
def test_fit_intercept_must_be_a_bool(rng, func):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(TypeError, match=r"fit_intercept must be True or Fa"):
        func(X, y, LAMS, fit_intercept="False")


@pytest.mark.parametrize("func", [wd.ridge_path, wd.loo_cv, wd.kfold_cv])
def test_complex_masked_and_nan_inputs_are_rejected(rng, func):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(TypeError, match=r"X must be real; got .*complex"):
        func(X + 0j + 1j, y, LAMS)
    masked = np.ma.masked_array(y, mask=np.arange(10) == 2)
    with pytest.raises(ValueError, match=r"y must not contain masked"):
        func(X, masked, LAMS)
    with pytest.raises(ValueError, match=r"lams must contain only finite"):
        func(X, y, [0.1, np.nan])


def test_results_are_frozen_and_predict_validates(rng):
    X, y = _problem(rng, 12, 3)
    path = wd.ridge_path(X, y, LAMS)
    cv = wd.loo_cv(X, y, LAMS)
    with pytest.raises(AttributeError):
        path.coefs = None
    with pytest.raises(AttributeError):
        cv.best_lam = 1.0
    with pytest.raises(ValueError, match=r"X must have 3 column\(s\) like"):
        path.predict(np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"X must contain only finite"):
        path.predict([[1.0, np.nan, 0.0]])
    with pytest.raises(TypeError, match=r"X must be a numeric array-like"):
        path.predict("abc")


def test_bias_variance_rejects_bad_input_naming_it(rng):
    X, y = _problem(rng, 10, 3)
    sets = [(X, y), (X, y)]
    with pytest.raises(ValueError, match=r"f_eval must contain only finite"):
        bias_variance(sets, X, np.where(np.arange(10) == 3, np.nan, y), LAMS)
    with pytest.raises(TypeError, match=r"f_eval must be real"):
        bias_variance(sets, X, y + 1j, LAMS)
    with pytest.raises(TypeError, match=r"f_eval must be a numeric array"):
        bias_variance(sets, X, "abc", LAMS)
    bad_y = np.where(np.arange(10) == 0, np.nan, y)
    with pytest.raises(ValueError, match=r"train_sets\[1\]: y must contain"):
        bias_variance([(X, y), (X, bad_y)], X, y, LAMS)
    with pytest.raises(ValueError, match=r"train_sets\[0\]: X must have 3 c"):
        bias_variance([(X[:, :2], y), (X, y)], X, y, LAMS)
    with pytest.raises(TypeError, match=r"train_sets must hold \(X, y\) pai"):
        bias_variance([X, X], X, y, LAMS)
    with pytest.raises(TypeError, match=r"fit_intercept must be True or Fa"):
        bias_variance(sets, X, y, LAMS, fit_intercept=1)


# --------------------------------------------------------------------------
# kfold_cv with given folds


def _brute_force_given_folds(X, y, lams, folds, fit_intercept=True):
    n = len(y)
    errors = np.empty((len(folds), len(lams)))
    for i, (train, test) in enumerate(folds):
        for j, lam in enumerate(lams):
            fit = wd.ridge_fit(
                X[train],
                y[train],
                lam * n / len(train),
                fit_intercept=fit_intercept,
                solver="svd",
            )
            errors[i, j] = np.mean((y[test] - fit.predict(X[test])) ** 2)
    return errors


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_kfold_cv_with_group_folds_equals_brute_force(rng, fit_intercept):
    model_selection = pytest.importorskip("sklearn.model_selection")
    X, y = _problem(rng, 31, 4)
    groups = np.arange(31) % 7
    splits = list(model_selection.GroupKFold(3).split(X, y, groups))
    cv = wd.kfold_cv(
        X,
        y,
        LAMS,
        fit_intercept=fit_intercept,
        cv=model_selection.GroupKFold(3).split(X, y, groups),
    )
    errors = _brute_force_given_folds(X, y, LAMS, splits, fit_intercept)
    np.testing.assert_allclose(cv.mse, errors.mean(axis=0), rtol=1e-9)
    np.testing.assert_allclose(
        cv.mse_std, errors.std(axis=0, ddof=1), rtol=1e-7
    )
    assert cv.k == 3
    assert cv.best_lam == LAMS[np.argmin(errors.mean(axis=0))]


def test_kfold_cv_matches_sklearn_cross_val_score_with_total_penalty(rng):
    sk = pytest.importorskip("sklearn")
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold, cross_val_score

    X, y = _problem(rng, 30, 5)
    n = len(y)
    splitter = KFold(4, shuffle=True, random_state=0)
    lams = np.array([1e-3, 0.1, 1.0, 10.0])
    cv = wd.kfold_cv(X, y, lams, cv=splitter)
    for lam, mse in zip(lams, cv.mse):
        # wdlib holds the total penalty n * lam fixed on every fold ...
        scores = cross_val_score(
            Ridge(alpha=n * lam),
            X,
            y,
            cv=splitter,
            scoring="neg_mean_squared_error",
        )
        assert mse == pytest.approx(-scores.mean(), rel=1e-9)
        # ... not the per-sample one (alpha = n_train * lam) of a naive port
        naive = cross_val_score(
            Ridge(alpha=0.75 * n * lam),
            X,
            y,
            cv=splitter,
            scoring="neg_mean_squared_error",
        )
        if lam >= 0.1:
            assert mse != pytest.approx(-naive.mean(), rel=1e-6)
    assert sk is not None


def test_kfold_cv_splitter_object_equals_its_split_list(rng):
    from sklearn.model_selection import KFold

    X, y = _problem(rng, 20, 3)
    a = wd.kfold_cv(X, y, LAMS, cv=KFold(4))
    b = wd.kfold_cv(X, y, LAMS, cv=list(KFold(4).split(X)))
    np.testing.assert_array_equal(a.mse, b.mse)
    # the seeded folds of kfold_cv, passed explicitly, give the same result
    folds = [
        (np.setdiff1d(np.arange(20), f), f)
        for f in kfold_indices(20, 4, seed=2)
    ]
    np.testing.assert_allclose(
        wd.kfold_cv(X, y, LAMS, cv=folds).mse,
        wd.kfold_cv(X, y, LAMS, k=4, seed=2).mse,
        rtol=1e-12,
    )


GOOD_TRAIN, GOOD_TEST = np.arange(5, 10), np.arange(5)
BAD_CV = [
    (
        5,
        TypeError,
        r"cv must be an iterable of \(train_idx, test_idx\) pairs"
        r" or an object with a split\(X, y\) method; got 5",
    ),
    ("folds", TypeError, r"cv must be an iterable .* got 'folds'"),
    (
        [(GOOD_TRAIN, GOOD_TEST)],
        ValueError,
        r"cv must yield at least 2 \(train_idx, test_idx\) splits .* got 1",
    ),
    (
        [(GOOD_TRAIN, GOOD_TEST), (GOOD_TEST,)],
        TypeError,
        r"cv must yield \(train_idx, test_idx\) pairs; split 1 is tuple",
    ),
    (
        [(GOOD_TRAIN, GOOD_TEST), (GOOD_TEST, [1.0, 2.0])],
        TypeError,
        r"cv split 1: test_idx must hold integer sample indices; got dtype "
        r"float64",
    ),
    (
        [(GOOD_TRAIN, GOOD_TEST), (np.arange(10) < 5, GOOD_TRAIN)],
        TypeError,
        r"cv split 1: train_idx must hold integer sample indices, not a "
        r"boolean mask\. Pass np\.flatnonzero\(mask\)",
    ),
    (
        [(GOOD_TRAIN, GOOD_TEST), (GOOD_TEST, [5, 10])],
        ValueError,
        r"cv split 1: test_idx must hold indices in \[0, 9\] for "
        r"n_samples=10; got \[10\]",
    ),
    (
        [(GOOD_TRAIN, GOOD_TEST), (GOOD_TEST, [-1])],
        ValueError,
        r"cv split 1: test_idx must hold indices in \[0, 9\].* got \[-1\]",
    ),
    (
        [(GOOD_TRAIN, [4, 5]), (GOOD_TEST, GOOD_TRAIN)],
        ValueError,
        r"cv split 0: train_idx and test_idx must be disjoint; both contain "
        r"\[5\]",
    ),
    (
        [(GOOD_TRAIN, []), (GOOD_TEST, GOOD_TRAIN)],
        ValueError,
        r"cv split 0: test_idx must be a non-empty 1-D array of sample "
        r"indices; got shape \(0,\)",
    ),
]


@pytest.mark.parametrize(("cv", "error", "message"), BAD_CV)
def test_kfold_cv_rejects_bad_given_folds(rng, cv, error, message):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(error, match=message):
        wd.kfold_cv(X, y, LAMS, cv=cv)


@pytest.mark.parametrize(
    ("kwargs", "name"), [({"k": 3}, "k"), ({"seed": 1}, "seed")]
)
def test_kfold_cv_rejects_k_or_seed_together_with_cv(rng, kwargs, name):
    X, y = _problem(rng, 10, 3)
    folds = [(GOOD_TRAIN, GOOD_TEST), (GOOD_TEST, GOOD_TRAIN)]
    with pytest.raises(
        ValueError,
        match=rf"{name} is not used when cv is "
        rf"given .* Pass either cv or",
    ):
        wd.kfold_cv(X, y, LAMS, cv=folds, **kwargs)
    # the defaults are fine
    assert wd.kfold_cv(X, y, LAMS, cv=folds, k=5, seed=0).k == 2


def test_kfold_cv_names_a_ragged_fold_of_a_given_cv():
    X = np.arange(12.0).reshape(6, 2)
    y = np.arange(6.0)
    bad = [([0, [1, 2]], [3, 4, 5])]
    with pytest.raises(
        TypeError,
        match=r"^cv split 0: train_idx must be a 1-D array of integer "
        r"sample indices; got list \(.+\)\.$",
    ):
        wd.kfold_cv(X, y, [0.1], cv=bad)
