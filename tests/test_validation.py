"""Every validation error names the argument, the expectation, the value and "
"the fix."""

import numpy as np
import pytest

import wdlib as wd
from wdlib._validation import (
    check_lam,
    check_lams,
    check_positive_float,
    check_positive_int,
    check_real,
)


X = np.arange(6.0).reshape(3, 2)
y = np.array([1.0, 2.0, 3.0])


def test_column_y_is_rejected_with_the_fix():
    with pytest.raises(
        ValueError,
        match=(
            r"y must be 1-D of shape \(3,\); got a column of shape \(3, "
            r"1\).*pass y\.ravel\(\)"
        ),
    ):
        wd.ridge_fit(X, y[:, None], lam=0.1)


def test_one_dimensional_X_suggests_reshape():
    with pytest.raises(
        ValueError,
        match=(
            r"X must be 2-D .* got 1-D with shape \(3,\)\. For a single "
            r"feature use X\.reshape\(-1, 1\)"
        ),
    ):
        wd.ridge_fit(y, y, lam=0.1)


def test_mismatched_rows():
    with pytest.raises(
        ValueError,
        match=(
            r"X has 3 rows but y has 2; pass arrays with the same number "
            r"of samples"
        ),
    ):
        wd.ridge_fit(X, y[:2], lam=0.1)


def test_empty_X():
    with pytest.raises(
        ValueError,
        match=(
            r"X must have at least one sample and one feature; got shape "
            r"\(0, 2\)"
        ),
    ):
        wd.ridge_fit(np.empty((0, 2)), np.empty(0), lam=0.1)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_X_points_to_imputation(bad):
    X_bad = X.copy()
    X_bad[1, 1] = bad
    with pytest.raises(
        ValueError,
        match=(
            r"X must contain only finite numbers; got 1 NaN or infinite "
            r"value\(s\)\. Impute"
        ),
    ):
        wd.ridge_fit(X_bad, y, lam=0.1)


def test_text_X_is_a_type_error():
    with pytest.raises(
        TypeError,
        match=r"X must be a numeric array-like; got .*one-hot encode",
    ):
        wd.ridge_fit([["a", "b"], ["c", "d"], ["e", "f"]], y, lam=0.1)


@pytest.mark.parametrize("lam", [-1.0, np.nan, np.inf])
def test_bad_lam_value(lam):
    with pytest.raises(
        ValueError,
        match=(
            r"lam must be a finite number >= 0; got .*Pass a non-negative "
            r"penalty strength"
        ),
    ):
        wd.ridge_fit(X, y, lam=lam)


@pytest.mark.parametrize("lam", ["0.1", [0.1, 1.0], True, None])
def test_bad_lam_type(lam):
    with pytest.raises(
        TypeError,
        match=r"lam must be a real number >= 0; got .*Pass a single float",
    ):
        wd.ridge_fit(X, y, lam=lam)


def test_numpy_scalars_are_accepted_as_lam():
    assert wd.ridge_fit(X, y, lam=np.float32(0.5)).lam == 0.5
    assert wd.ridge_fit(X, y, lam=np.array(0.5)).lam == 0.5


def test_coef_shape():
    with pytest.raises(
        ValueError,
        match=(
            r"coef must be 1-D of shape \(2,\) to match X's 2 "
            r"feature\(s\); got shape \(3,\)"
        ),
    ):
        wd.ridge_objective(X, y, coef=[1.0, 2.0, 3.0])


@pytest.mark.parametrize("lams", [[], [[0.1]], [0.1, -1.0], [np.nan]])
def test_bad_lams(lams):
    with pytest.raises(ValueError, match=r"lams must .*np\.logspace"):
        check_lams(lams)


def test_positive_int_and_float():
    with pytest.raises(
        ValueError, match=r"max_iter must be an integer >= 1; got 0"
    ):
        check_positive_int(0, "max_iter")
    with pytest.raises(
        TypeError, match=r"max_iter must be an integer >= 1; got 2\.5"
    ):
        check_positive_int(2.5, "max_iter")
    with pytest.raises(
        ValueError, match=r"lr must be a finite number > 0; got -0\.1"
    ):
        check_positive_float(-0.1, "lr")


def test_unknown_solver():
    with pytest.raises(
        ValueError,
        match=(
            r"solver must be one of 'auto', 'cholesky', 'kernel', 'svd'; "
            r"got 'qr'"
        ),
    ):
        wd.ridge_fit(X, y, lam=0.1, solver="qr")


def test_huge_finite_values_are_not_mistaken_for_infinity():
    X_big = np.full((3, 2), 1e308)  # the sum overflows, every entry is finite
    assert wd._validation.check_X(X_big) is not None


@pytest.mark.parametrize("check", [check_lam, check_real])
def test_masked_scalar_is_rejected_not_read(check):
    import numpy.ma as ma

    with pytest.raises(ValueError, match="lam must be a number; got a masked"):
        check(ma.masked_array(0.5, mask=True), "lam")
    assert check(ma.masked_array(0.5), "lam") == 0.5


def test_check_y_names_the_matrix_it_is_matched_with():
    from wdlib._validation import _check_y

    with pytest.raises(
        ValueError, match=r"^X_test has 3 rows but y_test has 2;"
    ):
        _check_y([1.0, 2.0], 3, "y_test", x_name="X_test")
    with pytest.raises(ValueError, match=r"^X has 3 rows but y has 2;"):
        _check_y([1.0, 2.0], 3)


def test_ragged_input_names_the_argument_and_the_remedy():
    with pytest.raises(
        TypeError,
        match=r"^X must be a numeric array-like; got .+ \(.+\)\. Pass a "
        r"rectangular list or numpy array of numbers\.$",
    ):
        wd.ridge_fit([[1.0, 2.0], [3.0]], [1.0, 2.0], 0.1)
