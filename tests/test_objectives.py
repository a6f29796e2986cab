"""The objective and its gradient against direct sums and finite "
"differences."""

import numpy as np
import pytest

import wdlib as wd


def test_l2_penalty_is_half_lam_times_sum_of_squares(rng):
    w = rng.normal(size=7)
    expected = 0.5 * 0.3 * sum(float(v) ** 2 for v in w)
    assert wd.l2_penalty(w, 0.3) == pytest.approx(expected, rel=1e-14)
    np.testing.assert_allclose(
        wd.l2_penalty_grad(w, 0.3), [0.3 * float(v) for v in w], rtol=1e-15
    )


def test_l2_penalty_rejects_matrices():
    with pytest.raises(
        ValueError,
        match=r"w must be a 1-D array of weights; got shape \(2, 2\)",
    ):
        wd.l2_penalty(np.eye(2), 1.0)


def test_objective_matches_an_explicit_loop(rng):
    X = rng.normal(size=(9, 3))
    y = rng.normal(size=9)
    w, b, lam = rng.normal(size=3), 0.7, 0.25
    data = sum(
        (y[i] - sum(X[i, j] * w[j] for j in range(3)) - b) ** 2
        for i in range(9)
    ) / (2 * 9)
    penalty = lam / 2 * sum(v**2 for v in w)
    assert wd.ridge_objective(X, y, w, b, lam) == pytest.approx(
        data + penalty, rel=1e-13
    )


@pytest.mark.parametrize("shape", [(30, 4), (5, 12)])
def test_gradient_matches_central_differences(rng, shape):
    X = rng.normal(size=shape)
    y = rng.normal(size=shape[0])
    w, b, lam = rng.normal(size=shape[1]), -0.4, 0.8
    g_w, g_b = wd.ridge_gradient(X, y, w, b, lam)
    h = 1e-6
    fd_w = np.array(
        [
            (
                wd.ridge_objective(X, y, w + h * e, b, lam)
                - wd.ridge_objective(X, y, w - h * e, b, lam)
            )
            / (2 * h)
            for e in np.eye(shape[1])
        ]
    )
    fd_b = (
        wd.ridge_objective(X, y, w, b + h, lam)
        - wd.ridge_objective(X, y, w, b - h, lam)
    ) / (2 * h)
    np.testing.assert_allclose(g_w, fd_w, rtol=1e-7, atol=1e-9)
    assert g_b == pytest.approx(fd_b, rel=1e-7, abs=1e-9)


def test_intercept_is_not_penalized(rng):
    X = rng.normal(size=(10, 2))
    y = rng.normal(size=10)
    w = np.zeros(2)
    without = wd.ridge_objective(X, y, w, 5.0, lam=0.0)
    with_penalty = wd.ridge_objective(X, y, w, 5.0, lam=100.0)
    assert with_penalty == without
    assert (
        wd.ridge_gradient(X, y, w, 5.0, lam=100.0)[1]
        == wd.ridge_gradient(X, y, w, 5.0, lam=0.0)[1]
    )


def test_bad_intercept():
    with pytest.raises(
        ValueError,
        match=r"intercept must be a finite scalar; got \[1\.0, 2\.0\]",
    ):
        wd.ridge_objective(
            np.eye(2), [1.0, 2.0], [0.0, 0.0], intercept=[1.0, 2.0]
        )


def _masked(a):
    out = np.ma.array(np.asarray(a, dtype=float))
    out[0] = np.ma.masked
    return out


@pytest.mark.parametrize(
    "intercept, error, message",
    [
        (1 + 2j, TypeError, r"intercept must be a real number; got \(1\+2j\)"),
        ("1.5", TypeError, r"intercept must be a real number; got '1\.5'"),
        (None, TypeError, r"intercept must be a real number; got None"),
        (np.nan, ValueError, r"intercept must be a finite number; got nan"),
        (
            np.array([1.0, 2.0]),
            ValueError,
            r"intercept must be a finite scalar",
        ),
    ],
)
@pytest.mark.parametrize("func", [wd.ridge_objective, wd.ridge_gradient])
def test_intercept_must_be_a_real_finite_scalar(
    func, intercept, error, message
):
    # np.asarray("1.5", dtype=float) is 1.5 and complex drops its imaginary
    # part: both used to be accepted silently
    with pytest.raises(error, match=message):
        func(np.eye(2), [1.0, 2.0], [0.0, 0.0], intercept=intercept)


def test_real_scalar_intercepts_are_accepted():
    # J at w = 0, b = 2 is ((1 - 2)^2 + (2 - 2)^2) / 4 = 0.25
    for b in (2, 2.0, np.float32(2.0), np.array(2.0)):
        assert wd.ridge_objective(np.eye(2), [1.0, 2.0], [0.0, 0.0], b) == 0.25


@pytest.mark.parametrize(
    "arg, value, error, message",
    [
        ("X", np.eye(2) + 1j, TypeError, r"X must be real; got .*complex"),
        (
            "y",
            np.array([1.0, 2.0 + 1j]),
            TypeError,
            r"y must be real; got .*complex",
        ),
        (
            "coef",
            np.array([0.0, 1j]),
            TypeError,
            r"coef must be real; got .*complex",
        ),
        (
            "X",
            _masked(np.eye(2)),
            ValueError,
            r"X must not contain masked entries",
        ),
        (
            "y",
            _masked([1.0, 2.0]),
            ValueError,
            r"y must not contain masked entries",
        ),
        (
            "coef",
            _masked([0.0, 0.0]),
            ValueError,
            r"coef must not contain masked entries",
        ),
        (
            "coef",
            ["a", "b"],
            TypeError,
            r"coef must be a numeric array-like; got .*text",
        ),
        (
            "coef",
            [0.0, np.nan],
            ValueError,
            r"coef must contain only finite numbers",
        ),
        (
            "lam",
            0.1 + 1j,
            TypeError,
            r"lam must be a real number >= 0; got \(0\.1\+1j\)",
        ),
        (
            "X",
            np.empty((0, 2)),
            ValueError,
            r"X must have at least one sample and one feature",
        ),
    ],
)
@pytest.mark.parametrize("func", [wd.ridge_objective, wd.ridge_gradient])
def test_bad_arrays_name_the_argument(func, arg, value, error, message):
    kwargs = {"X": np.eye(2), "y": [1.0, 2.0], "coef": [0.0, 0.0], "lam": 0.1}
    kwargs[arg] = value
    with pytest.raises(error, match=message):
        func(**kwargs)


@pytest.mark.parametrize(
    "w, error, message",
    [
        ([3.0 + 1j, 4.0], TypeError, r"w must be real; got .*complex"),
        (
            _masked([3.0, 4.0]),
            ValueError,
            r"w must not contain masked entries",
        ),
        ("34", TypeError, r"w must be a numeric array-like; got '34'"),
        (
            [],
            ValueError,
            r"w must hold at least one weight; got an empty array",
        ),
        ([1.0, np.inf], ValueError, r"w must contain only finite numbers"),
        ([[1.0], [2.0, 3.0]], TypeError, r"w must be a numeric array-like"),
    ],
)
@pytest.mark.parametrize("func", [wd.l2_penalty, wd.l2_penalty_grad])
def test_bad_weights_name_w(func, w, error, message):
    with pytest.raises(error, match=message):
        func(w, 0.1)
