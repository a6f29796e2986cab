"""Checkers for the exercises of chapter 6 (questions and answers)."""

from __future__ import annotations

import numpy as np

from ._feedback import FunctionParts, function_exercise


def _orthonormal_problem(w_ols, seed):
    """Centred X with X^T X / n = I and y whose least-squares weights are
    exactly w_ols (the residual is orthogonal to X and to 1)."""
    rng = np.random.default_rng(seed)
    n, d = 60, len(w_ols)
    Z = rng.normal(size=(n, d + 1))
    Q = np.linalg.qr(np.column_stack([np.ones(n), Z]))[0]
    X = np.sqrt(n) * Q[:, 1 : d + 1]
    y = X @ w_ols + 0.5 * np.sqrt(n) * Q[:, d + 1] + 2.0
    return X, y


@function_exercise(
    "6.1",
    "Orthonormal features: ridge and lasso weights from the "
    "least-squares weights",
    "a function shrink(w_ols, lam) -> "
    "(w_ridge, w_lasso), two arrays of w_ols's shape",
    what="a pair (w_ridge, w_lasso)",
    tol=(1e-7, 1e-9),
    success="w_ols/(1 + lam) and sign(w_ols) max(|w_ols| - lam, 0).",
    general="Hint: with X^T X/n = I every coordinate "
    "decouples: minimize (w_j - w_ols_j)^2/2 + penalty.",
)
def check_6_1(rng: np.random.Generator) -> FunctionParts:
    """Check the ridge and lasso weights of an orthonormal design."""
    cases = []
    for d, lam in [(5, 0.3), (4, 1.2)]:
        w = rng.normal(0.0, 1.5, size=d)
        w[0], w[1] = lam / 2, -3 * lam  # one below and one above lam
        cases.append((w, lam))

    def ref(w_ols, lam):
        from sklearn.linear_model import Lasso  # type: ignore[import-untyped]

        X, y = _orthonormal_problem(w_ols, len(w_ols))
        n, d = X.shape
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        ridge = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(d), Xc.T @ yc / n)
        lasso = Lasso(alpha=lam, tol=1e-14, max_iter=100_000).fit(X, y)
        return [ridge, lasso.coef_]

    soft = lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0)  # noqa
    return (
        cases,
        ref,
        [
            (
                lambda w, lam: [w / (1 + lam), np.maximum(w - lam, 0)],
                "The lasso weights lost their sign: soft thresholding is "
                "sign(w) max(|w| - lam, 0).",
            ),
            (
                lambda w, lam: [w / (1 + lam), soft(w, lam / 2)],
                "The threshold is lam, not lam/2: the objective's L1 term is "
                "lam ||w||_1, whose subgradient is lam sign(w).",
            ),
            (
                lambda w, lam: [soft(w, lam), w / (1 + lam)],
                "Swapped: ridge divides, the lasso subtracts.",
            ),
            (
                lambda w, lam: [w / (1 + 60 * lam), soft(w, lam)],
                "The ridge weights are off by a factor n in lam: with "
                "X^T X / n = I the ridge factor is 1/(1 + lam).",
            ),
            (
                lambda w, lam: [w - lam * w, soft(w, lam)],
                "Ridge divides by (1 + lam); multiplying by (1 - lam) is "
                "only its first-order approximation.",
            ),
        ],
    )


def _loo_cases(rng):
    cases = []
    for n, d, lam in [(15, 3, 0.1), (24, 5, 0.02)]:
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        cases.append((X, y, lam))
    return cases


@function_exercise(
    "6.2",
    "Leave-one-out residuals from one fit (no intercept)",
    "a function loo_residuals(X, y, lam) -> array of shape "
    "(n_samples,): y_i minus the prediction of the fit without "
    "sample i, A = X^T X + n lam I",
    what="one residual per sample",
    tol=(1e-8, 1e-10),
    success="(y_i - yhat_i)/(1 - H_ii) equals the brute-force refits.",
    general="Hint: Sherman-Morrison on A - x_i x_i^T.",
)
def check_6_2(rng: np.random.Generator) -> FunctionParts:
    """Check the leave-one-out shortcut against brute-force refits."""

    def refits(X, y, alpha):
        n, d = X.shape
        out = np.empty(n)
        for i in range(n):
            keep = np.arange(n) != i
            w = np.linalg.solve(
                X[keep].T @ X[keep] + alpha * np.eye(d), X[keep].T @ y[keep]
            )
            out[i] = y[i] - X[i] @ w
        return out

    def parts(X, y, alpha):
        A = X.T @ X + alpha * np.eye(X.shape[1])
        H = X @ np.linalg.solve(A, X.T)
        return y - H @ y, np.diag(H)

    def shortcut(X, y, alpha, power=1):
        r, h = parts(X, y, alpha)
        return r / (1 - h) ** power

    return (
        _loo_cases(rng),
        lambda X, y, lam: refits(X, y, len(y) * lam),
        [
            (
                lambda X, y, lam: parts(X, y, len(y) * lam)[0],
                "These are the residuals of the full fit; divide each by "
                "1 - H_ii.",
            ),
            (
                lambda X, y, lam: shortcut(X, y, len(y) * lam, power=2),
                "Divide by 1 - H_ii, not its square (the square appears in "
                "the squared errors).",
            ),
            (
                lambda X, y, lam: shortcut(X, y, lam),
                "Off by a factor n: A = X^T X + n lam I in the book's "
                "convention (alpha = n lam).",
            ),
            (
                lambda X, y, lam: refits(X, y, (len(y) - 1) * lam),
                "Leave-one-out holds n lam fixed, not lam: each refit uses "
                "A_{-i} = A - x_i x_i^T with the same alpha = n lam.",
            ),
            (
                lambda X, y, lam: -shortcut(X, y, len(y) * lam),
                "Sign error: y_i minus the prediction.",
            ),
        ],
    )


@function_exercise(
    "6.3",
    "Generalized cross-validation over a grid of lam",
    "a function gcv(X, y, lams) -> array of shape (n_lams,), with "
    "an unpenalized intercept",
    what="one value per lam",
    tol=(1e-7, 1e-12),
    success="The GCV curve, mean residual^2/(1 - (1 + df)/n)^2.",
    general="Hint: replace every H_ii by tr H/n.",
)
def check_6_3(rng: np.random.Generator) -> FunctionParts:
    """Check the GCV curve against the explicit hat matrix."""
    cases = []
    for n, d in [(30, 4), (22, 8)]:
        X = rng.normal(size=(n, d)) + 1.0
        y = X @ rng.normal(size=d) + 4.0 + rng.normal(size=n)
        cases.append((X, y, np.logspace(-3, 1, 7)))

    def hat_parts(X, y, lam, scale=1.0):
        n, d = X.shape
        Xc = X - X.mean(axis=0)
        H = np.full((n, n), 1 / n) + Xc @ np.linalg.solve(
            Xc.T @ Xc + scale * n * lam * np.eye(d), Xc.T
        )
        r = y - H @ y
        return r, np.trace(H)

    def curve(X, y, lams, *, plus_one=1.0, power=2, mean=True, scale=1.0):
        n = len(y)
        out = []
        for lam in lams:
            r, tr = hat_parts(X, y, lam, scale)
            tr = tr - 1 + plus_one
            rss = np.mean(r * r) if mean else r @ r
            out.append(rss / (1 - tr / n) ** power)
        return np.array(out)

    return (
        cases,
        curve,
        [
            (
                lambda X, y, ls: curve(X, y, ls, plus_one=0.0),
                "tr H is 1 + df(lam): the unpenalized intercept adds one.",
            ),
            (
                lambda X, y, ls: curve(X, y, ls, power=1),
                "The denominator is squared: (1 - tr H/n)^2.",
            ),
            (
                lambda X, y, ls: curve(X, y, ls, mean=False),
                "Use the mean of the squared residuals, not their sum.",
            ),
            (
                lambda X, y, ls: curve(X, y, ls, scale=1 / len(y)),
                "Off by a factor n: df(lam) = sum s_i^2/(s_i^2 + n lam).",
            ),
        ],
    )


@function_exercise(
    "6.4",
    "k-fold cross-validation: the penalty of a fold's fit",
    "a function fold_lam(lam, n_samples, n_train) -> float: the "
    "penalty a training fold of n_train samples must use",
    what="one number, a penalty",
    tol=(1e-9, 0.0),
    success="lam n/m keeps the total penalty n lam of the final fit.",
    general="Hint: keep alpha = n lam fixed.",
)
def check_6_4(rng: np.random.Generator) -> FunctionParts:
    """Check the fold penalty that keeps n lam fixed."""
    cases = [(0.3, 50, 40), (1e-3, 120, 96), (2.0, 10, 9)]

    def ref(lam, n, m):  # same alpha = (samples) x (penalty) as the final
        alpha = n * lam
        return alpha / m

    return (
        cases,
        ref,
        [
            (
                lambda lam, n, m: lam,
                "With lam itself a fold of m samples is penalized less in "
                "total (m lam) than the final fit (n lam): hold n lam fixed.",
            ),
            (
                lambda lam, n, m: lam * m / n,
                "Inverted: the fold has fewer samples, so its lam must be "
                "larger, lam n/m.",
            ),
        ],
    )
