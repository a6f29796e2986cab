"""The book's experiments (wdlib.experiments): chapter 1's preparation and
the one-chapter figures of chapters 1 and 4.

References are independent: statistics recomputed with numpy/pandas on the
training split, drawn coordinates recomputed from the inputs.
"""

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from wdlib import data
from wdlib.experiments import background, code
from wdlib.plotting import OKABE_ITO


@pytest.fixture(scope="module")
def penguins():
    return data.load_penguins()


@pytest.fixture
def ax():
    return Figure().subplots()


# ---------------------------------------------------------------------------
# chapter 1: prepare


def test_prepare_learns_every_statistic_from_train_only(penguin_split):
    train, test = penguin_split
    p = background.prepare(train, test)
    num = list(background.PENGUIN_NUMERIC)
    np.testing.assert_allclose(
        p.standardizer.mean, train[num].to_numpy().mean(axis=0)
    )
    np.testing.assert_allclose(
        p.standardizer.scale, train[num].to_numpy().std(axis=0)
    )
    # corrupt every feature of the test split: nothing learned, and no training
    # row, may change
    wild = test.copy()
    wild[num] = wild[num] * 100.0 + 1e4
    wild["sex"] = "female"
    q = background.prepare(train, wild)
    np.testing.assert_array_equal(q.X_train, p.X_train)
    assert q.imputer == p.imputer and q.encoder == p.encoder
    np.testing.assert_array_equal(q.standardizer.mean, p.standardizer.mean)
    # the leaky variant does see the test split
    leaky = background.prepare(train, wild, fit_on="all")
    assert not np.allclose(leaky.standardizer.mean, p.standardizer.mean)


def test_prepare_keeps_every_row_and_reports_fills(penguin_split):
    train, test = penguin_split
    before = (train.copy(), test.copy())
    p = background.prepare(train, test)
    pd.testing.assert_frame_equal(train, before[0])
    pd.testing.assert_frame_equal(test, before[1])
    assert p.X_train.shape[0] == len(train) and p.X_test.shape[0] == len(test)
    np.testing.assert_array_equal(p.y_test, test["body_mass_g"].to_numpy())
    assert p.filled_train.filled == {"sex": int(train["sex"].isna().sum())}
    assert p.filled_test.filled == {"sex": int(test["sex"].isna().sum())}
    assert np.all(np.isfinite(p.X_train)) and np.all(np.isfinite(p.X_test))
    assert p.feature_names[:3] == background.PENGUIN_NUMERIC
    # 3 species + 3 islands + 2 sexes indicators, each row has exactly one per
    # column
    assert p.X_train[:, 3:].sum(axis=1).tolist() == [3.0] * len(train)


def test_prepare_refuses_a_missing_target(penguins):
    train, test = data.split_train_test(penguins, test_size=0.3, seed=0)
    with pytest.raises(
        ValueError,
        match=(
            r"a target cannot be imputed. Remove those rows with "
            r"drop_missing"
        ),
    ):
        background.prepare(train, test)
    df, _ = data.drop_missing(penguins, "body_mass_g")
    with pytest.raises(
        ValueError, match="fit_on must be 'train' or 'all'; got 'test'"
    ):
        background.prepare(df, df, fit_on="test")


def test_prepare_without_standardization_keeps_millimetres(penguin_split):
    train, test = penguin_split
    p = background.prepare(train, test, standardize=False)
    assert p.standardizer is None
    np.testing.assert_array_equal(
        p.X_test[:, 2], test["flipper_length_mm"].to_numpy()
    )


@pytest.mark.parametrize("role", ["numeric", "categorical"])
def test_prepare_refuses_the_target_as_a_feature(penguin_split, role):
    train, test = penguin_split
    kwargs = {
        "numeric": list(background.PENGUIN_NUMERIC),
        "categorical": list(background.PENGUIN_CATEGORICAL),
    }
    kwargs[role] = kwargs[role] + [background.PENGUIN_TARGET]
    with pytest.raises(
        ValueError, match=f"{role} must not contain the target 'body_mass_g'"
    ):
        background.prepare(train, test, **kwargs)


def test_prepare_validates_roles_and_flags(penguin_split):
    train, test = penguin_split
    with pytest.raises(
        ValueError,
        match=r"\['sex'\] are listed as both numeric and categorical",
    ):
        background.prepare(
            train, test, numeric=[*background.PENGUIN_NUMERIC, "sex"]
        )
    with pytest.raises(
        ValueError, match=r"numeric lists \['bill_depth_mm'\] more than once"
    ):
        background.prepare(
            train, test, numeric=[*background.PENGUIN_NUMERIC, "bill_depth_mm"]
        )
    with pytest.raises(
        TypeError, match="numeric must be a sequence of column names; got str"
    ):
        background.prepare(train, test, numeric="bill_depth_mm")
    with pytest.raises(
        TypeError, match="standardize must be True or False; got 'False'"
    ):
        background.prepare(train, test, standardize="False")
    with pytest.raises(TypeError, match="target must be a column name"):
        background.prepare(train, test, target=["body_mass_g"])


@pytest.fixture(scope="module")
def penguin_split(penguins):
    df, _ = data.drop_missing(penguins, background.PENGUIN_TARGET)
    return data.split_train_test(df, test_size=0.3, seed=0)


# ---------------------------------------------------------------------------
# chapter 1: figures


def test_missing_counts_draws_one_bar_per_column(ax):
    background.plot_missing_counts({"a": 0, "b": 3, "c": 11}, 344, ax=ax)
    assert [float(p.get_width()) for p in ax.patches] == [0.0, 3.0, 11.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert "344 rows" in ax.get_xlabel()
    assert any("11 (3.2%)" in t.get_text() for t in ax.texts)


def test_missing_counts_rejects_empty(ax):
    with pytest.raises(TypeError, match="counts must be a non-empty mapping"):
        background.plot_missing_counts({}, 3, ax=ax)


def test_shrinkage_draws_curves_on_log_axis(ax):
    lams = np.logspace(-2, 2, 5)
    background.plot_shrinkage(
        lams, {"mm": 1 / (1 + lams), "m": 1e-6 / (1e-6 + lams)}, ax=ax
    )
    lines = ax.get_lines()
    assert ax.get_xscale() == "log"
    np.testing.assert_allclose(lines[0].get_ydata(), 1 / (1 + lams))
    assert [line.get_label() for line in lines[:2]] == ["mm", "m"]


def test_shrinkage_rejects_mismatched_lengths(ax):
    with pytest.raises(
        ValueError, match=r"curves\['a'\] has 2 values but lams has 3"
    ):
        background.plot_shrinkage([0.1, 1, 10], {"a": [1, 0.5]}, ax=ax)
    with pytest.raises(
        ValueError, match="lams must be positive for a log axis"
    ):
        background.plot_shrinkage([0.0, 1.0], {"a": [1, 0.5]}, ax=ax)


def test_paired_errors_scatter_and_diagonal(ax):
    background.plot_paired_errors(
        [1.0, 2.0, 3.0], [1.5, 1.0, 3.0], labels=("clean", "leaky"), ax=ax
    )
    offsets = ax.collections[0].get_offsets()
    np.testing.assert_allclose(offsets, [[1.0, 1.5], [2.0, 1.0], [3.0, 3.0]])
    diag = ax.get_lines()[0]
    np.testing.assert_allclose(diag.get_xdata(), diag.get_ydata())
    assert ax.get_ylabel() == "leaky: test MSE (g²)"
    with pytest.raises(
        ValueError, match="first and second must be non-empty and paired"
    ):
        background.plot_paired_errors(
            [1.0], [1.0, 2.0], labels=("a", "b"), ax=ax
        )


def test_curve_fits_draws_truth_curves_and_points(ax):
    grid = np.linspace(0, 1, 5)
    background.plot_curve_fits(
        [0.2, 0.8], [0.0, 1.0], grid, {"fit": grid}, truth=grid**2, ax=ax
    )
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["noise-free function", "fit"]
    assert len(ax.collections[0].get_offsets()) == 2
    with pytest.raises(
        ValueError, match=r"curves\['fit'\] has 2 values but grid has 5"
    ):
        background.plot_curve_fits([0.2], [0.0], grid, {"fit": [0, 1]}, ax=ax)


def test_error_vs_dof_marks_the_minimum_of_the_last_curve(ax):
    background.plot_error_vs_dof(
        [1.0, 5.0, 9.0], {"train": [3, 2, 1], "test": [3.0, 1.0, 4.0]}, ax=ax
    )
    marker = ax.get_lines()[-1]
    assert (float(marker.get_xdata()[0]), float(marker.get_ydata()[0])) == (
        5.0,
        1.0,
    )
    assert marker.get_label() == "lowest test: df = 5.0"


def test_background_figures_name_the_wrong_argument(ax):
    with pytest.raises(
        TypeError, match="n_rows must be an integer >= 1; got '10'"
    ):
        background.plot_missing_counts({"a": 1}, "10", ax=ax)
    with pytest.raises(TypeError, match="labels must be a sequence of str"):
        background.plot_paired_errors([1.0], [2.0], labels="ab", ax=ax)
    with pytest.raises(ValueError, match=r"labels must name the two errors"):
        background.plot_paired_errors(
            [1.0], [2.0], labels=("a", "b", "c"), ax=ax
        )
    with pytest.raises(TypeError, match="truth must be real"):
        background.plot_curve_fits(
            [0, 1], [0, 1], [0, 1], {"f": [0, 1]}, truth=[1j, 0], ax=ax
        )


# ---------------------------------------------------------------------------
# chapter 4: figures


def test_fitted_lines_draws_each_line_through_its_points(ax):
    out = code.plot_fitted_lines(
        [0.0, 0.5, 1.0],
        [2.0, 3.5, 5.0],
        {"truth": (3.0, 2.0), "flat": (0.0, 1.0)},
        ax=ax,
    )
    assert out is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["truth", "flat"]
    x, y = lines[0].get_data()
    np.testing.assert_allclose(y, 3.0 * np.asarray(x) + 2.0)
    np.testing.assert_allclose(lines[1].get_ydata(), [1.0, 1.0])
    assert len(ax.collections) == 1  # the scatter
    assert ax.get_xlabel() and ax.get_ylabel()
    assert {to_hex(line.get_color()).upper() for line in lines} <= set(
        OKABE_ITO
    )


def test_fitted_lines_rejects_mismatched_or_missing_input(ax):
    with pytest.raises(ValueError, match="x has 2 values but y has 3"):
        code.plot_fitted_lines([0, 1], [1, 2, 3], {"a": (1.0, 0.0)}, ax=ax)
    with pytest.raises(TypeError, match="lines must be a non-empty mapping"):
        code.plot_fitted_lines([0, 1], [1, 2], [(1.0, 0.0)], ax=ax)


def test_iterations_vs_condition_styles_bounds_dashed(ax):
    code.plot_iterations_vs_condition(
        [1.0, 10.0, 100.0],
        {"GD": [3, 30, 300], "GD bound": [5, 50, 500]},
        ax=ax,
    )
    measured, bound = ax.get_lines()
    assert measured.get_marker() == "o" and measured.get_linestyle() == "-"
    assert bound.get_linestyle() == "--"
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    with pytest.raises(
        ValueError, match="kappas must be condition numbers >= 1"
    ):
        code.plot_iterations_vs_condition([0.5], {"GD": [1]}, ax=ax)


def test_chapter_4_figures_name_the_wrong_argument(ax):
    with pytest.raises(
        TypeError, match=r"lines\['fit'\] must be a \(weight, intercept\) pair"
    ):
        code.plot_fitted_lines([0, 1], [1, 2], {"fit": 3.0}, ax=ax)
