"""The book's two editions: English (``_build/html/``) and Chinese (``zh/``).

Both editions are built from the same sources (``tools/build_book.py``); the
Chinese one with ``language = "zh_CN"`` and the catalogs of ``book/locales``.
This extension adds what the two editions need beyond Sphinx's own
internationalization:

1. A language switch on every page (the template ``edition-switch.html`` in
   the article header), a relative link to the same page in the other
   edition: ``zh/<page>.html`` from English, ``../<page>.html`` back. Being
   relative, it works from a web server and from ``file://``. The pages also
   name their counterpart with ``<link rel="alternate" hreflang=...>``.

2. Display math (``$$ ... $$``, ``{math}``, amsmath environments) is the same
   in both languages: it is kept out of the catalogs (nothing to translate,
   nothing a translator could break).

3. Pages listed in ``editions_untranslated`` (the API reference, generated
   from the docstrings) keep their English text in the Chinese edition and
   say so, in Chinese, at the top.

4. The Chinese pages' download button offers the chapters' notebooks, which
   are the English sources: its entries say so (``.ipynb（英文）``).

5. The Chinese edition keeps its intermediate notebook files (the images
   myst-nb writes before Sphinx copies them) in ``_build/jupyter_execute-zh``,
   next to its doctrees: myst-nb would put them beside the output folder,
   which for ``_build/html/zh`` is inside the English edition's site.

6. The Chinese search index is built in linear time: Sphinx's Chinese
   splitter keeps every Latin word it has seen in a list and asks the list
   whether it holds each word it stems, which is quadratic in the book's
   length. The same membership test on a set gives the same index.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

UNTRANSLATED_NOTICE = (
    "本页保持英文：API 参考由 wdlib 的文档字符串自动生成，与书中运行的代码完全一致。"
    "函数名、参数和返回值与英文版相同；术语的中文译名见"
)
SOURCE_IS_ENGLISH = "（英文）"


def is_chinese(config) -> bool:
    return (config.language or "en").lower().startswith("zh")


def counterpart(pagename: str, chinese: bool) -> str:
    """Relative URL of ``pagename`` in the other edition.

    >>> counterpart("book/01_background", chinese=False)
    '../zh/book/01_background.html'
    >>> counterpart("book/01_background", chinese=True)
    '../../book/01_background.html'
    >>> counterpart("search", chinese=False)
    'zh/search.html'
    """
    up = "../" * pagename.count("/")
    other = "../" if chinese else "zh/"
    return f"{up}{other}{pagename}.html"


class MathBlocksUntranslatable(SphinxTransform):
    """Keep display math out of the message catalogs (before i18n runs)."""

    default_priority = 10  # sphinx.transforms.i18n.Locale runs at 20

    def apply(self, **kwargs) -> None:
        for node in self.document.findall(nodes.math_block):
            node["translatable"] = False


def _translate_toc_captions(app, doctree) -> None:
    """Translate the captions of the toctrees that ``_toc.yml`` inserts.

    sphinx-external-toc adds the root page's toctrees after Sphinx has
    applied the translations, so their captions (the sidebar's "Start
    here", "Chapters", "Reference") would stay English. The root page's
    catalog holds them: apply it here, before the doctree is stored.
    """
    language = app.config.language
    if not language or language.startswith("en"):
        return
    from os import path

    from sphinx.locale import init as init_locale
    from sphinx.util.i18n import docname_to_domain

    domain = docname_to_domain(app.env.docname, app.config.gettext_compact)
    dirs = [path.join(app.srcdir, d) for d in app.config.locale_dirs]
    catalog, found = init_locale(dirs, language, domain)
    if not found:
        return
    for toctree in doctree.findall(addnodes.toctree):
        caption = toctree.get("caption")
        if caption:
            toctree["caption"] = catalog.gettext(caption)


def _untranslated_notice(app, doctree) -> None:
    if not is_chinese(app.config):
        return
    docname = app.env.docname
    if docname not in app.config.editions_untranslated:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    link = addnodes.pending_xref(
        "",
        nodes.inline("", "术语表", classes=["xref", "std", "std-doc"]),
        refdomain="std",
        reftype="doc",
        reftarget="/book/glossary",
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )
    para = nodes.paragraph("", UNTRANSLATED_NOTICE, link, nodes.Text("。"))
    note = nodes.note("", para, classes=["edition-note"])
    index = (
        1 if section.children and isinstance(section[0], nodes.title) else 0
    )
    section.insert(index, note)


def _page_context(app, pagename, templatename, context, doctree) -> None:
    chinese = is_chinese(app.config)
    url = counterpart(pagename, chinese)
    context["edition_switch"] = {
        "url": url,
        "text": "English" if chinese else "中文",
        "hreflang": "en" if chinese else "zh-CN",
        "tooltip": (
            "Read this page in English" if chinese else "阅读本页的中文版"
        ),
    }
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{context["edition_switch"]["hreflang"]}"'
        f' href="{url}" />'
    )


def _download_says_english(app, pagename, templatename, context, doctree):
    if not is_chinese(app.config):
        return
    for button in context.get("header_buttons", []):
        for item in button.get("buttons", []):
            if item.get("text") == ".ipynb" or (
                item.get("label") == "download-source-button"
                and str(item.get("url", "")).endswith(".ipynb")
            ):
                item["text"] = ".ipynb" + SOURCE_IS_ENGLISH
                item["tooltip"] = (
                    "下载本章的 notebook（英文原文，含代码和输出）"
                )


_TRANSLATED = ":<translated>"


def _is_translation(document) -> bool:
    """True for the small document Sphinx makes of one translation."""
    return _TRANSLATED in str(document.get("source", ""))


def _patch_glue_lookup() -> None:
    """Let glue roles in a translated paragraph read the page's glue data.

    Sphinx parses each translated paragraph as a small document of its own
    (its source ends with ``:<translated>``); for a notebook page myst-nb
    gives it an empty notebook, so a ``{glue:text}`` role in a translation
    would find no glued value. The page's own parse keeps its notebook
    renderer (which holds the glue data) in ``env.temp_data`` for the rest
    of that page's reading, and the glue lookup falls back to it.
    """
    from myst_nb import sphinx_
    from myst_nb.ext.glue import directives, roles, utils

    parse = sphinx_.Parser.parse

    def parse_and_remember(self, inputstring, document):
        env = getattr(document.settings, "env", None)
        if env is None or _is_translation(document):
            return parse(self, inputstring, document)

        class Attributes(dict):
            def pop(self, key, *default):
                if key == "nb_renderer" and key in self:
                    env.temp_data["editions_nb_renderer"] = self[key]
                return dict.pop(self, key, *default)

        document.attributes = Attributes(document.attributes)
        try:
            return parse(self, inputstring, document)
        finally:
            document.attributes = dict(document.attributes)

    sphinx_.Parser.parse = parse_and_remember

    original = utils.retrieve_glue_data
    if getattr(original, "editions_patched", False):
        return

    def retrieve(document, key):
        try:
            return original(document, key)
        except utils.RetrievalError:
            env = getattr(document.settings, "env", None)
            page = env.temp_data.get("editions_nb_renderer") if env else None
            if not _is_translation(document) or page is None:
                raise
            return original({"nb_renderer": page}, key)

    retrieve.editions_patched = True
    for module in (utils, roles, directives):
        module.retrieve_glue_data = retrieve


class _Terms(set):
    """A set with the ``list.extend`` that ``SearchChinese.split`` calls."""

    def extend(self, words) -> None:
        self.update(words)


def _linear_chinese_search() -> None:
    try:
        from sphinx.search.zh import SearchChinese
    except ImportError:  # pragma: no cover - the zh search is optional
        return
    if not isinstance(SearchChinese.latin_terms, _Terms):
        SearchChinese.latin_terms = _Terms(SearchChinese.latin_terms)


def _parse_translations_cheaply() -> None:
    """Parse the translated paragraphs without rebuilding the parser.

    Sphinx parses each translation as a small document of its own: about
    1,400 of them for the Chinese edition. For each one myst-parser builds
    a new markdown-it parser with all its plugins, and its renderer builds
    a default document that it then discards, since Sphinx passes the
    document to fill; together about 3 s of the Chinese build. Here a
    translation is parsed with one parser per myst configuration (the
    parser keeps no state between two renders: each render starts with
    ``setup_render``), and the unused default document is not built. Any
    other parse, and a parse started inside another, is left as it was.
    """
    from myst_parser.mdit_to_docutils import base
    from myst_parser.parsers import sphinx_ as myst_sphinx

    if getattr(myst_sphinx.MystParser.parse, "editions_patched", False):
        return
    parse, create = myst_sphinx.MystParser.parse, myst_sphinx.create_md_parser
    setup_render = base.DocutilsRenderer.setup_render
    parsers: dict = {}  # id(config) -> (config, parser)
    state = {"depth": 0, "translation": False}

    def create_md_parser(config, renderer):
        if not (state["translation"] and state["depth"] == 1):
            return create(config, renderer)
        kept = parsers.get((id(config), renderer))
        if kept is None or kept[0] is not config:
            kept = parsers[(id(config), renderer)] = (
                config,
                create(config, renderer),
            )
        return kept[1]

    def parse_translation(self, inputstring, document):
        if state["depth"] == 0:  # an outermost parse: is it a translation?
            state["translation"] = _is_translation(document)
        state["depth"] += 1
        try:
            return parse(self, inputstring, document)
        finally:
            state["depth"] -= 1

    def setup_given_document(self, options, env):
        if "document" not in options:
            return setup_render(self, options, env)
        make_document = base.make_document
        base.make_document = lambda *args, **kwargs: options["document"]
        try:
            return setup_render(self, options, env)
        finally:
            base.make_document = make_document

    parse_translation.editions_patched = True
    myst_sphinx.MystParser.parse = parse_translation
    myst_sphinx.create_md_parser = create_md_parser
    base.DocutilsRenderer.setup_render = setup_given_document


def _chinese_outputs_beside_doctrees(app) -> None:
    if not is_chinese(app.config) or not hasattr(app.env, "mystnb_config"):
        return
    from pathlib import Path

    folder = Path(app.doctreedir).parent / "jupyter_execute-zh"
    app.env.mystnb_config = app.env.mystnb_config.copy(
        output_folder=str(folder.resolve())
    )


def setup(app):
    app.add_config_value("editions_untranslated", ["book/api"], "env")
    _linear_chinese_search()
    _parse_translations_cheaply()
    # after myst-nb has set its own output folder (priority 500)
    app.connect("builder-inited", _chinese_outputs_beside_doctrees, 600)
    _patch_glue_lookup()
    app.add_transform(MathBlocksUntranslatable)
    app.connect("doctree-read", _translate_toc_captions, priority=100)
    app.connect("doctree-read", _untranslated_notice)
    # before pydata-sphinx-theme drops the header templates that render
    # empty (priority 500): the switch's template needs its context by then
    app.connect("html-page-context", _page_context, priority=400)
    # after sphinx-book-theme has made its header buttons (priority 501)
    app.connect("html-page-context", _download_says_english, priority=600)
    return {
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
