"""Gradient descent against the closed form, and its step-size and stopping rules."""

import warnings

import numpy as np
import pytest

import wdlib as wd
from wdlib import ConvergenceWarning


def problem(rng, n=60, d=5, shift=2.0):
    X = rng.normal(size=(n, d)) + shift
    y = X @ rng.normal(size=d) + 1.5 + 0.1 * rng.normal(size=n)
    return X, y


@pytest.mark.parametrize("nesterov", [False, True])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_converges_to_the_closed_form(rng, nesterov, fit_intercept):
    X, y = problem(rng)
    res = wd.gradient_descent(X, y, 0.05, tol=1e-11, max_iter=200_000, fit_intercept=fit_intercept, nesterov=nesterov)
    exact = wd.ridge_fit(X, y, 0.05, fit_intercept=fit_intercept)
    assert res.converged
    np.testing.assert_allclose(res.coef, exact.coef, rtol=1e-8, atol=1e-10)
    assert res.intercept == pytest.approx(exact.intercept, rel=1e-8, abs=1e-10)
    assert res.history.shape == (res.n_iter + 1,)


def test_default_step_is_one_over_the_largest_hessian_eigenvalue(rng):
    X, y = problem(rng)
    n, lam = X.shape[0], 0.3
    A = np.hstack([X, np.ones((n, 1))])
    H = A.T @ A / n + np.diag([lam] * X.shape[1] + [0.0])
    L = np.linalg.eigvalsh(H).max()
    assert wd.lipschitz_constant(X, lam) == pytest.approx(L, rel=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        assert wd.gradient_descent(X, y, lam, max_iter=5).lr == pytest.approx(1 / L, rel=1e-12)


def test_lipschitz_bound_for_wide_data_is_an_upper_bound(rng):
    X = rng.normal(size=(6, 40))
    n, lam = 6, 0.2
    A = np.hstack([X, np.ones((n, 1))])
    exact = np.linalg.eigvalsh(A.T @ A / n + np.diag([lam] * 40 + [0.0])).max()
    bound = wd.lipschitz_constant(X, lam)
    assert exact <= bound <= exact + lam + 1e-12


def test_objective_decreases_monotonically_with_the_default_step(rng):
    X, y = problem(rng)
    res = wd.gradient_descent(X, y, 0.1, tol=1e-9, max_iter=100_000)
    assert np.all(np.diff(res.history) <= 1e-12)
    assert res.history[-1] == pytest.approx(wd.ridge_objective(X, y, res.coef, res.intercept, 0.1), rel=1e-12)


def test_nesterov_needs_fewer_steps_on_ill_conditioned_data(rng):
    X, y = problem(rng, shift=3.0)  # uncentred features: a large condition number
    plain = wd.gradient_descent(X, y, 1e-3, tol=1e-8, max_iter=500_000)
    fast = wd.gradient_descent(X, y, 1e-3, tol=1e-8, max_iter=500_000, nesterov=True)
    assert plain.converged and fast.converged
    assert fast.n_iter * 5 < plain.n_iter


def test_max_iter_gives_a_warning_and_converged_false(rng):
    X, y = problem(rng)
    with pytest.warns(ConvergenceWarning, match=r"did not reach tol=1e-12 in max_iter=3 steps .*Increase max_iter"):
        res = wd.gradient_descent(X, y, 0.1, tol=1e-12, max_iter=3)
    assert not res.converged and res.n_iter == 3 and res.history.shape == (4,)


def test_divergence_is_reported_and_last_finite_iterate_returned(rng):
    X, y = problem(rng)
    bound = 2 / wd.lipschitz_constant(X, 0.1)
    with pytest.warns(ConvergenceWarning, match=r"diverged after \d+ steps: lr=.* is above 2/L"):
        res = wd.gradient_descent(X, y, 0.1, lr=50 * bound, max_iter=100_000)
    assert not res.converged
    assert np.all(np.isfinite(res.coef)) and np.isfinite(res.intercept)
    assert np.all(np.isfinite(res.history))


def test_zero_gradient_at_start_takes_no_step():
    X = np.array([[1.0], [-1.0]])
    res = wd.gradient_descent(X, np.zeros(2), 1.0)
    assert res.converged and res.n_iter == 0 and res.history.tolist() == [0.0]


@pytest.mark.parametrize("kwargs, error, message", [
    ({"lr": -1.0}, ValueError, r"lr must be a finite number > 0; got -1\.0"),
    ({"tol": 0.0}, ValueError, r"tol must be a finite number > 0; got 0\.0"),
    ({"max_iter": 0}, ValueError, r"max_iter must be an integer >= 1; got 0"),
])
def test_bad_hyperparameters(rng, kwargs, error, message):
    X, y = problem(rng)
    with pytest.raises(error, match=message):
        wd.gradient_descent(X, y, 0.1, **kwargs)


def test_condition_number_from_an_explicit_hessian(rng):
    X = rng.normal(size=(40, 3)) * [1.0, 5.0, 0.2] + 2.0
    n, lam = 40, 0.05
    A = np.hstack([X, np.ones((n, 1))])
    eig = np.linalg.eigvalsh(A.T @ A / n + np.diag([lam] * 3 + [0.0]))
    assert wd.condition_number(X, lam) == pytest.approx(eig[-1] / eig[0], rel=1e-10)
    eig_no_b = np.linalg.eigvalsh(X.T @ X / n + lam * np.eye(3))
    assert wd.condition_number(X, lam, fit_intercept=False) == pytest.approx(eig_no_b[-1] / eig_no_b[0], rel=1e-10)


def test_condition_number_is_infinite_for_a_singular_hessian(rng):
    assert wd.condition_number(rng.normal(size=(3, 10)), 0.0) == float("inf")
