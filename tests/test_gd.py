"""Gradient descent against the closed form, and its step-size and stopping "
"rules."""

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
    res = wd.gradient_descent(
        X,
        y,
        0.05,
        tol=1e-11,
        max_iter=200_000,
        fit_intercept=fit_intercept,
        nesterov=nesterov,
    )
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
        assert wd.gradient_descent(X, y, lam, max_iter=5).lr == pytest.approx(
            1 / L, rel=1e-12
        )


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
    assert res.history[-1] == pytest.approx(
        wd.ridge_objective(X, y, res.coef, res.intercept, 0.1), rel=1e-12
    )


def test_nesterov_needs_fewer_steps_on_ill_conditioned_data(rng):
    X, y = problem(
        rng, shift=3.0
    )  # uncentred features: a large condition number
    plain = wd.gradient_descent(X, y, 1e-3, tol=1e-8, max_iter=500_000)
    fast = wd.gradient_descent(
        X, y, 1e-3, tol=1e-8, max_iter=500_000, nesterov=True
    )
    assert plain.converged and fast.converged
    assert fast.n_iter * 5 < plain.n_iter


def test_max_iter_gives_a_warning_and_converged_false(rng):
    X, y = problem(rng)
    with pytest.warns(
        ConvergenceWarning,
        match=(
            r"did not reach tol=1e-12 in max_iter=3 steps .*Increase "
            r"max_iter"
        ),
    ):
        res = wd.gradient_descent(X, y, 0.1, tol=1e-12, max_iter=3)
    assert not res.converged and res.n_iter == 3 and res.history.shape == (4,)


def _lipschitz(X, lam):
    # independent of wdlib: the largest eigenvalue of the explicit Hessian
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    return np.linalg.eigvalsh(A.T @ A / n + np.diag([lam] * d + [0.0]))[-1]


def _grad_norm(X, y, coef, intercept, lam):
    r = y - X @ coef - intercept
    g = np.append(-X.T @ r / len(y) + lam * coef, -r.mean())
    return np.linalg.norm(g)


def test_divergence_is_reported_and_last_finite_iterate_returned(rng):
    X, y = problem(rng)
    L = _lipschitz(X, 0.1)
    with pytest.warns(
        ConvergenceWarning,
        match=r"gradient descent diverged: the objective grew",
    ) as rec:
        res = wd.gradient_descent(X, y, 0.1, lr=50 * 2 / L, max_iter=100_000)
    message = str(rec[0].message)
    assert (
        f"is {100:.3g}/L, above the stability limit 2/L={2 / L:.3g}" in message
    )
    assert "Increase max_iter" not in message
    assert not res.converged
    assert np.all(np.isfinite(res.coef)) and np.isfinite(res.intercept)
    assert np.all(np.isfinite(res.history))
    assert res.history[-1] > 1e30 * res.history[0]


def test_nesterov_divergence_names_its_own_bound_not_2_over_L(rng):
    # lr = 1.99/L is stable for plain gradient descent but not with momentum;
    # the old message claimed "lr=... is above 2/L", which is false
    X, y = problem(rng)
    L = _lipschitz(X, 0.1)
    plain = wd.gradient_descent(
        X, y, 0.1, lr=1.99 / L, tol=1e-8, max_iter=100_000
    )
    assert plain.converged
    with pytest.warns(
        ConvergenceWarning, match=r"gradient descent diverged"
    ) as rec:
        res = wd.gradient_descent(
            X, y, 0.1, lr=1.99 / L, max_iter=100_000, nesterov=True
        )
    message = str(rec[0].message)
    assert not res.converged
    assert _grad_norm(X, y, res.coef, res.intercept, 0.1) > 1e10 * _grad_norm(
        X, y, 0 * res.coef, 0.0, 0.1
    )
    assert "above 2/L" not in message
    assert (
        f"lr={1.99 / L:.3g} is 1.99/L: with nesterov=True the momentum needs "
        f"lr <= 1/L={1 / L:.3g}" in message
    )
    assert f"4/(3L)={4 / (3 * L):.3g}" in message
    assert "Use the default lr=None (1/L)" in message


def test_growth_without_overflow_is_diverged_not_slow(rng):
    # just above 2/L the iterates grow slowly: within max_iter they stay
    # finite; the old message said "Increase max_iter"
    X, y = problem(rng)
    L = _lipschitz(X, 0.1)
    with pytest.warns(
        ConvergenceWarning,
        match=(
            r"diverged: the objective grew from [\d.]+ to [\d.e+]+ and the "
            r"gradient norm"
        ),
    ) as rec:
        res = wd.gradient_descent(X, y, 0.1, lr=2.01 / L, max_iter=1500)
    message = str(rec[0].message)
    assert "Increase max_iter" not in message
    assert f"above the stability limit 2/L={2 / L:.3g}" in message
    assert not res.converged and res.n_iter == 1500
    assert _grad_norm(X, y, res.coef, res.intercept, 0.1) > 1e5


def test_slow_run_with_an_unstable_nesterov_step_says_so(rng):
    X, y = problem(rng)
    L = _lipschitz(X, 0.1)
    with pytest.warns(
        ConvergenceWarning,
        match=(
            r"did not reach tol=1e-08 in max_iter=30 steps .*The step may "
            r"be unstable: .*momentum needs lr <= 1/L"
        ),
    ):
        wd.gradient_descent(
            X, y, 0.1, lr=1.5 / L, max_iter=30, tol=1e-8, nesterov=True
        )


def test_predict_equals_the_linear_model(rng):
    X, y = problem(rng)
    res = wd.gradient_descent(
        X, y, 0.0, tol=1e-11, max_iter=500_000, nesterov=True
    )
    A = np.hstack([X, np.ones((len(y), 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]  # independent least squares
    X_new = rng.normal(size=(4, X.shape[1]))
    np.testing.assert_allclose(
        res.predict(X_new), X_new @ theta[:-1] + theta[-1], rtol=1e-8
    )
    with pytest.raises(
        ValueError,
        match=(
            r"X must have 5 column\(s\) like the training data; got shape "
            r"\(4, 2\)"
        ),
    ):
        res.predict(X_new[:, :2])
    with pytest.raises(TypeError, match=r"X must be real; got .* complex"):
        res.predict(X_new + 1j)


def test_zero_gradient_at_start_takes_no_step():
    X = np.array([[1.0], [-1.0]])
    res = wd.gradient_descent(X, np.zeros(2), 1.0)
    assert res.converged and res.n_iter == 0 and res.history.tolist() == [0.0]


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"fit_intercept": "False"},
            TypeError,
            r"fit_intercept must be True or False; got 'False'",
        ),
        (
            {"nesterov": "no"},
            TypeError,
            r"nesterov must be True or False; got 'no'",
        ),
        (
            {"lr": 0.1 + 0.0j},
            TypeError,
            r"lr must be a finite number > 0; got \(0\.1\+0j\)",
        ),
        (
            {"lr": float("nan")},
            ValueError,
            r"lr must be a finite number > 0; got nan",
        ),
        (
            {"lr": -1.0},
            ValueError,
            r"lr must be a finite number > 0; got -1\.0",
        ),
        (
            {"tol": 0.0},
            ValueError,
            r"tol must be a finite number > 0; got 0\.0",
        ),
        (
            {"max_iter": 0},
            ValueError,
            r"max_iter must be an integer >= 1; got 0",
        ),
    ],
)
def test_bad_hyperparameters(rng, kwargs, error, message):
    X, y = problem(rng)
    with pytest.raises(error, match=message):
        wd.gradient_descent(X, y, 0.1, **kwargs)


def test_condition_number_from_an_explicit_hessian(rng):
    X = rng.normal(size=(40, 3)) * [1.0, 5.0, 0.2] + 2.0
    n, lam = 40, 0.05
    A = np.hstack([X, np.ones((n, 1))])
    eig = np.linalg.eigvalsh(A.T @ A / n + np.diag([lam] * 3 + [0.0]))
    assert wd.condition_number(X, lam) == pytest.approx(
        eig[-1] / eig[0], rel=1e-10
    )
    eig_no_b = np.linalg.eigvalsh(X.T @ X / n + lam * np.eye(3))
    assert wd.condition_number(X, lam, fit_intercept=False) == pytest.approx(
        eig_no_b[-1] / eig_no_b[0], rel=1e-10
    )


@pytest.mark.parametrize("func", [wd.lipschitz_constant, wd.condition_number])
def test_flags_of_the_step_size_helpers(rng, func):
    with pytest.raises(
        TypeError, match=r"fit_intercept must be True or False; got 'False'"
    ):
        func(rng.normal(size=(5, 2)), 0.1, fit_intercept="False")


def test_complex_masked_and_text_inputs_are_rejected(rng):
    X, y = problem(rng)
    masked = np.ma.array(X, mask=np.zeros_like(X, dtype=bool))
    masked.mask[0, 0] = True
    with pytest.raises(TypeError, match=r"X must be real"):
        wd.gradient_descent(X + 1j, y, 0.1)
    with pytest.raises(TypeError, match=r"y must be real"):
        wd.gradient_descent(X, y + 1j, 0.1)
    with pytest.raises(ValueError, match=r"X must not contain masked entries"):
        wd.gradient_descent(masked, y, 0.1)
    with pytest.raises(TypeError, match=r"lam must be a real number"):
        wd.gradient_descent(X, y, 0.1 + 1j)
    with pytest.raises(ValueError, match=r"X must have at least one sample"):
        wd.gradient_descent(np.empty((0, 3)), [], 0.1)


def test_condition_number_is_infinite_for_a_singular_hessian(rng):
    assert wd.condition_number(rng.normal(size=(3, 10)), 0.0) == float("inf")


@pytest.mark.parametrize("max_iter", [1, 4, 17])
def test_n_iter_updates_and_history_agree_when_not_converged(max_iter):
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(25, 3)), rng.normal(size=25)
    lr = 0.05
    with pytest.warns(ConvergenceWarning, match="did not reach"):
        res = wd.gradient_descent(
            X, y, 0.1, lr=lr, max_iter=max_iter, tol=1e-14
        )
    # the same number of updates by hand: coef and every J value match
    A = np.hstack([X, np.ones((25, 1))])
    penalty = np.r_[np.full(3, 0.1), 0.0]
    theta, values = np.zeros(4), []
    for _ in range(max_iter):
        r = y - A @ theta
        values.append(r @ r / 50 + 0.5 * penalty @ theta**2)
        theta = theta - lr * (-(A.T @ r) / 25 + penalty * theta)
    r = y - A @ theta
    values.append(r @ r / 50 + 0.5 * penalty @ theta**2)
    assert res.n_iter == max_iter
    assert len(res.history) == res.n_iter + 1
    np.testing.assert_allclose(res.coef, theta[:3], rtol=1e-12)
    assert res.intercept == pytest.approx(theta[3], rel=1e-12)
    np.testing.assert_allclose(res.history, values, rtol=1e-12)


@pytest.mark.parametrize("nesterov", [False, True])
def test_history_ends_at_the_returned_iterate(nesterov):
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(30, 4)), rng.normal(size=30)
    for max_iter in (3, 10_000):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            res = wd.gradient_descent(
                X, y, 0.2, max_iter=max_iter, nesterov=nesterov
            )
        assert len(res.history) == res.n_iter + 1 <= max_iter + 1
        J = wd.ridge_objective(X, y, res.coef, res.intercept, 0.2)
        assert res.history[-1] == pytest.approx(J, rel=1e-12)


def test_overflow_at_the_start_warns_instead_of_index_error():
    # y @ y overflows float64 at w = 0: there is no finite step to return
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([1e200, -1e200, 1e200])
    with pytest.warns(
        ConvergenceWarning, match=r"overflows float64 at the starting point"
    ):
        res = wd.gradient_descent(X, y, 0.0)
    assert res.n_iter == 0 and len(res.history) == 1
    assert not res.converged and res.coef.tolist() == [0.0]


def test_convergence_warning_lives_in_exceptions():
    from wdlib import exceptions, gd, lasso

    assert wd.ConvergenceWarning is exceptions.ConvergenceWarning
    assert gd.ConvergenceWarning is exceptions.ConvergenceWarning
    assert lasso.ConvergenceWarning is exceptions.ConvergenceWarning
    assert issubclass(wd.ConvergenceWarning, UserWarning)
