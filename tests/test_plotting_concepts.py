"""Tests for the chapter 2/3 figures in wdlib.plotting (loss surfaces, constraint
regions, curves against lambda)."""


import numpy as np
import pytest
from matplotlib.figure import Figure

import wdlib as wd
from wdlib import plotting


def _data(rng, n=30):
    X = rng.normal(size=(n, 2))
    y = X @ np.array([1.5, -0.5]) + rng.normal(size=n) * 0.3
    return X - X.mean(axis=0), y - y.mean()


def test_objective_grid_matches_ridge_objective(rng):
    X, y = _data(rng)
    W1, W2 = np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-1, 3, 4))
    Z = plotting._objective_grid(X, y, 0.7, W1, W2)
    expected = [[wd.ridge_objective(X, y, [a, b], 0.0, 0.7) for a, b in zip(r1, r2)] for r1, r2 in zip(W1, W2)]
    np.testing.assert_allclose(Z, expected, rtol=1e-12)


def test_loss_contours_marks_both_minima_and_paths(rng):
    X, y = _data(rng)
    path = np.array([[0.0, 0.0], [0.5, 0.1], [0.9, -0.2]])
    ax = plotting.plot_loss_contours(X, y, 0.3, paths={"GD": path}, ax=Figure().subplots())
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["GD"].get_xydata(), path)
    ridge = lines["minimum of the penalized loss (λ = 0.3)"].get_xydata()[0]
    np.testing.assert_allclose(ridge, wd.ridge_fit(X, y, 0.3, fit_intercept=False).coef)
    assert ax.get_aspect() == 1.0


def test_constraint_regions_radii(rng):
    X, y = _data(rng)
    ax = plotting.plot_constraint_regions(X, y, [0.6, 0.8], [1.0, 0.0], ax=Figure().subplots())
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[:2] == ["L2 disk ‖w‖₂ ≤ 1.00", "L1 diamond ‖w‖₁ ≤ 1.00"]


def test_two_feature_figures_reject_other_widths(rng):
    with pytest.raises(ValueError, match="X must have exactly 2 columns"):
        plotting.plot_loss_contours(rng.normal(size=(5, 3)), rng.normal(size=5), 1.0, ax=Figure().subplots())
    X, y = _data(rng)
    with pytest.raises(ValueError, match="coef_l2 and coef_l1 must each have 2 entries"):
        plotting.plot_constraint_regions(X, y, [1.0], [1.0, 0.0], ax=Figure().subplots())


def test_lambda_curves_shape_check():
    ax = plotting.plot_lambda_curves([0.1, 1.0], [[1.0, 2.0], [0.5, 1.0]], labels=["a", "b"],
                                     ylabel="weight", ax=Figure().subplots())
    assert [line.get_label() for line in ax.get_lines()] == ["a", "b"]
    with pytest.raises(ValueError, match=r"values must have shape \(n_lams, n_curves\) = \(2, 2\)"):
        plotting.plot_lambda_curves([0.1, 1.0], [1.0, 2.0], labels=["a", "b"], ylabel="w")
    with pytest.raises(ValueError, match="lams must be positive"):
        plotting.plot_lambda_curves([0.0, 1.0], [[1.0], [2.0]], labels=["a"], ylabel="w")
