"""Build the book's two editions, or extract the text to translate.

One source, two editions: the English book at ``_build/html/`` and the
Chinese one at ``_build/html/zh/``, with the same relative page paths. Both
are built by Jupyter Book 1 from ``_config.yml`` and ``_toc.yml``; this script
only adds, per edition, the Sphinx settings that differ (language, search
language, titles), the way ``jupyter-book build . -W -n --keep-going`` would
pass them.

The chapters execute once. Both builds read the notebooks through one
jupyter-cache (``_build/.jupyter_cache``): the chapters are executed into it
first, two at a time and the longest first, and both builds then find every
notebook there. ``make book`` empties the cache first, so the chapters are
executed exactly as ``execute_notebooks: force`` would have executed them (a
changed ``wdlib`` is never hidden by an old output). With every chapter in
the cache, ``book`` builds the two editions side by side, one per core, and
prints the English build's log, then the Chinese one's.

Usage::

    python tools/build_book.py book         # both editions (make book)
    python tools/build_book.py html en      # _build/html
    python tools/build_book.py html zh_CN   # _build/html/zh (after en)
    python tools/build_book.py gettext      # _build/gettext/**/*.pot
    python tools/build_book.py translations # gettext, then update the .po

``BOOK_EXECUTE=off`` builds from the outputs saved in the notebooks instead
(a quick look at the pages while a chapter is being edited), and
``BOOK_BUILD_DIR=DIR`` writes everything into ``DIR`` instead of ``_build``.

``translations`` (``make translations``) merges the templates into
``book/locales/zh_CN/LC_MESSAGES/<page>.po`` with ``sphinx-intl update``: new
English text arrives untranslated, changed text becomes *fuzzy* (with the old
translation as a starting point), text that is gone is dropped. Entries with
nothing to translate (only Chinese, math, code, roles, numbers) are filled
with their English, so that a translator sees only real work.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from pathlib import Path

# jsonschema, which nbformat and Jupyter Book load, compiles a grammar for
# the optional "iri" string format when it is imported: about 1 s in each
# of the build's processes. Nothing the build validates uses that format,
# and jsonschema skips the format when its module cannot be imported.
IRI_GRAMMAR = "rfc3987_syntax"
sys.modules.setdefault(IRI_GRAMMAR, None)

from jupyter_cache.executors.basic import (  # noqa: E402
    ExecutionWorkerLocalMProc,
    JupyterExecutorLocalMproc,
)
from jupyter_cache.executors.utils import single_nb_execution  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# everything the build writes goes here; BOOK_BUILD_DIR moves it (the
# benchmarks time a build into a temporary directory)
BUILD = Path(os.environ.get("BOOK_BUILD_DIR") or ROOT / "_build").resolve()
LOCALES = ROOT / "book" / "locales"
CACHE = BUILD / ".jupyter_cache"
GETTEXT = BUILD / "gettext"
SEARCH_DICT = BUILD / "zh_search_dict.txt"
LANGUAGE = "zh_CN"
CATALOGS = LOCALES / LANGUAGE / "LC_MESSAGES"
LINE_WIDTH = 76  # sphinx-intl's default: the .po files stay diff-friendly

# Pages that keep their English text in the Chinese edition (the Chinese
# edition says so at the top of the page, see book/_ext/editions.py). They
# get no catalog.
UNTRANSLATED = ("book/api",)

# The Chinese edition: Sphinx settings on top of _config.yml.
CHINESE = {
    "language": "zh_CN",
    "html_search_language": "zh",
    "html_title": "权重衰减的应用实践",
    "html_theme_options": {
        "logo": {"text": "权重衰减的应用实践"},
        "search_bar_text": "在本书中搜索……",
        "extra_footer": (
            "<p>以 MIT 许可证发布（见仓库中的 <code>LICENSE</code>）。</p>\n"
        ),
    },
}


def glossary_terms() -> list[str]:
    """The Chinese terms of the glossary (book/glossary.md), for jieba.

    Chinese has no spaces: the search index splits the text into words
    with jieba, whose own dictionary does not know the book's terms (it
    cuts 权重衰减 into 权重 and 衰减). Loading the glossary's terms as a
    user dictionary keeps each of them a word that the search finds.
    """
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}(.*?)```", text, re.S)
    terms: list[str] = []
    for line in block.group(1).splitlines() if block else []:
        if not line or line[0] in " :\t":
            continue
        # an entry's names sit on unindented lines; keep the Chinese ones,
        # and the Chinese runs inside them ("k 折交叉验证" -> "折交叉验证")
        for run in re.findall(r"[\u3400-\u9fff]+", line):
            if run not in terms:
                terms.append(run)
    return terms


def extract(outdir: Path = GETTEXT) -> int:
    """Write one .pot per page into ``outdir`` (no execution: text only).

    Warnings do not stop the extraction (the HTML builds are the strict
    ones); the pages of ``UNTRANSLATED`` get no template.
    """
    shutil.rmtree(outdir, ignore_errors=True)
    status = build(
        "gettext",
        "en",
        outdir,
        outdir.parent / ".doctrees-gettext",
        execution="off",
        strict=False,
    )
    for page in UNTRANSLATED:
        (outdir / f"{page}.pot").unlink(missing_ok=True)
    return status


def write_search_dict() -> Path:
    BUILD.mkdir(exist_ok=True)
    lines = [f"{term} 100000 n" for term in glossary_terms()]
    SEARCH_DICT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return SEARCH_DICT


def toc_notebooks() -> list[Path]:
    """The notebooks of ``_toc.yml``, in book order.

    The ``.ipynb`` chapters and the MyST Markdown notebooks (``.md`` pages
    with a ``kernelspec`` in their top matter, such as the how-to page).
    """
    from myst_nb.core.read import is_myst_markdown_notebook

    text = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    names = re.findall(r"^\s*-?\s*(?:file|root):\s*(\S+)", text, re.M)
    paths = []
    for name in names:
        ipynb, md = ROOT / f"{name}.ipynb", ROOT / f"{name}.md"
        if ipynb.exists():
            paths.append(ipynb)
        elif md.exists() and is_myst_markdown_notebook(
            md.read_text(encoding="utf-8")
        ):
            paths.append(md)
    return paths


def recorded_seconds(path: Path) -> float:
    """How long ``path`` took when its saved outputs were made.

    The cells' ``execution`` metadata (written by ``make notebooks``) holds
    when each cell started and finished; a notebook without it counts 0.
    """
    from datetime import datetime

    import nbformat

    if path.suffix != ".ipynb":  # a text notebook keeps no timings
        return 0.0
    total = 0.0
    for cell in nbformat.read(path, as_version=4).cells:
        times = cell.get("metadata", {}).get("execution", {})
        start = times.get("iopub.execute_input")
        end = times.get("shell.execute_reply")
        if start and end:
            total += (
                datetime.fromisoformat(end.replace("Z", "+00:00"))
                - datetime.fromisoformat(start.replace("Z", "+00:00"))
            ).total_seconds()
    return total


# The chapters' kernels load nbformat too (``myst_nb.glue`` does), and the
# same line keeps them from compiling that grammar: ipykernel runs its
# ``exec_lines`` before the first cell, outside the notebook's history (no
# execution count, no output).
KERNEL_ARGUMENTS = [
    "--IPKernelApp.exec_lines="
    f"import sys; sys.modules.setdefault({IRI_GRAMMAR!r}, None)"
]


class _BuildWorker(ExecutionWorkerLocalMProc):
    """jupyter-cache's parallel worker, with the build's kernel settings.

    The kernel gets ``KERNEL_ARGUMENTS`` and is stopped as soon as the
    last cell has run (``shutdown_kernel="immediate"``), instead of
    waiting for it to exit by itself after a shutdown request.
    """

    @staticmethod
    def execute(project_nb, data):
        return single_nb_execution(
            project_nb.nb,
            cwd=str(Path(project_nb.uri).parent),
            timeout=data.timeout,
            allow_errors=data.allow_errors,
            shutdown_kernel="immediate",
            extra_arguments=KERNEL_ARGUMENTS,
        )


class _BuildExecutor(JupyterExecutorLocalMproc):
    _EXECUTION_WORKER = _BuildWorker


def execute_in_parallel(timeout: int = 120) -> int:
    """Execute the notebooks into the cache, two at a time, longest first.

    The Sphinx builds then find every chapter in the cache instead of
    executing them one after another. The longest chapters start first (by
    the timings saved in the notebooks), so that the two workers finish at
    about the same time. Each worker keeps BLAS to one thread, so that two
    chapters share the machine's cores instead of fighting for them.
    Returns the number of notebooks that failed (the build that follows
    re-executes those and reports their error).
    """
    from jupyter_cache import get_cache

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    cache = get_cache(str(CACHE))
    # the executor takes the records in the order of their ids, which in
    # a fresh cache is the order in which they join the project
    chapters = sorted(toc_notebooks(), key=recorded_seconds, reverse=True)
    # a MyST Markdown notebook is read as myst-nb reads it
    markdown = {"type": "plugin", "name": "myst_nb_md"}
    records = [
        cache.add_nb_to_project(str(path), read_data=markdown)
        if path.suffix == ".md"
        else cache.add_nb_to_project(str(path))
        for path in chapters
    ]
    executor = _BuildExecutor(cache)
    result = executor.run_and_cache(
        filter_pks=[record.pk for record in records],
        timeout=timeout,
        allow_errors=False,
    )
    failed = len(result.excepted) + len(result.errored)
    print(
        f"build_book: {len(result.succeeded)} notebook(s) executed into the "
        f"cache, {failed} failed"
    )
    return failed


def build(
    builder: str,
    language: str,
    outdir: Path,
    doctrees: Path,
    execution: str,
    strict: bool,
) -> int:
    from jupyter_book.sphinx import build_sphinx

    overrides: dict = {
        "external_toc_path": (ROOT / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "nitpicky": True,
        "nb_execution_mode": execution,
        "nb_execution_cache_path": str(CACHE),
    }
    if builder == "gettext":  # the catalogs' headers name the book
        overrides["project"] = "Weight Decay in Practice"
        overrides["version"] = overrides["release"] = ""
    if language.startswith("zh"):
        overrides.update(CHINESE)
        overrides["html_search_options"] = {"dict": str(write_search_dict())}
    result = build_sphinx(
        ROOT,
        outdir,
        noconfig=True,
        path_config=str(ROOT / "_config.yml"),
        confoverrides=overrides,
        doctreedir=doctrees,
        builder=builder,
        warningiserror=strict,
        keep_going=strict,
    )
    if isinstance(result, Exception):
        print(
            f"build_book: the {builder} build failed: {result!r}",
            file=sys.stderr,
        )
        return 1
    return int(result or 0)


# What a translator keeps verbatim; removed before asking "any English left?"
_VERBATIM = re.compile(
    r"\$\$.*?\$\$|\$[^$]*\$"  # math
    r"|\{[\w:.-]+\}`[^`]*`"  # MyST roles
    r"|(`+).*?\1"  # inline code
    r"|\]\([^)]*\)"  # link targets
    r"|<[a-z]+://[^>]*>|[a-z]+://\S+",  # URLs
    re.S,
)


def nothing_to_translate(msgid: str) -> bool:
    r"""True when ``msgid`` has no English words outside verbatim spans.

    >>> nothing_to_translate("*背景介绍*")
    True
    >>> nothing_to_translate("$n$, $d$ and `lam`")
    False
    >>> nothing_to_translate("{term}`weight decay`, $\\lambda$")
    True
    """
    rest = _VERBATIM.sub(" ", msgid)
    return re.search(r"[A-Za-z]{2,}|\b[A-Za-z]\b", rest) is None


def update_catalogs() -> dict[str, dict[str, int]]:
    """Merge _build/gettext into the catalogs; return the counts per page."""
    from babel.messages import pofile
    from sphinx_intl.basic import update

    update(
        str(LOCALES),
        str(GETTEXT),
        (LANGUAGE,),
        line_width=LINE_WIDTH,
        ignore_obsolete=True,
    )
    pots = {
        p.relative_to(GETTEXT).with_suffix("").as_posix()
        for p in GETTEXT.rglob("*.pot")
    }
    counts: dict[str, dict[str, int]] = {}
    for po in sorted(CATALOGS.rglob("*.po")):
        page = po.relative_to(CATALOGS).with_suffix("").as_posix()
        if page not in pots:  # the page is gone, or stays English
            po.unlink()
            po.with_suffix(".mo").unlink(missing_ok=True)
            print(
                f"removed {po.relative_to(ROOT)} (no such page to translate)"
            )
            continue
        with po.open("rb") as f:
            catalog = pofile.read_po(f)
        filled = 0
        for message in catalog:
            if (
                message.id
                and not message.string
                and not message.fuzzy
                and nothing_to_translate(message.id)
            ):
                message.string = message.id
                filled += 1
        if filled:
            with po.open("wb") as f:
                pofile.write_po(
                    f, catalog, width=LINE_WIDTH, ignore_obsolete=True
                )
        entries = [m for m in catalog if m.id]
        counts[page] = {
            "entries": len(entries),
            "translated": sum(bool(m.string) and not m.fuzzy for m in entries),
            "fuzzy": sum(m.fuzzy for m in entries),
            "untranslated": sum(not m.string for m in entries),
        }
    return counts


def build_editions_side_by_side(execution: str) -> int:
    """Both editions, each in its own process, once the cache is full.

    Each build writes its log to ``_build/build-<language>.log``; the logs
    are printed when both are done, English first. If a chapter failed to
    execute, the editions are built one after the other instead, so that
    the English build re-executes it and reports the error (and the two
    builds never write the cache at the same time).
    """
    import subprocess

    if execution == "cache" and execute_in_parallel():
        return main(["html", "en"]) or main(["html", "zh_CN", "--executed"])
    BUILD.mkdir(exist_ok=True)
    runs = []
    for language in ("en", "zh_CN"):
        log = BUILD / f"build-{language}.log"
        command = [sys.executable, __file__, "html", language, "--executed"]
        with log.open("w", encoding="utf-8") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT
            )
        runs.append((log, process))
    status = 0
    for log, run in runs:
        code = run.wait()
        sys.stdout.write(log.read_text(encoding="utf-8"))
        sys.stdout.flush()
        status = status or code
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("book", help="both editions, side by side")
    html = sub.add_parser("html", help="build one edition")
    html.add_argument("language", choices=["en", "zh_CN"])
    html.add_argument(
        "--executed",
        action="store_true",
        help="the chapters are in the cache already: do not execute first",
    )
    sub.add_parser("gettext", help="extract the catalogs' templates")
    sub.add_parser("translations", help="gettext, then update the catalogs")
    args = parser.parse_args(argv)

    if args.command in ("gettext", "translations"):
        status = extract()
        if status or args.command == "gettext":
            return status
        counts = update_catalogs()
        print(f"{'page':<22}{'entries':>8}{'done':>6}{'fuzzy':>7}{'todo':>6}")
        for page, c in counts.items():
            print(
                f"{page:<22}{c['entries']:>8}{c['translated']:>6}"
                f"{c['fuzzy']:>7}{c['untranslated']:>6}"
            )
        return 0
    execution = os.environ.get("BOOK_EXECUTE", "cache")
    if execution not in ("cache", "off"):
        parser.error(
            f"BOOK_EXECUTE must be 'cache' or 'off', not {execution!r}"
        )
    if args.command == "book":
        return build_editions_side_by_side(execution)
    if args.language == "en":
        if execution == "cache" and not args.executed:
            execute_in_parallel()
        return build(
            "html",
            "en",
            BUILD / "html",
            BUILD / ".doctrees",
            execution=execution,
            strict=True,
        )
    # where the Chinese build kept its notebook images before they moved to
    # _build/jupyter_execute-zh (book/_ext/editions.py): not part of a site
    shutil.rmtree(BUILD / "html" / "jupyter_execute", ignore_errors=True)
    return build(
        "html",
        args.language,
        BUILD / "html" / "zh",
        BUILD / ".doctrees-zh",
        execution=execution,
        strict=True,
    )


def timed_main() -> int:
    start = time.perf_counter()
    status = main()
    what = " ".join(sys.argv[1:]) or "nothing"
    print(f"build_book: {what} took {time.perf_counter() - start:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(timed_main())
