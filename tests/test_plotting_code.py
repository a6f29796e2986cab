"""Smoke tests for the chapter-4 figures in wdlib.plotting.

Each test draws on a fresh ``matplotlib.figure.Figure`` (no pyplot state, no
display) and checks what a reader relies on: lines, labels, log axes, colours
from the Okabe-Ito palette, and the error messages for malformed input.
"""

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import wdlib as wd

plotting = wd.plotting


@pytest.fixture
def ax():
    return Figure().subplots()


def test_fitted_lines_draws_each_line_through_its_points(ax):
    out = plotting.plot_fitted_lines([0.0, 0.5, 1.0], [2.0, 3.5, 5.0], {"truth": (3.0, 2.0), "flat": (0.0, 1.0)}, ax=ax)
    assert out is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["truth", "flat"]
    x, y = lines[0].get_data()
    np.testing.assert_allclose(y, 3.0 * np.asarray(x) + 2.0)
    np.testing.assert_allclose(lines[1].get_ydata(), [1.0, 1.0])
    assert len(ax.collections) == 1  # the scatter
    assert ax.get_xlabel() and ax.get_ylabel()
    assert {to_hex(line.get_color()).upper() for line in lines} <= set(plotting.OKABE_ITO)


def test_fitted_lines_rejects_mismatched_or_missing_input(ax):
    with pytest.raises(ValueError, match="x has 2 values but y has 3"):
        plotting.plot_fitted_lines([0, 1], [1, 2, 3], {"a": (1.0, 0.0)}, ax=ax)
    with pytest.raises(TypeError, match="lines must be a non-empty mapping"):
        plotting.plot_fitted_lines([0, 1], [1, 2], [(1.0, 0.0)], ax=ax)


def test_iteration_curves_keep_lengths_and_log_axis(ax):
    plotting.plot_iteration_curves({"a": [4.0, 2.0, 1.0], "b": [1.0, 0.1]}, ylabel="objective J", ax=ax)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b"]
    np.testing.assert_array_equal(lines[0].get_xdata(), [0, 1, 2])
    np.testing.assert_array_equal(lines[1].get_ydata(), [1.0, 0.1])
    assert ax.get_yscale() == "log"
    assert ax.get_ylabel() == "objective J"
    assert ax.get_legend() is not None


def test_iteration_curves_linear_axis_and_errors(ax):
    plotting.plot_iteration_curves({"a": [1.0, -1.0]}, ylabel="w", logy=False, ax=ax)
    assert ax.get_yscale() == "linear"
    with pytest.raises(TypeError, match="curves must be a non-empty mapping"):
        plotting.plot_iteration_curves({}, ylabel="w", ax=ax)
    with pytest.raises(ValueError, match=r"curves\['a'\] must be a non-empty 1-D array"):
        plotting.plot_iteration_curves({"a": [[1.0, 2.0]]}, ylabel="w", ax=ax)


def test_error_vs_lambda_marks_the_minimum_of_the_last_curve(ax):
    lams = [0.01, 0.1, 1.0, 10.0]
    plotting.plot_error_vs_lambda(lams, {"train": [0.0, 0.1, 0.2, 0.3], "test": [0.5, 0.2, 0.3, 0.4]}, ax=ax)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["train", "test"]
    marker = lines[2]
    assert marker.get_xdata()[0] == 0.1 and marker.get_ydata()[0] == 0.2
    assert "0.1" in marker.get_label()
    assert ax.get_xscale() == "log"
    assert "λ" in ax.get_xlabel()


def test_error_vs_lambda_rejects_bad_input(ax):
    with pytest.raises(ValueError, match="lams must be positive for a log axis"):
        plotting.plot_error_vs_lambda([0.0, 1.0], {"test": [1.0, 2.0]}, ax=ax)
    with pytest.raises(ValueError, match=r"errors\['test'\] has 1 values but lams has 2"):
        plotting.plot_error_vs_lambda([0.1, 1.0], {"test": [1.0]}, ax=ax)


def test_coef_norm_plots_curves_and_reference_levels(ax):
    plotting.plot_coef_norm([0.1, 1.0, 10.0], {"ridge": [3.0, 2.0, 1.0]}, reference={"true weights": 1.5}, ax=ax)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["ridge", "true weights"]
    np.testing.assert_array_equal(lines[1].get_ydata(), [1.5, 1.5])
    assert lines[1].get_linestyle() == "--"
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")


def test_iterations_vs_condition_styles_bounds_dashed(ax):
    plotting.plot_iterations_vs_condition([1.0, 10.0, 100.0], {"GD": [3, 30, 300], "GD bound": [5, 50, 500]}, ax=ax)
    measured, bound = ax.get_lines()
    assert measured.get_marker() == "o" and measured.get_linestyle() == "-"
    assert bound.get_linestyle() == "--"
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    with pytest.raises(ValueError, match="kappas must be condition numbers >= 1"):
        plotting.plot_iterations_vs_condition([0.5], {"GD": [1]}, ax=ax)
