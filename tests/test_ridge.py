"""ridge_fit against independent answers: lstsq on the augmented system and "
"scikit-learn."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays
from scipy import linalg as scipy_linalg
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge as SkRidge

import wdlib as wd

SOLVERS = ["auto", "cholesky", "kernel", "svd"]


def augmented_lstsq(X, y, lam, fit_intercept=True):
    """Ridge as ordinary least squares on rows [X 1; sqrt(n lam) I 0] (no "
    "intercept penalty)."""
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))]) if fit_intercept else X
    pad = np.zeros((d, A.shape[1]))
    pad[:, :d] = np.sqrt(n * lam) * np.eye(d)
    sol = np.linalg.lstsq(
        np.vstack([A, pad]), np.concatenate([y, np.zeros(d)]), rcond=None
    )[0]
    return sol[:d], (sol[d] if fit_intercept else 0.0)


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes(return_X_y=True)


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("lam", [1e-4, 0.1, 10.0])
def test_matches_sklearn_on_diabetes(diabetes, solver, lam):
    X, y = diabetes
    ours = wd.ridge_fit(X, y, lam, solver=solver)
    ref = SkRidge(alpha=X.shape[0] * lam, solver="svd").fit(X, y)
    np.testing.assert_allclose(ours.coef, ref.coef_, rtol=1e-10)
    assert ours.intercept == pytest.approx(ref.intercept_, rel=1e-10)


@pytest.mark.parametrize("solver", SOLVERS)
def test_matches_sklearn_when_features_exceed_samples(rng, solver):
    X = rng.normal(size=(40, 300))
    y = X[:, :5] @ np.arange(1.0, 6.0) + rng.normal(size=40)
    ours = wd.ridge_fit(X, y, 0.05, solver=solver)
    ref = SkRidge(alpha=40 * 0.05, solver="svd").fit(X, y)
    np.testing.assert_allclose(ours.coef, ref.coef_, rtol=1e-10, atol=1e-14)
    assert ours.intercept == pytest.approx(ref.intercept_, rel=1e-10)


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("shape", [(50, 6), (8, 20)])
def test_matches_augmented_least_squares(rng, solver, fit_intercept, shape):
    X = rng.normal(size=shape) + 3.0
    y = rng.normal(size=shape[0]) + 1.0
    ours = wd.ridge_fit(X, y, 0.3, fit_intercept=fit_intercept, solver=solver)
    coef, intercept = augmented_lstsq(X, y, 0.3, fit_intercept)
    np.testing.assert_allclose(ours.coef, coef, rtol=1e-9, atol=1e-12)
    assert ours.intercept == pytest.approx(intercept, rel=1e-9, abs=1e-12)


def test_auto_picks_by_shape_and_penalty(rng):
    assert (
        wd.ridge_fit(rng.normal(size=(30, 3)), rng.normal(size=30), 0.1).solver
        == "cholesky"
    )
    assert (
        wd.ridge_fit(rng.normal(size=(3, 30)), rng.normal(size=3), 0.1).solver
        == "kernel"
    )
    assert (
        wd.ridge_fit(rng.normal(size=(30, 3)), rng.normal(size=30), 0.0).solver
        == "svd"
    )


def test_collinear_columns_without_penalty_give_min_norm_least_squares(rng):
    x = rng.normal(size=(25, 1))
    X = np.hstack([x, x, rng.normal(size=(25, 1))])
    y = rng.normal(size=25)
    ours = wd.ridge_fit(X, y, 0.0)
    Xc, yc = X - X.mean(0), y - y.mean()
    np.testing.assert_allclose(
        ours.coef, np.linalg.pinv(Xc) @ yc, rtol=1e-8, atol=1e-12
    )
    assert ours.coef[0] == pytest.approx(ours.coef[1], rel=1e-10)


def test_explicit_cholesky_failure_is_reported_not_hidden(rng):
    X = np.hstack(
        [rng.normal(size=(10, 1)), np.zeros((10, 1))]
    )  # exactly singular Gram
    y = rng.normal(size=10)
    with pytest.raises(
        ValueError,
        match=r"solver='cholesky' needs the Gram matrix X'X \+ n\*lam\*I .* "
        r"failed at lam=0\.0.*Use lam > 0 .*solver='svd'.*solver='auto'",
    ):
        wd.ridge_fit(X, y, 0.0, solver="cholesky")
    assert wd.ridge_fit(X, y, 0.0).solver == "svd"


def test_explicit_kernel_failure_is_a_clear_value_error(rng):
    X = np.vstack([rng.normal(size=(1, 12))] * 4)  # identical rows
    with pytest.raises(
        ValueError,
        match=r"solver='kernel' needs the kernel XX' \+ n\*lam\*I .*"
        r"Use lam > 0",
    ):
        wd.ridge_fit(X, rng.normal(size=4), 0.0, solver="kernel")


def test_auto_falls_back_to_svd_when_cholesky_fails(rng, monkeypatch):
    from wdlib import ridge

    def failing(X, y, alpha):
        raise np.linalg.LinAlgError("not positive definite")

    monkeypatch.setitem(ridge.SOLVERS, "cholesky", failing)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=20)
    fit = wd.ridge_fit(X, y, 0.1)
    assert fit.solver == "svd"
    np.testing.assert_allclose(
        fit.coef, augmented_lstsq(X, y, 0.1)[0], rtol=1e-10
    )


def test_predict_and_frozen_result(rng):
    X = rng.normal(size=(20, 3))
    y = rng.normal(size=20)
    fit = wd.ridge_fit(X, y, 0.2)
    np.testing.assert_allclose(fit.predict(X), X @ fit.coef + fit.intercept)
    with pytest.raises(AttributeError):
        fit.intercept = 0.0
    with pytest.raises(
        ValueError,
        match=(
            r"X must have 3 column\(s\) like the training data; got shape "
            r"\(1, 4\)"
        ),
    ):
        fit.predict(np.ones((1, 4)))
    with pytest.raises(
        ValueError,
        match=r"X must be 2-D of shape \(n_samples, n_features\); got 1-D",
    ):
        fit.predict(np.ones(3))


def test_effective_dof_against_hat_matrix_trace(rng):
    X = rng.normal(size=(30, 5))
    n = X.shape[0]
    Xc = X - X.mean(0)
    for lam in [0.0, 0.1, 3.0]:
        hat = Xc @ np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(5), Xc.T)
        assert wd.effective_dof(X, lam)[0] == pytest.approx(
            np.trace(hat), rel=1e-10
        )


finite = st.floats(-10, 10, allow_nan=False, allow_infinity=False)


@st.composite
def problems(draw):
    n = draw(st.integers(2, 12))
    d = draw(st.integers(1, 8))
    X = draw(arrays(np.float64, (n, d), elements=finite))
    y = draw(arrays(np.float64, (n,), elements=finite))
    return X, y


@settings(max_examples=60, deadline=None)
@given(problems(), st.floats(1e-3, 1e3))
def test_normal_equations_hold(problem, lam):
    X, y = problem
    fit = wd.ridge_fit(X, y, lam)
    g_w, g_b = wd.ridge_gradient(X, y, fit.coef, fit.intercept, lam)
    scale = 1.0 + np.abs(X).max() * (np.abs(y).max() + 1.0)
    assert np.abs(g_w).max() <= 1e-9 * scale
    assert abs(g_b) <= 1e-9 * scale


@settings(max_examples=60, deadline=None)
@given(problems(), st.lists(st.floats(1e-4, 1e4), min_size=2, max_size=6))
def test_norm_of_weights_never_grows_with_lam(problem, lams):
    X, y = problem
    norms = [
        np.linalg.norm(wd.ridge_fit(X, y, lam).coef) for lam in sorted(lams)
    ]
    assert all(b <= a * (1 + 1e-8) + 1e-12 for a, b in zip(norms, norms[1:]))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_small_lam_recovers_least_squares_on_full_rank_data(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(30, 4))
    y = rng.normal(size=30)
    ls = np.linalg.lstsq(np.hstack([X, np.ones((30, 1))]), y, rcond=None)[0]
    fit = wd.ridge_fit(X, y, 1e-12)
    np.testing.assert_allclose(fit.coef, ls[:4], rtol=1e-7, atol=1e-9)
    assert fit.intercept == pytest.approx(ls[4], rel=1e-7, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(problems(), st.sampled_from(SOLVERS))
def test_inputs_are_never_modified(problem, solver):
    X, y = problem
    X0, y0 = X.copy(), y.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wd.ridge_fit(X, y, 0.5, solver=solver)
        except np.linalg.LinAlgError:
            pass
        wd.ridge_objective(X, y, np.ones(X.shape[1]), 1.0, 0.5)
        wd.ridge_gradient(X, y, np.ones(X.shape[1]), 1.0, 0.5)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)


# --------------------------------------------------------------------------
# Small singular values are data when lam > 0 (rank cut only at lam = 0)


def graded_problem(rng):
    """Columns on scales 1e8, 1 and 1e-8; y needs the smallest direction."""
    X = rng.normal(size=(40, 3)) * [1e8, 1.0, 1e-8]
    return X, X @ [1e-8, -1.0, 5e7]


@pytest.mark.parametrize("solver", ["auto", "cholesky", "svd"])
def test_tiny_penalty_keeps_small_singular_directions(rng, solver):
    # (the n x n kernel of 40 samples in 3 features has rank 3: the kernel
    # solver cannot factor it at this penalty and says so, tested above)
    X, y = graded_problem(rng)
    lam = 1e-20
    ours = wd.ridge_fit(X, y, lam, solver=solver)
    ref = SkRidge(alpha=X.shape[0] * lam, solver="svd").fit(X, y)
    np.testing.assert_allclose(ours.coef, ref.coef_, rtol=1e-6)
    assert ours.coef[2] == pytest.approx(5e7, rel=1e-3)
    assert np.mean((y - ours.predict(X)) ** 2) < 1e-6 * np.var(y)


def test_effective_dof_counts_small_singular_values_for_lam_above_zero(rng):
    X, _ = graded_problem(rng)
    n = X.shape[0]
    # reference: singular values from scipy's own SVD of the centred X
    s = scipy_linalg.svdvals(X - X.mean(axis=0))
    expected = np.sum(s**2 / (s**2 + n * 1e-20))
    got = wd.effective_dof(X, [1e-20, 0.0])
    assert got[0] == pytest.approx(expected, rel=1e-9)
    assert got[0] > 2.99
    # at lam = 0 the count is the numerical rank, as numpy defines it
    assert got[1] == np.linalg.matrix_rank(X - X.mean(axis=0))


def explicit_hat_matrix(X, lam, fit_intercept):
    """S with S @ y = fitted values, column j = fit of y = e_j (lstsq)."""
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))]) if fit_intercept else X
    pad = np.zeros((d, A.shape[1]))
    pad[:, :d] = np.sqrt(n * lam) * np.eye(d)
    big = np.vstack([A, pad])
    rhs = np.vstack([np.eye(n), np.zeros((d, n))])
    theta = np.linalg.lstsq(big, rhs, rcond=None)[0]
    return A @ theta


@pytest.mark.parametrize("shape", [(30, 5), (8, 20)])
@pytest.mark.parametrize("lam", [1e-3, 0.1, 3.0])
def test_effective_dof_is_hat_trace_minus_the_intercept(rng, shape, lam):
    X = rng.normal(size=shape) + 2.0
    with_b = np.trace(explicit_hat_matrix(X, lam, True))
    without_b = np.trace(explicit_hat_matrix(X, lam, False))
    assert wd.effective_dof(X, lam)[0] + 1 == pytest.approx(with_b, rel=1e-9)
    assert wd.effective_dof(X, lam, fit_intercept=False)[0] == pytest.approx(
        without_b, rel=1e-9
    )


# --------------------------------------------------------------------------
# Validation of every argument


@pytest.mark.parametrize(
    ("lams", "error", "message"),
    [
        ("abc", TypeError, r"lams must be a numeric array-like; got 'abc'"),
        ([0.1, np.nan], ValueError, r"lams must contain only finite"),
        ([1 + 2j], TypeError, r"lams must be real; got .*complex"),
        (-1.0, ValueError, r"lams must contain only finite numbers >= 0"),
    ],
)
def test_effective_dof_rejects_bad_lams(rng, lams, error, message):
    with pytest.raises(error, match=message):
        wd.effective_dof(rng.normal(size=(5, 2)), lams)


def test_effective_dof_rejects_bad_X():
    with pytest.raises(TypeError, match=r"X must be real; got .*complex"):
        wd.effective_dof(np.ones((3, 2)) * 1j, 0.1)
    masked = np.ma.masked_array(np.ones((3, 2)), mask=[[1, 0]] * 3)
    with pytest.raises(ValueError, match=r"X must not contain masked"):
        wd.effective_dof(masked, 0.1)
    with pytest.raises(ValueError, match=r"X must have at least one sample"):
        wd.effective_dof(np.empty((0, 2)), 0.1)


@pytest.mark.parametrize("flag", ["False", 0, None])
def test_fit_intercept_must_be_a_bool(rng, flag):
    X, y = rng.normal(size=(6, 2)), rng.normal(size=6)
    match = r"fit_intercept must be True or False; got .*Pass a bool"
    with pytest.raises(TypeError, match=match):
        wd.ridge_fit(X, y, 0.1, fit_intercept=flag)
    with pytest.raises(TypeError, match=match):
        wd.effective_dof(X, 0.1, fit_intercept=flag)


def test_ridge_fit_rejects_complex_masked_nan_and_empty():
    X = np.arange(6.0).reshape(3, 2)
    y = np.array([1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match=r"y must be real; got .*complex"):
        wd.ridge_fit(X, y + 1j, 0.1)
    with pytest.raises(ValueError, match=r"y must not contain masked"):
        wd.ridge_fit(X, np.ma.masked_array(y, mask=[0, 1, 0]), 0.1)
    with pytest.raises(ValueError, match=r"y must contain only finite"):
        wd.ridge_fit(X, [1.0, np.nan, 3.0], 0.1)
    with pytest.raises(ValueError, match=r"X must have at least one sample"):
        wd.ridge_fit(np.empty((0, 2)), np.empty(0), 0.1)
