"""Checkers for the exercises of chapter 4 (the article's code)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._feedback import (
    Feedback,
    NumberParts,
    WrongAnswer,
    as_function,
    exercise,
    numbers_exercise,
    rng_for,
)


def _ridge(X, y, lam, *, intercept=True, pen_b=False):
    """min 1/(2n)||y - Xw - b||^2 + lam/2 (||w||^2 [+ b^2]) by least
    squares on the augmented system; returns (w, b)."""
    n, d = X.shape
    A = np.column_stack([X, np.ones(n)]) if intercept else X
    pen = np.ones(A.shape[1])
    if intercept and not pen_b:
        pen[-1] = 0.0
    P = np.sqrt(n * lam) * np.diag(pen)
    sol = np.linalg.lstsq(
        np.vstack([A, P]), np.r_[y, np.zeros(len(pen))], rcond=None
    )[0]
    return (sol[:d], float(sol[d])) if intercept else (sol, 0.0)


@numbers_exercise(
    "4.1",
    "The article's code at n = 1000: two fixes and their weights",
    "a tuple (w_a, w_b): (a) the sum gradient with a step "
    "below 2/L_sum, (b) fit_ridge_gd's mean gradient, lam = 0.1",
    shape=(2,),
    what="a tuple (w_a, w_b)",
    tol=(1e-5, 0.0),
    success="Both weights are right, and they differ: fixing the step "
    "alone leaves the summed objective and the missing "
    "intercept in place.",
    general="Hint: each fix converges to the minimizer of the "
    "objective its gradient belongs to.",
)
def check_4_1(got: np.ndarray) -> NumberParts:
    """Check the weights the two fixes converge to."""
    from .. import data

    if not np.isfinite(got[0]):
        raise WrongAnswer(
            "w_a is not finite: the run still diverges. "
            "With the sum gradient the step must be below "
            "2/L_sum, and L_sum grows like n."
        )
    if abs(got[0]) > 1e3:
        raise WrongAnswer(
            "w_a is huge: the run still diverges. With "
            "the sum gradient the step must be below 2/L_sum, "
            "and L_sum grows like n."
        )
    d1k = data.make_article_data(n_samples=1000, seed=0)
    X, y = d1k.X, d1k.y
    n = len(y)
    r = [
        _ridge(X, y, 0.1 / n, intercept=False)[0][0],
        _ridge(X, y, 0.1)[0][0],
    ]
    return (
        r,
        [
            (
                [r[1], r[1]],
                "w_a equals w_b, but the two fixes should not agree: (a) "
                "still minimizes the summed objective, penalty lam/n and no "
                "intercept.",
            ),
            ([r[1], r[0]], "The two weights are swapped."),
            (
                [_ridge(X, y, 0.1, intercept=False)[0][0], r[1]],
                "w_a is the weight for lam = 0.1 without intercept; the sum "
                "gradient X^T(Xw - y) + lam w is n times the mean gradient "
                "with penalty lam/n.",
            ),
            (
                [r[0], _ridge(X, y, 0.1, intercept=False)[0][0]],
                "w_b has no intercept; fit_ridge_gd fits one (unpenalized).",
            ),
            (
                [r[0], _ridge(X, y, 0.1, pen_b=True)[0][0]],
                "w_b comes from a fit that penalizes the intercept; "
                "fit_ridge_gd leaves it free.",
            ),
        ],
    )


# the chapter's 200-sample problem (Figures 4.4 and 4.6)
_SETTING: dict[str, Any] = dict(
    n_features=200, coef_value=0.01, intercept=0.05, noise=0.1
)


def _es_curve(max_iter: int = 3000):
    """Test MSE after k = 0..max_iter steps of plain gradient descent from
    zero on the chapter's 200-sample problem, lam = 0, step 1/L, from the
    spectral form of the iterates; and the best ridge test MSE."""
    from .. import data

    tr, te = data.make_overfitting(n_samples=200, **_SETTING)
    n = len(tr.y)
    A = np.column_stack([tr.X, np.ones(n)])
    h, V = np.linalg.eigh(A.T @ A / n)
    eta = 1.0 / h[-1]
    keep = h > 1e-12 * h[-1]  # A^T y has no part in the null space
    h, V = h[keep], V[:, keep]
    z = V.T @ (A.T @ tr.y / n)
    k = np.arange(max_iter + 1)[:, None]
    # theta_k = V diag((1 - (1 - eta h)^k) / h) V^T A^T y / n
    coef = (1 - (1 - eta * h) ** k) / h * z
    At = np.column_stack([te.X, np.ones(len(te.y))])
    pred = coef @ (At @ V).T
    curve = np.mean((te.y - pred) ** 2, axis=1)
    return curve, _best_ridge_test(tr, te)


def _best_ridge_test(tr, te) -> float:
    """The lowest test MSE of ridge over the chapter's grid of 30 lam,
    from one SVD of the centred training design."""
    lams = np.logspace(-4, 2, 30)
    n = len(tr.y)
    mx, my = tr.X.mean(axis=0), tr.y.mean()
    U, s, Vt = np.linalg.svd(tr.X - mx, full_matrices=False)
    uy = U.T @ (tr.y - my)
    W = Vt.T @ (s[:, None] * uy[:, None] / (s[:, None] ** 2 + n * lams))
    pred = (te.X - mx) @ W + my
    return float(np.min(np.mean((te.y[:, None] - pred) ** 2, axis=0)))


@exercise(
    "4.2",
    "Early stopping of the unpenalized run: the step and its test error",
    "a tuple (k_stop, test_mse): the number of steps "
    "with the lowest test MSE and that MSE",
)
def check_4_2(answer: Any) -> Feedback:
    """Check the early-stopping step and its test MSE."""
    try:
        if callable(answer):
            raise WrongAnswer(
                "Expected a tuple (k_stop, test_mse) of two "
                "numbers; got a function."
            )
        got = np.asarray(answer, dtype=float)
        if got.shape != (2,):
            raise WrongAnswer(
                "Expected a tuple (k_stop, test_mse) of two "
                f"numbers; got shape {got.shape}."
            )
    except (TypeError, ValueError):
        return Feedback(
            False,
            "Expected a tuple (k_stop, test_mse) of two "
            "numbers; got something that is not numbers.",
        )
    except WrongAnswer as exc:
        return Feedback(False, str(exc))
    if got[0] != np.round(got[0]) or got[0] < 0:
        return Feedback(
            False, "k_stop must be a whole number of steps (>= 0)."
        )
    curve, best_ridge = _es_curve()
    k = int(np.argmin(curve))
    k_got, mse = int(got[0]), got[1]
    rel = 1e-6
    if k_got == k and np.isclose(mse, curve[k], rtol=rel, atol=0):
        return Feedback(
            True,
            "Right step, right test error: stopped "
            "early, the unpenalized fit is about as good as "
            "the best ridge fit.",
        )
    if k_got == k and np.isclose(mse, curve[k + 1], rtol=rel, atol=0):
        return Feedback(
            False,
            "k_stop is right but the test MSE is that "
            "of the iterate one step later (after k_stop + 1 "
            "steps): stop after exactly k_stop steps, or read "
            "the test curve at index k_stop.",
        )
    if abs(k_got - k) == 1:
        return Feedback(
            False,
            "Off by one step: index k of the recorded "
            "test curve is the iterate after k steps (index 0 "
            "is the starting point).",
        )
    if np.isclose(mse, best_ridge, rtol=rel, atol=0):
        return Feedback(
            False,
            "That test MSE is the best ridge fit's; the "
            "question asks for the early-stopped run's.",
        )
    if np.isclose(mse, curve[-1], rtol=rel, atol=0):
        return Feedback(
            False,
            "That test MSE is the last iterate's, after "
            "3000 steps; stop at the lowest point of the test "
            "curve.",
        )
    if k_got == k:
        return Feedback(
            False,
            "k_stop is right; the test MSE is not the "
            "one of that iterate (mean over the test samples "
            "of the squared error, intercept included).",
        )
    return Feedback(
        False,
        "Hint: run the unpenalized gradient "
        "descent with a callback recording the test MSE before "
        "every step and take the argmin.",
    )


@numbers_exercise(
    "4.3",
    "Standardize, fit with lam = 0.1, map back to the raw feature",
    "a tuple (w_raw, b_raw) of two numbers",
    shape=(2,),
    what="a tuple (w_raw, b_raw)",
    tol=(1e-6, 1e-9),
    success="The fit equals wd.ridge_fit(train.X, train.y, "
    "0.1 sigma^2), a weaker penalty on the raw weight.",
    general="Hint: fit on (x - mean)/std, then map back.",
)
def check_4_3(got: np.ndarray) -> NumberParts:
    """Check the mapped-back fit on the standardized feature."""
    from .. import data

    train = data.make_article_data(n_samples=100, seed=0)
    x, y = train.X[:, 0], train.y
    mu, sigma = x.mean(), x.std()
    w_s, b_s = _ridge(((x - mu) / sigma)[:, None], y, 0.1)
    s = [w_s[0], b_s]  # the standardized model
    r = [w_s[0] / sigma, b_s - w_s[0] * mu / sigma]
    w, b = _ridge(train.X, y, 0.1)
    return (
        r,
        [
            (
                [w[0], b],
                "These are wd.ridge_fit(train.X, train.y, 0.1)'s weights: on "
                "the standardized feature the penalty acts on sigma w, so the "
                "same lam acts on the raw weight as lam sigma^2.",
            ),
            (
                s,
                "These are the standardized model's weight and intercept; map "
                "them back: w_raw = w/sigma, b_raw = b - w mean(x)/sigma.",
            ),
            (
                [s[0] * sigma, s[1] - s[0] * mu * sigma],
                "w_raw = w/sigma: the raw feature is sigma times the "
                "standardized one, so its weight is divided by sigma.",
            ),
            (
                [r[0], s[1] + s[0] * mu / sigma],
                "Sign error in b_raw: b_raw = b - w mean(x)/sigma.",
            ),
            (
                [r[0], s[1]],
                "b_raw must absorb the centring: b_raw = b - w mean(x)/sigma.",
            ),
        ],
    )


@exercise(
    "4.4",
    "Reject a column y before any arithmetic, with a message "
    "naming the shapes",
    "a function validate(X, y) that raises "
    "ValueError naming the shapes when X is not 2-D or y is not 1-D "
    "of length n, and returns normally otherwise",
)
def check_4_4(answer: Any) -> Feedback:
    """Check an input validator on fresh good and bad shapes."""
    try:
        func = as_function(answer, "validate(X, y)")
    except WrongAnswer as exc:
        return Feedback(False, str(exc))
    rng = rng_for("4.4")
    n, d = 37, 3
    X, y = rng.normal(size=(n, d)), rng.normal(size=n)
    bad = [
        ("a column y of shape (37, 1)", X, y[:, None]),
        ("y of length 36 for X with 37 rows", X, y[:-1]),
        ("a 1-D X of shape (37,)", X[:, 0], y),
    ]
    try:
        func(X.copy(), y.copy())
    except Exception as exc:
        return Feedback(
            False,
            "Your function rejected valid input (X of "
            f"shape {X.shape}, y of shape {y.shape}) with "
            f"{type(exc).__name__}; it must return normally.",
        )
    for label, Xb, yb in bad:
        try:
            func(Xb.copy(), yb.copy())
        except AssertionError:
            return Feedback(
                False,
                f"For {label} your function raised "
                "AssertionError. Raise ValueError: assert "
                "statements vanish under python -O and say "
                "nothing to the user.",
            )
        except ValueError as exc:
            shapes = (str(Xb.shape), str(yb.shape))
            if not all(s in str(exc) for s in shapes):
                return Feedback(
                    False,
                    f"For {label} you raise ValueError, "
                    "but the message does not name the shapes "
                    "received, e.g. X (37, 3) and y (37, 1); "
                    "say what was expected, what was received "
                    "and the remedy.",
                )
            continue
        except Exception as exc:
            return Feedback(
                False,
                f"For {label} your function raised "
                f"{type(exc).__name__}; raise ValueError with "
                "a message naming the shapes.",
            )
        return Feedback(
            False,
            f"Your function accepted {label}. That is "
            "the article's failure: a wrong shape goes on to "
            "broadcast silently.",
        )
    return Feedback(
        True,
        "Every bad shape is rejected with a ValueError "
        "naming the shapes, and valid input passes.",
    )
