"""wdlib.data: generators, the penguins loader and the cleaning helpers.

Reference values come from independent computations: numpy statistics on the
training rows, scikit-learn's SimpleImputer, StandardScaler and OneHotEncoder,
and pandas' own missing-value counts.
"""

import socket
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder as SkOneHot
from sklearn.preprocessing import StandardScaler

import wdlib as wd
from wdlib import data


# ---------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="module")
def penguins():
    return data.load_penguins()


@pytest.fixture
def messy(rng):
    """A small frame with missing numbers and text, and a default "
    "RangeIndex."""
    n = 40
    df = pd.DataFrame(
        {
            "x": rng.normal(10.0, 2.0, n),
            "z": rng.normal(-5.0, 0.5, n),
            "c": rng.choice(["a", "b", "c"], n),
            "y": rng.normal(size=n),
        }
    )
    df.loc[[1, 7, 30], "x"] = np.nan
    df.loc[[2, 7], "c"] = None
    return df


def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# ---------------------------------------------------------------------------
# generators


def test_article_and_overfitting_generators_keep_their_contract():
    d = data.make_article_data()
    assert d.X.shape == (100, 1) and d.y.shape == (100,)
    residual = d.y - (3.0 * d.X[:, 0] + 2.0)
    assert 0.3 < residual.std() < 0.7  # noise sd 0.5
    train, test = data.make_overfitting()
    assert train.X.shape == (20, 200) and test.X.shape == (100, 200)
    np.testing.assert_array_equal(train.coef, np.full(200, 0.01))


def test_make_sine_is_seeded_and_follows_the_sine(rng):
    a, _ = data.make_sine(seed=4)
    b, _ = data.make_sine(seed=4)
    np.testing.assert_array_equal(a.y, b.y)
    big, _ = data.make_sine(5000, noise=0.1, seed=1)
    assert np.std(big.y - np.sin(2 * np.pi * big.x)) == pytest.approx(
        0.1, rel=0.05
    )
    assert big.x.min() >= 0.0 and big.x.max() <= 1.0


def test_polynomial_features_against_vander(rng):
    x = rng.uniform(-1, 1, 7)
    expected = np.vander(x, 6, increasing=True)[:, 1:]
    np.testing.assert_allclose(data.polynomial_features(x, 5), expected)


def test_polynomial_features_rejects_columns():
    with pytest.raises(
        ValueError, match=r"x must be a 1-D array .* x.ravel\(\)"
    ):
        data.polynomial_features(np.ones((3, 1)), 2)
    with pytest.raises(
        ValueError, match="degree must be an integer >= 1; got 0"
    ):
        data.polynomial_features([1.0], 0)


# ---------------------------------------------------------------------------
# loader


def test_load_penguins_works_without_network(monkeypatch):
    no_network(monkeypatch)
    df = data.load_penguins()
    assert df.shape == (344, 8)
    assert set(df["species"]) == {"Adelie", "Chinstrap", "Gentoo"}
    # the published counts of missing values (palmerpenguins documentation)
    assert df["body_mass_g"].isna().sum() == 2 and df["sex"].isna().sum() == 11


def test_load_penguins_returns_a_fresh_copy():
    a = data.load_penguins()
    a.loc[0, "body_mass_g"] = -1.0
    assert data.load_penguins().loc[0, "body_mass_g"] == 3750.0


@pytest.mark.parametrize("blocked", ["pandas", "palmerpenguins"])
def test_missing_optional_dependency_says_what_to_install(
    monkeypatch, blocked
):
    monkeypatch.setitem(sys.modules, blocked, None)
    monkeypatch.delitem(sys.modules, "palmerpenguins.penguins", raising=False)
    with pytest.raises(
        ImportError, match=r"pip install pandas palmerpenguins"
    ):
        data.load_penguins()


def test_import_wdlib_data_does_not_import_pandas():
    import subprocess

    code = "import sys, wdlib; wdlib.data; print('pandas' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# reports and dropping


def test_missing_report_matches_pandas(penguins):
    report = data.missing_report(penguins)
    assert report.counts == {
        c: int(penguins[c].isna().sum()) for c in penguins.columns
    }
    assert report.n_rows == 344
    assert report.n_incomplete == int(penguins.isna().any(axis=1).sum())
    frame = report.to_frame()
    assert frame.loc["sex", "n_missing"] == 11
    assert frame.loc["sex", "percent"] == pytest.approx(
        round(100 * 11 / 344, 1)
    )
    assert "11 missing (3.2%)" in str(report)


def test_drop_missing_reports_every_removed_row(messy):
    before = messy.copy()
    kept, report = data.drop_missing(messy, ["x", "c"])
    expected = sorted(
        set(messy.index[messy["x"].isna()])
        | set(messy.index[messy["c"].isna()])
    )
    assert list(report.removed) == expected == [1, 2, 7, 30]
    assert report.n_before == 40 and report.n_after == 36 == len(kept)
    assert set(kept.index) | set(report.removed) == set(
        messy.index
    )  # nothing lost silently
    pd.testing.assert_frame_equal(messy, before)
    assert "removed 4 of 40 rows" in str(report)


def test_drop_missing_names_unknown_columns(messy):
    with pytest.raises(
        ValueError, match=r"columns must name columns .*\['nope'\] not found"
    ):
        data.drop_missing(messy, "nope")


def test_cleaning_helpers_reject_arrays():
    with pytest.raises(
        TypeError, match="df must be a pandas DataFrame; got ndarray"
    ):
        data.missing_report(np.zeros((2, 2)))


# ---------------------------------------------------------------------------
# splitting


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 60),
    frac=st.floats(0.05, 0.95),
    seed=st.integers(0, 10_000),
)
def test_split_is_a_partition(n, frac, seed):
    X = np.arange(3.0 * n).reshape(n, 3)
    y = np.arange(float(n))
    n_test = int(np.ceil(frac * n))
    if n_test >= n:
        with pytest.raises(ValueError, match="leaves no training rows"):
            data.split_train_test(X, y, test_size=frac, seed=seed)
        return
    X_tr, X_te, y_tr, y_te = data.split_train_test(
        X, y, test_size=frac, seed=seed
    )
    assert len(y_te) == n_test and len(y_tr) == n - n_test
    assert sorted(np.concatenate([y_tr, y_te]).tolist()) == y.tolist()
    np.testing.assert_array_equal(X_tr[:, 0], 3 * y_tr)  # rows stay paired
    assert np.all(np.diff(y_tr) > 0) and np.all(
        np.diff(y_te) > 0
    )  # original order kept


def test_split_dataframe_keeps_labels_and_is_seeded(messy):
    before = messy.copy()
    tr1, te1 = data.split_train_test(messy, test_size=0.25, seed=3)
    tr2, te2 = data.split_train_test(messy, test_size=0.25, seed=3)
    pd.testing.assert_frame_equal(tr1, tr2)
    assert sorted(tr1.index.tolist() + te1.index.tolist()) == list(range(40))
    pd.testing.assert_frame_equal(tr1, messy.loc[tr1.index])
    _, te3 = data.split_train_test(messy, test_size=0.25, seed=4)
    assert set(te3.index) != set(te1.index)
    pd.testing.assert_frame_equal(messy, before)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (
            {"test_size": 0.0},
            r"test_size must be a fraction strictly between 0 and 1; got 0.0",
        ),
        (
            {"test_size": 1},
            r"test_size must be a fraction strictly between 0 and 1; got 1",
        ),
    ],
)
def test_split_validates_test_size(kwargs, match):
    with pytest.raises(ValueError, match=match):
        data.split_train_test(np.zeros((4, 1)), **kwargs)


def test_split_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match=r"same number of rows; got \[4, 3\]"):
        data.split_train_test(np.zeros((4, 1)), np.zeros(3))


# ---------------------------------------------------------------------------
# imputer


@pytest.mark.parametrize("numeric", ["median", "mean"])
def test_imputer_learns_what_sklearn_learns_on_train_only(messy, numeric):
    train, test = messy.iloc[:25], messy.iloc[25:]
    imp = data.fit_imputer(train, ["x", "c"], numeric=numeric)
    ref_x = SimpleImputer(strategy=numeric).fit(train[["x"]]).statistics_[0]
    ref_c = (
        SimpleImputer(strategy="most_frequent")
        .fit(train[["c"]].astype(object))
        .statistics_[0]
    )
    assert imp.values == {"x": pytest.approx(ref_x), "c": ref_c}
    # the learned values depend on the training rows only
    wild = test.copy()
    wild["x"] = 1e6
    wild["c"] = "zzz"
    assert imp.values["x"] != pytest.approx(
        data.fit_imputer(
            pd.concat([train, wild]), ["x"], numeric=numeric
        ).values["x"]
    )


def test_imputer_transform_fills_reports_and_copies(messy):
    train = messy.iloc[:25]
    imp = data.fit_imputer(train, ["x", "c"])
    before = messy.copy()
    out, report = imp.transform(messy)
    pd.testing.assert_frame_equal(messy, before)  # not modified in place
    assert report.filled == {"x": 3, "c": 2} and report.n_filled == 5
    assert out.loc[[1, 7, 30], "x"].tolist() == [imp.values["x"]] * 3
    assert out.loc[[2, 7], "c"].tolist() == [imp.values["c"]] * 2
    mask = messy.notna()
    pd.testing.assert_frame_equal(
        out[mask.all(axis=1)], messy[mask.all(axis=1)]
    )
    assert out.isna().sum().sum() == 0
    assert "filled 3 x with" in str(report)


def test_imputer_reports_columns_it_was_not_fitted_on(messy):
    imp = data.fit_imputer(messy.iloc[:25], ["c"])
    out, report = imp.transform(messy)
    assert report.still_missing == {"x": 3}
    assert out["x"].isna().sum() == 3
    assert "still missing (not fitted): {'x': 3}" in str(report)


def test_imputer_ties_are_broken_alphabetically():
    imp = data.fit_imputer(pd.DataFrame({"c": ["b", "a", "b", "a"]}))
    assert imp.values == {"c": "a"}


def test_imputer_errors(messy):
    with pytest.raises(
        ValueError, match="numeric must be 'median' or 'mean'; got 'mode'"
    ):
        data.fit_imputer(messy, numeric="mode")
    empty = pd.DataFrame({"x": [np.nan, np.nan]})
    with pytest.raises(ValueError, match="column 'x' has no observed values"):
        data.fit_imputer(empty)
    imp = data.fit_imputer(messy, ["x"])
    with pytest.raises(
        ValueError, match=r"the imputer's columns must name columns .*\['x'\]"
    ):
        imp.transform(messy.drop(columns="x"))


# ---------------------------------------------------------------------------
# standardizer


def test_standardizer_matches_sklearn_and_uses_train_only(rng):
    train = rng.normal(5.0, 3.0, (30, 4))
    test = rng.normal(-50.0, 30.0, (10, 4))
    sc = data.fit_standardizer(train)
    ref = StandardScaler().fit(train)
    np.testing.assert_allclose(sc.mean, ref.mean_)
    np.testing.assert_allclose(sc.scale, ref.scale_)
    np.testing.assert_allclose(sc.transform(test), ref.transform(test))
    # test statistics never enter: refitting with test rows appended changes
    # the stats
    assert not np.allclose(
        data.fit_standardizer(np.vstack([train, test])).mean, sc.mean
    )


def test_standardizer_on_frame_scales_only_numeric_columns(messy):
    df, _ = data.fit_imputer(messy).transform(messy)
    train = df.iloc[:30]
    before = df.copy()
    sc = data.fit_standardizer(train)
    assert sc.columns == ("x", "z", "y")
    out = sc.transform(df)
    pd.testing.assert_frame_equal(df, before)
    np.testing.assert_allclose(
        out.loc[train.index, "x"].mean(), 0.0, atol=1e-12
    )
    np.testing.assert_allclose(out.loc[train.index, "x"].std(ddof=0), 1.0)
    assert out["c"].tolist() == df["c"].tolist()


def test_standardizer_errors(rng):
    with pytest.raises(
        ValueError, match=r"cannot standardize constant column\(s\) \[1\]"
    ):
        data.fit_standardizer(
            np.column_stack([rng.normal(size=5), np.ones(5)])
        )
    with pytest.raises(
        ValueError, match="data must contain only finite numbers; got 1 NaN"
    ):
        data.fit_standardizer(np.array([[1.0], [np.nan]]))
    sc = data.fit_standardizer(rng.normal(size=(5, 2)))
    with pytest.raises(
        ValueError, match=r"data must have 2 column\(s\) .* got shape \(3, 3\)"
    ):
        sc.transform(np.zeros((3, 3)))


# ---------------------------------------------------------------------------
# one-hot


def test_one_hot_matches_sklearn_and_aligns_test_columns():
    train = pd.DataFrame(
        {"c": ["b", "a", "c", "a"], "v": [1.0, 2.0, 3.0, 4.0]}
    )
    test = pd.DataFrame({"c": ["c", "c"], "v": [5.0, 6.0]}, index=[10, 11])
    enc = data.fit_one_hot(train, ["c"])
    ref = SkOneHot(sparse_output=False).fit(train[["c"]])
    out = enc.transform(test)
    assert list(out.columns) == ["v", "c_a", "c_b", "c_c"]
    np.testing.assert_array_equal(
        out[enc.feature_names].to_numpy(), ref.transform(test[["c"]])
    )
    assert list(out.index) == [10, 11]
    # pandas alone would create only the categories present in the test split
    assert list(pd.get_dummies(test["c"]).columns) == ["c"]


def test_one_hot_drop_reference():
    train = pd.DataFrame({"c": ["b", "a", "c"]})
    first = data.fit_one_hot(train, ["c"], drop="first")
    assert first.feature_names == ["c_b", "c_c"]
    chosen = data.fit_one_hot(train, ["c"], drop={"c": "b"})
    out = chosen.transform(train)
    np.testing.assert_array_equal(
        out.to_numpy(), [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    )


def test_one_hot_refuses_unseen_and_missing_categories():
    enc = data.fit_one_hot(pd.DataFrame({"c": ["a", "b"]}), ["c"])
    with pytest.raises(
        ValueError,
        match=r"column 'c' has categories \['z'\] not seen in training",
    ):
        enc.transform(pd.DataFrame({"c": ["a", "z"]}))
    with pytest.raises(
        ValueError, match=r"column 'c' has 1 missing value\(s\); impute them"
    ):
        enc.transform(pd.DataFrame({"c": ["a", None]}))
    with pytest.raises(
        ValueError, match=r"impute them \(fit_imputer\) before fit_one_hot"
    ):
        data.fit_one_hot(pd.DataFrame({"c": ["a", None]}), ["c"])
    with pytest.raises(
        ValueError, match="drop names 'c'='q', which is not a learned category"
    ):
        data.fit_one_hot(
            pd.DataFrame({"c": ["a", "b"]}), ["c"], drop={"c": "q"}
        )
    with pytest.raises(
        ValueError, match="drop must be None, 'first' or a dict"
    ):
        data.fit_one_hot(pd.DataFrame({"c": ["a", "b"]}), ["c"], drop="last")


@pytest.mark.parametrize(
    "call, exc, match",
    [
        (
            lambda: data.make_overfitting(coef_value="0.5"),
            TypeError,
            "coef_value must be a real number; got '0.5'",
        ),
        (
            lambda: data.make_overfitting(intercept=[0.05]),
            TypeError,
            r"intercept must be a real number; got \[0.05\]",
        ),
        (
            lambda: data.make_overfitting(coef_value=float("nan")),
            ValueError,
            "coef_value must be a finite number",
        ),
        (
            lambda: data.make_article_data(seed=-1),
            ValueError,
            "seed must be an integer >= 0; got -1",
        ),
        (
            lambda: data.make_sine(seed=1.5),
            TypeError,
            "seed must be an integer >= 0; got 1.5",
        ),
        (
            lambda: data.split_train_test(np.ones(4), seed="0"),
            TypeError,
            "seed must be an integer >= 0; got '0'",
        ),
        (
            lambda: data.polynomial_features(["1", "2"], 2),
            TypeError,
            "x must be a numeric array-like; got .* holding text",
        ),
        (
            lambda: data.polynomial_features([1 + 1j, 2], 2),
            TypeError,
            "x must be real",
        ),
        (
            lambda: data.polynomial_features(None, 2),
            TypeError,
            "x must be a numeric array-like; got None",
        ),
    ],
)
def test_entry_points_validate_before_converting(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_generators_accept_numpy_scalars():
    train, _ = data.make_overfitting(
        coef_value=np.float32(0.5), intercept=np.int64(1), seed=np.int64(2)
    )
    np.testing.assert_array_equal(train.coef, np.full(200, 0.5))
    assert train.intercept == 1.0 and isinstance(train.intercept, float)


@settings(max_examples=30, deadline=None)
@given(
    values=st.lists(
        st.floats(-1e3, 1e3, allow_nan=False), min_size=3, max_size=30
    ),
    scale=st.floats(0.01, 100.0),
)
def test_standardized_training_column_has_mean_0_sd_1_and_input_is_untouched(
    values, scale
):
    x = np.array(values)
    if np.ptp(x) < 1e-6:  # a (nearly) constant column is refused, tested above
        return
    X = np.column_stack([x, scale * x + 1.0])
    before = X.copy()
    Z = data.fit_standardizer(X).transform(X)
    np.testing.assert_array_equal(X, before)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, rtol=1e-6)
    np.testing.assert_allclose(
        Z[:, 0], Z[:, 1], atol=1e-6
    )  # standardizing removes the unit


@settings(max_examples=30, deadline=None)
@given(
    mask=st.lists(st.booleans(), min_size=4, max_size=30),
    seed=st.integers(0, 1000),
)
def test_imputer_fills_exactly_the_missing_cells(mask, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=len(mask))
    missing = np.array(mask)
    if missing.all():
        return
    df = pd.DataFrame({"x": np.where(missing, np.nan, x)})
    before = df.copy()
    out, report = data.fit_imputer(df).transform(df)
    pd.testing.assert_frame_equal(df, before)
    assert report.n_filled == int(missing.sum())
    np.testing.assert_array_equal(out["x"].to_numpy()[~missing], x[~missing])
    np.testing.assert_allclose(
        out["x"].to_numpy()[missing], np.median(x[~missing])
    )


def test_old_names_are_gone():
    # train_test_split and OneHotEncoder are scikit-learn names with other
    # semantics; they were renamed split_train_test and OneHotCoding
    for old in ("train_test_split", "OneHotEncoder", "no_such_name"):
        with pytest.raises(AttributeError, match=old):
            getattr(data, old)
