"""wd.Ridge follows scikit-learn's estimator conventions and equals sklearn's Ridge(alpha=n*lam)."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_diabetes
from sklearn.exceptions import DataConversionWarning
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
    # a fixed lam means sklearn's alpha = n_train * lam, which differs between folds of 353 and 354 rows
    ref = [SkRidge(alpha=0.01 * len(train)).fit(X[train], y[train]).score(X[test], y[test]) for train, test in folds]
    np.testing.assert_allclose(ours, ref, rtol=1e-9)
    assert clone(wd.Ridge(lam=2.0)).get_params()["lam"] == 2.0


def test_column_y_warns_and_is_flattened_like_sklearn(rng):
    X = rng.normal(size=(20, 2))
    y = rng.normal(size=20)
    with pytest.warns(DataConversionWarning):
        model = wd.Ridge(lam=0.1).fit(X, y[:, None])
    np.testing.assert_allclose(model.coef_, wd.ridge_fit(X, y, 0.1).coef)


def test_invalid_lam_is_reported_at_fit(rng):
    with pytest.raises(ValueError, match=r"lam must be a finite number >= 0; got -1\.0"):
        wd.Ridge(lam=-1.0).fit(rng.normal(size=(5, 2)), rng.normal(size=5))
