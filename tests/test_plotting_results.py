"""wdlib.plotting functions that take a result object (CVResult, TimingResult,
SweepResult) and the argument checks shared by every figure.

Expected drawings are computed from the result's own fields; the wrong
object (a RidgeResult, a RidgePath, a list, a dict, a Figure) must give a
TypeError that names the argument and the expected type.
"""

import numpy as np
import pytest
from matplotlib.figure import Figure

import wdlib as wd
from wdlib import plotting
from wdlib.experiments import trends


@pytest.fixture
def ax():
    return Figure().subplots()


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(40, 3))
    y = X @ np.array([1.0, 0.0, -1.0]) + rng.normal(size=40)
    return X, y, np.logspace(-3, 1, 9)


def _sweep():
    return trends.SweepResult(
        np.array([0.01, 0.1]), np.array([0.1, 1.0, 10.0]),
        np.array([[0.2, 0.1, 0.3], [0.3, 0.4, 0.25]]), np.array([1.0, 10.0]),
    )


def _timing():
    return trends.TimingResult(
        np.array([10.0, 100.0]), np.array([5, 50]),
        np.array([[2e-6, 3e-6], [4e-6, 9e-6]]),
        np.array([[1e-6, 2e-6], [3e-6, 8e-6]]), np.array([1e-7, 5e-7]),
    )


def test_cv_curve_draws_the_result(ax, problem):
    X, y, lams = problem
    cv = wd.kfold_cv(X, y, lams)
    plotting.plot_cv_curve(cv, label="5-fold", ax=ax)
    curve, best, one_se = ax.get_lines()
    np.testing.assert_array_equal(curve.get_xdata(), cv.lams)
    np.testing.assert_array_equal(curve.get_ydata(), cv.mse)
    assert best.get_xdata()[0] == cv.best_lam
    assert one_se.get_xdata()[0] == cv.lam_1se
    band = ax.collections[0].get_paths()[0].vertices
    assert band[:, 1].max() == pytest.approx(float(np.max(cv.mse + cv.mse_se)))


@pytest.mark.parametrize(
    "wrong, got",
    [
        ("ridge_result", "RidgeResult without .lams"),
        ("ridge_path", "RidgePath without .mse"),
        ("list", "list without .lams"),
        ("dict", "dict without .lams"),
    ],
)
def test_cv_curve_rejects_other_objects(ax, problem, wrong, got):
    X, y, lams = problem
    cv = wd.loo_cv(X, y, lams)
    obj = {
        "ridge_result": wd.ridge_fit(X, y, 0.1),
        "ridge_path": wd.ridge_path(X, y, lams),
        "list": list(cv.mse),
        "dict": {"lams": cv.lams, "mse": cv.mse},
    }[wrong]
    with pytest.raises(TypeError, match=rf"cv must be a CVResult \(from wdlib.loo_cv or wdlib.kfold_cv\); got {got}"):
        plotting.plot_cv_curve(obj, label="cv", ax=ax)


def test_cv_curve_checks_the_fields(ax, problem):
    import dataclasses

    X, y, lams = problem
    cv = wd.kfold_cv(X, y, lams)
    with pytest.raises(ValueError, match=r"cv.mse must have shape \(9,\); got \(8,\)"):
        plotting.plot_cv_curve(dataclasses.replace(cv, mse=cv.mse[:-1]), label="cv", ax=ax)
    with pytest.raises(TypeError, match="cv.mse_se must be a numeric array-like; got None"):
        plotting.plot_cv_curve(dataclasses.replace(cv, mse_se=None), label="cv", ax=ax)
    # plain lists in the fields are fine: they are converted
    lists = dataclasses.replace(cv, lams=list(cv.lams), mse=list(cv.mse), mse_se=list(cv.mse_se))
    plotting.plot_cv_curve(lists, label="cv", ax=ax)
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(), cv.mse)


def test_step_times_draws_microseconds(ax):
    t = _timing()
    plotting.plot_step_times(t, ax=ax)
    lines = ax.get_lines()
    # per d: the line with decay, the one without, the horizontal decay-only line
    np.testing.assert_allclose(lines[0].get_ydata(), 1e6 * t.with_decay[:, 0])
    np.testing.assert_allclose(lines[4].get_ydata(), 1e6 * t.without_decay[:, 1])
    np.testing.assert_allclose(lines[5].get_ydata(), [0.5, 0.5])
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[:2] == ["d = 5 features", "d = 50 features"]


def test_step_times_rejects_other_objects(ax):
    with pytest.raises(TypeError, match=r"timing must be a TimingResult .*; got SweepResult without .ns"):
        plotting.plot_step_times(_sweep(), ax=ax)
    t = _timing()
    bad = trends.TimingResult(t.ns, t.ds, t.with_decay[:1], t.without_decay, t.decay_only)
    with pytest.raises(ValueError, match=r"timing.with_decay must have shape \(2, 2\); got \(1, 2\)"):
        plotting.plot_step_times(bad, ax=ax)


def test_lr_decay_heatmap_draws_percent_and_best_decay(ax):
    s = _sweep()
    plotting.plot_lr_decay_heatmap(s, ax=ax)
    np.testing.assert_allclose(ax.images[0].get_array(), 100 * s.test_error)
    best = ax.get_lines()[0]
    np.testing.assert_array_equal(best.get_xdata(), [1, 2])  # argmin per row, by hand
    np.testing.assert_array_equal(best.get_ydata(), [0, 1])


def test_lr_decay_heatmap_rejects_other_objects(ax):
    with pytest.raises(TypeError, match=r"sweep must be a SweepResult .*; got TimingResult without .lrs"):
        plotting.plot_lr_decay_heatmap(_timing(), ax=ax)
    s = _sweep()
    bad = trends.SweepResult(s.lrs, s.weight_decays, s.test_error.T, s.best_decay)
    with pytest.raises(ValueError, match=r"sweep.test_error must have shape \(2, 3\); got \(3, 2\)"):
        plotting.plot_lr_decay_heatmap(bad, ax=ax)


def test_lambda_curves_points_a_ridge_path_to_its_coefs(ax, problem):
    X, y, lams = problem
    path = wd.ridge_path(X, y, lams)
    with pytest.raises(TypeError, match="values must be an array .*; got RidgePath. For a RidgePath pass path.coefs"):
        plotting.plot_lambda_curves(lams, path, labels=["a", "b", "c"], ylabel="w", ax=ax)
    plotting.plot_lambda_curves(path.lams, path.coefs, labels=["a", "b", "c"], ylabel="w", ax=ax)
    np.testing.assert_array_equal(ax.get_lines()[2].get_ydata(), path.coefs[:, 2])
    with pytest.raises(TypeError, match="labels must be a sequence of str .*; got str 'abc'"):
        plotting.plot_lambda_curves(lams, path.coefs, labels="abc", ylabel="w", ax=ax)


@pytest.mark.parametrize(
    "call, exc, match",
    [
        (lambda ax: plotting.plot_iteration_curves({"a": [1.0, 2.0]}, ylabel="J", ax=Figure()),
         TypeError, "ax must be a matplotlib Axes or None; got Figure"),
        (lambda ax: plotting.plot_iteration_curves({"a": [1.0]}, ylabel="J", ax=np.array([ax])),
         TypeError, "ax must be a matplotlib Axes or None; got ndarray"),
        (lambda ax: plotting.plot_iteration_curves({"a": ["1", "2"]}, ylabel="J", ax=ax),
         TypeError, r"curves\['a'\] must be a numeric array-like; got .* holding text"),
        (lambda ax: plotting.plot_error_vs_lambda("0.1", {"test": [1.0]}, ax=ax),
         TypeError, "lams must be a numeric array-like; got '0.1'"),
        (lambda ax: plotting.plot_fitted_lines([0, 1], [1, 2], {"fit": 3.0}, ax=ax),
         TypeError, r"lines\['fit'\] must be a \(weight, intercept\) pair"),
        (lambda ax: plotting.plot_missing_counts({"a": 1}, "10", ax=ax),
         TypeError, "n_rows must be an integer >= 1; got '10'"),
        (lambda ax: plotting.plot_paired_errors([1.0], [2.0], labels="ab", ax=ax),
         TypeError, "labels must be a sequence of str"),
        (lambda ax: plotting.plot_paired_errors([1.0], [2.0], labels=("a", "b", "c"), ax=ax),
         ValueError, r"labels must name the two errors"),
        (lambda ax: plotting.plot_curve_fits([0, 1], [0, 1], [0, 1], {"f": [0, 1]}, truth=[1j, 0], ax=ax),
         TypeError, "truth must be real"),
        (lambda ax: plotting.plot_loss_contours(np.eye(2), [1.0, 0.0], 0.5, paths={"GD": None}, ax=ax),
         TypeError, r"paths\['GD'\] must be a numeric array-like; got None"),
    ],
)
def test_figures_name_the_wrong_argument(ax, call, exc, match):
    with pytest.raises(exc, match=match):
        call(ax)
