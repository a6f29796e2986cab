"""The API reference page (book/api.md) cannot drift from the library.

"Public" means: every name in ``wdlib.__all__``, and in each submodule not
starting with ``_`` every name of its ``__all__`` plus every function or class
it defines whose name does not start with ``_``. A submodule name that
``wdlib`` re-exports (the same object) is documented once, under ``wdlib``.

The page is checked twice: its autodoc directives (always), and the built
``api.html`` (when a build exists: ``_build/html`` or ``WDLIB_BOOK_HTML``),
where each name must own an HTML id, i.e. have a rendered entry.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import wdlib

ROOT = Path(__file__).resolve().parents[1]
API_MD = ROOT / "book" / "api.md"
HTML_DIR = Path(os.environ.get("WDLIB_BOOK_HTML", ROOT / "_build" / "html"))
API_HTML = HTML_DIR / "book" / "api.html"


def _submodules() -> list[ModuleType]:
    names = sorted(
        m.name
        for m in pkgutil.iter_modules(wdlib.__path__)
        if not m.name.startswith("_")
    )
    return [importlib.import_module(f"wdlib.{name}") for name in names]


def _defined_here(module: ModuleType, obj: object) -> bool:
    return (
        inspect.isfunction(obj) or inspect.isclass(obj)
    ) and obj.__module__ == module.__name__


def _public_names(module: ModuleType) -> list[str]:
    names = list(getattr(module, "__all__", []))
    for name, obj in vars(module).items():
        if (
            not name.startswith("_")
            and _defined_here(module, obj)
            and name not in names
        ):
            names.append(name)
    return names


def expected_names() -> set[str]:
    """Dotted names the API page must document."""
    expected = {"wdlib"}
    for name in wdlib.__all__:
        expected.add(f"wdlib.{name}")
    for module in _submodules():
        short = module.__name__.removeprefix("wdlib.")
        if short in wdlib.__all__:
            expected.add(module.__name__)
        for name in _public_names(module):
            obj = getattr(module, name)
            reexported = name in wdlib.__all__ and getattr(wdlib, name) is obj
            if not reexported:
                expected.add(f"{module.__name__}.{name}")
    return expected


# ---- what book/api.md documents -------------------------------------------

_DIRECTIVE = re.compile(
    r"^\.\. (?:auto)?"
    r"(module|function|class|exception|data|attribute|method|py:module)"
    r"::\s*(\S+)\s*$"
)
_OPTION = re.compile(r"^\s+:([a-z-]+):(.*)$")


def _parse_directives(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, name, options) for every autodoc/py directive of the page."""
    found: list[tuple[str, str, dict[str, str]]] = []
    for line in text.splitlines():
        match = _DIRECTIVE.match(line)
        option = _OPTION.match(line)
        if match:
            found.append((match.group(1), match.group(2), {}))
        elif found and option:
            found[-1][2][option.group(1)] = option.group(2).strip()
    return found


def _module_members(module_name: str, options: dict[str, str]) -> set[str]:
    """What ``automodule :members:`` renders: __all__ (or defined names); "
    "data only if documented."""
    from sphinx.pycode import ModuleAnalyzer

    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", None)
    if names is None:
        names = [
            n
            for n, o in vars(module).items()
            if not n.startswith("_") and _defined_here(module, o)
        ]
    excluded = {
        n.strip() for n in options.get("exclude-members", "").split(",")
    }
    attr_docs = {
        key[1]
        for key in ModuleAnalyzer.for_module(module_name).find_attr_docs()
    }
    members = set()
    for name in names:
        obj = getattr(module, name)
        if inspect.ismodule(obj) or name in excluded:
            continue
        if callable(obj) or "undoc-members" in options or name in attr_docs:
            members.add(f"{module_name}.{name}")
    return members


def documented_in_source() -> set[str]:
    documented: set[str] = set()
    for kind, name, options in _parse_directives(
        API_MD.read_text(encoding="utf-8")
    ):
        documented.add(name)
        if kind in ("module", "py:module") and "members" in options:
            documented |= _module_members(name, options)
    return documented


def test_public_names_are_found() -> None:
    """The rule above must see the library's main entry points."""
    names = expected_names()
    for name in (
        "wdlib.ridge_fit",
        "wdlib.gradient_descent",
        "wdlib.optim",
        "wdlib.data",
    ):
        assert name in names


def test_api_page_documents_every_public_name() -> None:
    missing = sorted(expected_names() - documented_in_source())
    assert not missing, (
        f"book/api.md does not document {missing}; add an autodoc directive "
        "(e.g. `.. autofunction:: wdlib.name`) under the right heading, or "
        "give "
        "module-level data a `#:` doc comment"
    )


def test_api_page_documents_nothing_that_is_gone() -> None:
    """Every directive names an importable object (autodoc would fail the "
    "build)."""
    gone = []
    for _, name, _ in _parse_directives(API_MD.read_text(encoding="utf-8")):
        module_name, _, attr = name.rpartition(".")
        try:
            obj = importlib.import_module(name)
        except ImportError:
            obj = getattr(importlib.import_module(module_name), attr, None)
        if obj is None:
            gone.append(name)
    assert not gone, f"book/api.md documents names that do not exist: {gone}"


def test_public_callables_have_docstrings() -> None:
    undocumented = []
    for name in sorted(expected_names()):
        module_name, _, attr = name.rpartition(".")
        if not module_name:
            continue
        obj = getattr(importlib.import_module(module_name), attr)
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and not (
            inspect.getdoc(obj) or ""
        ).strip():
            undocumented.append(name)
    assert not undocumented, (
        f"public names without a docstring: {undocumented}"
    )


def test_built_api_page_renders_every_public_name() -> None:
    if not API_HTML.is_file():
        pytest.skip(
            f"no built API page at {API_HTML}; run `make book` (the source "
            "check above still ran)"
        )
    sources = [API_MD, *sorted((ROOT / "wdlib").glob("*.py"))]
    newest = max(sources, key=lambda p: p.stat().st_mtime)
    if newest.stat().st_mtime > API_HTML.stat().st_mtime:
        pytest.skip(
            f"{API_HTML} is older than {newest.relative_to(ROOT)}; run `make "
            "book` to check the build"
        )
    ids = set(
        re.findall(r'\bid="([^"]+)"', API_HTML.read_text(encoding="utf-8"))
    )
    rendered = {i.removeprefix("module-") for i in ids}
    missing = sorted(expected_names() - rendered)
    assert not missing, (
        f"{API_HTML} has no entry for {missing} (stale build? run `make book`)"
    )
