"""Results quoted in the book's prose are glued, never typed.

A number that an experiment produced (a measured error, a fitted
coefficient, a ratio, a timing) must reach the text through myst-nb's
``{glue:text}`` role from the cell that computes it, so that the prose and
the output can never disagree. This test reads every markdown cell of
``book/*.ipynb`` and every ``book/*.md`` page and fails on *result-like*
numbers typed into the prose:

* decimals with three or more significant digits (0.173, 57.3, 1.038, also
  as the mantissa of 1.25e-3), but not 0.1, 0.01 or 2.5;
* integers grouped in thousands by commas or spaces (4,148 or 87 282);
* percentages that are not round (13.2 %, 12.5%, 31 %); a round one (a
  multiple of 5, or 1 %) may stay: it is a setting or a threshold.

Settings are left alone: n = 20, lambda = 0.1, seed = 0, 1e-3 have fewer
than three significant digits, and plain integers are never flagged.
Ignored: ``{glue:...}`` and every other role, inline code, code fences,
math ($...$, $$...$$, \\(...\\)), link targets, URLs, HTML, MyST labels and
directive options. Versions and section numbers (1.0.4, 3.2.1), DOIs
(10.1145/...) and numbers after "Figure", "Table", "Section", "Chapter",
"Exercise", "Equation" or "Python" are not results either. True constants
that look like results are listed in ``ALLOWED`` with the reason.

``api.md`` (generated from docstrings), ``references.md`` (the
bibliography) and ``performance.md`` (written by ``benchmarks/run.py`` from
its own measurements; excluded only while it says so) are not scanned.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, NamedTuple

import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"

# Pages whose numbers are not typed prose. performance.md is excluded only
# while it carries the generator's notice (see test_performance_is_generated).
EXCLUDED_PAGES = {"api.md", "references.md", "performance.md"}
GENERATED_NOTICE = "This page is written by `benchmarks/run.py`"

# True constants that look like results: exact decimal strings, each with
# the reason it may be typed. Keep this list short and explained.
ALLOWED = {
    "0.999": "Adam's default beta_2 (PyTorch, Kingma and Ba)",
    "1.96": "the two-sided 95 % normal quantile",
    "2.22e-16": "float64 machine epsilon",
    "3.14159": "pi",
}

# Words after which a number names a place in the book or a version.
NAMING_WORDS = re.compile(
    r"(?:Figure|Fig\.|Table|Section|§|Chapter|Exercise|Equation|Eq\.|"
    r"Python)\s*$",
    re.IGNORECASE,
)

# Fences: ``` or ~~~ (CommonMark) and ::: (MyST colon fences).
FENCE = re.compile(
    r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$"
)
# Directives whose body is code, math or raw output, not prose.
CODE_DIRECTIVES = {
    "code",
    "code-block",
    "code-cell",
    "sourcecode",
    "literalinclude",
    "math",
    "raw",
    "eval-rst",
    "glue",
    "glue:any",
    "glue:figure",
    "glue:math",
    "glue:md",
    "mermaid",
    "csv-table",
}
DIRECTIVE_NAME = re.compile(r"^\{(?P<name>[\w:-]+)\}")
OPTION_LINE = re.compile(r"^\s*:[\w-]+:.*$")

# Inline spans to blank out before scanning, in this order.
MASKS = [
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"\{[\w:.-]+\}(`+).*?\1", re.DOTALL),  # roles, glue too
    re.compile(r"(`+).+?\1", re.DOTALL),  # inline code
    re.compile(r"\{\{.*?\}\}", re.DOTALL),  # substitutions
    re.compile(r"(?<!\\)\$\$.+?(?<!\\)\$\$", re.DOTALL),  # display math
    re.compile(
        r"(?<![\\$])\$(?!\s)[^$\n]*(?:\n(?!\s*\n)[^$\n]*)*?"
        r"(?<![\\\s])\$"
    ),  # inline math
    re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL),  # \( \) and \[ \]
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE),  # link defs
    re.compile(r"<https?://[^>]*>|https?://\S+|www\.\S+"),  # URLs
    re.compile(r"</?[A-Za-z][^>\n]*>"),  # HTML tags
    re.compile(r"^\([\w:.-]+\)=\s*$", re.MULTILINE),  # MyST labels
    re.compile(r"\b(?:doi:|DOI:?)\s*\S+"),  # DOIs
]

SPACE = "[ \u00a0\u2009\u202f]"
NUMBER = re.compile(
    r"(?<![\w.,/\\#])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 4,148
    rf"|\d{{1,3}}(?:{SPACE}\d{{3}})+(?:\.\d+)?"  # 87 282
    r"|\d+(?:\.\d+)*)"  # 57.3, 1.0.4
    r"(?P<exp>[eE][+\-\u2212]?\d+)?"
    rf"(?P<pct>{SPACE}?(?:%|\uff05)|{SPACE}percent\b)?"
    r"(?![\w/])"
)


class Finding(NamedTuple):
    """One typed result: where it is and why it counts as a result."""

    place: str
    number: str
    reason: str
    context: str

    def __str__(self) -> str:
        return (
            f"{self.place}: {self.number!r} ({self.reason}) in "
            f"{self.context!r}"
        )


def _blank(match: re.Match) -> str:
    """Replace a span by spaces, keeping its line breaks."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _mask_fences(text: str) -> str:
    """Blank code fences, directive arguments and options; keep prose."""
    out, stack = [], []  # stack of (fence char, length, is_code)
    in_options = False
    for line in text.split("\n"):
        m = FENCE.match(line)
        code_open = bool(stack) and stack[-1][2]
        if m:
            fence, info = m["fence"], m["info"].strip()
            closes = (
                stack
                and not info
                and fence[0] == stack[-1][0]
                and len(fence) >= stack[-1][1]
            )
            if closes:
                stack.pop()
                out.append(" " * len(line))
                in_options = False
                continue
            if not code_open:
                name = DIRECTIVE_NAME.match(info)
                is_code = name is None or name["name"] in CODE_DIRECTIVES
                stack.append((fence[0], len(fence), is_code))
                out.append(" " * len(line))  # the fence, the argument
                in_options = not is_code
                continue
        if code_open:
            out.append(" " * len(line))
            continue
        if in_options and (OPTION_LINE.match(line) or line.strip() == "---"):
            out.append(" " * len(line))
            continue
        in_options = False
        out.append(line)
    return "\n".join(out)


def mask(text: str) -> str:
    """The prose of a markdown text, everything else replaced by blanks."""
    text = _mask_fences(text)
    for pattern in MASKS:
        text = pattern.sub(_blank, text)
    return text


def _significant_digits(mantissa: str) -> int:
    digits = mantissa.replace(".", "").lstrip("0")
    return len(digits)


def _reason(m: re.Match, prose: str) -> str | None:
    """Why the matched number is a typed result, or None if it is not."""
    num, exp, pct = m["num"], m["exp"] or "", m["pct"]
    if num.count(".") > 1:
        return None  # a version or a section number: 1.0.4, 3.2.1
    if NAMING_WORDS.search(prose[max(0, m.start() - 12) : m.start()]):
        return None  # Figure 4.10, Python 3.11
    token = (num + exp).replace("\u2212", "-")
    if token in ALLOWED:
        return None
    if re.search(rf",|{SPACE}", num):
        if "." not in num and not num[1:].strip(f", {SPACE[1:-1]}0"):
            return None  # a round number of thousands: 10,000, 100 000
        return "integer grouped in thousands"
    if "." in num and _significant_digits(num) >= 3:
        return "decimal with three or more significant digits"
    if pct:
        value = float(num)
        if not (value.is_integer() and (value % 5 == 0 or value == 1)):
            return "percentage that is not round"
    return None


def find_typed_results(text: str, where: str) -> list[Finding]:
    """Typed result-like numbers in a markdown text; ``where`` names it."""
    prose = mask(text)
    findings = []
    for m in NUMBER.finditer(prose):
        reason = _reason(m, prose)
        if reason is None:
            continue
        line = prose.count("\n", 0, m.start()) + 1
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        context = text[start : end if end >= 0 else None].strip()
        findings.append(
            Finding(
                f"{where} line {line}",
                m.group(0).strip(),
                reason,
                context[:100],
            )
        )
    return findings


def markdown_sources() -> Iterator[tuple[str, str, str]]:
    """(file name, place, markdown) for every scanned cell and page."""
    for path in sorted(BOOK.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "markdown":
                yield (
                    path.name,
                    f"{path.name} cell {index}",
                    "".join(cell["source"]),
                )
    for path in sorted(BOOK.glob("*.md")):
        if path.name in EXCLUDED_PAGES and _is_exempt(path):
            continue
        yield path.name, path.name, path.read_text(encoding="utf-8")


def _is_exempt(path: Path) -> bool:
    if path.name != "performance.md":
        return True
    return GENERATED_NOTICE in path.read_text(encoding="utf-8")


SCANNED = sorted({name for name, _, _ in markdown_sources()})


@pytest.mark.parametrize("name", SCANNED)
def test_no_typed_results_in_prose(name):
    findings = [
        finding
        for file, place, text in markdown_sources()
        if file == name
        for finding in find_typed_results(text, place)
    ]
    assert not findings, (
        f"{len(findings)} typed result(s) in the prose of book/{name}; glue "
        "each from the cell that computes it (myst_nb.glue and "
        "{glue:text}`key:.3f`), or add a true constant to ALLOWED with its "
        "reason:\n" + "\n".join(f"  {f}" for f in findings)
    )


def test_performance_is_generated():
    text = (BOOK / "performance.md").read_text(encoding="utf-8")
    assert GENERATED_NOTICE in text, (
        "performance.md no longer says that benchmarks/run.py writes it; "
        "if it is hand-written now, it is scanned like every other page"
    )


# The detector itself: what it must flag, and what it must leave alone.


@pytest.mark.parametrize(
    "text, number",
    [
        ("the test MSE is 0.173 at the best lambda", "0.173"),
        ("a test MSE of 57.3 without decay", "57.3"),
        ("the ratio is 1.038.", "1.038"),
        ("the weight comes out at 6.203 instead of 3", "6.203"),
        ("a slope of -1.405 here", "1.405"),
        ("an error of 1.25e-3 remains", "1.25e-3"),
        ("4,148 samples were kept", "4,148"),
        ("a test MSE of 87 282 g²", "87 282"),
        ("the error falls by 13.2 %", "13.2 %"),
        ("the error falls by 12.5%.", "12.5%"),
        ("ten times the best lambda costs 31 %", "31 %"),
        ("a test error of 26.7% against 27.8%", "26.7%"),
        ("costs 0.3 percent more", "0.3 percent"),
        ("| 0.0216 | table cell |", "0.0216"),
        ("**Figure 4.1.** A caption quoting 0.0297.", "0.0297"),
    ],
)
def test_flags_typed_results(text, number):
    found = [f.number for f in find_typed_results(text, "t")]
    assert number in found, f"{number!r} not flagged in {text!r}: {found}"


@pytest.mark.parametrize(
    "text",
    [
        "with n = 20 samples and lambda = 0.1",
        "lam = 0.01, a step of 1e-3 and tol 1e-8, seed = 0",
        "the step 2/L and Adam's betas 0.9 and 0.999",
        "see section 3.2, Figure 4.10 and Table 2.11, exercise 5.12",
        "section 3.2.1 of the article, jupyter-book 1.0.4, Python 3.11",
        "Hoerl and Kennard (1970), a 2019 paper, doi:10.1145/1234.5678",
        "the published version https://doi.org/10.1145/3292500.3330701",
        "the value {glue:text}`ch4_test_mse:.3f` is printed above",
        "the call `wd.ridge_fit(X, y, 0.123)` and ``x = 57.3``",
        "in math $\\lambda = 0.173$ and $$w = 1.038$$ stay",
        "display\n$$\nJ = 0.5 \\cdot 12.345\n$$\nends",
        "[the chapter](04_code.ipynb#ch4-1.234) and <https://a.b/1.234>",
        "10 % of labels flipped, a 25% split, under 1 % of a step",
        "every true weight 0.01, noise 0.1, 2.5 times larger",
        "5 x 7 grid, 200 features, 1000 steps, 100 000 rows, 4,000 tests",
        "```python\nprint(0.173)\n```",
        "````{admonition} Solution\n:class: dropdown\n```python\nx = 1.234\n"
        "```\n````",
        "```{figure} images/fig_1.234.png\n:width: 80.5%\nA caption.\n```",
        "(ch4-1.234)=\n## A heading",
        "<!-- 0.173 is a comment -->",
    ],
)
def test_leaves_settings_and_markup_alone(text):
    found = find_typed_results(text, "t")
    assert not found, "\n".join(map(str, found))


def test_prose_inside_directives_is_scanned():
    text = (
        "````{admonition} Solution\n:class: dropdown\nThe fit has test "
        "MSE 0.0213.\n```python\nx = 1.234\n```\nand 0.0216.\n````"
    )
    found = [f.number for f in find_typed_results(text, "t")]
    assert found == ["0.0213", "0.0216"]


def test_reports_the_place_and_the_line():
    (finding,) = find_typed_results("intro\n\nthe MSE is 0.173\n", "x.md")
    assert finding.place == "x.md line 3"
    assert finding.number == "0.173"
    assert "the MSE is 0.173" in finding.context
