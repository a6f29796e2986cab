"""The shared numeric primitives of wdlib._linalg against direct numpy."""

import numpy as np
import pytest

from wdlib._linalg import (
    center,
    complement_of_ones,
    from_complement_of_ones,
    keep_mask,
    rank_tol,
    shrink_factors,
)


def test_center_returns_centred_copies_and_means(rng):
    X, y = rng.normal(size=(9, 3)) + 5.0, rng.normal(size=9) + 2.0
    X0, y0 = X.copy(), y.copy()
    Xc, yc, xm, ym = center(X, y, True)
    np.testing.assert_allclose(xm, X0.mean(axis=0))
    assert ym == pytest.approx(y0.mean())
    np.testing.assert_allclose(Xc + xm, X0)
    np.testing.assert_array_equal(X, X0)
    assert center(X, y, False)[2].tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("n", [2, 3, 10, 101])
def test_complement_of_ones_is_an_exact_change_of_basis(rng, n):
    A = rng.normal(size=(n, 4))
    Ac = A - A.mean(axis=0)
    Z = complement_of_ones(Ac)
    assert Z.shape == (n - 1, 4)
    np.testing.assert_allclose(Z.T @ Z, Ac.T @ Ac, atol=1e-12)
    # the basis: orthonormal columns orthogonal to the constant vector
    Q = from_complement_of_ones(np.eye(n - 1))
    np.testing.assert_allclose(Q.T @ Q, np.eye(n - 1), atol=1e-14)
    np.testing.assert_allclose(Q.sum(axis=0), 0.0, atol=1e-14)
    np.testing.assert_allclose(Q.T @ Ac, Z, atol=1e-12)


def test_rank_rule_drops_only_at_zero_penalty():
    s = np.array([1e8, 1.0, 1e-8, 0.0])
    tol = rank_tol(s.max(), (40, 4))
    assert tol == pytest.approx(1e8 * 40 * np.finfo(float).eps)
    mask = keep_mask(s, (40, 4), np.array([0.0, 1e-30, 1.0]))
    assert mask.tolist() == [
        [True, True, False, False],
        [True] * 4,
        [True] * 4,
    ]
    f = shrink_factors(s, (40, 4), np.array([0.0, 1e-20]))
    np.testing.assert_allclose(f[0], [1e-8, 1.0, 0.0, 0.0])
    np.testing.assert_allclose(f[1], s / (s**2 + 1e-20))
