"""ridge_path, loo_cv and kfold_cv against brute-force refits and scikit-learn."""

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
            fit = wd.ridge_fit(X[keep], y[keep], lam * n / (n - 1), fit_intercept=fit_intercept, solver="svd")
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
        ref = wd.ridge_fit(X, y, lam, fit_intercept=fit_intercept, solver="svd")
        np.testing.assert_allclose(coef, ref.coef, rtol=1e-9, atol=1e-12)
        assert intercept == pytest.approx(ref.intercept, rel=1e-9, abs=1e-12)


def test_ridge_path_against_lstsq_on_augmented_system(rng):
    # independent reference: min ||[X 1; sqrt(n lam) I 0] theta - [y; 0]||
    X, y = _problem(rng, 30, 4)
    n, d = X.shape
    path = wd.ridge_path(X, y, LAMS)
    for lam, coef, b in zip(LAMS, path.coefs, path.intercepts):
        A = np.vstack([np.hstack([X, np.ones((n, 1))]), np.hstack([np.sqrt(n * lam) * np.eye(d), np.zeros((d, 1))])])
        theta = np.linalg.lstsq(A, np.concatenate([y, np.zeros(d)]), rcond=None)[0]
        np.testing.assert_allclose(coef, theta[:d], rtol=1e-9)
        assert b == pytest.approx(theta[d], rel=1e-9)


def test_ridge_path_lam_zero_is_min_norm_least_squares(rng):
    X, y = _problem(rng, 10, 30)
    Xc, yc = X - X.mean(0), y - y.mean()
    coef = wd.ridge_path(X, y, [0.0]).coefs[0]
    np.testing.assert_allclose(coef, np.linalg.pinv(Xc) @ yc, rtol=1e-8, atol=1e-12)


def test_ridge_path_predict_and_mse(rng):
    X, y = _problem(rng, 30, 4)
    path = wd.ridge_path(X, y, LAMS)
    pred = path.predict(X[:5])
    assert pred.shape == (5, LAMS.size)
    np.testing.assert_allclose(pred[:, 2], wd.ridge_fit(X, y, LAMS[2]).predict(X[:5]))
    np.testing.assert_allclose(path.mse(X, y)[3], np.mean((y - wd.ridge_fit(X, y, LAMS[3]).predict(X)) ** 2))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_cv_equals_brute_force(rng, shape, fit_intercept):
    X, y = _problem(rng, *shape)
    cv = wd.loo_cv(X, y, LAMS, fit_intercept=fit_intercept)
    np.testing.assert_allclose(cv.mse, _brute_force_loo(X, y, LAMS, fit_intercept), rtol=1e-10)
    assert cv.k == shape[0]
    assert cv.best_lam == LAMS[np.argmin(cv.mse)]


def test_loo_cv_lam_zero_is_ordinary_least_squares_loo(rng):
    X, y = _problem(rng, 30, 4)
    np.testing.assert_allclose(wd.loo_cv(X, y, [0.0]).mse, _brute_force_loo(X, y, [0.0], True), rtol=1e-10)


def test_loo_cv_lam_zero_interpolating_limit(rng):
    # d > n: every refit interpolates; lam = 0 is the limit of small lam (min-norm refits)
    X, y = _problem(rng, 10, 30)
    np.testing.assert_allclose(wd.loo_cv(X, y, [0.0]).mse, _brute_force_loo(X, y, [0.0], True), rtol=1e-9)


@pytest.mark.parametrize("shape", [(60, 8), (30, 80)])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_cv_equals_sklearn_ridgecv(rng, shape, fit_intercept):
    linear_model = pytest.importorskip("sklearn.linear_model")
    X, y = _problem(rng, *shape)
    n = shape[0]
    try:
        ref = linear_model.RidgeCV(alphas=n * LAMS, fit_intercept=fit_intercept, store_cv_results=True).fit(X, y)
        squared = ref.cv_results_
    except TypeError:  # scikit-learn < 1.5
        ref = linear_model.RidgeCV(alphas=n * LAMS, fit_intercept=fit_intercept, store_cv_values=True).fit(X, y)
        squared = ref.cv_values_
    cv = wd.loo_cv(X, y, LAMS, fit_intercept=fit_intercept)
    np.testing.assert_allclose(cv.mse, squared.mean(axis=0), rtol=1e-8)
    assert cv.best_lam * n == pytest.approx(ref.alpha_)


def test_loo_cv_one_standard_error_rule(rng):
    X, y = _problem(rng, 40, 5)
    lams = np.logspace(-4, 2, 30)
    cv = wd.loo_cv(X, y, lams)
    # reference straight from the definition, with the squared errors from brute force
    best = np.argmin(cv.mse)
    threshold = cv.mse[best] + cv.mse_std[best] / np.sqrt(len(y))
    assert cv.lam_1se == max(lam for lam, m in zip(lams, cv.mse) if m <= threshold)
    assert cv.lam_1se >= cv.best_lam


def _brute_force_kfold(X, y, lams, k, seed, fit_intercept):
    n = len(y)
    folds = kfold_indices(n, k, seed)
    errors = np.empty((k, len(lams)))
    for i, val in enumerate(folds):
        train = np.setdiff1d(np.arange(n), val)
        for j, lam in enumerate(lams):
            fit = wd.ridge_fit(X[train], y[train], lam * n / train.size, fit_intercept=fit_intercept, solver="svd")
            errors[i, j] = np.mean((y[val] - fit.predict(X[val])) ** 2)
    return errors


@pytest.mark.parametrize("shape", [(37, 5), (23, 40)])
@pytest.mark.parametrize("k", [2, 5, 10])
def test_kfold_cv_equals_brute_force_with_the_same_folds(rng, shape, k):
    X, y = _problem(rng, *shape)
    cv = wd.kfold_cv(X, y, LAMS, k=k, seed=3)
    errors = _brute_force_kfold(X, y, LAMS, k, 3, True)
    np.testing.assert_allclose(cv.mse, errors.mean(axis=0), rtol=1e-9)
    np.testing.assert_allclose(cv.mse_std, errors.std(axis=0, ddof=1), rtol=1e-7)
    np.testing.assert_allclose(cv.mse_se, errors.std(axis=0, ddof=1) / np.sqrt(k), rtol=1e-7)
    assert cv.best_lam == LAMS[np.argmin(errors.mean(axis=0))]
    within = errors.mean(axis=0) <= errors.mean(axis=0).min() + cv.mse_se[np.argmin(errors.mean(axis=0))]
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
    np.testing.assert_allclose(wd.kfold_cv(X, y, LAMS, k=15).mse, wd.loo_cv(X, y, LAMS).mse, rtol=1e-9)


def test_bias_variance_against_direct_computation(rng):
    sets = [_problem(np.random.default_rng(s), 15, 4) for s in range(4)]
    X_eval = rng.normal(size=(7, 4))
    f_eval = X_eval @ np.ones(4)
    bv = bias_variance(sets, X_eval, f_eval, LAMS[:3])
    for j, lam in enumerate(LAMS[:3]):
        preds = np.array([wd.ridge_fit(Xt, yt, lam).predict(X_eval) for Xt, yt in sets])
        assert bv.bias2[j] == pytest.approx(np.mean((preds.mean(0) - f_eval) ** 2), rel=1e-9)
        assert bv.variance[j] == pytest.approx(np.mean(preds.var(0)), rel=1e-9)
    np.testing.assert_allclose(bv.mse, bv.bias2 + bv.variance, rtol=1e-12)


def test_bias_variance_rejects_bad_input(rng):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(ValueError, match=r"f_eval must be 1-D of shape \(10,\) to match X_eval; got shape \(3,\)"):
        bias_variance([(X, y), (X, y)], X, y[:3], LAMS)
    with pytest.raises(ValueError, match=r"train_sets must hold at least 2 training sets to measure a variance; got 1"):
        bias_variance([(X, y)], X, y, LAMS)


BAD_LAMS = [
    (-1.0, ValueError, r"lams must be a non-empty 1-D sequence of numbers >= 0; got shape \(\)"),
    ([], ValueError, r"lams must be a non-empty 1-D sequence of numbers >= 0; got shape \(0,\)"),
    ([0.1, -1.0], ValueError, r"lams must contain only finite numbers >= 0; got \[-1\.0\]"),
    ([0.1, np.nan], ValueError, r"lams must contain only finite numbers >= 0; got \[nan\]"),
    ([[0.1, 1.0]], ValueError, r"lams must be a non-empty 1-D sequence .* got shape \(1, 2\)"),
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
        (1, ValueError, r"k must be an integer >= 2; got 1\. Pass a larger value"),
        (2.5, TypeError, r"k must be an integer >= 2; got 2\.5"),
        (True, TypeError, r"k must be an integer >= 2; got True"),
        (11, ValueError, r"k must be at most n_samples=10 \(each fold needs a sample\); got k=11\. Pass a smaller k, or use loo_cv"),
    ],
)
def test_bad_k_is_rejected(rng, k, error, message):
    X, y = _problem(rng, 10, 3)
    with pytest.raises(error, match=message):
        wd.kfold_cv(X, y, LAMS, k=k)


def test_loo_needs_two_samples():
    with pytest.raises(ValueError, match=r"loo_cv needs at least 2 samples to leave one out; got 1"):
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
    norms = np.linalg.norm(wd.ridge_path(X, y, np.logspace(-4, 3, 15)).coefs, axis=1)
    assert np.all(np.diff(norms) <= 1e-10 * norms[0] + 1e-14)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(3, 20), d=st.integers(1, 20))
def test_loo_matches_brute_force_for_random_shapes(seed, n, d):
    X, y = _problem(np.random.default_rng(seed), n, d)
    lams = np.array([0.01, 1.0])
    np.testing.assert_allclose(wd.loo_cv(X, y, lams).mse, _brute_force_loo(X, y, lams, True), rtol=1e-8)


def test_plot_cv_curve_marks_both_choices(rng):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    X, y = _problem(rng, 30, 4)
    cv = wd.kfold_cv(X, y, np.logspace(-3, 2, 12))
    ax = wd.plotting.plot_cv_curve(cv, label="5-fold", ax=Figure().subplots())
    vertical = sorted(line.get_xdata()[0] for line in ax.get_lines() if len(set(line.get_xdata())) == 1)
    assert vertical == sorted([cv.best_lam, cv.lam_1se])
    assert ax.get_xscale() == "log"
    with pytest.raises(TypeError, match=r"cv must be a CVResult .* got dict without \.lams"):
        wd.plotting.plot_cv_curve({}, label="x", ax=Figure().subplots())
