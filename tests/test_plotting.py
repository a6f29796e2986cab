"""wdlib.plotting: what each reusable figure draws, how it refuses bad input.

Each test draws on a fresh ``matplotlib.figure.Figure`` (no pyplot state, no
display). Expected drawings are computed from the inputs or the result's own
fields (and the loss surface from ``wd.ridge_objective``); the wrong object
(a RidgeResult, a RidgePath, a list, a dict, a Figure) must give a TypeError
that names the argument and the expected type.
"""

import dataclasses
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import wdlib as wd
from wdlib import plotting


@pytest.fixture
def ax():
    return Figure().subplots()


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(40, 3))
    y = X @ np.array([1.0, 0.0, -1.0]) + rng.normal(size=40)
    return X, y, np.logspace(-3, 1, 9)


# ---------------------------------------------------------------------------
# iterations


def test_iteration_curves_keep_lengths_and_log_axis(ax):
    plotting.plot_iteration_curves(
        {"a": [4.0, 2.0, 1.0], "b": [1.0, 0.1]}, ylabel="objective J", ax=ax
    )
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b"]
    np.testing.assert_array_equal(lines[0].get_xdata(), [0, 1, 2])
    np.testing.assert_array_equal(lines[1].get_ydata(), [1.0, 0.1])
    assert ax.get_yscale() == "log"
    assert ax.get_ylabel() == "objective J"
    assert ax.get_legend() is not None


def test_iteration_curves_linear_axis_and_errors(ax):
    plotting.plot_iteration_curves(
        {"a": [1.0, -1.0]}, ylabel="w", logy=False, ax=ax
    )
    assert ax.get_yscale() == "linear"
    with pytest.raises(TypeError, match="curves must be a non-empty mapping"):
        plotting.plot_iteration_curves({}, ylabel="w", ax=ax)
    with pytest.raises(
        ValueError, match=r"curves\['a'\] must be a non-empty 1-D array"
    ):
        plotting.plot_iteration_curves({"a": [[1.0, 2.0]]}, ylabel="w", ax=ax)


# ---------------------------------------------------------------------------
# loss surfaces


def _data(rng, n=30):
    X = rng.normal(size=(n, 2))
    y = X @ np.array([1.5, -0.5]) + rng.normal(size=n) * 0.3
    return X - X.mean(axis=0), y - y.mean()


def test_objective_grid_matches_ridge_objective(rng):
    X, y = _data(rng)
    W1, W2 = np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-1, 3, 4))
    Z = plotting._objective_grid(X, y, 0.7, W1, W2)
    expected = [
        [wd.ridge_objective(X, y, [a, b], 0.0, 0.7) for a, b in zip(r1, r2)]
        for r1, r2 in zip(W1, W2)
    ]
    np.testing.assert_allclose(Z, expected, rtol=1e-12)


def test_loss_contours_marks_both_minima_and_paths(rng):
    X, y = _data(rng)
    path = np.array([[0.0, 0.0], [0.5, 0.1], [0.9, -0.2]])
    ax = plotting.plot_loss_contours(
        X, y, 0.3, paths={"GD": path}, ax=Figure().subplots()
    )
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["GD"].get_xydata(), path)
    ridge = lines["minimum of the penalized loss (λ = 0.3)"].get_xydata()[0]
    np.testing.assert_allclose(
        ridge, wd.ridge_fit(X, y, 0.3, fit_intercept=False).coef
    )
    assert ax.get_aspect() == 1.0


def test_constraint_regions_radii(rng):
    X, y = _data(rng)
    ax = plotting.plot_constraint_regions(
        X, y, [0.6, 0.8], [1.0, 0.0], ax=Figure().subplots()
    )
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[:2] == ["L2 disk ‖w‖₂ ≤ 1.00", "L1 diamond ‖w‖₁ ≤ 1.00"]


def test_two_feature_figures_reject_other_widths(rng):
    with pytest.raises(ValueError, match="X must have exactly 2 columns"):
        plotting.plot_loss_contours(
            rng.normal(size=(5, 3)),
            rng.normal(size=5),
            1.0,
            ax=Figure().subplots(),
        )
    X, y = _data(rng)
    with pytest.raises(
        ValueError, match="coef_l2 and coef_l1 must each have 2 entries"
    ):
        plotting.plot_constraint_regions(
            X, y, [1.0], [1.0, 0.0], ax=Figure().subplots()
        )


# ---------------------------------------------------------------------------
# against lambda


def test_against_lambda_marks_the_minimum_of_the_last_curve(ax):
    lams = [0.01, 0.1, 1.0, 10.0]
    curves = {"train": [0.0, 0.1, 0.2, 0.3], "test": [0.5, 0.2, 0.3, 0.4]}
    out = plotting.plot_against_lambda(
        lams, curves, ylabel="MSE (y²)", mark="min", ax=ax
    )
    assert out is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["train", "test"]
    marker = lines[2]
    assert marker.get_xdata()[0] == 0.1 and marker.get_ydata()[0] == 0.2
    assert "0.1" in marker.get_label()
    assert ax.get_xscale() == "log" and ax.get_yscale() == "linear"
    assert "λ" in ax.get_xlabel() and ax.get_ylabel() == "MSE (y²)"
    colours = {to_hex(line.get_color()).upper() for line in lines}
    assert colours <= set(plotting.OKABE_ITO)


def test_against_lambda_takes_the_columns_of_an_array(ax):
    values = np.array([[1.0, 2.0], [0.5, 1.0], [0.1, 0.2]])
    plotting.plot_against_lambda(
        [0.1, 1.0, 10.0], values, labels=["a", "b"], ylabel="weight", ax=ax
    )
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b"]
    np.testing.assert_array_equal(lines[1].get_ydata(), values[:, 1])


def test_against_lambda_array_and_mapping_draw_the_same(problem):
    X, y, lams = problem
    coefs = wd.ridge_path(X, y, lams).coefs
    a = plotting.plot_against_lambda(
        lams, coefs, labels=["p", "q", "r"], ylabel="w", ax=Figure().subplots()
    )
    b = plotting.plot_against_lambda(
        lams,
        {"p": coefs[:, 0], "q": coefs[:, 1], "r": coefs[:, 2]},
        ylabel="w",
        ax=Figure().subplots(),
    )
    for la, lb in zip(a.get_lines(), b.get_lines()):
        np.testing.assert_array_equal(la.get_xydata(), lb.get_xydata())
        assert la.get_color() == lb.get_color()


def test_against_lambda_reference_logy_errors_and_marks(ax):
    lams = np.array([0.1, 1.0, 10.0])
    plotting.plot_against_lambda(
        lams,
        {"ridge": [3.0, 2.0, 1.0]},
        ylabel="‖w‖₂",
        errors={"ridge": [0.1, 0.2, 0.3]},
        reference={"true weights": 1.5},
        mark={"chosen": 1.0},
        logy=True,
        ax=ax,
    )
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["ridge", "chosen", "true weights"]
    ref = ax.get_lines()[2]
    np.testing.assert_array_equal(ref.get_ydata(), [1.5, 1.5])
    assert ref.get_linestyle() == "--"
    np.testing.assert_array_equal(ax.get_lines()[1].get_xdata(), [1.0, 1.0])
    band = ax.collections[0].get_paths()[0].vertices
    # the band is mse +- se: max(3 + 0.1, 2 + 0.2, 1 + 0.3), min 1 - 0.3
    assert band[:, 1].max() == pytest.approx(3.1)
    assert band[:, 1].min() == pytest.approx(0.7)
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")


def test_against_lambda_has_no_default_unit(ax):
    with pytest.raises(TypeError, match="ylabel"):
        plotting.plot_against_lambda([0.1, 1.0], {"a": [1.0, 2.0]}, ax=ax)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (
            {"lams": [0.0, 1.0]},
            ValueError,
            "lams must be positive for a log axis",
        ),
        (
            {"curves": {"test": [1.0]}},
            ValueError,
            r"curves\['test'\] has 1 values but lams has 2",
        ),
        (
            {"curves": [[1.0, 2.0], [0.5, 1.0]]},
            TypeError,
            "an array curves needs labels",
        ),
        (
            {"curves": [1.0, 2.0], "labels": ["a", "b"]},
            ValueError,
            r"curves must have shape \(n_lams, k\) = \(2, 2\)",
        ),
        (
            {"labels": ["a"]},
            TypeError,
            "labels are taken from the keys of a mapping",
        ),
        (
            {"errors": {"other": [1.0, 1.0]}},
            ValueError,
            r"errors names \['other'\], which are not curves",
        ),
        (
            {"mark": "max"},
            TypeError,
            "mark must be None, 'min' or a mapping label -> lam",
        ),
        ({"logy": "yes"}, TypeError, "logy must be True or False"),
        (
            {"colors": ["red", "blue"]},
            ValueError,
            r"colors must give one colour per curve \(1\); got 2",
        ),
        ({"curves": {}}, TypeError, "curves must be a non-empty mapping"),
    ],
)
def test_against_lambda_names_the_wrong_argument(ax, kwargs, exc, match):
    call = {"lams": [0.1, 1.0], "curves": {"a": [1.0, 2.0]}, "ylabel": "e"}
    call.update(kwargs)
    with pytest.raises(exc, match=match):
        plotting.plot_against_lambda(ax=ax, **call)


def test_against_lambda_points_results_to_their_plotters(ax, problem):
    X, y, lams = problem
    path = wd.ridge_path(X, y, lams)
    with pytest.raises(
        TypeError,
        match=r"got RidgePath. For a RidgePath or "
        r"a CVResult use plot_path",
    ):
        plotting.plot_against_lambda(lams, path, ylabel="w", ax=ax)
    with pytest.raises(
        TypeError, match="labels must be a sequence of str .*; got str 'abc'"
    ):
        plotting.plot_against_lambda(
            lams, path.coefs, labels="abc", ylabel="w", ax=ax
        )


def test_path_draws_every_coefficient(problem):
    X, y, lams = problem
    path = wd.ridge_path(X, y, lams)
    for ax in (
        plotting.plot_path(path, ax=Figure().subplots()),
        path.plot(ax=Figure().subplots()),
    ):
        lines = ax.get_lines()
        assert [line.get_label() for line in lines] == ["w_1", "w_2", "w_3"]
        for j, line in enumerate(lines):
            np.testing.assert_array_equal(line.get_xdata(), lams)
            np.testing.assert_array_equal(line.get_ydata(), path.coefs[:, j])
    ax = path.plot(
        labels=["a", "b", "c"], ylabel="w (g per sd)", ax=Figure().subplots()
    )
    assert ax.get_ylabel() == "w (g per sd)"
    with pytest.raises(
        TypeError,
        match=r"path must be a RidgePath \(from "
        r"wdlib.ridge_path\); got CVResult",
    ):
        plotting.plot_path(wd.loo_cv(X, y, lams), ax=Figure().subplots())


def test_plot_methods_load_matplotlib_only_when_called():
    code = (
        "import sys, numpy as np, wdlib as wd\n"
        "X = np.arange(8.0).reshape(4, 2); y = np.arange(4.0)\n"
        "p = wd.ridge_path(X, y, [0.1, 1.0]); cv = wd.loo_cv(X, y, [0.1, "
        "1.0])\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "old",
    [
        "plot_lambda_curves",
        "plot_error_vs_lambda",
        "plot_coef_norm",
        "plot_cv_curve",
        "plot_fitted_lines",
        "plot_iterations_vs_condition",
    ],
)
def test_old_names_are_gone(old):
    # renamed to plot_against_lambda / plot_cv, or moved to
    # wdlib.experiments.code; nothing calls the old names any more
    with pytest.raises(AttributeError, match=old):
        getattr(plotting, old)


# ---------------------------------------------------------------------------
# results


def test_cv_draws_the_result(problem):
    X, y, lams = problem
    cv = wd.kfold_cv(X, y, lams)
    for ax in (
        plotting.plot_cv(cv, label="5-fold", ax=Figure().subplots()),
        cv.plot(label="5-fold", ax=Figure().subplots()),
    ):
        curve, best, one_se = ax.get_lines()
        np.testing.assert_array_equal(curve.get_xdata(), cv.lams)
        np.testing.assert_array_equal(curve.get_ydata(), cv.mse)
        assert best.get_xdata()[0] == cv.best_lam
        assert one_se.get_xdata()[0] == cv.lam_1se
        band = ax.collections[0].get_paths()[0].vertices
        top = float(np.max(cv.mse + cv.mse_se))
        assert band[:, 1].max() == pytest.approx(top)
    ax = cv.plot(
        error_bars=False, color=plotting.OKABE_ITO[6], ax=Figure().subplots()
    )
    assert not ax.collections
    assert to_hex(ax.get_lines()[0].get_color()).upper() == "#D55E00"


@pytest.mark.parametrize(
    "wrong, got",
    [
        ("ridge_result", "RidgeResult without .lams"),
        ("ridge_path", "RidgePath without .mse"),
        ("list", "list without .lams"),
        ("dict", "dict without .lams"),
    ],
)
def test_cv_rejects_other_objects(ax, problem, wrong, got):
    X, y, lams = problem
    cv = wd.loo_cv(X, y, lams)
    obj = {
        "ridge_result": wd.ridge_fit(X, y, 0.1),
        "ridge_path": wd.ridge_path(X, y, lams),
        "list": list(cv.mse),
        "dict": {"lams": cv.lams, "mse": cv.mse},
    }[wrong]
    with pytest.raises(
        TypeError,
        match=rf"cv must be a CVResult \(from "
        rf"wdlib.loo_cv or wdlib.kfold_cv\); "
        rf"got {got}",
    ):
        plotting.plot_cv(obj, label="cv", ax=ax)


def test_cv_checks_the_fields(ax, problem):
    X, y, lams = problem
    cv = wd.kfold_cv(X, y, lams)
    with pytest.raises(
        ValueError, match=r"cv.mse must have shape \(9,\); got \(8,\)"
    ):
        plotting.plot_cv(dataclasses.replace(cv, mse=cv.mse[:-1]), ax=ax)
    with pytest.raises(
        TypeError, match="cv.mse_se must be a numeric array-like; got None"
    ):
        plotting.plot_cv(dataclasses.replace(cv, mse_se=None), ax=ax)
    # plain lists in the fields are fine: they are converted
    lists = dataclasses.replace(
        cv, lams=list(cv.lams), mse=list(cv.mse), mse_se=list(cv.mse_se)
    )
    plotting.plot_cv(lists, label="cv", ax=ax)
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(), cv.mse)


@pytest.mark.parametrize(
    "call, exc, match",
    [
        (
            lambda ax: plotting.plot_iteration_curves(
                {"a": [1.0, 2.0]}, ylabel="J", ax=Figure()
            ),
            TypeError,
            "ax must be a matplotlib Axes or None; got Figure",
        ),
        (
            lambda ax: plotting.plot_iteration_curves(
                {"a": [1.0]}, ylabel="J", ax=np.array([ax])
            ),
            TypeError,
            "ax must be a matplotlib Axes or None; got ndarray",
        ),
        (
            lambda ax: plotting.plot_iteration_curves(
                {"a": ["1", "2"]}, ylabel="J", ax=ax
            ),
            TypeError,
            r"curves\['a'\] must be a numeric array-like; got .* holding text",
        ),
        (
            lambda ax: plotting.plot_against_lambda(
                "0.1", {"test": [1.0]}, ylabel="e", ax=ax
            ),
            TypeError,
            "lams must be a numeric array-like; got '0.1'",
        ),
        (
            lambda ax: plotting.plot_loss_contours(
                np.eye(2), [1.0, 0.0], 0.5, paths={"GD": None}, ax=ax
            ),
            TypeError,
            r"paths\['GD'\] must be a numeric array-like; got None",
        ),
    ],
)
def test_figures_name_the_wrong_argument(ax, call, exc, match):
    with pytest.raises(exc, match=match):
        call(ax)
