"""Checkers for the exercises of chapter 3 (the mathematics)."""

from __future__ import annotations


import numpy as np

from ._feedback import FunctionParts, function_exercise


@function_exercise(
    "3.1",
    "Penalize the intercept too: the b that replaces mean(y) - w mean(x)",
    "a function intercept(x, y, w, lam) -> "
    "float: the minimizer in b of J + (lam/2) b^2 for a fixed w",
    what="one number, b",
    tol=(1e-9, 1e-12),
    success="b = (mean(y) - w mean(x))/(1 + lam), shrunk towards 0.",
    general="Not the minimizer. Hint: solve dJ/db = 0 with the extra "
    "term lam b.",
)
def check_3_1(rng: np.random.Generator) -> FunctionParts:
    """Check the intercept of the objective that penalizes it."""
    cases = []
    for n, lam in [(7, 0.4), (19, 1.7), (33, 0.05)]:
        x = rng.normal(1.0, 2.0, size=n)
        y = rng.normal(3.0, 1.0, size=n)
        cases.append((x, y, float(rng.normal()), lam))

    def ref(x, y, w, lam):  # J is quadratic in b: minimize numerically
        def J(b):
            r = y - w * x - b
            return r @ r / (2 * len(x)) + lam / 2 * b * b

        # exact for a quadratic: the vertex through three points
        j0, j1, jm = J(0.0), J(1.0), J(-1.0)
        return (jm - j1) / (2 * (j1 + jm - 2 * j0))

    my, mx = np.mean, np.mean
    return (
        cases,
        ref,
        [
            (
                lambda x, y, w, lam: my(y) - w * mx(x),
                "That is the unpenalized intercept: the new term (lam/2) b^2 "
                "adds lam b to dJ/db.",
            ),
            (
                lambda x, y, w, lam: (my(y) + w * mx(x)) / (1 + lam),
                "Sign error: the residual is y - w x - b, so mean(x) enters "
                "with a minus sign.",
            ),
            (
                lambda x, y, w, lam: (my(y) - w * mx(x)) / (1 + len(x) * lam),
                "Off by a factor n on lam: dJ/db = -mean(y - w x - b) + lam b "
                "(the loss is a mean, the penalty is not).",
            ),
            (
                lambda x, y, w, lam: (my(y) - w * mx(x)) / lam,
                "Dividing by lam alone loses the loss term's b: dJ/db = "
                "b - mean(y - w x) + lam b.",
            ),
        ],
    )


@function_exercise(
    "3.2",
    "The step size with the largest guaranteed decrease, and "
    "the decrease there",
    "a function best_step(L) -> (eta, c), c the "
    "factor of ||grad J||^2 in the guaranteed decrease",
    what="a pair (eta, c)",
    tol=(1e-6, 1e-12),
    success="eta = 1/L guarantees a decrease of ||grad J||^2/(2L).",
    general="Hint: differentiate eta (1 - L eta/2) in eta.",
)
def check_3_2(rng: np.random.Generator) -> FunctionParts:
    """Check the maximizer and maximum of eta (1 - L eta / 2)."""
    cases = [(float(L),) for L in rng.uniform(0.2, 30.0, size=4)]

    def ref(L):  # golden-section search on the concave decrease
        f = lambda eta: eta * (1 - L * eta / 2)  # noqa: E731
        a, b = 0.0, 2.0 / L
        g = (np.sqrt(5) - 1) / 2
        for _ in range(200):
            c, d = b - g * (b - a), a + g * (b - a)
            a, b = (a, d) if f(c) > f(d) else (c, b)
        eta = (a + b) / 2
        return [eta, f(eta)]

    return (
        cases,
        ref,
        [
            (
                lambda L: [2 / L, 0.0],
                "At eta = 2/L the guaranteed decrease is zero: 2/L is the "
                "limit of stability, not the best step.",
            ),
            (
                lambda L: [1 / L, 1 / L],
                "eta = 1/L is right; evaluate eta (1 - L eta/2) there: the "
                "decrease is 1/(2L), not 1/L.",
            ),
            (
                lambda L: [1 / (2 * L), 3 / (8 * L)],
                "Set the derivative 1 - L eta of eta (1 - L eta/2) to zero: "
                "eta = 1/L, not 1/(2L).",
            ),
            (
                lambda L: [L, L * (1 - L * L / 2)],
                "Inverted: the step is 1 over the Lipschitz constant.",
            ),
        ],
    )


@function_exercise(
    "3.3",
    "Equal singular values s: the lam at which df(lam) = d/2",
    "a function lam_half(s, n) -> float",
    what="one number, lam",
    tol=(1e-8, 0.0),
    success="lam = s^2/n, whatever d is.",
    general="Hint: every factor s^2/(s^2 + n lam) equals 1/2.",
)
def check_3_3(rng: np.random.Generator) -> FunctionParts:
    """Check lam with df = d/2 by building such a design."""
    cases = [
        (float(s), int(n))
        for s, n in zip(rng.uniform(0.5, 20.0, size=3), [12, 40, 75])
    ]

    def ref(s, n):  # df of a design with d equal singular values, bisected
        d = 3
        Q = np.linalg.qr(np.random.default_rng(n).normal(size=(n, d)))[0]
        X = s * Q
        ev = np.linalg.eigvalsh(X.T @ X)
        df = lambda lam: np.sum(ev / (ev + n * lam))  # noqa: E731
        lo, hi = 0.0, 1.0
        while df(hi) > d / 2:
            hi *= 2
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if df(mid) > d / 2 else (lo, mid)
        return lo

    return (
        cases,
        ref,
        [
            (
                lambda s, n: s**2,
                "Off by a factor n: df(lam) = sum s_i^2/(s_i^2 + n lam), so "
                "each factor is 1/2 at n lam = s^2.",
            ),
            (
                lambda s, n: s / n,
                "The singular value enters squared: s^2/(s^2 + n lam).",
            ),
            (
                lambda s, n: s**2 / (2 * n),
                "Each factor s^2/(s^2 + n lam) must be 1/2, which happens at "
                "n lam = s^2 (no extra 1/2).",
            ),
            (
                lambda s, n: n * s**2,
                "Inverted n: solve s^2/(s^2 + n lam) = 1/2 for lam.",
            ),
        ],
    )


@function_exercise(
    "3.4",
    "The article's summed gradient: which lam of this book its lam is",
    "a function book_lam(lam_article, n) -> float",
    what="one number, lam",
    tol=(1e-8, 0.0),
    success="The article minimizes n times "
    "1/(2n)||y - Xw||^2 + (lam_article/(2n))||w||^2.",
    general="Hint: divide the summed gradient by n.",
)
def check_3_4(rng: np.random.Generator) -> FunctionParts:
    """Check the map from the article's lam to the book's."""
    cases = [
        (float(la), int(n))
        for la, n in zip(rng.uniform(0.01, 3.0, size=3), [10, 100, 333])
    ]

    def ref(lam_a, n):  # match the two gradients on a random problem
        g = np.random.default_rng(n)
        X, y, w = g.normal(size=(n, 2)), g.normal(size=n), g.normal(size=2)
        summed = X.T @ (X @ w - y) + lam_a * w  # the article's gradient
        mean_part = X.T @ (X @ w - y) / n  # the book's, without lam
        # summed = n (mean_part + lam w)  =>  lam = (summed/n - mean)/w
        return float(np.mean((summed / n - mean_part) / w))

    return (
        cases,
        ref,
        [
            (
                lambda la, n: la * n,
                "Inverted: the summed gradient is n times the book's, so the "
                "article's lam is n times the book's lam.",
            ),
            (
                lambda la, n: la,
                "The summed gradient is n times the mean gradient: the two "
                "lam differ by a factor n.",
            ),
            (
                lambda la, n: la / (2 * n),
                "No extra 1/2: the gradient of (lam/2)||w||^2 is lam w.",
            ),
        ],
    )
