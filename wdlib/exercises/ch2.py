"""Checkers for the exercises of chapter 2 (concepts)."""

from __future__ import annotations

import numpy as np

from ._feedback import (
    FunctionParts,
    NumberParts,
    function_exercise,
    numbers_exercise,
)


@function_exercise(
    "2.1",
    "The step sizes for which the decay factor 1 - eta lam is negative",
    "a function eta_threshold(lam) -> float: the step "
    "size above which 1 - eta lam < 0",
    what="one number, a step size",
    tol=(1e-9, 0.0),
    success="Beyond eta = 1/lam; since L >= lam, the step 1/L "
    "never gets there.",
    general="Not the threshold. Hint: solve 1 - eta lam = 0 for eta.",
)
def check_2_1(rng: np.random.Generator) -> FunctionParts:
    """Check the step size at which the decay factor changes sign."""
    cases = [(float(lam),) for lam in rng.uniform(0.05, 5.0, size=4)]

    def ref(lam):  # the root of 1 - eta lam, found by bisection
        lo, hi = 0.0, 1.0
        while 1 - hi * lam > 0:
            hi *= 2
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if 1 - mid * lam > 0 else (lo, mid)
        return lo

    return (
        cases,
        ref,
        [
            (
                lambda lam: 2 / lam,
                "2/lam is the stability limit 2/L of gradient descent on the "
                "penalty alone; the factor 1 - eta lam changes sign earlier.",
            ),
            (lambda lam: lam, "Inverted: 1 - eta lam < 0 means eta lam > 1."),
            (
                lambda lam: 1 / (2 * lam),
                "A factor 2 too small: 1 - eta lam < 0 means eta lam > 1.",
            ),
        ],
    )


@function_exercise(
    "2.2",
    "The smallest lasso penalty at which every weight is zero",
    "a function lam_max(X, y) -> float for centred X and y, no intercept",
    what="one number, a penalty",
    tol=(1e-9, 0.0),
    success="lam_max = ||X^T y||_inf / n.",
    general="Not lam_max. Hint: the subgradient condition at w = 0.",
)
def check_2_2(rng: np.random.Generator) -> FunctionParts:
    """Check the lasso's lam_max on fresh centred problems."""
    cases = []
    for n, d in [(23, 2), (37, 3), (50, 4)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        X, y = X - X.mean(axis=0), y - y.mean()
        cases.append((X, y))

    def ref(X, y):  # the largest |correlation| / n, column by column
        n = len(y)
        return max(
            abs(sum(X[i, j] * y[i] for i in range(n))) / n
            for j in range(X.shape[1])
        )

    return (
        cases,
        ref,
        [
            (
                lambda X, y: np.abs(X.T @ y).max(),
                "Off by a factor n: the objective's 1/(2n) makes the "
                "condition |X^T y / n|_j <= lam (a mean, not a sum).",
            ),
            (
                lambda X, y: np.linalg.norm(X.T @ y) / len(y),
                "That is the 2-norm of X^T y / n; the condition holds for "
                "every coordinate, so it is the infinity norm (largest "
                "absolute component).",
            ),
            (
                lambda X, y: (X.T @ y).max() / len(y),
                "Sign: take the absolute value; a large negative correlation "
                "also keeps its weight away from zero.",
            ),
            (
                lambda X, y: np.abs(X.T @ y).sum() / len(y),
                "That is the 1-norm; the condition is coordinate-wise, so it "
                "is the largest absolute component.",
            ),
        ],
    )


@numbers_exercise(
    "2.3",
    "Bayesian reading: the factor on lam when sigma doubles, "
    "and when n doubles",
    "a tuple (factor_sigma, factor_n) of two numbers",
    shape=(2,),
    what="a tuple (factor_sigma, factor_n)",
    tol=(1e-6, 0.0),
    success="lam = sigma^2/(n tau^2).",
    general="Hint: use lam = sigma^2/(n tau^2).",
)
def check_2_3(got: np.ndarray) -> NumberParts:
    """Check how lam = sigma^2/(n tau^2) scales."""

    def lam_map(sigma, n, tau=0.7):
        return sigma**2 / (n * tau**2)

    f_sigma = lam_map(2.6, 40) / lam_map(1.3, 40)
    f_n = lam_map(1.3, 80) / lam_map(1.3, 40)
    return (
        [f_sigma, f_n],
        [
            (
                [2.0, f_n],
                "lam depends on the noise variance sigma^2, not on sigma: "
                "doubling sigma multiplies it by 2^2.",
            ),
            (
                [1 / f_sigma, f_n],
                "Inverted for sigma: more noise means a stronger penalty.",
            ),
            (
                [f_sigma, 1 / f_n],
                "Inverted for n: the data outweigh the prior as n grows, so "
                "lam shrinks.",
            ),
            (
                [f_sigma, 1.0],
                "In the book's mean convention lam = sigma^2/(n tau^2) does "
                "depend on n; the summed penalty mu = n lam does not.",
            ),
        ],
    )


@numbers_exercise(
    "2.4",
    "The L2 penalty lam equivalent to the paper's decay "
    "lam' = 1e-3 at eta = 0.1",
    "a number, lam",
    shape=(),
    what="one number, the penalty lam",
    tol=(1e-6, 0.0),
    success="eta lam = lam'.",
    general="Hint: write one gradient-descent step on J and "
    "compare its factor on w with (1 - lam').",
)
def check_2_4(got: np.ndarray) -> NumberParts:
    """Check lam = lam'/eta by running both iterations."""
    eta, lam_p = 0.1, 1e-3
    # the lam making GD on (lam/2) w^2 shrink by (1 - lam')
    return (
        (1 - (1 - lam_p)) / eta,
        [
            (
                eta * lam_p,
                "Multiplied instead of divided: gradient descent shrinks by "
                "eta lam per step, and that must equal lam'.",
            ),
            (
                lam_p,
                "lam' is the shrink per step; gradient descent shrinks by "
                "eta lam, so lam = lam'/eta.",
            ),
            (
                2 * lam_p / eta,
                "A factor 2: the gradient of (lam/2)||w||^2 is lam w.",
            ),
            (
                lam_p / eta / 2,
                "A factor 1/2: the gradient of (lam/2)||w||^2 is lam w.",
            ),
        ],
    )
