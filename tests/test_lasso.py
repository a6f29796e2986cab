"""lasso_fit against scikit-learn's Lasso/ElasticNet, ridge_fit and the "
"optimality conditions."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd

sklearn_lm = pytest.importorskip("sklearn.linear_model")


def _problem(rng, n=60, d=15, intercept=1.0):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d)
    y = X[:, :4] @ [3.0, -2.0, 1.0, 0.5] + rng.normal(size=n) + intercept
    return X, y


@pytest.mark.parametrize("lam", [1e-3, 0.05, 0.3, 1.0, 50.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_equals_sklearn_lasso_including_exact_zeros(rng, lam, fit_intercept):
    X, y = _problem(rng)
    ours = wd.lasso_fit(
        X, y, lam, fit_intercept=fit_intercept, tol=1e-12, max_iter=100_000
    )
    ref = sklearn_lm.Lasso(
        alpha=lam, fit_intercept=fit_intercept, tol=1e-12, max_iter=100_000
    ).fit(X, y)
    assert ours.converged
    np.testing.assert_allclose(ours.coef, ref.coef_, rtol=0, atol=1e-6)
    assert ours.intercept == pytest.approx(float(ref.intercept_), abs=1e-6)
    np.testing.assert_array_equal(ours.coef == 0.0, ref.coef_ == 0.0)


def test_sparsity_pattern_is_nontrivial(rng):
    # guard for the test above: at a moderate lam some but not all weights
    # vanish
    X, y = _problem(rng)
    coef = wd.lasso_fit(X, y, 0.3, tol=1e-12, max_iter=100_000).coef
    assert 0 < np.count_nonzero(coef == 0.0) < coef.size


def test_wide_data_equals_sklearn(rng):
    X = rng.normal(size=(20, 60))
    y = X[:, :3] @ [2.0, -1.0, 1.0] + 0.1 * rng.normal(size=20)
    ours = wd.lasso_fit(X, y, 0.05, tol=1e-12, max_iter=100_000)
    ref = sklearn_lm.Lasso(alpha=0.05, tol=1e-12, max_iter=100_000).fit(X, y)
    np.testing.assert_allclose(ours.coef, ref.coef_, atol=1e-6)
    np.testing.assert_array_equal(ours.coef == 0.0, ref.coef_ == 0.0)


def test_elastic_net_equals_sklearn(rng):
    X, y = _problem(rng)
    alpha, l1_ratio = 0.2, 0.3
    ours = wd.lasso_fit(
        X,
        y,
        alpha * l1_ratio,
        l2_lam=alpha * (1 - l1_ratio),
        tol=1e-12,
        max_iter=100_000,
    )
    ref = sklearn_lm.ElasticNet(
        alpha=alpha, l1_ratio=l1_ratio, tol=1e-12, max_iter=100_000
    ).fit(X, y)
    np.testing.assert_allclose(ours.coef, ref.coef_, atol=1e-6)
    assert ours.intercept == pytest.approx(float(ref.intercept_), abs=1e-6)


def test_pure_l2_is_ridge(rng):
    X, y = _problem(rng)
    ours = wd.lasso_fit(X, y, 0.0, l2_lam=0.4, tol=1e-14, max_iter=100_000)
    np.testing.assert_allclose(
        ours.coef, wd.ridge_fit(X, y, 0.4).coef, atol=1e-8
    )


def test_above_lam_max_all_weights_are_zero(rng):
    # closed form: w = 0 is optimal iff lam >= max_j |x_j' y_c| / n
    X, y = _problem(rng)
    lam_max = np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / len(y)
    fit = wd.lasso_fit(X, y, lam_max * 1.0001)
    assert np.all(fit.coef == 0.0)
    assert fit.intercept == pytest.approx(y.mean())
    assert np.any(wd.lasso_fit(X, y, lam_max * 0.99).coef != 0.0)


def test_kkt_conditions(rng):
    X, y = _problem(rng)
    lam = 0.2
    fit = wd.lasso_fit(X, y, lam, tol=1e-14, max_iter=100_000)
    grad = (
        X.T @ (y - X @ fit.coef - fit.intercept) / len(y)
    )  # = lam * sign(w) on the support
    on = fit.coef != 0.0
    np.testing.assert_allclose(
        grad[on], lam * np.sign(fit.coef[on]), atol=1e-8
    )
    assert np.all(np.abs(grad[~on]) <= lam + 1e-8)
    assert (
        abs(np.sum(y - X @ fit.coef - fit.intercept)) < 1e-8
    )  # intercept optimal


def test_warm_start_reaches_the_same_answer_faster(rng):
    X, y = _problem(rng)
    cold = wd.lasso_fit(X, y, 0.1, tol=1e-10, max_iter=100_000)
    warm = wd.lasso_fit(
        X, y, 0.1, tol=1e-10, max_iter=100_000, coef_init=cold.coef
    )
    np.testing.assert_allclose(warm.coef, cold.coef, atol=1e-8)
    assert warm.n_iter < cold.n_iter


def test_early_stop_warns_and_reports(rng):
    X, y = _problem(rng)
    with pytest.warns(
        wd.ConvergenceWarning,
        match=(
            r"coordinate descent did not reach tol=1e-15 in max_iter=2 "
            r"sweeps"
        ),
    ):
        fit = wd.lasso_fit(X, y, 0.01, max_iter=2, tol=1e-15)
    assert not fit.converged and fit.n_iter == 2 and fit.dual_gap > 0


def test_duality_gap_bounds_suboptimality(rng):
    X, y = _problem(rng)
    lam = 0.05

    def objective(w, b):
        r = y - X @ w - b
        return r @ r / (2 * len(y)) + lam * np.abs(w).sum()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wd.ConvergenceWarning)
        rough = wd.lasso_fit(X, y, lam, max_iter=3, tol=1e-15)
    best = wd.lasso_fit(X, y, lam, tol=1e-14, max_iter=100_000)
    gap = objective(rough.coef, rough.intercept) - objective(
        best.coef, best.intercept
    )
    assert 0 <= gap <= rough.dual_gap * (1 + 1e-9)


def test_inputs_not_modified(rng):
    X, y = _problem(rng)
    w0 = np.ones(X.shape[1])
    copies = X.copy(), y.copy(), w0.copy()
    wd.lasso_fit(X, y, 0.1, coef_init=w0)
    wd.lasso_fit(X, y, 0.1, fit_intercept=False)
    for before, after in zip(copies, (X, y, w0)):
        np.testing.assert_array_equal(before, after)


def test_constant_column_gets_zero_weight(rng):
    X, y = _problem(rng)
    X[:, 3] = 2.0
    fit = wd.lasso_fit(X, y, 0.01)
    assert fit.coef[3] == 0.0 and fit.converged


def test_predict(rng):
    X, y = _problem(rng)
    fit = wd.lasso_fit(X, y, 0.1)
    np.testing.assert_allclose(
        fit.predict(X[:3]), X[:3] @ fit.coef + fit.intercept
    )
    with pytest.raises(
        ValueError,
        match=(
            r"X must have 15 column\(s\) like the training data; got shape "
            r"\(3, 2\)\. Transform new data"
        ),
    ):
        fit.predict(X[:3, :2])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"lam": -0.1},
            ValueError,
            r"lam must be a finite number >= 0; got -0\.1",
        ),
        (
            {"lam": [0.1, 0.2]},
            TypeError,
            r"lam must be a real number >= 0; got \[0\.1, 0\.2\]",
        ),
        (
            {"lam": 0.1, "l2_lam": -1.0},
            ValueError,
            r"l2_lam must be a finite number >= 0; got -1\.0",
        ),
        (
            {"lam": 0.1, "max_iter": 0},
            ValueError,
            r"max_iter must be an integer >= 1; got 0",
        ),
        (
            {"lam": 0.1, "tol": 0.0},
            ValueError,
            r"tol must be a finite number > 0; got 0\.0",
        ),
        (
            {"lam": 0.1, "coef_init": np.zeros(3)},
            ValueError,
            r"coef_init must be 1-D of shape \(15,\)",
        ),
    ],
)
def test_bad_arguments_are_rejected(rng, kwargs, error, message):
    X, y = _problem(rng)
    with pytest.raises(error, match=message):
        wd.lasso_fit(X, y, **kwargs)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), lam=st.floats(1e-3, 2.0))
def test_larger_lam_never_increases_l1_norm(seed, lam):
    # the L1 norm of the lasso solution is non-increasing in lam
    X, y = _problem(np.random.default_rng(seed), n=30, d=6)
    small = wd.lasso_fit(X, y, lam, tol=1e-12, max_iter=100_000)
    large = wd.lasso_fit(X, y, 1.5 * lam, tol=1e-12, max_iter=100_000)
    assert np.abs(large.coef).sum() <= np.abs(small.coef).sum() + 1e-8


def test_no_penalty_is_least_squares(rng):
    X, y = _problem(rng)
    fit = wd.lasso_fit(X, y, 0.0, tol=1e-13, max_iter=100_000)
    A = np.hstack([X, np.ones((len(y), 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    assert fit.converged and np.isnan(fit.dual_gap)
    np.testing.assert_allclose(fit.coef, theta[:-1], atol=1e-8)
    assert fit.intercept == pytest.approx(theta[-1], abs=1e-8)


def _standardized_diabetes():
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    return (X - X.mean(0)) / X.std(0), y


def _gap_from_scratch(X, y, coef, intercept, lam):
    # primal minus dual of P(w, b) = ||y - Xw - b||^2/(2n) + lam ||w||_1 at the
    # dual point theta = lam r / max(n lam, ||X_c' r||_inf), feasible for
    # the dual max theta'y_c - n||theta||^2/2 s.t. ||X_c' theta||_inf <= lam,
    # written out independently of wdlib
    n = len(y)
    Xc, yc = X - X.mean(0), y - y.mean()
    r = yc - Xc @ coef
    primal = r @ r / (2 * n) + lam * np.abs(coef).sum()
    theta = lam * r / max(n * lam, np.abs(Xc.T @ r).max())
    dual = theta @ yc - n * (theta @ theta) / 2
    return primal - dual


@pytest.mark.parametrize("lam", [0.01, 0.1, 1.0])
def test_defaults_agree_with_a_fully_converged_sklearn_lasso(lam):
    # at its old defaults (tol=1e-6, checked only after a small coordinate
    # move) lasso_fit was 2.6e-5 off at lam = 0.01
    X, y = _standardized_diabetes()
    ref = sklearn_lm.Lasso(alpha=lam, tol=1e-12, max_iter=10**6).fit(X, y)
    fit = wd.lasso_fit(X, y, lam)
    assert fit.converged
    np.testing.assert_allclose(fit.coef, ref.coef_, rtol=1e-6, atol=0)
    assert fit.intercept == pytest.approx(float(ref.intercept_), rel=1e-6)
    np.testing.assert_array_equal(fit.coef == 0.0, ref.coef_ == 0.0)


def test_stops_at_the_first_sweep_meeting_the_gap_criterion():
    X, y = _standardized_diabetes()
    lam, tol = 0.01, 1e-10
    bound = (
        tol * np.sum((y - y.mean()) ** 2) / len(y)
    )  # sklearn's tol * ||y_c||^2, scaled by 1/n
    fit = wd.lasso_fit(X, y, lam, tol=tol)
    assert fit.converged and fit.dual_gap <= bound
    assert fit.dual_gap == pytest.approx(
        _gap_from_scratch(X, y, fit.coef, fit.intercept, lam), rel=1e-6
    )
    with pytest.warns(
        wd.ConvergenceWarning,
        match=(
            r"did not reach tol=1e-10 in max_iter=\d+ sweeps \(duality gap "
            r"[\d.e+-]+, needed <= "
        ),
    ):
        short = wd.lasso_fit(X, y, lam, tol=tol, max_iter=fit.n_iter - 1)
    assert not short.converged
    assert _gap_from_scratch(X, y, short.coef, short.intercept, lam) > bound


def test_reported_gap_matches_sklearn_for_the_same_problem():
    # sklearn's dual_gap_ uses the same scaling (its unscaled gap / n)
    X, y = _standardized_diabetes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = sklearn_lm.Lasso(alpha=0.5, max_iter=3, tol=1e-15).fit(X, y)
    assert float(ref.dual_gap_) == pytest.approx(
        _gap_from_scratch(X, y, ref.coef_, ref.intercept_, 0.5), rel=1e-8
    )


def test_non_convergence_is_the_shared_convergence_warning():
    from wdlib.gd import ConvergenceWarning

    X, y = _standardized_diabetes()
    with pytest.warns(ConvergenceWarning):
        fit = wd.lasso_fit(X, y, 0.01, max_iter=5)
    assert fit.converged is False and fit.dual_gap > 0


def test_a_warm_start_at_the_solution_takes_no_sweep():
    X, y = _standardized_diabetes()
    fit = wd.lasso_fit(X, y, 0.1)
    again = wd.lasso_fit(X, y, 0.1, coef_init=fit.coef)
    assert again.converged and again.n_iter == 0
    np.testing.assert_array_equal(again.coef, fit.coef)


def _masked(a):
    out = np.ma.array(np.asarray(a, dtype=float))
    out[(0,) * out.ndim] = np.ma.masked
    return out


@pytest.mark.parametrize(
    ("arg", "value", "error", "message"),
    [
        (
            "fit_intercept",
            "False",
            TypeError,
            r"fit_intercept must be True or False; got 'False'",
        ),
        (
            "fit_intercept",
            0,
            TypeError,
            r"fit_intercept must be True or False; got 0",
        ),
        ("X", "X", TypeError, r"X must be a numeric array-like; got 'X'"),
        ("X", lambda X: X + 1j, TypeError, r"X must be real; got .*complex"),
        (
            "X",
            lambda X: _masked(X),
            ValueError,
            r"X must not contain masked entries",
        ),
        (
            "X",
            lambda X: np.where(np.eye(*X.shape) > 0, np.nan, X),
            ValueError,
            r"X must contain only finite numbers",
        ),
        (
            "X",
            lambda X: X[:0],
            ValueError,
            r"X must have at least one sample and one feature",
        ),
        ("y", lambda y: y + 1j, TypeError, r"y must be real; got .*complex"),
        (
            "y",
            lambda y: _masked(y),
            ValueError,
            r"y must not contain masked entries",
        ),
        (
            "y",
            lambda y: y[:, None],
            ValueError,
            r"y must be 1-D of shape \(60,\); got a column",
        ),
        (
            "coef_init",
            np.zeros(15) + 1j,
            TypeError,
            r"coef_init must be real; got .*complex",
        ),
        (
            "coef_init",
            _masked(np.zeros(15)),
            ValueError,
            r"coef_init must not contain masked entries",
        ),
        (
            "coef_init",
            np.full(15, np.inf),
            ValueError,
            r"coef_init must contain only finite numbers",
        ),
        (
            "lam",
            0.1 + 0j,
            TypeError,
            r"lam must be a real number >= 0; got \(0\.1\+0j\)",
        ),
        (
            "l2_lam",
            "0.1",
            TypeError,
            r"l2_lam must be a real number >= 0; got '0\.1'",
        ),
        ("tol", 1e-6 + 0j, TypeError, r"tol must be a finite number > 0"),
        (
            "max_iter",
            10.0,
            TypeError,
            r"max_iter must be an integer >= 1; got 10\.0",
        ),
    ],
)
def test_bad_inputs_name_the_argument(rng, arg, value, error, message):
    X, y = _problem(rng)
    kwargs = {"X": X, "y": y, "lam": 0.1}
    kwargs[arg] = value(kwargs[arg]) if callable(value) else value
    with pytest.raises(error, match=message):
        wd.lasso_fit(**kwargs)
