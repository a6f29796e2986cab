"""No public name of wdlib shadows a scikit-learn name with other semantics.

Course code often imports from both libraries; a ``train_test_split`` or
``OneHotEncoder`` that takes other arguments than scikit-learn's is a trap.
The public names (``__all__``) of ``wdlib`` and of its modules ``data``,
``models`` and ``plotting`` are compared with the ``__all__`` of every
public scikit-learn module; a match must be deliberate and listed below.
"""

from __future__ import annotations

import importlib
import warnings

import pytest

import wdlib as wd

sklearn = pytest.importorskip("sklearn")

# Deliberate matches: the same idea and the same behaviour as scikit-learn's.
ALLOWED = {
    # a scikit-learn estimator (fit/predict/get_params, clone-able) for the
    # same model: wd.Ridge(lam) is sklearn's Ridge(alpha=n * lam)
    "Ridge",
    # a warning category raised when an iterative solver stops early, as
    # sklearn.exceptions.ConvergenceWarning (a UserWarning in both)
    "ConvergenceWarning",
}


def _sklearn_public_names() -> set[str]:
    names = set(sklearn.__all__)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for module_name in sklearn.__all__:
            try:
                module = importlib.import_module(f"sklearn.{module_name}")
            except ImportError:  # an optional dependency is missing
                continue
            names |= set(getattr(module, "__all__", []))
    return names


def test_the_sklearn_names_are_found():
    names = _sklearn_public_names()
    for name in ("train_test_split", "OneHotEncoder", "Ridge", "Lasso"):
        assert name in names


@pytest.mark.parametrize("module", ["", "data", "models", "plotting"])
def test_no_public_name_shadows_sklearn(module):
    mod = importlib.import_module(f"wdlib.{module}" if module else "wdlib")
    shared = set(mod.__all__) & _sklearn_public_names()
    assert shared <= ALLOWED, (
        f"{mod.__name__} exports {sorted(shared - ALLOWED)}, also public "
        "names of scikit-learn: rename them, or add them to ALLOWED with a "
        "comment if they behave as scikit-learn's do"
    )


def test_the_allowed_matches_behave_as_sklearn():
    from sklearn.exceptions import ConvergenceWarning

    assert issubclass(wd.ConvergenceWarning, UserWarning)
    assert issubclass(ConvergenceWarning, UserWarning)
    assert hasattr(wd.Ridge(), "get_params") and hasattr(wd.Ridge, "fit")
