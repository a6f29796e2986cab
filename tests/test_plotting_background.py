"""Chapter 1 figure functions of wdlib.plotting: what they draw and how they refuse bad input."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from wdlib import plotting


@pytest.fixture
def ax():
    return Figure().subplots()


def test_missing_counts_draws_one_bar_per_column(ax):
    plotting.plot_missing_counts({"a": 0, "b": 3, "c": 11}, 344, ax=ax)
    assert [float(p.get_width()) for p in ax.patches] == [0.0, 3.0, 11.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert "344 rows" in ax.get_xlabel()
    assert any("11 (3.2%)" in t.get_text() for t in ax.texts)


def test_missing_counts_rejects_empty(ax):
    with pytest.raises(TypeError, match="counts must be a non-empty mapping"):
        plotting.plot_missing_counts({}, 3, ax=ax)


def test_shrinkage_draws_curves_on_log_axis(ax):
    lams = np.logspace(-2, 2, 5)
    plotting.plot_shrinkage(lams, {"mm": 1 / (1 + lams), "m": 1e-6 / (1e-6 + lams)}, ax=ax)
    lines = ax.get_lines()
    assert ax.get_xscale() == "log"
    np.testing.assert_allclose(lines[0].get_ydata(), 1 / (1 + lams))
    assert [line.get_label() for line in lines[:2]] == ["mm", "m"]


def test_shrinkage_rejects_mismatched_lengths(ax):
    with pytest.raises(ValueError, match=r"ratios\['a'\] has 2 values but lams has 3"):
        plotting.plot_shrinkage([0.1, 1, 10], {"a": [1, 0.5]}, ax=ax)
    with pytest.raises(ValueError, match="lams must be positive for a log axis"):
        plotting.plot_shrinkage([0.0, 1.0], {"a": [1, 0.5]}, ax=ax)


def test_paired_errors_scatter_and_diagonal(ax):
    plotting.plot_paired_errors([1.0, 2.0, 3.0], [1.5, 1.0, 3.0], labels=("clean", "leaky"), ax=ax)
    offsets = ax.collections[0].get_offsets()
    np.testing.assert_allclose(offsets, [[1.0, 1.5], [2.0, 1.0], [3.0, 3.0]])
    diag = ax.get_lines()[0]
    np.testing.assert_allclose(diag.get_xdata(), diag.get_ydata())
    assert ax.get_ylabel() == "leaky: test MSE (g²)"
    with pytest.raises(ValueError, match="first and second must be non-empty and paired"):
        plotting.plot_paired_errors([1.0], [1.0, 2.0], labels=("a", "b"), ax=ax)


def test_curve_fits_draws_truth_curves_and_points(ax):
    grid = np.linspace(0, 1, 5)
    plotting.plot_curve_fits([0.2, 0.8], [0.0, 1.0], grid, {"fit": grid}, truth=grid**2, ax=ax)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["noise-free function", "fit"]
    assert len(ax.collections[0].get_offsets()) == 2
    with pytest.raises(ValueError, match=r"curves\['fit'\] has 2 values but grid has 5"):
        plotting.plot_curve_fits([0.2], [0.0], grid, {"fit": [0, 1]}, ax=ax)


def test_error_vs_dof_marks_the_minimum_of_the_last_curve(ax):
    plotting.plot_error_vs_dof([1.0, 5.0, 9.0], {"train": [3, 2, 1], "test": [3.0, 1.0, 4.0]}, ax=ax)
    marker = ax.get_lines()[-1]
    assert (float(marker.get_xdata()[0]), float(marker.get_ydata()[0])) == (5.0, 1.0)
    assert marker.get_label() == "lowest test: df = 5.0"
