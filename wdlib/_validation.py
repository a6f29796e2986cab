"""Input checks shared by every public function of :mod:`wdlib`.

Each check returns a validated value (never modifying its input) or raises a
``TypeError``/``ValueError`` whose message names the argument, states what was
expected, shows what was received and says how to fix it.
"""

from __future__ import annotations

import numbers
from typing import Callable

import numpy as np

__all__ = [
    "check_X",
    "check_X_for_predict",
    "check_X_y",
    "check_coef",
    "check_lam",
    "check_lams",
    "check_bool",
    "check_positive_float",
    "check_positive_int",
    "check_real",
    "check_seed",
]


def _describe(value: object) -> str:
    """Short description of a received value for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return (
        text if len(text) <= 60 else f"{type(value).__name__} {text[:57]}..."
    )


def _reject_masked(value: object, name: str) -> None:
    """Raise if ``value`` is a masked array with masked entries."""
    if isinstance(value, np.ma.MaskedArray) and np.ma.count_masked(value):
        raise ValueError(
            f"{name} must not contain masked entries; got a masked "
            f"array with {np.ma.count_masked(value)} masked value(s). "
            f"Impute or drop them first (see wdlib.data), or pass "
            f"{name}.filled(value) to choose the fill explicitly."
        )


def _reject_text(
    arr: np.ndarray, name: str, got: str | Callable[[], str]
) -> None:
    """Raise if ``arr`` holds text (a str dtype or str/bytes objects).

    ``got`` describes the received value, or makes the description (only
    when there is an error to report: the check runs on every call).
    """
    if arr.dtype.kind in "US" or (
        arr.dtype == object
        and any(isinstance(v, (str, bytes)) for v in arr.flat)
    ):
        got = got if isinstance(got, str) else got()
        raise TypeError(
            f"{name} must be a numeric array-like; got {got} holding "
            f"text. Convert it to numbers first, e.g. one-hot encode text "
            f"columns."
        )


def _asarray(
    value: object,
    name: str,
    expected: str,
    remedy: str = "",
    describe: Callable[[object], str] | None = None,
) -> np.ndarray:
    """``np.asarray(value)``, or a TypeError saying what ``name`` must be.

    The message is ``"{name} must be {expected}; got {what} ({reason}).
    {remedy}"``, with ``what`` from ``describe`` (``_describe`` by default)
    and numpy's own reason for refusing, e.g. a ragged nested list.
    """
    try:
        return np.asarray(value)
    except (TypeError, ValueError) as exc:
        what = (describe or _describe)(value)
        raise TypeError(
            f"{name} must be {expected}; got {what} ({exc}).{remedy}"
        ) from None


def _as_float_array(value: object, name: str) -> np.ndarray:
    """Convert ``value`` to a float64 array without copying when possible.

    Rejects what ``np.asarray(value, dtype=float)`` would silently misread:
    text, complex numbers (numpy drops the imaginary part with only a
    warning) and masked arrays with masked entries (numpy uses the hidden
    values).
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(
            f"{name} must be a numeric array-like; got {_describe(value)}. "
            f"Pass a list or numpy array of numbers."
        )
    if isinstance(value, np.ma.MaskedArray):
        _reject_masked(value, name)
        value = np.ma.getdata(value)
    raw = value if isinstance(value, np.ndarray) else None
    if raw is None:
        raw = _asarray(
            value,
            name,
            "a numeric array-like",
            " Pass a rectangular list or numpy array of numbers.",
        )
    if np.iscomplexobj(raw) or (
        raw.dtype == object and any(isinstance(v, complex) for v in raw.flat)
    ):
        raise TypeError(
            f"{name} must be real; got {_describe(value)} with complex "
            f"values. Pass the real part explicitly ({name}.real) if that "
            f"is what you mean."
        )
    _reject_text(raw, name, lambda: _describe(value))
    try:
        arr = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be a numeric array-like; got {_describe(value)} "
            f"({exc}). Convert it to numbers first, e.g. one-hot encode "
            f"text columns."
        ) from None
    return arr


def _check_finite(arr: np.ndarray, name: str) -> None:
    with np.errstate(over="ignore", invalid="ignore"):
        total = arr.sum()
    if np.isfinite(
        total
    ):  # one pass, no temporary: a NaN or inf makes the sum non-finite
        return
    if not np.all(
        np.isfinite(arr)
    ):  # the sum may also overflow with finite entries
        n_bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            f"{name} must contain only finite numbers; got {n_bad} NaN or "
            f"infinite value(s). Impute or drop missing values first "
            f"(see wdlib.data)."
        )


def _unmask_scalar(value: object, name: str) -> object:
    """Return a masked scalar's data, or raise if it is masked."""
    if isinstance(value, np.ma.MaskedArray) or value is np.ma.masked:
        if np.ma.count_masked(value):
            raise ValueError(
                f"{name} must be a number; got a masked value. Pass the "
                f"number itself, e.g. {name}=0.1."
            )
        return np.ma.getdata(value)
    return value


def check_X(X: object, name: str = "X") -> np.ndarray:
    """Validate a design matrix: 2-D, numeric, finite, >= one row and column.

    Returns a float64 view or copy; the input is never modified.
    """
    arr = _as_float_array(X, name)
    if arr.ndim != 2:
        hint = (
            f" For a single feature use {name}.reshape(-1, 1)."
            if arr.ndim == 1
            else ""
        )
        raise ValueError(
            f"{name} must be 2-D of shape (n_samples, n_features); got "
            f"{arr.ndim}-D with shape {arr.shape}.{hint}"
        )
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(
            f"{name} must have at least one sample and one feature; got shape "
            f"{arr.shape}. Pass a non-empty array."
        )
    _check_finite(arr, name)
    return arr


def check_X_for_predict(X: object, n_features: int) -> np.ndarray:
    """Validate new samples for a fitted model with ``n_features`` "
    "coefficients."""
    arr = check_X(X)
    if arr.shape[1] != n_features:
        raise ValueError(
            f"X must have {n_features} column(s) like the training data; got "
            f"shape {arr.shape}. Transform new data exactly as the training "
            "data."
        )
    return arr


def _check_y(
    y: object, n_samples: int, name: str = "y", x_name: str = "X"
) -> np.ndarray:
    """Validate targets: 1-D, finite, one per row of ``x_name``."""
    arr = _as_float_array(y, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        raise ValueError(
            f"{name} must be 1-D of shape ({n_samples},); got a column of "
            f"shape {arr.shape}. A column y broadcasts against 1-D "
            f"predictions into an (n, n) residual; pass {name}.ravel()."
        )
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be 1-D of shape (n_samples,); got shape "
            f"{arr.shape}. Pass one target value per sample."
        )
    if arr.shape[0] != n_samples:
        raise ValueError(
            f"{x_name} has {n_samples} rows but {name} has {arr.shape[0]}; "
            f"pass arrays with the same number of samples."
        )
    _check_finite(arr, name)
    return arr


def check_X_y(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """Validate a design matrix and a matching 1-D target vector.

    A column vector ``y`` of shape ``(n, 1)`` is rejected with a message
    saying to pass ``y.ravel()``: silently flattening it would hide the bug
    that makes predictions of shape ``(n,)`` broadcast against it.
    """
    X_arr = check_X(X)
    y_arr = _check_y(y, X_arr.shape[0])
    return X_arr, y_arr


def check_coef(
    coef: object, n_features: int, name: str = "coef"
) -> np.ndarray:
    """Validate a coefficient vector of length ``n_features``."""
    arr = _as_float_array(coef, name)
    if arr.ndim != 1 or arr.shape[0] != n_features:
        raise ValueError(
            f"{name} must be 1-D of shape ({n_features},) to match X's "
            f"{n_features} feature(s); got shape {arr.shape}. Pass one "
            f"weight per column of X."
        )
    _check_finite(arr, name)
    return arr


def check_lam(lam: object, name: str = "lam") -> float:
    """Validate a penalty strength: a real, finite number >= 0."""
    lam = _unmask_scalar(lam, name)
    if isinstance(lam, bool) or not isinstance(lam, numbers.Real):
        if isinstance(lam, np.ndarray) and lam.ndim == 0:
            return check_lam(lam.item(), name)
        raise TypeError(
            f"{name} must be a real number >= 0; got {_describe(lam)}. "
            f"Pass a single float such as {name}=0.1 (use the *_path or "
            f"*_cv functions for several values)."
        )
    value = float(lam)
    if not np.isfinite(value) or value < 0:
        raise ValueError(
            f"{name} must be a finite number >= 0; got {value!r}. Pass a "
            f"non-negative penalty strength such as {name}=0.1."
        )
    return value


def check_lams(lams: object, name: str = "lams") -> np.ndarray:
    """Validate a non-empty 1-D sequence of finite penalty strengths >= 0."""
    arr = _as_float_array(lams, name)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D sequence of numbers >= 0; got "
            f"shape {arr.shape}. Pass e.g. {name}=np.logspace(-4, 2, 50)."
        )
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        bad = arr[~(np.isfinite(arr) & (arr >= 0))]
        raise ValueError(
            f"{name} must contain only finite numbers >= 0; got "
            f"{bad.tolist()[:5]}. Pass e.g. {name}=np.logspace(-4, 2, 50)."
        )
    return arr


def check_positive_int(value: object, name: str, minimum: int = 1) -> int:
    """Validate an integer argument that must be at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer >= {minimum}; got {_describe(value)}. "
            f"Pass a whole number such as {name}={max(minimum, 5)}."
        )
    if value < minimum:
        raise ValueError(
            f"{name} must be an integer >= {minimum}; got {value}. Pass a "
            f"larger value."
        )
    return int(value)


def check_positive_float(
    value: object, name: str, *, allow_none: bool = False
) -> float | None:
    """Validate a strictly positive finite float (e.g. a step size or "
    "tolerance)."""
    if value is None and allow_none:
        return None
    value = _unmask_scalar(value, name)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a finite number > 0; got {_describe(value)}. "
            f"Pass a float such as {name}=1e-3."
        )
    out = float(value)
    if not np.isfinite(out) or out <= 0:
        raise ValueError(
            f"{name} must be a finite number > 0; got {out!r}. Pass a "
            f"positive value such as {name}=1e-3."
        )
    return out


def check_bool(value: object, name: str) -> bool:
    """Validate a flag: ``True`` or ``False`` (numpy booleans accepted).

    Strings such as ``"False"`` are truthy, so accepting them would silently
    turn an option on; they are rejected.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(
        f"{name} must be True or False; got {_describe(value)}. Pass a "
        f"bool, e.g. {name}=False."
    )


def check_real(value: object, name: str) -> float:
    """Validate a real, finite scalar (any sign)."""
    value = _unmask_scalar(value, name)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, numbers.Real
    ):
        raise TypeError(
            f"{name} must be a real number; got {_describe(value)}. Pass a "
            f"float such as {name}=0.0."
        )
    out = float(value)
    if not np.isfinite(out):
        raise ValueError(
            f"{name} must be a finite number; got {out!r}. Pass a finite "
            f"value."
        )
    return out


def check_seed(value: object, name: str = "seed") -> int:
    """Validate a random seed: a non-negative integer."""
    return check_positive_int(value, name, minimum=0)
