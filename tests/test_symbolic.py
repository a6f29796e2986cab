"""Tests for wdlib.symbolic: sympy's derivations against wdlib's numeric code,
finite differences and independent linear algebra."""

import subprocess
import sys
import warnings

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import wdlib as wd
from wdlib import symbolic as sym

SIZES = [(1, 1), (3, 2), (7, 3), (12, 5)]


def _problem(rng, n, d):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d)
    y = rng.normal(size=n) * 2.0 + 1.0
    return (
        X,
        y,
        rng.normal(size=d),
        float(rng.normal()),
        float(rng.uniform(0.01, 2.0)),
    )


def _assert_rel(actual, expected, scale, rtol=1e-12):
    """|actual - expected| <= rtol * scale, with scale the size of the summed "
    "terms."""
    np.testing.assert_array_less(
        np.abs(np.asarray(actual) - np.asarray(expected)),
        rtol * scale + 1e-300,
    )


def _term_scale(X, y, coef, intercept, lam):
    """Magnitude of the terms summed in the gradient (guards against "
    "cancellation)."""
    n = X.shape[0]
    r = np.abs(y) + np.abs(X) @ np.abs(coef) + abs(intercept)
    return max(
        (np.abs(X).T @ r).max() / n + lam * np.abs(coef).max(), r.sum() / n
    )


def test_import_wdlib_does_not_load_sympy():
    code = (
        "import sys, wdlib; assert 'sympy' not in sys.modules, 'sympy loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("d", [1, 2, 5, 9])
def test_penalty_gradient_matches_l2_penalty_grad(rng, d):
    s = sym.ridge_symbols(1, d)
    grad_w, grad_b = sym.gradient(sym.penalty(s), s)
    assert grad_b == 0
    assert grad_w == s.lam * s.w  # dR/dw = lambda w, exactly
    f = sp.lambdify([*s.w, s.lam], [*grad_w])
    penalty = sp.lambdify([*s.w, s.lam], sym.penalty(s))
    for _ in range(5):
        w, lam = rng.normal(size=d) * 3, float(rng.uniform(0, 5))
        np.testing.assert_allclose(
            f(*w, lam), wd.l2_penalty_grad(w, lam), rtol=1e-12, atol=0
        )
        np.testing.assert_allclose(
            penalty(*w, lam), wd.l2_penalty(w, lam), rtol=1e-12
        )


@pytest.mark.parametrize("n, d", SIZES)
def test_lambdified_gradient_matches_ridge_gradient(rng, n, d):
    f = sym.lambdify_gradient(sym.ridge_symbols(n, d))
    for _ in range(5):
        X, y, coef, intercept, lam = _problem(rng, n, d)
        g_w, g_b = f(X, y, coef, intercept, lam)
        ref_w, ref_b = wd.ridge_gradient(X, y, coef, intercept, lam)
        scale = _term_scale(X, y, coef, intercept, lam)
        _assert_rel(g_w, ref_w, scale)
        _assert_rel(g_b, ref_b, scale)
        assert isinstance(g_b, float) and g_w.shape == (d,)


@pytest.mark.parametrize("n, d", SIZES)
def test_symbolic_gradient_matches_finite_differences(rng, n, d):
    s = sym.ridge_symbols(n, d)
    loss = sp.lambdify([*s.X, *s.y, *s.params, s.lam], sym.loss(s))
    grad = sym.lambdify_gradient(s)
    X, y, coef, intercept, lam = _problem(rng, n, d)
    theta, h = np.append(coef, intercept), 1e-5

    def f(t):
        return loss(*X.ravel(), *y, *t, lam)

    numeric = [
        (f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in np.eye(d + 1)
    ]
    g_w, g_b = grad(X, y, coef, intercept, lam)
    np.testing.assert_allclose(
        np.append(g_w, g_b), numeric, rtol=1e-7, atol=1e-8
    )


def test_symbolic_loss_matches_ridge_objective(rng):
    s = sym.ridge_symbols(6, 3)
    loss = sp.lambdify([*s.X, *s.y, *s.params, s.lam], sym.loss(s))
    X, y, coef, intercept, lam = _problem(rng, 6, 3)
    expected = wd.ridge_objective(X, y, coef, intercept, lam)
    assert loss(*X.ravel(), *y, *coef, intercept, lam) == pytest.approx(
        expected, rel=1e-12
    )


@pytest.mark.parametrize("n, d", [(2, 1), (5, 2), (8, 3), (4, 6)])
def test_closed_form_matches_ridge_fit_and_lstsq(rng, n, d):
    X, y, _, _, lam = _problem(rng, n, d)
    coef, intercept = sym.closed_form(X, y, lam)
    fit = wd.ridge_fit(X, y, lam)
    np.testing.assert_allclose(
        np.array(coef, dtype=float).ravel(), fit.coef, rtol=1e-10, atol=1e-12
    )
    assert float(intercept) == pytest.approx(
        fit.intercept, rel=1e-10, abs=1e-12
    )
    # independent: least squares on the augmented system [X 1; sqrt(n lam) I 0]
    A = np.block(
        [
            [X, np.ones((n, 1))],
            [np.sqrt(n * lam) * np.eye(d), np.zeros((d, 1))],
        ]
    )
    theta = np.linalg.lstsq(A, np.concatenate([y, np.zeros(d)]), rcond=None)[0]
    np.testing.assert_allclose(
        np.array(coef, dtype=float).ravel(), theta[:d], rtol=1e-9, atol=1e-11
    )


@settings(max_examples=15, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(1, 2),
    st.integers(0, 2**32 - 1),
    st.sampled_from([0.0, 0.125, 1.0, 3.5]),
)
def test_closed_form_zeroes_the_exact_gradient(n, d, seed, lam):
    rng = np.random.default_rng(seed)
    X, y = (
        np.round(rng.normal(size=(n, d)), 3),
        np.round(rng.normal(size=n), 3),
    )
    if (
        lam == 0.0
        and np.linalg.matrix_rank(np.hstack([X, np.ones((n, 1))])) < d + 1
    ):
        return  # unpenalized and singular: no unique solution
    s = sym.ridge_symbols(n, d)
    coef, intercept = sym.closed_form(X, y, lam)
    grad_w, grad_b = sym.gradient(sym.loss(s), s)
    values = {
        **dict(zip(s.X, map(sp.Rational, X.ravel()))),
        **dict(zip(s.y, map(sp.Rational, y))),
    }
    values.update(
        {**dict(zip(s.w, coef)), s.b: intercept, s.lam: sp.Rational(lam)}
    )
    assert grad_w.subs(values) == sp.zeros(d, 1)
    assert grad_b.subs(values) == 0


def test_normal_equations_match_numpy_assembly(rng):
    n, d = 5, 3
    s = sym.ridge_symbols(n, d)
    A, c = sym.normal_equations(s)
    X, y, _, _, lam = _problem(rng, n, d)
    values = {**dict(zip(s.X, X.ravel())), **dict(zip(s.y, y)), s.lam: lam}
    Xa = np.hstack([X, np.ones((n, 1))])
    expected_A = Xa.T @ Xa + n * lam * np.diag([1.0] * d + [0.0])
    np.testing.assert_allclose(
        np.array(A.subs(values), dtype=float), expected_A, rtol=1e-12
    )
    np.testing.assert_allclose(
        np.array(c.subs(values), dtype=float).ravel(), Xa.T @ y, rtol=1e-12
    )


def test_hessian_largest_eigenvalue_is_lipschitz_constant(rng):
    n, d = 9, 3
    s = sym.ridge_symbols(n, d)
    H = sp.lambdify([*s.X, s.lam], sym.hessian(s))
    X, _, _, _, lam = _problem(rng, n, d)
    top = np.linalg.eigvalsh(np.array(H(*X.ravel(), lam), dtype=float))[-1]
    assert top == pytest.approx(wd.lipschitz_constant(X, lam), rel=1e-12)


def test_gd_update_is_weight_decay_form_of_a_gradient_step(rng):
    n, d = 6, 2
    s = sym.ridge_symbols(n, d)
    w_new, b_new = sym.gd_update(s)
    assert sp.UnevaluatedExpr(1 - s.eta * s.lam) in w_new[0].atoms(
        sp.UnevaluatedExpr
    )
    step = sp.lambdify(
        [*s.X, *s.y, *s.params, s.lam, s.eta], [*w_new.doit(), b_new]
    )
    X, y, coef, intercept, lam = _problem(rng, n, d)
    eta = 0.05
    out = np.array(step(*X.ravel(), *y, *coef, intercept, lam, eta))
    g_w, g_b = wd.ridge_gradient(X, y, coef, intercept, lam)
    np.testing.assert_allclose(out[:d], coef - eta * g_w, rtol=1e-12)
    assert out[d] == pytest.approx(intercept - eta * g_b, rel=1e-12)
    data_w, _ = wd.ridge_gradient(X, y, coef, intercept, 0.0)
    np.testing.assert_allclose(
        out[:d], (1 - eta * lam) * coef - eta * data_w, rtol=1e-12
    )


def test_matrix_form_gradient_and_solution(rng):
    m = sym.matrix_form()
    X, y, coef, intercept, lam = _problem(rng, 7, 3)
    g = m.evaluate(m.grad_w, X, y, coef, intercept, lam).ravel()
    np.testing.assert_allclose(
        g, wd.ridge_gradient(X, y, coef, intercept, lam)[0], rtol=1e-10
    )
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = m.evaluate(m.solution, Xc, yc, coef, 0.0, lam).ravel()
    np.testing.assert_allclose(w, wd.ridge_fit(X, y, lam).coef, rtol=1e-10)
    H = m.evaluate(m.hessian_w, X, y, coef, intercept, lam)
    np.testing.assert_allclose(H, X.T @ X / 7 + lam * np.eye(3), rtol=1e-12)


def test_shrinkage_factor_gives_effective_dof_and_ridge_fit(rng):
    factor, s_, n_, lam_ = sym.shrinkage_factor()
    assert sp.simplify(factor - s_**2 / (s_**2 + n_ * lam_)) == 0
    f = sp.lambdify([s_, n_, lam_], factor)
    n, d = 30, 4
    X, y, _, _, lam = _problem(rng, n, d)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    u, sv, _ = np.linalg.svd(Xc, full_matrices=False)
    assert f(sv, n, lam).sum() == pytest.approx(
        wd.effective_dof(X, lam)[0], rel=1e-12
    )
    fitted = wd.ridge_fit(X, y, lam).predict(X) - y.mean()
    np.testing.assert_allclose(
        u.T @ fitted, f(sv, n, lam) * (u.T @ yc), rtol=1e-9
    )


def test_step_factor_bounds_the_step_size(rng):
    factor, eta, h = sym.step_factor()
    assert sp.solve(sp.Eq(factor, -1), eta) == [2 / h]
    X, y, _, _, lam = _problem(rng, 20, 3)
    L = wd.lipschitz_constant(X, lam)
    ok = wd.gradient_descent(X, y, lam, lr=1.9 / L, max_iter=20_000, tol=1e-8)
    assert ok.converged
    with pytest.warns(wd.ConvergenceWarning, match="diverged"):
        bad = wd.gradient_descent(X, y, lam, lr=2.1 / L, max_iter=20_000)
    assert not bad.converged


def test_map_objective_is_scaled_ridge_loss():
    s = sym.ridge_symbols(3, 2)
    nlp, sigma, tau = sym.map_objective(s)
    scaled = sp.expand(
        sigma**2 / 3 * nlp - sym.loss(s).subs(s.lam, sigma**2 / (3 * tau**2))
    )
    assert not scaled.free_symbols & set(s.params)
    assert scaled.free_symbols  # a nonzero constant (the normalizers) remains


def test_latex_eq_tidies_negative_terms():
    m = sym.matrix_form()
    text = sym.latex_eq(r"\nabla_w L", m.grad_w)._repr_latex_()
    assert "+ -" not in text and text.startswith(
        r"$\displaystyle \nabla_w L = "
    )


def test_ridge_symbols_rejects_bad_sizes():
    with pytest.raises(
        ValueError, match="n_samples must be an integer >= 1; got 0"
    ):
        sym.ridge_symbols(0, 2)
    with pytest.raises(TypeError, match="n_features must be an integer >= 1"):
        sym.ridge_symbols(2, 1.5)


def test_lambdified_gradient_rejects_wrong_shape(rng):
    f = sym.lambdify_gradient(sym.ridge_symbols(3, 2))
    with pytest.raises(
        ValueError,
        match=r"X must have shape \(3, 2\) like the symbols; got \(4, 2\)",
    ):
        f(np.zeros((4, 2)), np.zeros(4), np.zeros(2), 0.0, 1.0)


def test_closed_form_validates_inputs():
    with pytest.raises(ValueError, match="lam must be"):
        sym.closed_form([[1.0], [2.0]], [1.0, 2.0], lam=-1.0)
    with pytest.raises(ValueError, match="y must be 1-D"):
        sym.closed_form([[1.0], [2.0]], [[1.0], [2.0]], lam=1.0)


def test_closed_form_rejects_singular_unpenalized_problem():
    with pytest.raises(
        ValueError,
        match=(
            r"the normal equations are singular for lam=0.0: .* Pass lam > "
            r"0"
        ),
    ):
        sym.closed_form([[1.0], [1.0]], [1.0, 2.0], lam=0.0)
    coef, intercept = sym.closed_form(
        [[1.0], [1.0]], [1.0, 2.0], lam=0.5
    )  # any lam > 0 is fine
    assert coef[0] == 0 and intercept == sp.Rational(3, 2)


def test_inputs_not_modified(rng):
    X, y, coef, intercept, lam = _problem(rng, 4, 2)
    X0, y0, c0 = X.copy(), y.copy(), coef.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sym.closed_form(X, y, lam)
        sym.lambdify_gradient(sym.ridge_symbols(4, 2))(
            X, y, coef, intercept, lam
        )
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)
    np.testing.assert_array_equal(coef, c0)


# ---------------------------------------------------------------------------
# symbols without assumptions


def _plain(name):
    """A symbol with no assumptions: a different sympy object from the real "
    "one."""
    return sp.Symbol(name)


def test_gradient_of_expression_in_plain_symbols_matches_hand_derivation():
    # L = (y1 - x11 w1 - x12 w2 - b)^2 / 2 + lam/2 (w1^2 + w2^2), n = 1:
    # dL/dw_j = -x1j r + lam w_j and dL/db = -r with r = y1 - x11 w1 - x12 w2 -
    # b.
    w1, w2, b, lam, y1 = (
        _plain(n) for n in ("w_1", "w_2", "b", "lambda", "y_1")
    )
    x11, x12 = _plain("x_{1,1}"), _plain("x_{1,2}")
    r = y1 - x11 * w1 - x12 * w2 - b
    expr = r**2 / 2 + lam / 2 * (w1**2 + w2**2)
    s = sym.ridge_symbols(1, 2)
    assert (
        sp.diff(expr, s.w[0]) == 0
    )  # why it matters: sympy sees other symbols
    grad_w, grad_b = sym.gradient(expr, s)
    R = s.y[0] - s.X[0, 0] * s.w[0] - s.X[0, 1] * s.w[1] - s.b
    hand_w = [-s.X[0, 0] * R + s.lam * s.w[0], -s.X[0, 1] * R + s.lam * s.w[1]]
    assert [sp.expand(g - h) for g, h in zip(grad_w, hand_w)] == [0, 0]
    assert sp.expand(grad_b + R) == 0
    # the same gradient as the library's own loss, and numerically right
    ref_w, ref_b = sym.gradient(sym.loss(s), s)
    assert (grad_w - ref_w).applyfunc(sp.expand) == sp.zeros(2, 1)
    assert sp.expand(grad_b - ref_b) == 0


def test_gradient_of_mixed_and_positive_symbols(rng):
    # d/dw (w^3 + w * w_plain) = 3 w^2 + 2 w when both name the same weight
    s = sym.ridge_symbols(1, 1)
    w = s.w[0]
    expr = (
        w**3
        + w * _plain("w_1")
        + sp.Symbol("lambda", positive=True) * _plain("b") ** 2
    )
    grad_w, grad_b = sym.gradient(expr, s)
    assert sp.expand(grad_w[0] - (3 * w**2 + 2 * w)) == 0
    assert sp.expand(grad_b - 2 * s.lam * s.b) == 0
    # finite differences of the numeric function at a random point
    f = sp.lambdify([w, s.b, s.lam], sym._in_terms_of(expr, s))
    g = sp.lambdify([w, s.b, s.lam], [grad_w[0], grad_b])
    w0, b0, lam0, h = *rng.normal(size=2), 0.7, 1e-6
    fd = [
        (f(w0 + h, b0, lam0) - f(w0 - h, b0, lam0)) / (2 * h),
        (f(w0, b0 + h, lam0) - f(w0, b0 - h, lam0)) / (2 * h),
    ]
    np.testing.assert_allclose(g(w0, b0, lam0), fd, rtol=1e-7)


def test_gradient_with_ridge_symbols_built_from_plain_symbols():
    w = sp.Matrix([_plain("w_1")])
    s = sym.RidgeSymbols(
        X=sp.Matrix([[_plain("x")]]),
        y=sp.Matrix([_plain("y")]),
        w=w,
        b=_plain("b"),
        lam=_plain("lambda"),
        eta=_plain("eta"),
    )
    grad_w, grad_b = sym.gradient(sym.loss(s), s)
    r = s.y[0] - s.X[0, 0] * w[0] - s.b
    assert sp.expand(grad_w[0] - (-s.X[0, 0] * r + s.lam * w[0])) == 0
    assert sp.expand(grad_b + r) == 0


def test_gradient_rejects_what_is_not_an_expression():
    s = sym.ridge_symbols(1, 1)
    with pytest.raises(
        TypeError, match="expr must be a sympy expression; got str"
    ):
        sym.gradient("w_1**2", s)
    with pytest.raises(TypeError, match="s must be a RidgeSymbols; got list"):
        sym.gradient(s.w[0] ** 2, [s.w[0]])


def test_numeric_entry_points_validate_their_arrays():
    f = sym.lambdify_gradient(sym.ridge_symbols(2, 1))
    X, y = np.array([[1.0], [2.0]]), np.array([1.0, 3.0])
    with pytest.raises(ValueError, match=r"y must be 1-D .* y.ravel\(\)"):
        f(X, y[:, None], np.array([1.0]), 0.0, 1.0)
    with pytest.raises(ValueError, match=r"coef must be 1-D of shape \(1,\)"):
        f(X, y, np.array([1.0, 2.0]), 0.0, 1.0)
    with pytest.raises(
        TypeError, match="intercept must be a real number; got '0'"
    ):
        f(X, y, np.array([1.0]), "0", 1.0)
    with pytest.raises(
        ValueError, match="lam must be a finite number >= 0; got -1.0"
    ):
        f(X, y, np.array([1.0]), 0.0, -1.0)
    m = sym.matrix_form()
    with pytest.raises(ValueError, match=r"coef must be 1-D of shape \(1,\)"):
        m.evaluate(m.grad_w, X, y, [1.0, 2.0], 0.0, 1.0)
