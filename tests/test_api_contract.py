"""The public API promised in the design document, called exactly as code "
"outside the repository calls it."""

import dataclasses

import numpy as np
import pytest

import wdlib as wd


@pytest.fixture
def problem(rng):
    X = rng.normal(size=(30, 4))
    y = X @ [1.0, -1.0, 0.5, 0.0] + 2.0 + 0.1 * rng.normal(size=30)
    return X, y


def assert_frozen(result):
    assert dataclasses.is_dataclass(result)
    field = dataclasses.fields(result)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(result, field, None)


def test_objectives(problem):
    X, y = problem
    w = np.ones(4)
    assert isinstance(wd.l2_penalty(w, 0.1), float)
    assert isinstance(wd.l2_penalty_grad(w, 0.1), np.ndarray)
    assert isinstance(
        wd.ridge_objective(X, y, w, intercept=0.0, lam=0.0), float
    )
    grad_w, grad_b = wd.ridge_gradient(X, y, w, intercept=0.0, lam=0.0)
    assert grad_w.shape == (4,) and isinstance(grad_b, float)


def test_fitting(problem):
    X, y = problem
    fit = wd.ridge_fit(X, y, 0.1, fit_intercept=True, solver="auto")
    assert fit.coef.shape == (4,) and isinstance(fit.intercept, float)
    gd = wd.gradient_descent(
        X, y, 0.1, lr=None, max_iter=10_000, tol=1e-6, fit_intercept=True
    )
    assert gd.coef.shape == (4,) and isinstance(gd.intercept, float)
    assert isinstance(gd.n_iter, int) and gd.converged and gd.history.ndim == 1
    lasso = wd.lasso_fit(X, y, 0.1, fit_intercept=True)
    assert lasso.coef.shape == (4,) and isinstance(lasso.intercept, float)
    model = wd.Ridge(lam=1.0, fit_intercept=True, solver="auto").fit(X, y)
    assert model.predict(X).shape == (30,)
    for result in (fit, gd, lasso):
        assert_frozen(result)


def test_choosing_lambda(problem):
    X, y = problem
    lams = np.logspace(-3, 1, 7)
    path = wd.ridge_path(X, y, lams, fit_intercept=True)
    assert (
        path.lams.shape == (7,)
        and path.coefs.shape == (7, 4)
        and path.intercepts.shape == (7,)
    )
    loo = wd.loo_cv(X, y, lams, fit_intercept=True)
    assert (
        loo.lams.shape == (7,)
        and loo.mse.shape == (7,)
        and loo.best_lam in lams
    )
    kfold = wd.kfold_cv(X, y, lams, k=5, seed=0, fit_intercept=True)
    assert (
        kfold.mse.shape == (7,)
        and kfold.mse_std.shape == (7,)
        and kfold.best_lam in lams
    )
    for result in (path, loo, kfold):
        assert_frozen(result)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: wd.optim.SGD(
            p, 0.1, momentum=0.0, weight_decay=0.0, nesterov=False
        ),
        lambda p: wd.optim.Adam(
            p, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0
        ),
        lambda p: wd.optim.AdamW(
            p, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2
        ),
        lambda p: wd.optim.SGDW(p, 0.1, momentum=0.0, weight_decay=0.0),
        lambda p: wd.optim.Adam(
            p,
            lr=1e-3,
            betas=(0.9, 0.999),
            eps=1e-8,
            weight_decay=1e-2,
            decoupled_weight_decay=True,
        ),
    ],
)
def test_optimizers_update_params_in_place(make):
    w, b = np.ones(3), np.zeros(1)
    ids = (id(w), id(b))
    opt = make([w, b])
    opt.step([np.ones(3), np.ones(1)])
    assert (id(w), id(b)) == ids
    assert np.all(w < 1.0) and b[0] < 0.0


def test_modules_beside_these():
    assert wd.symbolic.__name__ == "wdlib.symbolic"
    assert wd.data.__name__ == "wdlib.data"
    assert wd.plotting.__name__ == "wdlib.plotting"


def test_exercises_catalog_and_check():
    entries = wd.exercises.catalog()
    assert entries and all(
        isinstance(e.id, str)
        and isinstance(e.chapter, int)
        and isinstance(e.title, str)
        for e in entries
    )
    assert "4.2" in [e.id for e in entries]
    feedback = wd.exercises.check("4.2", (0, 0.0))
    assert isinstance(feedback.passed, bool) and not feedback.passed
    assert isinstance(feedback.message, str) and feedback.message
    assert "exercises" in wd.__all__
