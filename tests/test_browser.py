"""The built book, checked the way readers use it: in a real browser, offline.

Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) loads every
page listed in ``_toc.yml`` from a loopback HTTP server. Every request that
is not addressed to that server is aborted and recorded, so a page that
needs the internet fails here instead of on a reader's offline laptop.

For each page the tests check: HTTP 200, no console error and no uncaught
exception, no external request, no failed local request, math typeset by
MathJax with no raw TeX left in the text, every image decoded, every local
link and ``#anchor`` resolving inside the build, hidden solutions that open
on a click. They also check the search page, the header buttons, each
chapter's download button and reading from disk (``file://``), and save a
full-page screenshot of each chapter (the first screen of the other pages)
under ``_build/screenshots/`` for people to look at.

Both editions are checked: English at ``_build/html/`` and Chinese at
``_build/html/zh/`` (same relative page paths). Each page of either edition
declares its language (``<html lang>``) and its language switch lands on the
same page of the other edition, from the server and from disk; the Chinese
search finds Chinese words; the Chinese chapters' screenshots
(``zh_*.png``) show the CJK fonts.

The build directory is ``_build/html`` unless ``WDLIB_BOOK_HTML`` names
another one; screenshots go to the ``screenshots`` folder beside it.
Run them with ``make test`` (which builds the book first), or on their own
with ``.venv/bin/pytest -m browser tests/test_browser.py``.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from _browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HTML_DIR,
    ROOT,
    TIMEOUT_MS,
    QuietHandler,
)
import yaml

SCREENSHOT_DIR = HTML_DIR.parent / "screenshots"

pytestmark = pytest.mark.browser


# --------------------------------------------------------------------------
# The pages: every file of _toc.yml, read at collection time.
# --------------------------------------------------------------------------


def _toc_files(node: object) -> Iterator[str]:
    """Yield every ``root``/``file`` entry of a (nested) _toc.yml structure."""
    if isinstance(node, dict):
        for key in ("root", "file"):
            if isinstance(node.get(key), str):
                yield node[key]
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _toc_files(value)
    elif isinstance(node, list):
        for item in node:
            yield from _toc_files(item)


def _toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages: list[str] = []
    for entry in _toc_files(toc):
        page = re.sub(r"\.(md|ipynb|rst)$", "", entry)
        if page not in pages:
            pages.append(page)
    return pages


PAGES = _toc_pages()
NOTEBOOK_PAGES = [page for page in PAGES if (ROOT / f"{page}.ipynb").exists()]

# The editions: URL prefix inside the build, <html lang>, switch label.
EDITIONS = {"en": ("", "en", "中文"), "zh": ("zh/", "zh-CN", "English")}


def _screenshot_name(page: str, edition: str = "en") -> str:
    name = page.replace("/", "_").removeprefix("book_") + ".png"
    return name if edition == "en" else f"{edition}_{name}"


# --------------------------------------------------------------------------
# Fixtures: the build, a loopback server, one browser for the session.
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium; its absence fails in CI and skips loudly
    elsewhere."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = (
        f"CHROMIUM IS MISSING: {CHROMIUM} does not exist, so the browser "
        "checks of the book did NOT run. Install it with "
        "`apt-get install -y chromium` "
        "(`playwright install` cannot download browsers offline)."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def html_dir() -> Path:
    """The built book; a missing build is an error, not a skip."""
    if not (HTML_DIR / "index.html").is_file():
        pytest.fail(
            f"no built book at {HTML_DIR} (index.html missing): "
            "run `make book` first "
            "(or point WDLIB_BOOK_HTML at a build's _build/html).",
            pytrace=False,
        )
    return HTML_DIR


@pytest.fixture(scope="session")
def server(html_dir: Path) -> Iterator[str]:
    """Serve the build from 127.0.0.1 on a free port; yield the base URL."""
    handler = functools.partial(QuietHandler, directory=str(html_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser(chromium_path: Path, html_dir: Path, playwright_session):
    chromium = playwright_session.chromium.launch(
        executable_path=str(chromium_path),
        args=CHROMIUM_ARGS,
        headless=True,
    )
    yield chromium
    chromium.close()


class Visit:
    """One browser tab that records what a reader's browser would report."""

    def __init__(self, browser, base_url: str) -> None:
        self.base_url = base_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, service_workers="block"
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        self.external: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on(
            "pageerror",
            lambda exc: self.console_errors.append(f"pageerror: {exc}"),
        )
        self.page.on("requestfailed", self._on_request_failed)
        self.page.on("response", self._on_response)

    def _is_local(self, url: str) -> bool:
        return url.startswith(self.origin + "/") or url.startswith(
            ("data:", "blob:", "about:")
        )

    def _route(self, route) -> None:
        url = route.request.url
        if self._is_local(url):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(
                f"console.error: {message.text} ({message.location})"
            )

    def _on_request_failed(self, request) -> None:
        if self._is_local(request.url):
            self.failed.append(f"{request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def goto(self, path: str):
        response = self.page.goto(
            urljoin(self.base_url, path), wait_until="load"
        )
        self.wait_for_math()
        self.page.wait_for_load_state("networkidle")
        return response

    def wait_for_math(self) -> None:
        """Wait until MathJax (when the page loads it) has typeset the page."""
        self.page.evaluate(_JS_WAIT_FOR_MATH)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    tab = Visit(browser, server)
    yield tab
    tab.close()


# --------------------------------------------------------------------------
# Helpers that read the DOM.
# --------------------------------------------------------------------------

_JS_WAIT_FOR_MATH = """async () => {
    if (!window.MathJax) return;
    const ready = () => MathJax.startup && MathJax.startup.promise;
    for (let i = 0; i < 300 && !ready(); i++) {
        await new Promise(r => setTimeout(r, 50));
    }
    if (ready()) await MathJax.startup.promise;
}"""

_JS_HEADINGS = (
    "() => [...document.querySelectorAll("
    "'main h1, main h2, main h3, main h4'"
    ")].map(h => h.textContent.trim())"
)

_JS_SEARCH_DONE = """() => {
    const summary = document.querySelector('#search-results .search-summary');
    return !!summary &&
        /Search finished|did not match/.test(summary.textContent);
}"""

_JS_PROSE_TEXT = """() => {
    const root = document.querySelector('main') || document.body;
    const copy = root.cloneNode(true);
    copy.querySelectorAll(
        'pre, code, script, style, mjx-container, .highlight, textarea'
    ).forEach(el => el.remove());
    return copy.textContent;
}"""

_JS_MATH = """() => {
    const maths = [...document.querySelectorAll('.math')];
    return {
        mathjax_loaded: !!window.MathJax,
        math_elements: maths.length,
        untypeset: maths.filter(el => !el.querySelector('mjx-container'))
                        .map(el => el.textContent.slice(0, 80)),
        containers: document.querySelectorAll('mjx-container').length,
        errors: [...document.querySelectorAll('mjx-merror')]
                        .map(el => el.getAttribute('data-mjx-error') ||
                                   el.textContent),
    };
}"""

_JS_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach(img => { img.loading = 'eager'; });
    await Promise.all(images.map(img => img.complete ? null :
        new Promise(resolve => { img.addEventListener('load', resolve);
                                 img.addEventListener('error', resolve); })));
    return images.map(img => ({
        src: img.currentSrc || img.src, width: img.naturalWidth
    }));
}"""

_JS_LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => ({
    href: a.getAttribute('href'),
    url: a.href,
    header_button: !!a.closest('.article-header-buttons')
}))"""

# TeX that should have been typeset: display delimiters, \( \) \[ \],
# environments, or an inline $...$ holding a TeX command.
_RAW_TEX = re.compile(
    r"\$\$|\\\(|\\\)|\\\[|\\\]|\\begin\{|\$[^$\n]{0,200}\\[A-Za-z]+[^$\n]{0,200}\$"
)


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                if value:
                    self.ids.add(value)


@functools.lru_cache(maxsize=None)
def _ids_in(path: Path) -> frozenset[str]:
    collector = _IdCollector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(collector.ids)


def _local_target(
    url: str, origin: str, html_dir: Path
) -> tuple[Path, str] | None:
    """Map a loopback URL to (file in the build, fragment); None if not
    local."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    path = unquote(parts.path).lstrip("/")
    target = html_dir / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


# --------------------------------------------------------------------------
# The checks.
# --------------------------------------------------------------------------


def test_toc_lists_pages() -> None:
    """The parametrisation below is only as good as the page list."""
    assert len(PAGES) >= 2, f"_toc.yml yields too few pages: {PAGES}"
    for page in PAGES:
        sources = [ROOT / f"{page}{ext}" for ext in (".md", ".ipynb", ".rst")]
        assert any(s.exists() for s in sources), (
            f"_toc.yml lists {page!r} but no source exists"
        )


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_page(page: str, edition: str, visit: Visit, html_dir: Path) -> None:
    """Load one page of the book and check everything a reader would notice."""
    prefix, lang, switch_label = EDITIONS[edition]
    response = visit.goto(f"{prefix}{page}.html")
    page_name = page
    page = f"{prefix}{page}"
    assert response is not None and response.status == 200, (
        f"{page}.html: HTTP status {response and response.status}"
    )
    assert visit.page.evaluate("document.documentElement.lang") == lang, (
        f"{page}: <html lang> is not {lang}"
    )
    assert visit.page.title(), f"{page}.html has no <title>"
    headings = visit.page.evaluate(_JS_HEADINGS)
    assert headings and headings[0], f"{page}: the page has no title heading"
    assert all(headings), f"{page}: empty heading(s) among {headings}"

    # Math: every math element typeset, no TeX errors, no raw TeX in the prose.
    math = visit.page.evaluate(_JS_MATH)
    if math["math_elements"]:
        assert math["mathjax_loaded"], (
            f"{page}: {math['math_elements']} math elements but MathJax "
            "is not loaded"
        )
        assert not math["untypeset"], (
            f"{page}: math left untypeset: {math['untypeset'][:5]}"
        )
        assert math["containers"] >= math["math_elements"]
    assert not math["errors"], f"{page}: MathJax errors: {math['errors'][:5]}"
    prose = visit.page.evaluate(_JS_PROSE_TEXT)
    raw = [m.group(0)[:80] for m in _RAW_TEX.finditer(prose)]
    assert not raw, f"{page}: raw TeX in the text (not typeset): {raw[:5]}"

    # Images: every <img> decoded.
    images = visit.page.evaluate(_JS_IMAGES)
    broken = [img["src"] for img in images if img["width"] <= 0]
    assert not broken, f"{page}: images that did not load: {broken}"

    # Links: every local link points at a file of the build, every anchor
    # at an id.
    dead = []
    for link in visit.page.evaluate(_JS_LINKS):
        href = link["href"]
        if href in ("", "#") or href.startswith(("mailto:", "javascript:")):
            continue
        target = _local_target(link["url"], visit.origin, html_dir)
        if target is None:
            if link["header_button"]:
                dead.append(
                    f"{href} (a header button pointing off the machine)"
                )
            continue
        path, fragment = target
        if not path.is_file():
            dead.append(f"{href} (no file {path.relative_to(html_dir)})")
        elif (
            fragment
            and path.suffix == ".html"
            and fragment not in _ids_in(path)
        ):
            dead.append(
                f"{href} (no id {fragment!r} in {path.relative_to(html_dir)})"
            )
    assert not dead, f"{page}: broken links: {dead}"

    # A picture for people, written before the network/console verdicts so a
    # failing page can still be looked at: whole chapters, the first screen of
    # the reference pages (the full API page alone takes ~20 s to render).
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(
        path=str(SCREENSHOT_DIR / _screenshot_name(page_name, edition)),
        full_page=page_name in NOTEBOOK_PAGES,
    )

    # Hidden solutions: closed at first, opened by a click on their title.
    dropdowns = visit.page.locator("main .admonition.dropdown")
    for i in range(dropdowns.count()):
        dropdown = dropdowns.nth(i)
        body = dropdown.locator(":scope > :not(.admonition-title)").first
        title = (
            dropdown.locator(":scope > .admonition-title").inner_text().strip()
        )
        assert not body.is_visible(), (
            f"{page}: dropdown {title!r} is open before a click"
        )
        dropdown.locator(":scope > .admonition-title").click()
        body.wait_for(state="visible")

    assert not visit.external, (
        f"{page}: requests that would leave the machine: {visit.external}"
    )
    assert not visit.failed, f"{page}: failed local requests: {visit.failed}"
    assert not visit.console_errors, (
        f"{page}: console errors: {visit.console_errors}"
    )

    # The language switch: one visible link, to this page in the other edition.
    other = "zh" if edition == "en" else "en"
    switch = visit.page.locator("a.edition-switch:visible")
    assert switch.count() == 1, (
        f"{page}: {switch.count()} visible language switches"
    )
    assert switch.inner_text().strip() == switch_label
    with visit.page.expect_navigation():
        switch.click()
    expected = urljoin(visit.base_url, f"{EDITIONS[other][0]}{page_name}.html")
    assert visit.page.url == expected, (
        f"{page}: the switch led to {visit.page.url}"
    )
    assert (
        visit.page.evaluate("document.documentElement.lang")
        == EDITIONS[other][1]
    )
    assert not visit.failed and not visit.console_errors, (
        visit.failed,
        visit.console_errors,
    )


def test_every_page_has_a_chinese_counterpart(html_dir: Path) -> None:
    """_build/html/zh has a page for every English page, the same paths."""
    english = {
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if not p.relative_to(html_dir).as_posix().startswith("zh/")
    }
    chinese = {
        p.relative_to(html_dir / "zh").as_posix()
        for p in (html_dir / "zh").rglob("*.html")
    }
    assert english, "no English pages"
    assert english == chinese, (
        sorted(english - chinese),
        sorted(chinese - english),
    )


def test_chinese_search_finds_chinese_words(visit: Visit) -> None:
    """The Chinese search splits words (jieba): 权重衰减 finds chapter 1."""
    visit.goto("zh/search.html?q=权重衰减")
    visit.page.wait_for_function(
        _JS_SEARCH_DONE.replace(
            "Search finished|did not match",
            "搜索完成|没有|Search finished|did not match",
        )
    )
    visit.page.wait_for_load_state("networkidle")
    results = visit.page.locator("#search-results ul.search li a")
    hrefs = {
        results.nth(i).get_attribute("href") for i in range(results.count())
    }
    found = {urlsplit(urljoin(visit.page.url, h)).path for h in hrefs if h}
    assert "/zh/book/01_background.html" in found, (
        f"权重衰减 found {sorted(found)}"
    )
    assert not visit.console_errors and not visit.external, (
        visit.console_errors,
        visit.external,
    )


@pytest.mark.parametrize("page", NOTEBOOK_PAGES[:1])
def test_chinese_download_button_says_english(page: str, visit: Visit) -> None:
    """A Chinese chapter offers its notebook and says that it is English."""
    visit.goto(f"zh/{page}.html")
    visit.page.locator(".dropdown-download-buttons > button").click()
    item = visit.page.locator("a.btn-download-source-button")
    item.wait_for(state="visible")
    assert "英文" in item.inner_text(), item.inner_text()
    href = item.get_attribute("href")
    assert href and href.endswith(f"_sources/{page}.ipynb"), href
    response = visit.context.request.get(urljoin(visit.page.url, href))
    assert (
        response.status == 200 and json.loads(response.body())["nbformat"] == 4
    )


def test_index_redirects_to_landing_page(visit: Visit) -> None:
    """Opening the build's index.html lands on the book's first page."""
    visit.page.goto(urljoin(visit.base_url, "index.html"))
    visit.page.wait_for_url(re.compile(re.escape(PAGES[0]) + r"\.html$"))
    visit.page.wait_for_load_state("networkidle")
    assert not visit.console_errors and not visit.external and not visit.failed


def test_search_finds_ridge(visit: Visit) -> None:
    """The offline search page lists pages for "ridge"."""
    visit.goto("search.html?q=ridge")
    visit.page.wait_for_function(_JS_SEARCH_DONE)
    visit.page.wait_for_load_state("networkidle")
    results = visit.page.locator("#search-results ul.search li")
    hrefs = [
        results.nth(i).locator("a").first.get_attribute("href")
        for i in range(results.count())
    ]
    assert hrefs, "search for 'ridge' listed nothing"
    summary = visit.page.locator("#search-results").inner_text()
    assert "did not match any documents" not in summary, summary
    found = set()
    for href in hrefs:
        target = _local_target(
            urljoin(visit.page.url, href), visit.origin, HTML_DIR
        )
        assert target is not None and target[0].is_file(), (
            f"search result {href} is not a page of the build"
        )
        found.add(target[0].relative_to(HTML_DIR).with_suffix("").as_posix())
    chapters = found & set(NOTEBOOK_PAGES)
    assert chapters or not NOTEBOOK_PAGES, (
        f"no chapter among the results for 'ridge': {sorted(found)}"
    )
    assert not visit.console_errors, visit.console_errors
    assert not visit.external, visit.external


# Terms the glossary must define in both languages (named in the book's brief).
GLOSSARY_PAIRS = [
    ("weight decay", "权重衰减"),
    ("regularization", "正则化"),
    ("loss function", "损失函数"),
    ("gradient descent", "梯度下降"),
    ("overfitting", "过拟合"),
    ("cross-validation", "交叉验证"),
]


_JS_GLOSSARY_ENTRIES = """() => [
    ...document.querySelectorAll('dl.glossary > dt')
].reduce((acc, dt) => {
    // consecutive <dt> elements name one entry; the <dd> after them
    // closes it
    const prev = dt.previousElementSibling;
    if (!prev || prev.tagName !== 'DT') acc.push([]);
    acc[acc.length - 1].push(dt.firstChild.textContent.trim());
    return acc;
}, [])"""


def test_glossary_is_bilingual(visit: Visit) -> None:
    """Each core term is one glossary entry carrying its English and
    Chinese names."""
    if "book/glossary" not in PAGES:
        pytest.skip("no glossary page in _toc.yml")
    visit.goto("book/glossary.html")
    entries = visit.page.evaluate(_JS_GLOSSARY_ENTRIES)
    assert entries, "the glossary page has no entries"
    for english, chinese in GLOSSARY_PAIRS:
        assert any(
            english in names and chinese in names for names in entries
        ), f"no glossary entry names both {english!r} and {chinese!r}"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_download_button_offers_notebook(page: str, visit: Visit) -> None:
    """Each chapter's download button gives its .ipynb, and the file is
    the notebook."""
    visit.goto(f"{page}.html")
    visit.page.locator("button[aria-label='Download this page']").click()
    item = visit.page.locator("a.btn-download-source-button")
    item.wait_for(state="visible")
    href = item.get_attribute("href")
    assert href and href.endswith(f"_sources/{page}.ipynb"), (
        f"download button offers {href!r}"
    )
    response = visit.context.request.get(urljoin(visit.page.url, href))
    assert response.status == 200, f"{href}: HTTP {response.status}"
    notebook = json.loads(response.body())
    source = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) == len(
        source["cells"]
    )


# the right edge of the primary sidebar, compared in a wait_for_function
_JS_PRIMARY_SIDEBAR_RIGHT = (
    "() => document.querySelector('#pst-primary-sidebar')"
    ".getBoundingClientRect().right"
)

_JS_STUB_PRINT = (
    "() => { window.__printed = false; "
    "window.print = () => { window.__printed = true; }; }"
)

_JS_SIDEBARS = """() => {
    const primary = document.querySelector('#pst-primary-sidebar');
    const box = primary.getBoundingClientRect();
    return {
        primary_shown: box.right > 0 && box.width > 0,
        primary_drawer:
            document.querySelector('#pst-primary-sidebar-modal').open,
        secondary_drawer:
            document.querySelector('#pst-secondary-sidebar-modal').open,
    };
}"""


def test_header_buttons_work(visit: Visit) -> None:
    """No dead buttons: each button of a chapter's header does something
    visible."""
    page = visit.page
    visit.goto(f"{NOTEBOOK_PAGES[0] if NOTEBOOK_PAGES else PAGES[0]}.html")
    sidebars = lambda: page.evaluate(_JS_SIDEBARS)  # noqa: E731

    # Wide screen: the sidebar toggle hides and shows the navigation.
    assert sidebars()["primary_shown"]
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_function(_JS_PRIMARY_SIDEBAR_RIGHT + " <= 0")
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_function(_JS_PRIMARY_SIDEBAR_RIGHT + " > 0")

    # Colour mode: light -> auto -> dark.
    modes = [page.evaluate("document.documentElement.dataset.mode")]
    for _ in range(2):
        page.locator("button.theme-switch-button:visible").first.click()
        modes.append(page.evaluate("document.documentElement.dataset.mode"))
    assert modes == ["light", "auto", "dark"], modes
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"

    # Print to PDF calls the browser's print dialog (stubbed here).
    page.evaluate(_JS_STUB_PRINT)
    page.locator("button[aria-label='Download this page']").click()
    page.locator(".btn-download-pdf-button").click()
    assert page.evaluate("window.__printed")
    page.keyboard.press("Escape")

    # Full screen.
    page.locator("button.btn-fullscreen-button:visible").first.click()
    page.wait_for_function("() => !!document.fullscreenElement")

    # Narrow screen: both toggles open their sidebar as a drawer.
    page.set_viewport_size({"width": 700, "height": 900})
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_function(
        "() => document.querySelector('#pst-primary-sidebar-modal').open"
    )
    page.keyboard.press("Escape")
    page.locator("button.secondary-toggle:visible").first.click()
    page.wait_for_function(
        "() => document.querySelector('#pst-secondary-sidebar-modal').open"
    )
    page.keyboard.press("Escape")

    # The search button opens the search box, which leads to the results page.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("button.search-button__button:visible").first.click()
    with page.expect_navigation():
        page.keyboard.type("ridge")
        page.keyboard.press("Enter")
    assert "search.html?q=ridge" in page.url
    page.wait_for_function(_JS_SEARCH_DONE)

    assert not visit.console_errors, visit.console_errors
    assert not visit.external, visit.external


def test_reads_from_disk_without_a_server(browser, html_dir: Path) -> None:
    """Opening the files directly (file://) works too: math pages and the
    search."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT_MS)
    external: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(("file://", "data:", "blob:", "about:")):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto((html_dir / "index.html").as_uri())
        page.wait_for_url(re.compile(re.escape(PAGES[0]) + r"\.html$"))
        page.wait_for_load_state("load")
        with_math = [
            p
            for p in PAGES
            if 'class="math'
            in (html_dir / f"{p}.html").read_text(encoding="utf-8")
        ]
        if with_math:
            page.goto((html_dir / f"{with_math[0]}.html").as_uri())
            page.wait_for_selector("mjx-container", state="attached")
        page.goto((html_dir / "search.html").as_uri() + "?q=ridge")
        page.wait_for_function(_JS_SEARCH_DONE)
        found = page.locator("#search-results ul.search li").count()
        # the language switch is a relative link: both ways from disk
        page.goto((html_dir / f"{PAGES[0]}.html").as_uri())
        with page.expect_navigation():
            page.locator("a.edition-switch:visible").click()
        switched = page.url
        with page.expect_navigation():
            page.locator("a.edition-switch:visible").click()
        switched_back = page.url
    finally:
        context.close()
    assert not external, f"requests that would leave the machine: {external}"
    assert not errors, f"console errors when reading from disk: {errors}"
    assert found > 0, "search for 'ridge' from disk listed nothing"
    assert switched == (html_dir / "zh" / f"{PAGES[0]}.html").as_uri(), (
        switched
    )
    assert switched_back == (html_dir / f"{PAGES[0]}.html").as_uri(), (
        switched_back
    )


def test_harness_catches_what_it_claims(visit: Visit) -> None:
    """The recorders above must see an external request and a console error."""
    visit.goto(f"{PAGES[0]}.html")
    visit.page.evaluate(
        """async () => {
            console.error('deliberate test error');
            try {
                await fetch('https://example.org/should-be-blocked');
            } catch (e) {}
        }"""
    )
    visit.page.wait_for_load_state("networkidle")
    assert visit.external == ["https://example.org/should-be-blocked"]
    assert any("deliberate test error" in e for e in visit.console_errors)
