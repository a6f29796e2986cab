"""Packaging promises: a light import, typed, and a public API that matches "
"DESIGN.md."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wdlib as wd

HEAVY = ["sympy", "matplotlib", "pandas", "sklearn"]
# scipy.linalg (cho_solve and friends) may serve the solvers; the rest of
# scipy (stats, optimize, sparse, ...) may not load on import.
SCIPY_ALLOWED = {
    "__config__",
    "_cyutility",
    "_distributor_init",
    "_lib",
    "linalg",
    "version",
}


def test_import_loads_only_numpy():
    code = (
        f"import sys, wdlib; print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
    )
    assert json.loads(out.stdout.replace("'", '"')) == []


def test_import_loads_no_book_module():
    # models, data, plotting, symbolic, the exercises and the experiments
    # load on first use
    code = (
        "import sys, wdlib; "
        "print(sorted(m for m in sys.modules if m.startswith('wdlib.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
    )
    loaded = set(json.loads(out.stdout.replace("'", '"')))
    lazy = {
        "wdlib.models",
        "wdlib.data",
        "wdlib.plotting",
        "wdlib.symbolic",
        "wdlib.exercises",
        "wdlib.experiments",
    }
    assert loaded & lazy == set(), loaded


def test_import_loads_at_most_scipy_linalg():
    code = (
        "import sys, wdlib; "
        "print(sorted({m.split('.')[1] for m in sys.modules "
        "if m.startswith('scipy.')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
    )
    assert set(json.loads(out.stdout.replace("'", '"'))) <= SCIPY_ALLOWED


def test_lazy_attributes_load_on_use():
    assert wd.Ridge.__name__ == "Ridge"
    assert hasattr(wd.plotting, "OKABE_ITO")
    assert callable(wd.data.make_article_data)


def test_every_name_in_all_exists():
    missing = [name for name in wd.__all__ if not hasattr(wd, name)]
    assert missing == []


def test_ships_py_typed():
    assert (Path(wd.__file__).parent / "py.typed").is_file()


def test_unknown_attribute_error_names_it():
    try:
        wd.not_a_function  # noqa: B018
    except AttributeError as exc:
        assert "not_a_function" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


# ---------------------------------------------------------------------------
# static types

MYPY_SNIPPET = """
import numpy as np
import wdlib as wd

reveal_type(wd.Ridge)
reveal_type(wd.Ridge(lam=0.1).fit)
reveal_type(wd.plotting.plot_cv)
reveal_type(wd.data.load_penguins)
reveal_type(wd.symbolic.penalty)
reveal_type(wd.models.LogisticModel)
reveal_type(wd.__version__)

X, y = np.ones((3, 2)), np.ones(3)
cv = wd.kfold_cv(X, y, [0.1, 1.0], k=3)
wd.plotting.plot_cv(cv, label="ok")
wd.plotting.plot_cv(wd.ridge_fit(X, y, 0.1), label="wrong")  # line 16
wd.plotting.plot_cv([1.0, 2.0], label="wrong")  # line 17
"""


@pytest.fixture(scope="module")
def mypy_lines(tmp_path_factory):
    """mypy's report on MYPY_SNIPPET (one run for the tests below)."""
    return _run_mypy(tmp_path_factory.mktemp("mypy"), MYPY_SNIPPET)


def _run_mypy(tmp_path, snippet):
    pytest.importorskip("mypy")
    (tmp_path / "snippet.py").write_text(snippet)
    repo = Path(wd.__file__).resolve().parent.parent
    env = {**os.environ, "MYPYPATH": str(repo)}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--follow-imports=silent",
            "--no-error-summary",
            "--hide-error-context",
            "--no-pretty",
            "--show-error-codes",
            "--cache-dir",
            str(tmp_path / "cache"),
            "snippet.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return out.stdout.splitlines()


def test_lazy_names_have_static_types(mypy_lines):
    # Without the TYPE_CHECKING imports in wdlib/__init__.py every lazy name
    # comes from __getattr__ and is Any to a type checker.
    lines = mypy_lines
    revealed = {
        int(line.split(":")[1]): line.split('Revealed type is "', 1)[1][:-1]
        for line in lines
        if "Revealed type is" in line
    }
    assert sorted(revealed) == list(range(5, 12)), lines
    assert "Any" not in revealed.values(), revealed
    assert revealed[5].startswith("def (lam: builtins.float =") or revealed[
        5
    ].startswith("def (lam: float ="), revealed[5]
    assert revealed[5].endswith("-> wdlib.estimator.Ridge"), revealed[5]
    assert revealed[6].endswith("-> wdlib.estimator.Ridge"), revealed[6]
    assert revealed[7].startswith(
        "def (cv: wdlib.plotting._CVLike, *, label:"
    ), revealed[7]
    assert revealed[7].endswith("-> matplotlib.axes._axes.Axes"), revealed[7]
    # pandas ships no stubs here, so the DataFrame it returns is Any; the
    # function is typed
    assert revealed[8].startswith("def () ->"), revealed[8]
    assert revealed[9].startswith("def (s: wdlib.symbolic.RidgeSymbols)"), (
        revealed[9]
    )
    assert "wdlib.models.LogisticModel" in revealed[10], revealed[10]
    assert revealed[11] in ("str", "builtins.str"), revealed[11]


def test_plotting_protocols_reject_the_wrong_result_statically(mypy_lines):
    errors = [line for line in mypy_lines if ": error:" in line]
    lines_with_errors = {int(line.split(":")[1]) for line in errors}
    assert lines_with_errors == {16, 17}, errors
    assert all(
        "[arg-type]" in line and "_CVLike" in line for line in errors
    ), errors
