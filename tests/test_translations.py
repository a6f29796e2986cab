"""The Chinese edition's message catalogs (book/locales/zh_CN/LC_MESSAGES).

Three checks:

* ``test_catalog_complete``: every entry of every catalog is translated and
  none is fuzzy. It fails until the translators have finished, and again
  whenever the English text changes (``make translations`` turns changed
  text fuzzy). Run it alone with
  ``pytest tests/test_translations.py -k catalog_complete``, or one page
  with ``-k "catalog_complete and 01_background"``.
* ``test_translation_keeps_verbatim``: a translation keeps every math span,
  inline code span, MyST role and link target of its English exactly (the
  same multiset), so a translation cannot change a formula, a glued number,
  a citation or a cross-reference.
* ``test_catalogs_up_to_date``: re-extracting the sources gives the msgids of
  the catalogs (someone changed the English text and did not run
  ``make translations``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

babel_pofile = pytest.importorskip("babel.messages.pofile")

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "book" / "locales" / "zh_CN" / "LC_MESSAGES"
# Catalogs of the interface (Sphinx's "sphinx" domain), not of a page.
INTERFACE = {"sphinx"}


def _page_catalogs() -> dict[str, Path]:
    return {
        po.relative_to(CATALOGS).with_suffix("").as_posix(): po
        for po in sorted(CATALOGS.rglob("*.po"))
        if po.stem not in INTERFACE or po.parent != CATALOGS
    }


def _read(path: Path):
    with path.open("rb") as f:
        return babel_pofile.read_po(f)


def _messages(path: Path) -> list:
    return [m for m in _read(path) if m.id]


PAGES = _page_catalogs()


# ---------------------------------------------------------------------------
# What a translation must keep verbatim, found independently of the build.
# ---------------------------------------------------------------------------

_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:\\.|[^$\\])+?)\$")
_ROLE = re.compile(r"\{([\w:.+-]+)\}(`+)(.+?)\2", re.S)
_CODE = re.compile(r"(?<![`}])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|file):[^>\s]+)>")
_BARE_URL = re.compile(r"(?<![(<])\bhttps?://[^\s)>\]]+")


def verbatim(text: str) -> Counter:
    """The multiset of spans a translation must keep, as (kind, text).

    >>> sorted(verbatim("a $x$ and {eq}`e1` with `lam` [see](api.md)"))
    [('code', 'lam'), ('link', 'api.md'), ('math', 'x'), ('role', '{eq}`e1`')]
    >>> verbatim("$$a$$ `b` $c$") == verbatim("$c$，`b`，$$a$$")
    True
    """
    spans: Counter = Counter()

    def take(pattern, kind, group, rest):
        for m in pattern.finditer(rest):
            spans[(kind, m.group(0) if group is None else m.group(group))] += 1
        return pattern.sub(" ", rest)

    # roles first (their content may hold backticks and dollars), then
    # code (its content may hold dollars), then math, then links
    rest = take(_ROLE, "role", None, text)
    rest = take(_CODE, "code", 2, rest)
    rest = take(_DISPLAY_MATH, "math", 1, rest)
    rest = take(_INLINE_MATH, "math", 1, rest)
    rest = take(_LINK, "link", 1, rest)
    rest = take(_AUTOLINK, "link", 1, rest)
    take(_BARE_URL, "link", None, rest)
    return spans


def test_verbatim_finds_each_kind() -> None:
    """The extractor sees each kind the issue names, and nothing else."""
    english = (
        "The slope {glue:text}`ch1_slope:.3f` at $\\lambda = 0.1$ "
        "({cite}`hoerl1970ridge`, {eq}`eq-bg`, {numref}`fig-1`, "
        "{doc}`03_math`, {ref}`sec-a`, {term}`weight decay`), "
        "see `wd.ridge_fit` and [the API](api.md#top), $$J(w)$$."
    )
    spans = verbatim(english)
    kinds = Counter(kind for kind, _ in spans.elements())
    assert kinds == {"role": 7, "math": 2, "code": 1, "link": 1}
    assert ("math", "\\lambda = 0.1") in spans
    assert ("role", "{glue:text}`ch1_slope:.3f`") in spans
    good = (
        "在 $\\lambda = 0.1$ 时斜率为 {glue:text}`ch1_slope:.3f`"
        "（{cite}`hoerl1970ridge`、{eq}`eq-bg`、{numref}`fig-1`、"
        "{doc}`03_math`、{ref}`sec-a`、{term}`weight decay`），"
        "见 `wd.ridge_fit` 和 [API](api.md#top)，$$J(w)$$。"
    )
    assert verbatim(good) == spans
    for broken in (
        good.replace(":.3f", ":.2f"),  # a glued number's format
        good.replace("0.1$", "0.01$"),  # a formula
        good.replace("{term}`weight decay`", "{term}`权重衰减`"),
        good.replace("api.md#top", "api.md"),  # a link target
        good.replace("`wd.ridge_fit`", "wd.ridge_fit"),  # code
        good.replace("{eq}`eq-bg`、", ""),  # a dropped reference
    ):
        assert verbatim(broken) != spans, broken


def test_catalogs_exist() -> None:
    """One catalog per translated page, none for the English-only API page."""
    assert "book/01_background" in PAGES and "book/intro" in PAGES
    assert "book/api" not in PAGES, "the API reference stays English"


def _entry(page: str, message) -> str:
    text = message.id if len(message.id) < 90 else message.id[:87] + "..."
    return f"{page}: {text!r}"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_translation_keeps_verbatim(page: str) -> None:
    """A translation keeps the math, code, roles and links of the English."""
    bad = []
    for message in _messages(PAGES[page]):
        if not message.string or message.fuzzy:
            continue
        english, chinese = verbatim(message.id), verbatim(message.string)
        if english != chinese:
            lost = english - chinese
            added = chinese - english
            bad.append(
                f"{_entry(page, message)}: lost {sorted(lost)}, "
                f"added {sorted(added)}"
            )
    assert not bad, "translations that change verbatim text:\n" + "\n".join(
        bad
    )


@pytest.mark.parametrize("page", sorted(PAGES))
def test_catalog_complete(page: str) -> None:
    """No untranslated and no fuzzy entry (fails until translated)."""
    messages = _messages(PAGES[page])
    todo = [_entry(page, m) for m in messages if not m.string]
    fuzzy = [_entry(page, m) for m in messages if m.string and m.fuzzy]
    assert not todo and not fuzzy, (
        f"{page}: {len(todo)} untranslated and {len(fuzzy)} fuzzy of "
        f"{len(messages)} entries (book/locales/README.md), e.g.\n"
        + "\n".join((todo + fuzzy)[:5])
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The sources' text, extracted afresh (Sphinx's gettext builder)."""
    out = tmp_path_factory.mktemp("gettext")
    code = (
        "import sys; from pathlib import Path;"
        f"sys.path.insert(0, {str(ROOT / 'tools')!r});"
        "import build_book;"
        f"sys.exit(build_book.extract(Path({str(out / 'pot')!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "pot"


def test_catalogs_up_to_date(extracted: Path) -> None:
    """The catalogs hold exactly the msgids of the current English text."""
    pots = {
        p.relative_to(extracted).with_suffix("").as_posix(): p
        for p in extracted.rglob("*.pot")
    }
    assert set(pots) == set(PAGES), (
        "pages and catalogs differ: run `make translations` "
        f"(missing {sorted(set(pots) - set(PAGES))}, "
        f"stale {sorted(set(PAGES) - set(pots))})"
    )
    stale = []
    for page, pot in sorted(pots.items()):
        current = {m.id for m in _messages(pot)}
        catalog = {m.id for m in _messages(PAGES[page])}
        if current != catalog:
            stale.append(
                f"{page}: {len(current - catalog)} new, "
                f"{len(catalog - current)} gone"
            )
    assert not stale, (
        "catalogs out of date with the sources, run `make translations`: "
        + "; ".join(stale)
    )
