"""Tests of wdlib.exercises: every chapter solution passes its checker,
typical mistakes get their own hint, and the reference never leaks.

Each chapter solution is re-implemented here as the chapter writes it
(closed forms, wdlib calls the chapter makes); reference values in the
leak tests are computed here independently of the checkers."""

from __future__ import annotations

import dataclasses
import functools
import re
import subprocess
import sys

import numpy as np
import pytest

import wdlib as wd
from wdlib import data
from wdlib import exercises as ex


# ------------------------------------------------------- chapter solutions
def _w_1d(x, y, lam):
    xc, yc = x - x.mean(), y - y.mean()
    return np.mean(xc * yc) / (np.mean(xc * xc) + lam)


def _bill_depth_var():
    penguins, _ = data.drop_missing(data.load_penguins(), "body_mass_g")
    train, _ = data.split_train_test(penguins, test_size=0.3, seed=0)
    scaler = data.fit_standardizer(train, ["bill_length_mm", "bill_depth_mm"])
    return float(dict(zip(scaler.columns, scaler.scale**2))["bill_depth_mm"])


def _sol_1_2():
    v = _bill_depth_var()
    return (v, v / 100, 1.0)


def _sol_1_4():
    hd_train = data.make_overfitting(50, 40, coef_value=0.05, seed=0)[0]
    X_wide = data.make_overfitting()[0].X
    return (
        float(wd.effective_dof(hd_train.X, [1e-12])[0]),
        float(wd.effective_dof(X_wide, [1e-12])[0]),
    )


SETTING = dict(n_features=200, coef_value=0.01, intercept=0.05, noise=0.1)


def article_gd(X, y, learning_rate, iterations, l2_lambda):
    """The article's function (chapter 4), with a 1-D y."""
    w = np.zeros(X.shape[1])
    for _ in range(iterations):
        y_pred = X.dot(w)
        gradient = X.T.dot(y_pred - y) + l2_lambda * w
        w -= learning_rate * gradient
    return w


def fit_ridge_gd(
    X, y, lam, *, lr=None, max_iter=10_000, tol=1e-10, callback=None
):
    """Chapter 4's gradient descent (mean gradient, free intercept)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    _validate(X, y)
    n, d = X.shape
    if lr is None:  # step 1/L, L the largest eigenvalue of the Hessian
        A = np.column_stack([X, np.ones(n)])
        H = A.T @ A / n + lam * np.diag(np.r_[np.ones(d), 0.0])
        lr = 1.0 / np.linalg.eigvalsh(H)[-1]
    w, b = np.zeros(d), 0.0
    history = []
    for k in range(max_iter + 1):  # iterates 0, 1, ..., max_iter
        r = y - X @ w - b
        history.append(r @ r / (2 * n) + lam / 2 * (w @ w))
        if callback is not None:
            callback(w, b)
        grad_w = -(X.T @ r) / n + lam * w
        grad_b = -r.mean()
        if np.sqrt(grad_w @ grad_w + grad_b**2) <= tol:
            return w, b, np.array(history), True
        if k == max_iter:
            break
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b, np.array(history), False


@functools.lru_cache(maxsize=None)
def _sol_4_1():
    data_1k = data.make_article_data(n_samples=1000, seed=0)
    X1k, y1k = data_1k.X, data_1k.y
    L_sum = 1000 * wd.lipschitz_constant(X1k, 0.1 / 1000, fit_intercept=False)
    w_a = article_gd(X1k, y1k, 1 / L_sum, 1000, 0.1)[0]
    w_b, _, _, _ = fit_ridge_gd(X1k, y1k, 0.1)
    return (float(w_a), float(w_b[0]))


def _split_200():
    return data.make_overfitting(n_samples=200, **SETTING)


@functools.lru_cache(maxsize=None)
def _test_curve():
    """Figure 4.6's unpenalized run: the test MSE at every iterate."""
    tr, te = _split_200()
    test_mse = []

    def record(w_k, b_k):
        test_mse.append(np.mean((te.y - te.X @ w_k - b_k) ** 2))

    fit_ridge_gd(tr.X, tr.y, 0.0, max_iter=3000, tol=1e-8, callback=record)
    return np.array(test_mse)


@functools.lru_cache(maxsize=None)
def _sol_4_2():
    tr, te = _split_200()
    k_stop = int(np.argmin(_test_curve()))
    w_es, b_es, _, _ = fit_ridge_gd(tr.X, tr.y, 0.0, max_iter=k_stop)
    return (k_stop, float(np.mean((te.y - te.X @ w_es - b_es) ** 2)))


def _standardized_fit():
    train = data.make_article_data(n_samples=100, seed=0)
    x = train.X[:, 0]
    mu, sigma = x.mean(), x.std()
    w_s, b_s, _, _ = fit_ridge_gd(
        ((x - mu) / sigma)[:, None], train.y, 0.1, tol=1e-12
    )
    return train, mu, sigma, w_s[0], b_s


def _sol_4_3():
    _, mu, sigma, w_s, b_s = _standardized_fit()
    return (w_s / sigma, b_s - w_s * mu / sigma)


def _validate(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(
            f"X must be (n, d) and y must be 1-D of length n; got X {X.shape} "
            f"and y {y.shape}. Use y.ravel() for a column."
        )


def _soft(w, t):
    return np.sign(w) * np.maximum(np.abs(w) - t, 0)


def _loo(X, y, lam, *, alpha=None, power=1):
    n, d = X.shape
    alpha = n * lam if alpha is None else alpha
    H = X @ np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T)
    return (y - H @ y) / (1 - np.diag(H)) ** power


def _gcv(X, y, lams, *, plus=1.0, power=2):
    path = wd.ridge_path(X, y, lams)
    resid = y[:, None] - path.predict(X)
    df = wd.effective_dof(X, lams)
    return np.mean(resid**2, axis=0) / (1 - (plus + df) / len(y)) ** power


SOLUTIONS = {
    "1.1": _w_1d,
    "1.2": _sol_1_2,
    "1.3": lambda w, s, lam: lam / 2 * np.sum((s * w) ** 2),
    "1.4": _sol_1_4,
    "1.5": lambda X, y: wd.ridge_fit(X, y, 0.0).coef,
    "2.1": lambda lam: 1 / lam,
    "2.2": lambda X, y: np.abs(X.T @ y).max() / len(y),
    "2.3": lambda: (4.0, 0.5),
    "2.4": lambda: 1e-3 / 0.1,
    "3.1": lambda x, y, w, lam: (y.mean() - x.mean() * w) / (1 + lam),
    "3.2": lambda L: (1 / L, 1 / (2 * L)),
    "3.3": lambda s, n: s**2 / n,
    "3.4": lambda la, n: la / n,
    "4.1": _sol_4_1,
    "4.2": _sol_4_2,
    "4.3": _sol_4_3,
    "4.4": _validate,
    "5.1": lambda: 50,
    "5.2": lambda w, lam, lr, eps: lr * lam * w / (lam * np.abs(w) + eps),
    "5.3": lambda th, m, v, lr, lp, eps: (
        (1 - lp) * th - lr * m / (np.sqrt(v) + eps)
    ),
    "5.4": lambda s, t, n: s**2 / t**2,
    "5.5": lambda lr, lam, c: (lr * c**2 / (2 * lam)) ** 0.25,
    "5.6": lambda a, b: (
        np.mean(a - b),
        np.std(a - b, ddof=1) / np.sqrt(len(a)),
    ),
    "6.1": lambda w, lam: (w / (1 + lam), _soft(w, lam)),
    "6.2": _loo,
    "6.3": _gcv,
    "6.4": lambda lam, n, m: lam * n / m,
}
# exercises whose answer is a value, not a function: SOLUTIONS builds it
VALUE_ANSWERS = {"1.2", "1.4", "2.3", "2.4", "4.1", "4.2", "4.3", "5.1"}


def _answer(ex_id):
    sol = SOLUTIONS[ex_id]
    return sol() if ex_id in VALUE_ANSWERS else sol


def _w_1d_pen_b(x, y, lam):  # intercept penalized: 2x2 normal equations
    n = len(x)
    A = np.array([[x @ x / n + lam, x.mean()], [x.mean(), 1 + lam]])
    return np.linalg.solve(A, [x @ y / n, y.mean()])[0]


def _min_norm_plus_null(X, y):
    w = wd.ridge_fit(X, y, 0.0).coef
    null = np.zeros(X.shape[1])
    null[2:] = 1.0  # the indicators sum to one: a direction of the null
    return w + 0.7 * null  # space of the centred design


def _first_step_adam(w, lam, lr, eps):
    """One step of wd.optim.Adam (coupled L2), zero loss gradient."""
    p = np.array(w, dtype=float)
    opt = wd.optim.Adam([p], lr=lr, eps=eps, weight_decay=lam)
    opt.step([np.zeros_like(p)])
    return w - p


def _assert(X, y):
    assert np.ndim(X) == 2 and np.shape(y) == (len(X),)


def _silent_value_error(X, y):
    if np.ndim(y) != 1 or np.ndim(X) != 2 or len(y) != len(X):
        raise ValueError("bad input")


WRONG = {
    "1.1": [
        (_w_1d_pen_b, "intercept is penalized"),
        (lambda x, y, lam: _w_1d(x, y, lam / len(x)), "factor n"),
        (
            lambda x, y, lam: np.mean(x * y) / (np.mean(x * x) + lam),
            "without intercept",
        ),
    ],
    "1.2": [
        (lambda: (2.0, 0.2, 1.0), "standard deviation"),
        (lambda: (4.07, 0.407, 1.0), "10^2"),
        (lambda: (4.07, 0.0407, 4.07), "exactly 1"),
    ],
    "1.3": [
        (lambda w, s, lam: lam / 2 * np.sum(s * w * w), "squared"),
        (lambda w, s, lam: lam / 2 * np.sum((w / s) ** 2), "Inverted"),
        (lambda w, s, lam: lam * np.sum((s * w) ** 2), "1/2"),
    ],
    "1.4": [
        (lambda: (40, 20), "removes one dimension"),
        (lambda: (40, 200), "cannot exceed"),
        (lambda: (41, 20), "intercept"),
    ],
    "1.5": [
        (
            lambda X, y: (
                np.linalg.pinv(np.column_stack([X, np.ones(len(y))])) @ y
            )[:-1],
            "in the norm",
        ),
        (_min_norm_plus_null, "smallest norm"),
        (lambda X, y: np.full(X.shape[1], np.inf), "singular"),
    ],
    "2.1": [(lambda lam: 2 / lam, "2/L"), (lambda lam: lam, "Inverted")],
    "2.2": [
        (lambda X, y: np.abs(X.T @ y).max(), "factor n"),
        (lambda X, y: (X.T @ y).max() / len(y), "absolute value"),
        (lambda X, y: np.linalg.norm(X.T @ y) / len(y), "2-norm"),
    ],
    "2.3": [
        (lambda: (2, 0.5), "sigma^2"),
        (lambda: (4, 2), "Inverted for n"),
        (lambda: (4, 1), "does depend on n"),
    ],
    "2.4": [
        (lambda: 1e-4, "Multiplied instead of divided"),
        (lambda: 1e-3, "shrink per step"),
        (lambda: 0.02, "factor 2"),
    ],
    "3.1": [
        (lambda x, y, w, lam: y.mean() - w * x.mean(), "unpenalized"),
        (
            lambda x, y, w, lam: (
                (y.mean() - w * x.mean()) / (1 + len(x) * lam)
            ),
            "factor n",
        ),
        (
            lambda x, y, w, lam: (y.mean() + w * x.mean()) / (1 + lam),
            "Sign error",
        ),
    ],
    "3.2": [
        (lambda L: (2 / L, 0.0), "limit of stability"),
        (lambda L: (1 / L, 1 / L), "1/(2L)"),
    ],
    "3.3": [
        (lambda s, n: s**2, "factor n"),
        (lambda s, n: s**2 / (2 * n), "no extra 1/2"),
        (lambda s, n: s / n, "squared"),
    ],
    "3.4": [
        (lambda la, n: la * n, "Inverted"),
        (lambda la, n: la, "factor n"),
    ],
    "4.1": [
        (lambda: (_sol_4_1()[1],) * 2, "should not agree"),
        (
            lambda: (article_gd(*_article_1k(), 0.01, 300, 0.1)[0], 1.0),
            "diverges",
        ),
        (lambda: _sol_4_1()[::-1], "swapped"),
    ],
    "4.2": [
        (
            lambda: (_sol_4_2()[0], _test_curve()[_sol_4_2()[0] + 1]),
            "one step later",
        ),
        (
            lambda: (_sol_4_2()[0] + 1, _test_curve()[_sol_4_2()[0] + 1]),
            "Off by one",
        ),
        (lambda: (_sol_4_2()[0], _best_ridge_test()), "best ridge"),
    ],
    "4.3": [
        (lambda: _raw_fit(), "lam sigma^2"),
        (lambda: _standardized_fit()[3:], "map them back"),
        (
            lambda: (
                _sol_4_3()[0],
                _standardized_fit()[4]
                + _standardized_fit()[3]
                * _standardized_fit()[1]
                / _standardized_fit()[2],
            ),
            "Sign error",
        ),
    ],
    "4.4": [
        (lambda X, y: None, "accepted"),
        (_assert, "AssertionError"),
        (_silent_value_error, "does not name the shapes"),
    ],
    "5.1": [(lambda: 2500, "not 1/n^2"), (lambda: 0.01, "not the share")],
    "5.2": [
        (lambda w, lam, lr, eps: lr * np.sign(w), "dropped eps"),
        (
            lambda w, lam, lr, eps: -_first_step_adam(w, lam, lr, eps),
            "Sign error",
        ),
        (
            lambda w, lam, lr, eps: (
                lr * lam * w / np.sqrt(lam**2 * w**2 + eps)
            ),
            "outside the square root",
        ),
    ],
    "5.3": [
        (
            lambda th, m, v, lr, lp, e: (
                (1 - lr * lp) * th - lr * m / (np.sqrt(v) + e)
            ),
            "already contains",
        ),
        (
            lambda th, m, v, lr, lp, e: (
                (1 - lp) * (th - lr * m / (np.sqrt(v) + e))
            ),
            "theta_{t-1}",
        ),
    ],
    "5.4": [
        (lambda s, t, n: s**2 / (n * t**2), "mean convention"),
        (lambda s, t, n: n * s**2 / t**2, "factor n"),
        (lambda s, t, n: s / t, "Variances"),
    ],
    "5.5": [
        (lambda lr, lam, c: (lr * c**2 / (2 * lam)) ** 0.5, "fourth root"),
        (lambda lr, lam, c: (lr * c**2 / lam) ** 0.25, "factor 2"),
    ],
    "5.6": [
        (
            lambda a, b: (
                np.mean(a - b),
                np.hypot(
                    np.std(a, ddof=1) / np.sqrt(len(a)),
                    np.std(b, ddof=1) / np.sqrt(len(b)),
                ),
            ),
            "as independent",
        ),
        (
            lambda a, b: (np.mean(a - b), np.std(a - b, ddof=1)),
            "divides it by sqrt",
        ),
        (
            lambda a, b: (
                np.mean(b - a),
                np.std(a - b, ddof=1) / np.sqrt(len(a)),
            ),
            "Sign",
        ),
    ],
    "6.1": [
        (
            lambda w, lam: (w / (1 + lam), np.maximum(w - lam, 0)),
            "lost their sign",
        ),
        (lambda w, lam: (w / (1 + lam), _soft(w, lam / 2)), "not lam/2"),
        (lambda w, lam: (_soft(w, lam), w / (1 + lam)), "Swapped"),
    ],
    "6.2": [
        (lambda X, y, lam: _loo(X, y, lam, power=0), "full fit"),
        (lambda X, y, lam: _loo(X, y, lam, alpha=lam), "factor n"),
        (lambda X, y, lam: _loo(X, y, lam, power=2), "not its square"),
    ],
    "6.3": [
        (lambda X, y, lams: _gcv(X, y, lams, plus=0.0), "adds one"),
        (lambda X, y, lams: _gcv(X, y, lams, power=1), "squared"),
    ],
    "6.4": [
        (lambda lam, n, m: lam, "hold n lam fixed"),
        (lambda lam, n, m: lam * m / n, "Inverted"),
    ],
}


def _article_1k():
    d1k = data.make_article_data(n_samples=1000, seed=0)
    return d1k.X, d1k.y


def _raw_fit():
    train = data.make_article_data(n_samples=100, seed=0)
    fit = wd.ridge_fit(train.X, train.y, 0.1)
    return (fit.coef[0], fit.intercept)


@functools.lru_cache(maxsize=None)
def _best_ridge_test():
    tr, te = _split_200()
    return min(
        np.mean((te.y - wd.ridge_fit(tr.X, tr.y, lam).predict(te.X)) ** 2)
        for lam in np.logspace(-4, 2, 30)
    )


def _wrong(ex_id, make):
    return make() if ex_id in VALUE_ANSWERS else make


IDS = [e.id for e in ex.catalog()]


# ------------------------------------------------------------------ catalog
def test_catalog_ids_unique_and_every_chapter_has_two():
    assert len(IDS) == len(set(IDS))
    chapters = [e.chapter for e in ex.catalog()]
    for chapter in range(1, 7):
        assert chapters.count(chapter) >= 2
    for e in ex.catalog():
        assert re.fullmatch(r"[1-6]\.\d+", e.id)
        assert int(e.id.split(".")[0]) == e.chapter
        assert e.title and "\n" not in e.title and e.answer


def test_every_exercise_has_a_solution_and_wrong_answers_here():
    assert set(SOLUTIONS) == set(IDS) == set(WRONG)


# -------------------------------------------------- solutions and mistakes
@pytest.mark.parametrize("ex_id", IDS)
def test_chapter_solution_passes(ex_id):
    fb = ex.check(ex_id, _answer(ex_id))
    assert fb.passed, fb.message


@pytest.mark.parametrize("ex_id", IDS)
def test_typical_mistakes_get_their_hint(ex_id):
    assert len(WRONG[ex_id]) >= 2
    for make, hint in WRONG[ex_id]:
        fb = ex.check(ex_id, _wrong(ex_id, make))
        assert not fb.passed
        assert hint in fb.message, (hint, fb.message)


@pytest.mark.parametrize("ex_id", sorted(set(IDS) - VALUE_ANSWERS))
def test_hard_coded_function_fails(ex_id):
    """A function returning the right output for the first input it sees,
    whatever the input, does not pass."""
    first = {}

    def hard_coded(*args):
        if "out" not in first:
            first["out"] = SOLUTIONS[ex_id](*args)
        return first["out"]

    fb = ex.check(ex_id, hard_coded)
    assert not fb.passed


def test_batch_size_estimate_accepts_both_operation_counts():
    # decay as d multiply-adds: 1/(2n) = 1 % at n = 50; as 2d: n = 100
    for n_rows in (50, 49.5, 100, 99):
        assert ex.check("5.1", n_rows).passed
    for n_rows in (75, 200, 10):
        assert not ex.check("5.1", n_rows).passed


def test_hard_coded_chapter_outputs_fail():
    # the numbers the chapters print, returned whatever the input
    assert not ex.check("2.1", lambda lam: 1 / 0.1).passed
    assert not ex.check("3.3", lambda s, n: 0.5).passed
    assert not ex.check("5.5", lambda lr, lam, c: 1.0).passed


@pytest.mark.parametrize("ex_id", IDS)
def test_unrecognized_answer_gets_the_general_hint(ex_id):
    sol = SOLUTIONS[ex_id]
    if ex_id in VALUE_ANSWERS:
        answer = np.asarray(sol(), dtype=float) * 1.37 + 0.11
        if ex_id == "4.2":
            answer[0] = 777
    else:

        def answer(*args):
            out = sol(*args)
            if out is None:  # 4.4: a validator that rejects everything
                raise ValueError("no")
            return np.asarray(out, dtype=float) * 1.37 + 0.11

    fb = ex.check(ex_id, answer)
    assert not fb.passed and fb.message


# ---------------------------------------------------- the reference leaks
def _forms(values):
    out = set()
    for v in np.ravel(np.asarray(values, dtype=float)):
        if v == 0 or not np.isfinite(v) or v in (0.5, 1.0, 2.0):
            continue
        out |= {
            repr(float(v)),
            f"{v:.2f}",
            f"{v:.3g}",
            f"{v:.4g}",
            f"{v:.6g}",
            f"{v:.2e}",
        }
    return {f for f in out if len(f.strip("-0.")) >= 2}


@pytest.mark.parametrize("ex_id", IDS)
def test_reference_never_in_message_attributes_or_repr(ex_id):
    seen = []
    sol = SOLUTIONS[ex_id]
    if ex_id in VALUE_ANSWERS:
        seen.append(sol())
        answers = [sol()] + [make() for make, _ in WRONG[ex_id]]
    else:

        def recording(*args):
            out = sol(*args)
            if out is not None:
                seen.append(np.asarray(out, dtype=float))
            return out

        answers = [recording] + [make for make, _ in WRONG[ex_id]]
    forms = set()
    for s in seen:
        forms |= _forms(s)
    for answer in answers:
        fb = ex.check(ex_id, answer)
        assert [f.name for f in dataclasses.fields(fb)] == [
            "passed",
            "message",
        ]
        text = fb.message + repr(fb) + fb._repr_html_()
        leaked = [f for f in forms if f in text]
        assert not leaked, (leaked, fb.message)


# ------------------------------------------------- wrong type and shape
@pytest.mark.parametrize("ex_id", IDS)
def test_wrong_type_says_what_was_expected(ex_id):
    for bad in ["0.5", {"a": 1}, None]:
        fb = ex.check(ex_id, bad)
        assert not fb.passed
        assert fb.message.startswith("Expected"), fb.message


@pytest.mark.parametrize("ex_id", sorted(set(IDS) - VALUE_ANSWERS))
def test_number_for_a_function_says_pass_the_function(ex_id):
    fb = ex.check(ex_id, 1.0)
    assert not fb.passed
    assert "Expected a function" in fb.message
    assert "not its result" in fb.message


@pytest.mark.parametrize(
    "entry",
    [e for e in ex.catalog() if e.chapter != 5 and e.id not in VALUE_ANSWERS],
    ids=lambda e: e.id,
)
def test_function_is_named_as_the_catalog_writes_it(entry):
    # the name and arguments between "a function " and the first ")"
    head = entry.answer.removeprefix("a function ")
    signature = head[: head.index(")") + 1]
    fb = ex.check(entry.id, 1.0)
    assert fb.message.startswith(f"Expected a function {signature}; got"), (
        fb.message
    )
    if entry.id == "4.4":  # a validator is meant to raise
        return
    raised = ex.check(entry.id, lambda *args: 1 / 0)
    assert raised.message.startswith(
        f"Calling your function {signature} raised ZeroDivisionError"
    ), raised.message


@pytest.mark.parametrize("ex_id", sorted(VALUE_ANSWERS - {"5.1", "2.4"}))
def test_wrong_length_names_the_shape(ex_id):
    fb = ex.check(ex_id, (1.0, 2.0, 3.0, 4.0))
    assert not fb.passed
    assert re.search(r"shape|Expected a tuple", fb.message), fb.message


def test_function_returning_wrong_shape_or_raising():
    fb = ex.check("6.2", lambda X, y, lam: np.zeros(3))
    assert not fb.passed
    assert re.search(r"shape \(15,\); got ndarray of shape \(3,\)", fb.message)
    fb = ex.check("3.3", lambda s, n: [s, n])
    assert "one number" in fb.message and "shape ()" in fb.message
    fb = ex.check("2.1", lambda lam: 1 / undefined_name)  # noqa: F821
    assert not fb.passed
    assert "raised NameError" in fb.message
    fb = ex.check("2.1", lambda: 1.0)
    assert "raised TypeError" in fb.message


def test_function_answers_get_copies_of_the_inputs():
    def mutating(X, y):
        out = np.abs(X.T @ y).max() / len(y)
        X[:] = 0.0
        y[:] = 0.0
        return out

    assert ex.check("2.2", mutating).passed


# ------------------------------------------------------------- unknown ids
def test_unknown_id_lists_the_valid_ids():
    with pytest.raises(KeyError) as info:
        ex.check("9.9", 1.0)
    message = str(info.value)
    assert "'9.9'" in message
    assert all(ex_id in message for ex_id in IDS)
    with pytest.raises(ValueError, match=r"valid ids: 1\.1, 1\.2"):
        ex.check("4.20", 1.0)


def test_non_string_id_is_a_type_error():
    with pytest.raises(
        TypeError,
        match=r"exercise_id must be a str .* "
        r"got float 4\.2",
    ):
        ex.check(4.2, 1.0)


# ---------------------------------------------------------------- Feedback
def test_feedback_reprs_deterministic_escaped_theme_neutral():
    fb = ex.Feedback(False, "use <b> & 'x'")
    assert repr(fb) == "Not yet: use <b> & 'x'"
    page = fb._repr_html_()
    assert "&lt;b&gt; &amp; &#x27;x&#x27;" in page and "<b>" not in page
    assert "currentColor" in page and "border-left" in page
    assert "Not yet" in page and "black" not in page and "#000" not in page
    ok = ex.Feedback(True, "fine")
    assert repr(ok) == "Correct: fine" and "Correct" in ok._repr_html_()
    assert ok._repr_html_() != fb._repr_html_()
    for text in (repr(fb), page):
        assert "0x" not in text and " at " not in text
    with pytest.raises(dataclasses.FrozenInstanceError):
        fb.passed = True
    with pytest.raises(TypeError, match="passed must be a bool"):
        ex.Feedback("False", "x")


@pytest.mark.parametrize("ex_id", ["1.1", "4.2", "6.3"])
def test_check_is_deterministic(ex_id):
    wrong = _wrong(ex_id, WRONG[ex_id][0][0])
    assert repr(ex.check(ex_id, wrong)) == repr(ex.check(ex_id, wrong))
    answer = _answer(ex_id)
    one, two = ex.check(ex_id, answer), ex.check(ex_id, answer)
    assert one == two and one._repr_html_() == two._repr_html_()


# ---------------------------------------- independent checks of the claims
def test_lam_max_by_lasso_fit_above_and_below():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 2))
    y = X @ [1.0, -0.5] + rng.normal(size=40)
    X, y = X - X.mean(axis=0), y - y.mean()
    lam_max = SOLUTIONS["2.2"](X, y)
    above = wd.lasso_fit(X, y, 1.001 * lam_max, fit_intercept=False).coef
    below = wd.lasso_fit(X, y, 0.999 * lam_max, fit_intercept=False).coef
    assert np.all(above == 0) and np.any(below != 0)


def test_equilibrium_norm_by_simulation():
    lr, lam, c = 0.1, 1e-2, 1.5
    rng = np.random.default_rng(0)
    v = rng.normal(size=3)
    for _ in range(30_000):
        g = rng.normal(size=3)
        g -= (g @ v) / (v @ v) * v  # orthogonal to v
        g *= c / np.linalg.norm(v) / np.linalg.norm(g)
        v = (1 - lr * lam) * v - lr * g
    np.testing.assert_allclose(
        np.linalg.norm(v), SOLUTIONS["5.5"](lr, lam, c), rtol=1e-3
    )


def test_adam_first_step_formula_matches_wdlib_adam():
    w = np.array([0.3, -2.0, 1e-6])
    np.testing.assert_allclose(
        SOLUTIONS["5.2"](w, 0.1, 0.01, 1e-8),
        _first_step_adam(w, 0.1, 0.01, 1e-8),
        rtol=1e-10,
    )


def test_paired_difference_matches_scipy_paired_t_test():
    # scipy's paired t statistic is mean / se of the differences
    import scipy.stats

    rng = np.random.default_rng(5)
    a, b = rng.uniform(0.2, 0.3, 10), rng.uniform(0.2, 0.3, 10)
    mean, se = SOLUTIONS["5.6"](a, b)
    np.testing.assert_allclose(
        mean / se, scipy.stats.ttest_rel(a, b).statistic, rtol=1e-12
    )


def test_early_stopping_is_a_few_steps_and_close_to_best_ridge():
    k, mse = _sol_4_2()
    assert 0 < k < 20
    assert mse < 1.05 * _best_ridge_test()


def test_import_stays_light():
    code = (
        "import sys, wdlib.exercises as e; e.catalog(); "
        "print(sorted(m for m in ('sympy', 'matplotlib', 'sklearn', "
        "'pandas', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "[]"
