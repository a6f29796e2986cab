"""Checkers for the exercises of chapter 1 (background and data)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._feedback import (
    Feedback,
    FunctionParts,
    NumberParts,
    WrongAnswer,
    as_values,
    close,
    exercise,
    function_exercise,
    numbers_exercise,
)


def _ridge_1d_lstsq(x, y, lam, pen_w=1.0, pen_b=0.0):
    """w of min ||y - x w - b||^2 + n lam (pen_w w^2 + pen_b b^2), by
    least squares on the augmented system."""
    n = len(x)
    A = np.column_stack([x, np.ones(n)])
    P = np.sqrt(n * lam) * np.diag([np.sqrt(pen_w), np.sqrt(pen_b)])
    sol = np.linalg.lstsq(np.vstack([A, P]), np.r_[y, 0.0, 0.0], rcond=None)[0]
    return sol[0]


def _cases_1d(rng: np.random.Generator) -> list[tuple]:
    cases = []
    for n, lam in [(17, 0.3), (29, 1.1), (41, 2.5)]:
        x = rng.normal(2.0, 1.5, size=n)
        y = 1.5 * x - 0.7 + rng.normal(0.0, 0.8, size=n)
        cases.append((x, y, lam))
    return cases


def _cov_var(x, y, ddof=0):
    xc, yc = x - x.mean(), y - y.mean()
    return xc @ yc / (len(x) - ddof), xc @ xc / (len(x) - ddof)


@function_exercise(
    "1.1",
    "Derive the one-feature shrinkage w(lam) = w(0) v/(v + lam)",
    "a function w_ridge_1d(x, y, lam) -> float: the ridge weight of "
    "one feature with an unpenalized intercept",
    what="one number, the weight w",
    tol=(1e-6, 1e-12),
    success="Your w(lam) matches the ridge weight on fresh data sets.",
    general="Not the ridge weight. Hint: set dJ/db = 0, substitute b "
    "and set dJ/dw = 0; the answer is c/(v + lam).",
)
def check_1_1(rng: np.random.Generator) -> FunctionParts:
    """Check a function returning the one-feature ridge weight."""

    def no_intercept(x, y, lam):
        return np.mean(x * y) / (np.mean(x * x) + lam)

    def sum_loss(x, y, lam):
        c, v = _cov_var(x, y)
        return c / (v + lam / len(x))

    def ddof1(x, y, lam):
        c, v = _cov_var(x, y, ddof=1)
        return c / (v + lam)

    def ols(x, y, lam):
        c, v = _cov_var(x, y)
        return c / v

    return (
        _cases_1d(rng),
        _ridge_1d_lstsq,
        [
            (
                lambda x, y, lam: _ridge_1d_lstsq(x, y, lam, pen_b=1.0),
                "Your weight is the one obtained when the intercept is "
                "penalized too. In the book's objective b is free: set "
                "dJ/db = 0 first (b = mean(y) - w mean(x)), then solve for w.",
            ),
            (
                no_intercept,
                "Your weight is that of a model without intercept "
                "(mean(x y)/(mean(x^2) + lam)). Centre x and y first: the "
                "unpenalized intercept absorbs the means.",
            ),
            (
                sum_loss,
                "Your lam is off by a factor n: you used the summed loss "
                "(1/2)||y - Xw - b||^2. With the book's 1/(2n) the weight is "
                "c/(v + lam), c and v the mean covariance and variance.",
            ),
            (
                ddof1,
                "You used the sample variance and covariance with n - 1; the "
                "objective averages with 1/n, so v and c divide by n.",
            ),
            (
                ols,
                "That is the least-squares weight w(0): the penalty is "
                "missing from the denominator.",
            ),
        ],
    )


def _bill_depth_variance() -> float:
    from .. import data  # pandas and palmerpenguins, at check time only

    penguins, _ = data.drop_missing(data.load_penguins(), "body_mass_g")
    train, _ = data.split_train_test(penguins, test_size=0.3, seed=0)
    return float(np.var(np.asarray(train["bill_depth_mm"], dtype=float)))


@exercise(
    "1.2",
    "Bill depth: the lam halving its weight in mm, cm and standardized",
    "a tuple (lam_mm, lam_cm, lam_std) of three numbers",
)
def check_1_2(answer: Any) -> Feedback:
    """Check the three penalties that halve the bill-depth weight."""
    try:
        got = as_values(answer, (3,), "a tuple (lam_mm, lam_cm, lam_std)")
    except WrongAnswer as exc:
        return Feedback(False, str(exc))
    v = _bill_depth_variance()
    sd = np.sqrt(v)
    lam_mm, lam_cm, lam_std = got
    # "about 2 mm": an estimate within 10 % of the variance passes
    if close(lam_mm, sd, 0.1, 0.0):
        return Feedback(
            False,
            "lam_mm looks like the standard deviation. "
            "The weight is halved at lam = v, the variance.",
        )
    if not close(lam_mm, v, 0.1, 0.0):
        return Feedback(
            False,
            "lam_mm is not the halving penalty: "
            "w(lam) = w(0) v/(v + lam) is w(0)/2 at lam = v, "
            "the variance of bill depth in mm^2.",
        )
    if close(lam_cm, lam_mm / 10, 0.02, 0.0):
        return Feedback(
            False,
            "lam_cm is lam_mm/10: a length in cm is 10 "
            "times smaller, its variance 10^2 times smaller.",
        )
    if close(lam_cm, lam_mm * 100, 0.02, 0.0):
        return Feedback(
            False,
            "lam_cm went the wrong way: in cm the values "
            "are smaller, so the variance is divided by 100.",
        )
    if not close(lam_cm, lam_mm / 100, 0.02, 0.0):
        return Feedback(
            False,
            "lam_cm does not follow from lam_mm: "
            "converting mm to cm divides the variance by 10^2.",
        )
    if not close(lam_std, 1.0, 1e-2, 0.0):
        return Feedback(
            False,
            "lam_std is wrong: after standardization the "
            "variance of every feature is exactly 1.",
        )
    return Feedback(
        True,
        "All three: the halving penalty is the variance in the unit used.",
    )


@function_exercise(
    "1.3",
    "Leaked scales change the penalty: lam u^2/2 in original units",
    "a function penalty_raw(w, sigma, lam) -> float: the "
    "penalty (lam/2)||u||^2 of the model on columns divided by sigma, "
    "written with the weights w of the original units",
    what="one number",
    tol=(1e-9, 1e-12),
    success="The penalty is (lam/2) sum sigma_j^2 w_j^2, so the "
    "leaked scale changes the fit; a leaked mean does not.",
    general="Not the penalty in original units. Hint: write "
    "x_j w_j = (x_j/sigma_j) u_j.",
)
def check_1_3(rng: np.random.Generator) -> FunctionParts:
    """Check the penalty of scaled columns in original units."""
    cases = []
    for d, lam in [(3, 0.7), (5, 2.0), (4, 0.05)]:
        cases.append((rng.normal(size=d), rng.uniform(0.3, 3.0, size=d), lam))

    def ref(w, sigma, lam):
        u = w * sigma  # x_j w_j = (x_j / sigma_j) u_j
        return lam / 2 * np.sum(u * u)

    return (
        cases,
        ref,
        [
            (
                lambda w, s, lam: lam / 2 * np.sum(s * w * w),
                "sigma must be squared: the weight on the scaled column is "
                "u_j = sigma_j w_j, and the penalty squares it.",
            ),
            (
                lambda w, s, lam: lam / 2 * np.sum((w / s) ** 2),
                "Inverted: the scaled column x_j/sigma_j needs the weight "
                "u_j = sigma_j w_j (not w_j/sigma_j) to give the same "
                "prediction.",
            ),
            (
                lambda w, s, lam: lam * np.sum((s * w) ** 2),
                "The penalty is (lam/2)||u||^2: the factor 1/2 is missing.",
            ),
            (
                lambda w, s, lam: lam / 2 * np.sum(w * w),
                "This does not depend on sigma, but that is the point: the "
                "scale divides the column, so it multiplies the weight that "
                "gives the same prediction.",
            ),
        ],
    )


def _rank_centred(X: np.ndarray) -> int:
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return int(np.sum(s > s[0] * max(Xc.shape) * np.finfo(float).eps))


@numbers_exercise(
    "1.4",
    "df at the smallest lam: many features, then 200 features and 20 samples",
    "a tuple (df_50x40, df_20x200) of two numbers",
    shape=(2,),
    what="a tuple (df_50x40, df_20x200)",
    tol=(0.0, 0.05),
    success="Both: df(lam) -> the rank of the centred design matrix.",
    general="Hint: at lam -> 0 each factor s_i^2/(s_i^2 + n "
    "lam) is 1 for a nonzero singular value and 0 otherwise.",
)
def check_1_4(got: np.ndarray) -> NumberParts:
    """Check the two limits of df as lam -> 0."""
    from .. import data

    X_wide = data.make_overfitting()[0].X
    hd_train = data.make_overfitting(50, 40, coef_value=0.05, seed=0)[0]
    r = np.array(
        [_rank_centred(hd_train.X), _rank_centred(X_wide)], dtype=float
    )
    n_wide, d_wide = X_wide.shape
    return (
        r,
        [
            (
                [r[0], n_wide],
                "The second value is n: centring the columns removes one "
                "dimension, so the rank of the centred design is at most "
                "n - 1.",
            ),
            (
                [r[0], d_wide],
                "df cannot exceed the rank of the centred design, which is at "
                "most n - 1 when there are more features than samples.",
            ),
            (
                r + 1,
                "You added one for the intercept: df(lam) counts the "
                "penalized weights; tr S_lam = 1 + df.",
            ),
            (
                [50, r[1]],
                "With 50 samples and 40 features the centred design has rank "
                "40, not 50.",
            ),
        ],
    )


def _least_squares_hint(answer, cases) -> str:
    X, y = cases[0]
    w = np.asarray(answer(X.copy(), y.copy()), dtype=float)
    if not np.all(np.isfinite(w)) or np.linalg.norm(w) > 1e6:
        return (
            "Your weights are not finite or huge: X^T X is singular "
            "here (the indicators sum to the constant column), so "
            "np.linalg.solve or inv on the normal equations is "
            "meaningless. Use the SVD (np.linalg.lstsq or pinv)."
        )
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    r = yc - Xc @ w
    best = yc - Xc @ (np.linalg.pinv(Xc) @ yc)
    if abs(r @ r - best @ best) <= 1e-8 * max(1.0, yc @ yc):
        return (
            "Your weights fit as well as the expected ones (every "
            "least-squares solution gives the same predictions) but "
            "are not the one of smallest norm that the SVD solver "
            "returns."
        )
    return (
        "These weights are not a least-squares solution. Hint: centre "
        "X and y, then use the SVD (np.linalg.pinv or lstsq)."
    )


@function_exercise(
    "1.5",
    "One indicator per category and lam = 0: the weights wd.ridge_fit returns",
    "a function min_norm_fit(X, y) -> coef "
    "of shape (n_features,): the least-squares weights of smallest "
    "norm with an unpenalized intercept",
    what="the weights, one per column of X",
    tol=(1e-6, 1e-8),
    success="The minimum-norm least-squares weights (the SVD "
    "solver with zero singular values treated as zero).",
    general=_least_squares_hint,
)
def check_1_5(rng: np.random.Generator) -> FunctionParts:
    """Check minimum-norm least squares on a rank-deficient design."""
    cases = []
    for n, k in [(30, 3), (24, 4)]:
        cat = np.arange(n) % k
        rng.shuffle(cat)
        onehot = (cat[:, None] == np.arange(k)).astype(float)
        num = rng.normal(size=(n, 2))
        X = np.column_stack([num, onehot])
        y = X @ rng.normal(size=X.shape[1]) + 3.0 + rng.normal(size=n)
        cases.append((X, y))

    def ref(X, y):
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
        keep = s > s[0] * 1e-12
        return Vt[keep].T @ ((U[:, keep].T @ yc) / s[keep])

    def augmented(X, y):  # intercept inside the minimized norm
        A = np.column_stack([X, np.ones(len(y))])
        return np.linalg.pinv(A) @ y

    return (
        cases,
        ref,
        [
            (
                lambda X, y: augmented(X, y)[:-1],
                "These are the minimum-norm weights of the system with "
                "the intercept as an extra column, so the intercept is "
                "in the norm. The intercept is not penalized: centre X "
                "and y, then take the minimum-norm solution.",
            )
        ],
    )
