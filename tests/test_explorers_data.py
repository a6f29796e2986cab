"""The data the explorers embed (wdlib.experiments.explorers), in Python.

References are independent of the module: scikit-learn's Ridge and Lasso,
numpy.linalg.lstsq on the augmented system, an explicit hat matrix, a plain
gradient-descent loop; the browser side is in tests/test_explorers.py.
"""

from __future__ import annotations

import json
import re
import warnings

import numpy as np
import pytest
from sklearn.linear_model import Lasso, Ridge

import wdlib as wd
from wdlib import data
from wdlib.experiments import explorers


@pytest.fixture
def sine():
    return data.make_sine(15, noise=0.25, seed=0)


@pytest.fixture
def pair(rng):
    X = rng.multivariate_normal([0.0, 0.0], [[1.0, 0.9], [0.9, 1.0]], size=60)
    y = X @ np.array([2.0, -1.0]) + rng.normal(size=60) + 3.0
    return X, y


def _poly(x, scaler_source, degree=12):
    raw = data.polynomial_features(scaler_source, degree)
    mean, sd = raw.mean(axis=0), raw.std(axis=0)
    return (data.polynomial_features(x, degree) - mean) / sd


@pytest.mark.parametrize("lam", [1e-8, 1e-4, 0.1, 5.0])
def test_polynomial_data_reproduce_the_ridge_fit(sine, lam):
    train, test = sine
    ex = explorers.ridge_polynomial(train.x, train.y, test.x, test.y)
    d = ex.data
    s, z = np.array(d["s"]), np.array(d["z"])
    coef = s * z / (s**2 + d["n"] * lam)
    P_tr, P_te = _poly(train.x, train.x), _poly(test.x, train.x)
    ref = Ridge(alpha=len(train.y) * lam, solver="svd").fit(P_tr, train.y)
    for part, P in (("train", P_tr), ("test", P_te)):
        page = d["ybar"] + np.array(d[part]["proj"]) @ coef
        np.testing.assert_allclose(page, ref.predict(P), rtol=1e-6, atol=1e-6)
    grid = np.array(d["grid"]["x"])
    np.testing.assert_allclose(
        d["ybar"] + np.array(d["grid"]["proj"]) @ coef,
        ref.predict(_poly(grid, train.x)),
        rtol=1e-6,
        atol=1e-6,
    )
    # df against the trace of the explicit hat matrix, minus the intercept
    Xc = P_tr - P_tr.mean(axis=0)
    hat = Xc @ np.linalg.solve(
        Xc.T @ Xc + len(train.y) * lam * np.eye(12), Xc.T
    )
    assert np.sum(s**2 / (s**2 + d["n"] * lam)) == pytest.approx(
        np.trace(hat), rel=1e-6
    )


def test_polynomial_signs_make_z_nonnegative(sine):
    train, test = sine
    d = explorers.ridge_polynomial(train.x, train.y, test.x, test.y).data
    assert min(d["z"]) >= 0 and len(d["s"]) == 12


def test_polynomial_slider_is_log_lambda(sine):
    train, test = sine
    d = explorers.ridge_polynomial(
        train.x, train.y, test.x, test.y, lam=1e-3, lam_range=(1e-6, 1.0)
    ).data
    assert d["slider"] == {
        "min": -6.0,
        "max": 0.0,
        "step": 0.01,
        "value": -3.0,
    }


def test_l1_l2_gram_and_solutions(pair):
    X, y = pair
    d = explorers.l1_l2_pictures(X, y, fit_intercept=True).data
    A, c = np.array(d["A"]), np.array(d["c"])
    n = len(y)
    for lam in (0.05, 0.3, 2.0):
        ridge = np.linalg.solve(A + lam * np.eye(2), c)
        ref = Ridge(alpha=n * lam).fit(X, y).coef_
        np.testing.assert_allclose(ridge, ref, rtol=1e-8)
    aug = np.linalg.lstsq(np.column_stack([X, np.ones(n)]), y, rcond=None)[0]
    np.testing.assert_allclose(d["ols"], aug[:2], rtol=1e-8)


def test_l1_l2_a_two_row_design_with_the_embedded_gram(pair):
    """The browser test rebuilds the problem from A and c; it is the same."""
    X, y = pair
    d = explorers.l1_l2_pictures(X, y, fit_intercept=True).data
    A, c = np.array(d["A"]), np.array(d["c"])
    R = np.linalg.cholesky(2 * A).T
    y2 = np.linalg.solve(R.T, 2 * c)
    for lam in (0.01, 0.2, 0.6):
        ref = Lasso(alpha=lam, tol=1e-12, max_iter=100_000).fit(X, y).coef_
        small = wd.lasso_fit(R, y2, lam, fit_intercept=False, tol=1e-14)
        np.testing.assert_allclose(small.coef, ref, atol=1e-7)


def test_gd_data_match_the_objective_and_the_loop(pair):
    X, y = pair
    lam = 0.2
    ex = explorers.gd_step_size(X, y, lam, fit_intercept=True)
    d = ex.data
    G, c = np.array(d["G"]), np.array(d["c"])
    theta = np.array([0.3, -0.7, 1.1])
    J = 0.5 * theta @ G @ theta - c @ theta + d["c0"]
    assert J == pytest.approx(
        wd.ridge_objective(X, y, theta[:2], theta[2], lam), rel=1e-8
    )
    A = np.column_stack([X, np.ones(len(y))])
    H = A.T @ A / len(y) + lam * np.diag([1.0, 1.0, 0.0])
    assert d["L"] == pytest.approx(np.linalg.eigvalsh(H)[-1], rel=1e-9)
    np.testing.assert_allclose(d["h"], np.linalg.eigvalsh(H), rtol=1e-9)
    # 30 plain steps with G, c against wdlib's gradient descent
    eta = 1.3 / d["L"]
    theta = np.zeros(3)
    for _ in range(30):
        theta = theta - eta * (G @ theta - c)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wd.ConvergenceWarning)
        run = wd.gradient_descent(X, y, lam, lr=eta, max_iter=30, tol=1e-300)
    np.testing.assert_allclose(theta, [*run.coef, run.intercept], rtol=1e-7)
    ref = Ridge(alpha=len(y) * lam).fit(X, y).coef_
    np.testing.assert_allclose(d["w_star"], ref, rtol=1e-8)
    Xc = X - X.mean(axis=0)
    np.testing.assert_allclose(
        d["H2"], Xc.T @ Xc / len(y) + lam * np.eye(2), rtol=1e-9
    )


def test_path_loo_against_refits(rng):
    X = rng.normal(size=(25, 4))
    y = X @ [1.0, -1.0, 0.0, 0.5] + rng.normal(size=25)
    lams = np.logspace(-2, 1, 7)[::-1]  # any order; sorted inside
    d = explorers.ridge_path_loo(X, y, lams, feature_names=list("abcd")).data
    assert d["lams"] == sorted(d["lams"]) and d["names"] == list("abcd")
    n = len(y)
    for i, lam in enumerate(d["lams"]):
        ref = Ridge(alpha=n * lam).fit(X, y).coef_
        np.testing.assert_allclose(d["coefs"][i], ref, rtol=1e-8, atol=1e-10)
        errors = []
        for k in range(n):  # brute-force leave-one-out
            keep = np.arange(n) != k
            fit = Ridge(alpha=n * lam).fit(X[keep], y[keep])
            errors.append((y[k] - fit.predict(X[k : k + 1])[0]) ** 2)
        assert d["loo"][i] == pytest.approx(np.mean(errors), rel=1e-8)
    assert d["best"] == int(np.argmin(d["loo"]))
    assert d["slider"]["value"] == d["best"]
    assert d["slider"]["max"] == len(lams) - 1


def test_html_embeds_json_safely(pair):
    X, y = pair
    ex = explorers.ridge_path_loo(
        X, y, [0.1, 1.0], feature_names=["</script><b>", "x & y"]
    )
    page = ex._repr_html_()
    assert page.startswith(
        '<div class="wd-explorer" data-kind="ridge-path-loo">'
    )
    body = re.search(
        r'<script type="application/json" '
        r'class="wd-explorer-data">(.*?)</script>',
        page,
    ).group(1)
    assert "</" not in body and "&" not in body
    assert json.loads(body)["names"] == ["</script><b>", "x & y"]
    assert 'class="wd-explorer-fallback"' in page
    assert "Explorer(kind='ridge-path-loo'" in repr(ex)


def test_numbers_are_rounded_and_output_is_stable(sine):
    train, test = sine
    one = explorers.ridge_polynomial(train.x, train.y, test.x, test.y)
    two = explorers.ridge_polynomial(train.x, train.y, test.x, test.y)
    assert one._repr_html_() == two._repr_html_()
    numbers = re.findall(r"-?\d+\.\d+(?:e-?\d+)?", one.payload)
    digits = [len(re.sub(r"e.*|[-.]", "", v).lstrip("0")) for v in numbers]
    assert max(digits) <= explorers.DIGITS
    assert one.nbytes < 200_000


def test_inputs_are_not_modified(pair):
    X, y = pair
    X0, y0 = X.copy(), y.copy()
    explorers.l1_l2_pictures(X, y, fit_intercept=True)
    explorers.gd_step_size(X, y, 0.1, fit_intercept=True)
    explorers.ridge_path_loo(X, y, [0.1, 1.0])
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)


@pytest.mark.parametrize(
    "call, error, match",
    [
        (
            lambda X, y: explorers.l1_l2_pictures(np.c_[X, X[:, 0]], y),
            ValueError,
            "X must have exactly 2 columns",
        ),
        (
            lambda X, y: explorers.l1_l2_pictures(np.c_[X[:, 0], X[:, 0]], y),
            ValueError,
            "two linearly independent",
        ),
        (
            lambda X, y: explorers.l1_l2_pictures(X, y, lam=50.0),
            ValueError,
            r"lam must lie in lam_range",
        ),
        (
            lambda X, y: explorers.l1_l2_pictures(X, y, lam_range=(1.0, 0.1)),
            ValueError,
            "low < high",
        ),
        (
            lambda X, y: explorers.l1_l2_pictures(X, y, lam_range="wide"),
            TypeError,
            r"lam_range must be a pair",
        ),
        (
            lambda X, y: explorers.l1_l2_pictures(X, y, fit_intercept="no"),
            TypeError,
            "fit_intercept must be True or False",
        ),
        (
            lambda X, y: explorers.gd_step_size(X, y, 0.1, eta_L=3.0),
            ValueError,
            r"eta_L must lie in eta_L_range",
        ),
        (
            lambda X, y: explorers.gd_step_size(X, y, -1.0),
            ValueError,
            "lam must be a finite number >= 0",
        ),
        (
            lambda X, y: explorers.gd_step_size(X, y, 0.1, tol=0.0),
            ValueError,
            "tol must be a finite number > 0",
        ),
        (
            lambda X, y: explorers.ridge_path_loo(X, y, [0.0, 1.0]),
            ValueError,
            "all > 0",
        ),
        (
            lambda X, y: explorers.ridge_path_loo(X, y, [1.0]),
            ValueError,
            "at least 2 values",
        ),
        (
            lambda X, y: explorers.ridge_path_loo(
                X, y, [0.1, 1.0], feature_names="ab"
            ),
            TypeError,
            "feature_names must be a sequence of str",
        ),
        (
            lambda X, y: explorers.ridge_path_loo(
                X, y, [0.1, 1.0], feature_names=["a"]
            ),
            ValueError,
            "one name per column",
        ),
        (
            lambda X, y: explorers.ridge_path_loo(X, y[:-1], [0.1, 1.0]),
            ValueError,
            "X has 60 rows but y has 59",
        ),
    ],
)
def test_errors_name_the_argument(pair, call, error, match):
    X, y = pair
    with pytest.raises(error, match=match):
        call(X, y)


def test_polynomial_errors(sine):
    train, test = sine
    with pytest.raises(ValueError, match="x_train and x_test must be 1-D"):
        explorers.ridge_polynomial(train.x[:, None], train.y, test.x, test.y)
    with pytest.raises(ValueError, match="degree must be an integer >= 1"):
        explorers.ridge_polynomial(train.x, train.y, test.x, test.y, degree=0)
    with pytest.raises(ValueError, match="n_grid must be an integer >= 2"):
        explorers.ridge_polynomial(train.x, train.y, test.x, test.y, n_grid=1)
    with pytest.raises(ValueError, match="X has 15 rows but y has 14"):
        explorers.ridge_polynomial(train.x, train.y[:-1], test.x, test.y)
