"""Checkers for the exercises of chapter 5 (trends: decoupled decay)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._feedback import (
    Feedback,
    FunctionParts,
    check_numbers,
    close,
    exercise,
    function_exercise,
)


@exercise(
    "5.1",
    "The batch size at which the decay update costs 1% of a step's arithmetic",
    "a number, the batch size n",
)
def check_5_1(answer: Any) -> Feedback:
    """Check the operation-count estimate of the decay's share."""

    def share(n, d, decay_ops):  # multiply-adds: gradient 2nd, decay
        return decay_ops * d / (2 * n * d + decay_ops * d)

    def batch(decay_ops):  # the n where the share falls to 1 %, bisected
        lo, hi = 1.0, 1e6
        for _ in range(200):
            mid = np.sqrt(lo * hi)
            lo, hi = (
                (mid, hi) if share(mid, 7, decay_ops) > 0.01 else (lo, mid)
            )
        return lo

    fb = check_numbers(
        answer,
        shape=(),
        what="one number, the batch size n",
        reference=lambda: batch(1.0),  # AdamW's shrink: d multiply-adds
        mistakes=[
            (
                lambda: batch(1.0) ** 2,
                "The decay's share is about 1/(2n) (d against 2nd multiply-"
                "adds), not 1/n^2.",
            ),
            (
                lambda: 0.01,
                "The question asks for the batch size n, not the share.",
            ),
            (
                lambda: 1.0,
                "The question asks for the batch size n at which the share "
                "is 1 %, about 1/(2n).",
            ),
        ],
        rtol=0.05,
        atol=0.0,
        success="About 50 rows, whatever d is, because both costs "
        "are proportional to d.",
        general="",
    )
    if fb.passed or fb.message:
        return fb
    # counting the decay as 2d (a multiply and an add per weight); the
    # first pass has checked that the answer is one number
    if close(answer, batch(2.0), 0.05, 0.0):
        return Feedback(
            True,
            "Counting the decay as 2d operations; "
            "as d multiply-adds (AdamW's shrink) it is half "
            "that. Either way the answer does not depend on d.",
        )
    return Feedback(
        False,
        "Hint: the gradient of a batch of n rows costs "
        "about 2nd multiply-adds, the decay about d; set their "
        "ratio to 1 %.",
    )


def _adam_first_step(w, lam, lr, eps, beta1=0.9, beta2=0.999):
    """Run one step of Adam + L2 by the published algorithm, zero loss
    gradient; return w_0 - w_1."""
    g = lam * w
    m = (1 - beta1) * g
    v = (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1), v / (1 - beta2)
    return lr * m_hat / (np.sqrt(v_hat) + eps)


@function_exercise(
    "5.2",
    "Adam + L2, zero loss gradient: the first step",
    "a function first_step(w, weight_decay, lr, eps) -> array of w's shape: "
    "w_0 - w_1 after the first step of Adam(weight_decay=wd)",
    what="an array of the shape of w",
    tol=(1e-8, 1e-15),
    success="lr wd w/(wd |w| + eps), about lr sign(w) whatever wd is.",
    general="Hint: m_1 = (1 - beta1) wd w, v_1 = "
    "(1 - beta2) wd^2 w^2, then bias correction.",
)
def check_5_2(rng: np.random.Generator) -> FunctionParts:
    """Check the first Adam + L2 step on fresh weights."""
    cases = []
    for d, lam, lr, eps in [
        (4, 1e-3, 0.01, 1e-6),
        (6, 0.1, 0.003, 1e-2),
        (3, 2.0, 0.1, 0.5),
    ]:
        cases.append((rng.normal(size=d), lam, lr, eps))

    def no_bias(w, lam, lr, eps):
        g = lam * w
        return lr * 0.1 * g / (np.sqrt(0.001) * np.abs(g) + eps)

    return (
        cases,
        _adam_first_step,
        [
            (
                lambda w, lam, lr, eps: lr * np.sign(w),
                "You dropped eps: the step is lr wd w/(wd |w| + eps), which "
                "is lr sign(w) only when wd |w| >> eps.",
            ),
            (
                lambda w, lam, lr, eps: -_adam_first_step(w, lam, lr, eps),
                "Sign error: w_0 - w_1 has the sign of w (the weight moves "
                "towards zero).",
            ),
            (
                no_bias,
                "Without bias correction: at t = 1 divide m by 1 - beta1 and "
                "v by 1 - beta2 (then beta1, beta2 cancel).",
            ),
            (
                lambda w, lam, lr, eps: (
                    lr * lam * w / np.sqrt(lam**2 * w**2 + eps)
                ),
                "eps is added to sqrt(v_hat), outside the square root.",
            ),
        ],
    )


@function_exercise(
    "5.3",
    "AdamW with Loshchilov and Hutter's decay per step wd' = lr wd",
    "a function adamw_step(theta, m_hat, v_hat, "
    "lr, wd_step, eps) -> the new theta, wd_step = lr * weight_decay",
    what="an array of the shape of theta",
    tol=(1e-10, 1e-14),
    success="theta_t = (1 - wd_step) theta_{t-1} - lr m_hat/"
    "(sqrt(v_hat) + eps).",
    general="Hint: PyTorch's decay lr wd is wd_step; shrink "
    "theta_{t-1}, then subtract the Adam step.",
)
def check_5_3(rng: np.random.Generator) -> FunctionParts:
    """Check the AdamW update written with wd' = lr wd."""
    cases = []
    for d, lr, lam_p, eps in [(5, 0.01, 1e-3, 1e-8), (3, 0.2, 0.05, 1e-3)]:
        cases.append(
            (
                rng.normal(size=d),
                rng.normal(size=d),
                rng.uniform(0.1, 2.0, size=d),
                lr,
                lam_p,
                eps,
            )
        )

    def ref(theta, m_hat, v_hat, lr, lam_p, eps):
        wd = lam_p / lr  # PyTorch's form: decay lr * wd, then Adam
        decayed = theta - lr * wd * theta
        return decayed - lr * m_hat / (np.sqrt(v_hat) + eps)

    adam = lambda th, m, v, lr, e: lr * m / (np.sqrt(v) + e)  # noqa: E731
    return (
        cases,
        ref,
        [
            (
                lambda th, m, v, lr, lp, e: (
                    (1 - lr * lp) * th - adam(th, m, v, lr, e)
                ),
                "wd_step = lr wd already contains the learning rate: the "
                "factor is (1 - wd_step), not (1 - lr wd_step).",
            ),
            (
                lambda th, m, v, lr, lp, e: (
                    (1 - lp) * (th - adam(th, m, v, lr, e))
                ),
                "The shrink multiplies theta_{t-1}, not the point after the "
                "Adam step.",
            ),
            (
                lambda th, m, v, lr, lp, e: (
                    (1 - lp) * th + adam(th, m, v, lr, e)
                ),
                "Sign error: the Adam step is subtracted.",
            ),
            (
                lambda th, m, v, lr, lp, e: (
                    (1 + lp) * th - adam(th, m, v, lr, e)
                ),
                "Sign error: decay shrinks, theta times (1 - wd_step).",
            ),
        ],
    )


@function_exercise(
    "5.4",
    "The summed loss with penalty (alpha/2)||w||^2: the best alpha",
    "a function best_alpha(sigma, tau, n) -> float, sigma the noise "
    "and tau the prior standard deviation",
    what="one number, alpha",
    tol=(1e-9, 0.0),
    success="alpha = sigma^2/tau^2, constant in n (scikit-learn's alpha).",
    general="Hint: alpha = n lam with lam = sigma^2/(n tau^2).",
)
def check_5_4(rng: np.random.Generator) -> FunctionParts:
    """Check the MAP penalty of the summed loss."""
    cases = [
        (float(s), float(t), int(n))
        for s, t, n in zip(
            rng.uniform(0.2, 3, size=3),
            rng.uniform(0.2, 3, size=3),
            [15, 150, 1500],
        )
    ]

    def ref(sigma, tau, n):  # -log posterior times sigma^2, read off
        # (1/2)||y - Xw||^2 + (sigma^2 / (2 tau^2)) ||w||^2: the factor on
        # ||w||^2/2 after multiplying the log-prior by sigma^2
        log_prior_coef = 1 / (2 * tau**2)
        return 2 * sigma**2 * log_prior_coef

    return (
        cases,
        ref,
        [
            (
                lambda s, t, n: s**2 / (n * t**2),
                "That is lam of the mean convention, sigma^2/(n tau^2); the "
                "summed loss is n times J, so alpha = n lam.",
            ),
            (
                lambda s, t, n: n * s**2 / t**2,
                "Off by a factor n: multiplying J by n multiplies "
                "the penalty by n too.",
            ),
            (
                lambda s, t, n: s / t,
                "Variances, not standard deviations: square sigma and tau.",
            ),
            (
                lambda s, t, n: t**2 / s**2,
                "Inverted: more noise means a stronger penalty.",
            ),
        ],
    )


@function_exercise(
    "5.5",
    "Scale-invariant model with decay: the equilibrium norm of v",
    "a function equilibrium_norm(lr, weight_decay, G) -> float, plain "
    "SGD, where ||g|| = G/||v|| and g is orthogonal to v",
    what="one number, ||v||",
    tol=(1e-3, 0.0),
    success="||v||^4 = lr G^2/(2 wd), so the effective "
    "learning rate lr/||v||^2 grows like sqrt(lr wd).",
    general="Hint: balance the shrink 2 lr wd ||v||^2 with "
    "the growth lr^2 ||g||^2.",
)
def check_5_5(rng: np.random.Generator) -> FunctionParts:
    """Check the balance of shrink and growth for v."""
    cases = [
        (float(lr), float(lam), float(c))
        for lr, lam, c in zip(
            [0.1, 0.01, 0.3], [1e-4, 5e-3, 1e-3], rng.uniform(0.5, 3, size=3)
        )
    ]

    def ref(lr, lam, c):  # the fixed point of the exact norm recursion
        # r'^2 = (1 - lr lam)^2 r^2 + lr^2 c^2 / r^2  (g orthogonal to v)
        return (lr**2 * c**2 / (1 - (1 - lr * lam) ** 2)) ** 0.25

    return (
        cases,
        ref,
        [
            (
                lambda lr, lam, c: (lr * c**2 / (2 * lam)) ** 0.5,
                "A square root where a fourth root belongs: with ||g|| = "
                "G/||v|| the balance involves ||v||^4.",
            ),
            (
                lambda lr, lam, c: (lr * c**2 / lam) ** 0.25,
                "A factor 2 is missing: (1 - lr wd)^2 ~ 1 - 2 lr wd, so the "
                "shrink is 2 lr wd ||v||^2.",
            ),
            (
                lambda lr, lam, c: (lam * c**2 / (2 * lr)) ** 0.25,
                "Inverted lr and wd: the growth lr^2 ||g||^2 balances the "
                "shrink 2 lr wd ||v||^2.",
            ),
        ],
    )


@function_exercise(
    "5.6",
    "Two masks on the same draws: the paired difference and its SE",
    "a function paired_difference(err_a, err_b) -> (mean, se): the mean "
    "of err_a - err_b over the draws and its standard error",
    what="a tuple (mean, se) of two numbers",
    tol=(1e-9, 1e-12),
    success="The paired standard error removes the draw-to-draw "
    "spread that both runs share.",
    general="Hint: subtract draw by draw, then the mean and "
    "std(ddof=1)/sqrt(draws) of the differences.",
)
def check_5_6(rng: np.random.Generator) -> FunctionParts:
    """Check the paired comparison of two runs on the same data draws."""
    cases = []
    for draws in (10, 7, 25):
        shared = rng.uniform(0.15, 0.3, size=draws)  # the draw's difficulty
        cases.append(
            (
                shared + rng.normal(scale=0.01, size=draws),
                shared + 0.01 + rng.normal(scale=0.01, size=draws),
            )
        )

    def ref(a, b):  # the differences one draw at a time, then their SE
        diff = [x - y for x, y in zip(a.tolist(), b.tolist())]
        mean = sum(diff) / len(diff)
        var = sum((v - mean) ** 2 for v in diff) / (len(diff) - 1)
        return mean, (var / len(diff)) ** 0.5

    def se(x, ddof=1):
        return np.std(x, ddof=ddof) / np.sqrt(len(x))

    return (
        cases,
        ref,
        [
            (
                lambda a, b: (
                    np.mean(a - b),
                    np.sqrt(se(a) ** 2 + se(b) ** 2),
                ),
                "That standard error treats the two runs as independent; "
                "both saw the same draws, so take the standard error of "
                "the differences err_a - err_b.",
            ),
            (
                lambda a, b: (np.mean(a - b), se(a - b, ddof=0)),
                "Use the sample standard deviation (ddof=1) of the "
                "differences.",
            ),
            (
                lambda a, b: (np.mean(a - b), np.std(a - b, ddof=1)),
                "That is the standard deviation of the differences; their "
                "mean's standard error divides it by sqrt(number of draws).",
            ),
            (
                lambda a, b: (np.mean(b - a), se(a - b)),
                "Sign: the exercise asks for err_a - err_b.",
            ),
        ],
    )
