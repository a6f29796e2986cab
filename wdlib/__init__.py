"""wdlib: weight decay (L2 regularization) for learning and teaching.

The objective everywhere is the source article's own formula, with the
intercept left out of the penalty::

    J(w, b) = 1/(2n) * ||y - X w - b||^2 + lam/2 * ||w||^2

scikit-learn's ``Ridge(alpha=...)`` equals this with ``alpha = n * lam``.

``import wdlib`` loads only numpy. The submodules ``symbolic`` (sympy),
``plotting`` (matplotlib), ``data`` (pandas), ``models`` and
``exercises``, and the scikit-learn estimator ``Ridge``, load on first use;
a plain ``pip install wdlib`` installs everything they need.

Public and stable: the names in ``wdlib.__all__`` and, in each public
module (``data``, ``symbolic``, ``plotting``, ``models``, ``optim``,
``selection``, ``exercises``), the names in that module's ``__all__``;
among them the contract of the design document (the objectives,
``ridge_fit``, ``gradient_descent``, ``lasso_fit``, ``Ridge``,
``ridge_path``, ``loo_cv``, ``kfold_cv``, the optimizers and
``exercises.catalog``/``exercises.check``). They keep their signatures and
documented behaviour; changes are listed in ``CHANGELOG.md``.

Not public: modules whose names start with an underscore (``_validation``,
...), names outside ``__all__``, and ``wdlib.experiments``, which holds the
book's one-chapter experiments and figures and changes with the book.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import optim
from .exceptions import ConvergenceWarning
from .gd import (
    GDResult,
    condition_number,
    gradient_descent,
    lipschitz_constant,
)
from .lasso import LassoResult, lasso_fit
from .objectives import (
    l2_penalty,
    l2_penalty_grad,
    ridge_gradient,
    ridge_objective,
)
from .ridge import RidgeResult, effective_dof, ridge_fit
from .selection import CVResult, RidgePath, kfold_cv, loo_cv, ridge_path

__version__ = "0.1.0"  # written once; the build reads it from here

if TYPE_CHECKING:  # what the lazy __getattr__ returns, for type checkers
    from . import (  # noqa: F401
        data,
        exercises,
        experiments,
        models,
        plotting,
        symbolic,
    )
    from .estimator import Ridge

_LAZY_MODULES = {
    "symbolic",
    "plotting",
    "data",
    "models",
    "exercises",
    "experiments",
}
_LAZY_ATTRIBUTES = {"Ridge": "estimator"}

__all__ = [
    "CVResult",
    "ConvergenceWarning",
    "GDResult",
    "LassoResult",
    "Ridge",
    "RidgePath",
    "RidgeResult",
    "condition_number",
    "data",
    "effective_dof",
    "exercises",
    "gradient_descent",
    "kfold_cv",
    "l2_penalty",
    "l2_penalty_grad",
    "lasso_fit",
    "lipschitz_constant",
    "loo_cv",
    "models",
    "optim",
    "plotting",
    "ridge_fit",
    "ridge_gradient",
    "ridge_objective",
    "ridge_path",
    "selection",
    "symbolic",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_ATTRIBUTES:
        module = importlib.import_module(
            f".{_LAZY_ATTRIBUTES[name]}", __name__
        )
        return getattr(module, name)
    raise AttributeError(f"module 'wdlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
