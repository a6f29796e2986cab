"""Every public fitting and selection function rejects bad input loudly.

For each argument of each function, a bad value (complex, masked, text or a
string flag, NaN, inf, empty, ragged, wrong shape, None) replaces a valid
one, on valid data drawn by hypothesis; the call must raise a ``TypeError``
or ``ValueError`` whose message names the argument. ``CALLS`` and ``CASES``
count the calls made and the distinct (function, argument, bad value)
cases, for whoever wants the numbers.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wdlib as wd

CALLS: Counter = Counter()
CASES: set = set()


def _masked(a: Any) -> np.ma.MaskedArray:
    out = np.ma.array(np.asarray(a, dtype=float))
    out[(0,) * out.ndim] = np.ma.masked
    return out


def _with(a: np.ndarray, value: float) -> np.ndarray:
    out = np.array(a, dtype=float)
    out[(0,) * out.ndim] = value
    return out


# Bad values by kind of argument; each takes the valid value and returns a
# corrupted one.
MATRIX: dict[str, Callable[[Any], Any]] = {
    "complex": lambda a: a + 1j,
    "masked": _masked,
    "text": lambda a: np.asarray(a).astype(str),
    "nan": lambda a: _with(a, np.nan),
    "inf": lambda a: _with(a, np.inf),
    "empty": lambda a: np.empty((0, 0)),
    "ragged": lambda a: [[1.0, 2.0], [3.0]],
    "wrong_shape": lambda a: np.asarray(a)[0],
    "none": lambda a: None,
}
VECTOR: dict[str, Callable[[Any], Any]] = {
    "complex": lambda a: a + 1j,
    "masked": _masked,
    "text": lambda a: np.asarray(a).astype(str),
    "nan": lambda a: _with(a, np.nan),
    "inf": lambda a: _with(a, np.inf),
    "empty": lambda a: np.empty(0),
    "ragged": lambda a: [1.0, [2.0, 3.0]],
    "wrong_shape": lambda a: np.stack([a, a, a], axis=1),
    "none": lambda a: None,
}
SCALAR: dict[str, Callable[[Any], Any]] = {
    "complex": lambda a: (0.1 if a is None else a) + 1j,
    "masked": lambda a: np.ma.masked_array(0.1 if a is None else a, mask=True),
    "text": lambda a: str(0.1 if a is None else a),
    "nan": lambda a: float("nan"),
    "inf": lambda a: float("inf"),
    "empty": lambda a: np.empty(0),
    "ragged": lambda a: [1.0, [2.0, 3.0]],
    "wrong_shape": lambda a: [a, a],
    "none": lambda a: None,
}
# wd.Ridge takes a 2-D y (several targets) as scikit-learn does: 3-D is wrong
TARGET = {**VECTOR, "wrong_shape": lambda a: np.asarray(a)[:, None, None]}
FLAG: dict[str, Callable[[Any], Any]] = {
    "string_flag": lambda a: str(a),
    "string_no": lambda a: "no",
    "int": lambda a: int(a),
    "complex": lambda a: 1j,
    "nan": lambda a: float("nan"),
    "empty": lambda a: [],
    "none": lambda a: None,
}
INTEGER: dict[str, Callable[[Any], Any]] = {
    "complex": lambda a: a + 1j,
    "text": lambda a: str(a),
    "float": lambda a: float(a),
    "nan": lambda a: float("nan"),
    "inf": lambda a: float("inf"),
    "empty": lambda a: [],
    "none": lambda a: None,
}


def _ridge_fit(solver: str) -> Callable[..., Any]:
    def call(X, y, lam, fit_intercept):
        return wd.ridge_fit(
            X, y, lam, fit_intercept=fit_intercept, solver=solver
        )

    return call


def _estimator_fit(X, y, sample_weight, lam, fit_intercept):
    model = wd.Ridge(lam=lam, fit_intercept=fit_intercept)
    return model.fit(X, y, sample_weight=sample_weight)


def _gd(X, y, lam, lr, max_iter, tol, fit_intercept, nesterov):
    return wd.gradient_descent(
        X,
        y,
        lam,
        lr=lr,
        max_iter=max_iter,
        tol=tol,
        fit_intercept=fit_intercept,
        nesterov=nesterov,
    )


def _lasso(X, y, lam, l2_lam, fit_intercept, max_iter, tol, coef_init):
    return wd.lasso_fit(
        X,
        y,
        lam,
        l2_lam=l2_lam,
        fit_intercept=fit_intercept,
        max_iter=max_iter,
        tol=tol,
        coef_init=coef_init,
    )


def _path(X, y, lams, fit_intercept):
    return wd.ridge_path(X, y, lams, fit_intercept=fit_intercept)


def _loo(X, y, lams, fit_intercept):
    return wd.loo_cv(X, y, lams, fit_intercept=fit_intercept)


def _kfold(X, y, lams, k, seed, fit_intercept):
    return wd.kfold_cv(X, y, lams, k=k, seed=seed, fit_intercept=fit_intercept)


def _dof(X, lams, fit_intercept):
    return wd.effective_dof(X, lams, fit_intercept=fit_intercept)


# function name -> (callable, {argument: kind})
KINDS = {
    "matrix": MATRIX,
    "vector": VECTOR,
    "target": TARGET,
    "scalar": SCALAR,
    "flag": FLAG,
    "integer": INTEGER,
}
FUNCTIONS: dict[str, tuple[Callable[..., Any], dict[str, str]]] = {
    **{
        f"ridge_fit[{solver}]": (
            _ridge_fit(solver),
            {
                "X": "matrix",
                "y": "vector",
                "lam": "scalar",
                "fit_intercept": "flag",
            },
        )
        for solver in ("auto", "cholesky", "kernel", "svd")
    },
    "gradient_descent": (
        _gd,
        {
            "X": "matrix",
            "y": "vector",
            "lam": "scalar",
            "lr": "scalar",
            "max_iter": "integer",
            "tol": "scalar",
            "fit_intercept": "flag",
            "nesterov": "flag",
        },
    ),
    "lasso_fit": (
        _lasso,
        {
            "X": "matrix",
            "y": "vector",
            "lam": "scalar",
            "l2_lam": "scalar",
            "fit_intercept": "flag",
            "max_iter": "integer",
            "tol": "scalar",
            "coef_init": "vector",
        },
    ),
    "Ridge.fit": (
        _estimator_fit,
        {
            "X": "matrix",
            "y": "target",
            "sample_weight": "vector",
            "lam": "scalar",
            "fit_intercept": "flag",
        },
    ),
    "ridge_path": (
        _path,
        {
            "X": "matrix",
            "y": "vector",
            "lams": "vector",
            "fit_intercept": "flag",
        },
    ),
    "loo_cv": (
        _loo,
        {
            "X": "matrix",
            "y": "vector",
            "lams": "vector",
            "fit_intercept": "flag",
        },
    ),
    "kfold_cv": (
        _kfold,
        {
            "X": "matrix",
            "y": "vector",
            "lams": "vector",
            "k": "integer",
            "seed": "integer",
            "fit_intercept": "flag",
        },
    ),
    "effective_dof": (
        _dof,
        {"X": "matrix", "lams": "vector", "fit_intercept": "flag"},
    ),
    "ridge_objective": (
        wd.ridge_objective,
        {
            "X": "matrix",
            "y": "vector",
            "coef": "vector",
            "intercept": "scalar",
            "lam": "scalar",
        },
    ),
    "ridge_gradient": (
        wd.ridge_gradient,
        {
            "X": "matrix",
            "y": "vector",
            "coef": "vector",
            "intercept": "scalar",
            "lam": "scalar",
        },
    ),
    "l2_penalty": (wd.l2_penalty, {"w": "vector", "lam": "scalar"}),
    "l2_penalty_grad": (wd.l2_penalty_grad, {"w": "vector", "lam": "scalar"}),
}

# None is a documented value of these optional arguments, so not bad input;
# the list is explicit so that nothing is skipped silently.
ACCEPTED = {
    ("gradient_descent", "lr", "none"),  # lr=None means 1/L
    ("lasso_fit", "coef_init", "none"),  # coef_init=None means zeros
    ("Ridge.fit", "sample_weight", "none"),  # no weights
}

CASE_LIST = [
    (func, arg, bad)
    for func, (_, args) in FUNCTIONS.items()
    for arg, kind in args.items()
    for bad in KINDS[kind]
    if (func, arg, bad) not in ACCEPTED
]


def _valid(data: dict[str, Any], func: str) -> dict[str, Any]:
    X, y, d = data["X"], data["y"], data["X"].shape[1]
    values = {
        "X": X,
        "y": y,
        "lam": 0.1,
        "lams": np.array([0.01, 0.1, 1.0]),
        "fit_intercept": True,
        "lr": None,
        "max_iter": 50,
        "tol": 1e-3,
        "nesterov": False,
        "l2_lam": 0.0,
        "coef_init": np.zeros(d),
        "sample_weight": np.ones(len(y)),
        "k": 2,
        "seed": 0,
        "coef": np.zeros(d),
        "intercept": 0.0,
        "w": np.ones(d),
    }
    return {arg: values[arg] for arg in FUNCTIONS[func][1]}


@st.composite
def datasets(draw):
    n = draw(st.integers(4, 9))
    d = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    return {"X": rng.normal(size=(n, d)), "y": rng.normal(size=n)}


@pytest.mark.parametrize(("func", "arg", "bad"), CASE_LIST)
@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=datasets())
def test_bad_input_raises_an_error_naming_the_argument(func, arg, bad, data):
    call, kinds = FUNCTIONS[func]
    kwargs = _valid(data, func)
    kwargs[arg] = KINDS[kinds[arg]][bad](kwargs[arg])
    CALLS[func] += 1
    CASES.add((func, arg, bad))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. ConvergenceWarning
        with pytest.raises((TypeError, ValueError)) as info:
            call(**kwargs)
    message = str(info.value)
    assert re.search(rf"(?<![\w.]){re.escape(arg)}(?!\w)", message), (
        f"{func}: the error for a {bad} {arg} does not name {arg!r}: "
        f"{type(info.value).__name__}: {message}"
    )


@given(data=datasets())
@settings(max_examples=10, deadline=None)
def test_the_valid_inputs_used_above_are_accepted(data):
    # guard: the errors above come from the corrupted argument alone
    for func, (call, _) in FUNCTIONS.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call(**_valid(data, func))
