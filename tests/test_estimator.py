"""wd.Ridge follows scikit-learn's estimator conventions and equals sklearn's "
"Ridge(alpha=n*lam)."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge as SkRidge
from sklearn.model_selection import KFold, cross_val_score
from sklearn.utils.estimator_checks import check_estimator

import wdlib as wd


def test_passes_sklearn_check_estimator():
    check_estimator(wd.Ridge())


def test_equals_sklearn_ridge_with_alpha_n_lam():
    X, y = load_diabetes(return_X_y=True)
    ours = wd.Ridge(lam=0.01).fit(X, y)
    ref = SkRidge(alpha=X.shape[0] * 0.01).fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=1e-10)
    np.testing.assert_allclose(ours.predict(X), ref.predict(X), rtol=1e-10)


def test_works_inside_sklearn_model_selection():
    X, y = load_diabetes(return_X_y=True)
    folds = list(KFold(5).split(X))
    ours = cross_val_score(wd.Ridge(lam=0.01), X, y, cv=folds)
    # a fixed lam means sklearn's alpha = n_train * lam, which differs between
    # folds of 353 and 354 rows
    ref = [
        SkRidge(alpha=0.01 * len(train))
        .fit(X[train], y[train])
        .score(X[test], y[test])
        for train, test in folds
    ]
    np.testing.assert_allclose(ours, ref, rtol=1e-9)
    assert clone(wd.Ridge(lam=2.0)).get_params()["lam"] == 2.0


def _data(rng, n=30, d=4, k=None):
    X = rng.normal(size=(n, d)) + 1.0
    shape = (n,) if k is None else (n, k)
    return X, rng.normal(size=shape) + 2.0


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_sample_weight_equals_sklearn_ridge_with_alpha_total_weight_lam(
    rng, fit_intercept
):
    X, y = _data(rng)
    sw = rng.uniform(0.0, 3.0, size=len(y))
    lam = 0.2
    ours = wd.Ridge(lam=lam, fit_intercept=fit_intercept).fit(
        X, y, sample_weight=sw
    )
    ref = SkRidge(alpha=sw.sum() * lam, fit_intercept=fit_intercept).fit(
        X, y, sample_weight=sw
    )
    np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=1e-10)
    assert ours.intercept_ == pytest.approx(
        float(ref.intercept_), rel=1e-10, abs=1e-12
    )


def test_integer_weights_repeat_rows_and_zero_weights_drop_them(rng):
    X, y = _data(rng, n=12)
    sw = np.array([0, 1, 2, 3] * 3)
    weighted = wd.Ridge(lam=0.3).fit(X, y, sample_weight=sw)
    rows = np.repeat(np.arange(12), sw)
    repeated = SkRidge(alpha=len(rows) * 0.3).fit(
        X[rows], y[rows]
    )  # n = 18 rows
    np.testing.assert_allclose(weighted.coef_, repeated.coef_, rtol=1e-10)
    assert weighted.intercept_ == pytest.approx(repeated.intercept_, rel=1e-10)
    # a common factor in the weights does not change the fit
    scaled = wd.Ridge(lam=0.3).fit(X, y, sample_weight=10.0 * sw)
    np.testing.assert_allclose(scaled.coef_, weighted.coef_, rtol=1e-10)
    unit = wd.Ridge(lam=0.3).fit(X, y, sample_weight=np.ones(12))
    np.testing.assert_allclose(
        unit.coef_, wd.ridge_fit(X, y, 0.3).coef, rtol=1e-10
    )


@pytest.mark.parametrize("k", [1, 3])
@pytest.mark.parametrize("weighted", [False, True])
def test_2d_y_equals_sklearn_ridge(rng, k, weighted):
    X, Y = _data(rng, k=k)
    n, lam = X.shape[0], 0.1
    sw = rng.uniform(0.5, 2.0, size=n) if weighted else None
    alpha = (sw.sum() if weighted else n) * lam
    ours = wd.Ridge(lam=lam).fit(X, Y, sample_weight=sw)
    ref = SkRidge(alpha=alpha).fit(X, Y, sample_weight=sw)
    assert ours.coef_.shape == ref.coef_.shape
    assert np.shape(ours.intercept_) == np.shape(ref.intercept_) == (k,)
    np.testing.assert_allclose(ours.coef_, ref.coef_, rtol=1e-10)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, rtol=1e-10)
    X_new = rng.normal(size=(5, X.shape[1]))
    assert ours.predict(X_new).shape == ref.predict(X_new).shape
    np.testing.assert_allclose(
        ours.predict(X_new), ref.predict(X_new), rtol=1e-10
    )


def test_each_column_of_y_is_its_own_ridge_fit(rng):
    X, Y = _data(rng, k=2)
    model = wd.Ridge(lam=0.5).fit(X, Y)
    for j in range(2):
        A = np.hstack([X - X.mean(0), np.ones((len(X), 1))])
        # augmented least squares: [X_c, 1; sqrt(n lam) I, 0] theta = [y; 0]
        A = np.vstack(
            [
                A,
                np.hstack(
                    [np.sqrt(len(X) * 0.5) * np.eye(4), np.zeros((4, 1))]
                ),
            ]
        )
        theta = np.linalg.lstsq(
            A, np.append(Y[:, j], np.zeros(4)), rcond=None
        )[0]
        np.testing.assert_allclose(model.coef_[j], theta[:4], rtol=1e-10)


def test_gridsearchcv_penalizes_each_training_fold_by_its_own_size(rng):
    # GridSearchCV fits a fold of m rows with alpha = m * lam; wd.kfold_cv
    # holds alpha = n * lam: they agree when GridSearchCV's lam is n/m times
    from sklearn.model_selection import GridSearchCV

    from wdlib.selection import kfold_indices

    X, y = _data(rng, n=20)
    folds = [
        (np.setdiff1d(np.arange(20), val), val) for val in kfold_indices(20, 4)
    ]
    search = GridSearchCV(
        wd.Ridge(), {"lam": [0.25]}, cv=folds, scoring="neg_mean_squared_error"
    ).fit(X, y)
    brute = np.mean(
        [
            np.mean(
                (
                    SkRidge(alpha=15 * 0.25).fit(X[tr], y[tr]).predict(X[va])
                    - y[va]
                )
                ** 2
            )
            for tr, va in folds
        ]
    )
    assert -search.best_score_ == pytest.approx(brute, rel=1e-10)
    assert wd.kfold_cv(X, y, [0.25 * 15 / 20], k=4).mse[0] == pytest.approx(
        brute, rel=1e-10
    )
    assert wd.kfold_cv(X, y, [0.25], k=4).mse[0] != pytest.approx(
        brute, rel=1e-3
    )


def _masked(a):
    out = np.ma.array(np.asarray(a, dtype=float))
    out[(0,) * out.ndim] = np.ma.masked
    return out


@pytest.mark.parametrize(
    ("params", "arg", "value", "error", "message"),
    [
        (
            {"fit_intercept": "False"},
            None,
            None,
            TypeError,
            r"fit_intercept must be True or False; got 'False'",
        ),
        (
            {"fit_intercept": 1},
            None,
            None,
            TypeError,
            r"fit_intercept must be True or False; got 1",
        ),
        (
            {"lam": 0.1 + 1j},
            None,
            None,
            TypeError,
            r"lam must be a real number >= 0; got \(0\.1\+1j\)",
        ),
        (
            {"lam": "0.1"},
            None,
            None,
            TypeError,
            r"lam must be a real number >= 0; got '0\.1'",
        ),
        (
            {"solver": "qr"},
            None,
            None,
            ValueError,
            r"solver must be one of 'auto', 'cholesky', 'kernel', 'svd'; got "
            r"'qr'",
        ),
        (
            {},
            "X",
            lambda X: X + 1j,
            ValueError,
            r"X: Complex data not supported",
        ),
        (
            {},
            "y",
            lambda y: y + 1j,
            ValueError,
            r"y: Complex data not supported",
        ),
        (
            {},
            "X",
            _masked,
            ValueError,
            r"X must not contain masked entries; got a masked array with 1",
        ),
        ({}, "y", _masked, ValueError, r"y must not contain masked entries"),
        (
            {},
            "X",
            lambda X: np.where(X > 2.0, np.nan, X),
            ValueError,
            r"Input X contains NaN",
        ),
        (
            {},
            "y",
            lambda y: np.full_like(y, np.inf),
            ValueError,
            r"Input y contains infinity",
        ),
        (
            {},
            "X",
            lambda X: X[:, :0],
            ValueError,
            r"X: Found array with 0 feature\(s\)",
        ),
        (
            {},
            "X",
            lambda X: X.astype(str).astype(object),
            TypeError,
            r"X must be a numeric array-like; got an array of shape"
            r" \(30, 4\) holding text",
        ),
        (
            {},
            "X",
            lambda X: X.astype(str),
            TypeError,
            r"X must be a numeric array-like; got an array of shape"
            r" \(30, 4\) holding text",
        ),
        (
            {},
            "y",
            lambda y: y.astype(str),
            TypeError,
            r"y must be a numeric array-like; got an array of shape"
            r" \(30,\) holding text",
        ),
        (
            {},
            "y",
            lambda y: y[:3],
            ValueError,
            r"y: Found input variables with inconsistent numbers of samples",
        ),
        (
            {},
            "sample_weight",
            np.ones(30) + 1j,
            TypeError,
            r"sample_weight must be real; got .*complex",
        ),
        (
            {},
            "sample_weight",
            _masked(np.ones(30)),
            ValueError,
            r"sample_weight must not contain masked entries",
        ),
        (
            {},
            "sample_weight",
            np.ones(29),
            ValueError,
            r"sample_weight must be a scalar or 1-D of shape \(30,\)",
        ),
        (
            {},
            "sample_weight",
            -np.ones(30),
            ValueError,
            r"sample_weight must hold finite numbers >= 0; got \[-1\.0",
        ),
        (
            {},
            "sample_weight",
            np.full(30, np.nan),
            ValueError,
            r"sample_weight must hold finite numbers >= 0; got \[nan",
        ),
        (
            {},
            "sample_weight",
            np.zeros(30),
            ValueError,
            r"sample_weight must not be all zero",
        ),
        (
            {},
            "sample_weight",
            "ones",
            TypeError,
            r"sample_weight must be a numeric array-like; got 'ones'",
        ),
    ],
)
def test_bad_input_is_rejected_at_fit_naming_the_argument(
    rng, params, arg, value, error, message
):
    X, y = _data(rng)
    kwargs = {"X": X, "y": y, "sample_weight": None}
    if arg is not None:
        kwargs[arg] = value(kwargs[arg]) if callable(value) else value
    with pytest.raises(error, match=message):
        wd.Ridge(**params).fit(**kwargs)


def test_predict_names_x(rng):
    X, y = _data(rng)
    model = wd.Ridge().fit(X, y)
    with pytest.raises(ValueError, match=r"X: Complex data not supported"):
        model.predict(X + 1j)
    with pytest.raises(ValueError, match=r"X must not contain masked entries"):
        model.predict(_masked(X))
    with pytest.raises(
        ValueError, match=r"X has 2 features, but Ridge is expecting 4"
    ):
        model.predict(X[:, :2])


def test_inputs_are_not_modified(rng):
    X, y = _data(rng)
    sw = rng.uniform(size=len(y))
    copies = X.copy(), y.copy(), sw.copy()
    wd.Ridge().fit(X, y, sample_weight=sw)
    for before, after in zip(copies, (X, y, sw)):
        np.testing.assert_array_equal(before, after)


def test_invalid_lam_is_reported_at_fit(rng):
    with pytest.raises(
        ValueError, match=r"lam must be a finite number >= 0; got -1\.0"
    ):
        wd.Ridge(lam=-1.0).fit(rng.normal(size=(5, 2)), rng.normal(size=5))
