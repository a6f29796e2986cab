"""Packaging promises: a light import, typed, and a public API that matches DESIGN.md."""

import json
import subprocess
import sys
from pathlib import Path

import wdlib as wd

HEAVY = ["sympy", "matplotlib", "pandas", "sklearn", "scipy"]


def test_import_loads_only_numpy():
    code = f"import sys, wdlib; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


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
