"""Result records, tables, the figure and the book page of the benchmarks.

Everything the Performance page shows is produced here from measured values;
``benchmarks/run.py`` measures and calls :func:`write_page`.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path


@dataclasses.dataclass
class Row:
    """One line of the comparison table (times in seconds)."""

    case: str
    shape: str
    wdlib: float
    reference: float | None
    reference_name: str
    floor: float | None
    target: str
    passed: bool
    rounds: int
    bound: float | None = None  # the target's upper limit on wdlib ÷ reference

    @property
    def ratio(self) -> float | None:
        return None if self.reference is None else self.wdlib / self.reference

    @property
    def floor_ratio(self) -> float | None:
        return None if self.floor is None else self.wdlib / self.floor


NBSP = "\u00a0"  # keeps a number and its unit on one line in the page's tables


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f}{NBSP}µs"
    if seconds < 1.0:
        return f"{seconds * 1e3:.1f}{NBSP}ms"
    return f"{seconds:.2f}{NBSP}s"


def fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


@dataclasses.dataclass
class GDRow:
    kappa: float
    lam: float
    eps: float
    gd_iter: int
    gd_converged: bool
    nesterov_iter: int
    nesterov_converged: bool
    gd_seconds: float
    nesterov_seconds: float

    @property
    def bound(self) -> float:
        """Iterations after which plain GD with step 1/L has surely reached "
        "the tolerance."""
        return self.kappa * math.log(1.0 / self.eps)

    @property
    def accelerated_scale(self) -> float:
        return math.sqrt(self.kappa) * math.log(1.0 / self.eps)

    @property
    def passed(self) -> bool:
        return (
            self.gd_converged
            and self.nesterov_converged
            and self.gd_iter <= math.ceil(self.bound)
        )


@dataclasses.dataclass
class ChapterTime:
    """Executing one chapter: wall time (kernel start included), its cells, "
    "its slowest cell."""

    name: str
    seconds: float
    cell_seconds: float
    slowest_cell: int  # 1-based index among all cells
    slowest_seconds: float
    status: str


@dataclasses.dataclass
class BookResult:
    chapters: list[ChapterTime]
    build_seconds: float | None
    build_status: str

    @property
    def chapter_total(self) -> float:
        return sum(c.seconds for c in self.chapters)

    @property
    def measured_total(self) -> float:
        """``make book`` when it ran, else the chapters one after another."""
        return (
            self.build_seconds
            if self.build_seconds is not None
            else self.chapter_total
        )


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def timing_table(rows: list[Row], *, rounds: bool = True) -> str:
    """The comparison table; ratios are wdlib's median over the reference's "
    "(or the floor's)."""
    header = [
        "case",
        "shape",
        "wdlib",
        "reference",
        "floor",
        "÷ reference",
        "÷ floor",
        "target",
        "result",
    ]
    body = [
        [
            f"{r.case} vs {r.reference_name}" if r.reference_name else r.case,
            r.shape,
            fmt_time(r.wdlib),
            fmt_time(r.reference),
            fmt_time(r.floor),
            fmt_ratio(r.ratio),
            fmt_ratio(r.floor_ratio),
            r.target,
            "pass" if r.passed else "FAIL",
        ]
        + ([str(r.rounds)] if rounds else [])
        for r in rows
    ]
    return md_table(header + (["rounds"] if rounds else []), body)


def fit_table(rows: list[Row]) -> str:
    """ridge_fit rows for the book page (narrower than the printed table)."""
    header = [
        "shape n×d",
        "solver",
        "wdlib",
        "scikit-learn",
        "floor",
        "÷ scikit-learn",
        "÷ floor",
        "result",
    ]
    body = [
        [
            r.shape,
            r.case.split("(")[-1].rstrip(")"),
            fmt_time(r.wdlib),
            fmt_time(r.reference),
            fmt_time(r.floor),
            fmt_ratio(r.ratio),
            fmt_ratio(r.floor_ratio),
            "pass" if r.passed else "FAIL",
        ]
        for r in rows
    ]
    return md_table(header, body)


def selection_table(rows: list[Row]) -> str:
    """ridge_path and loo_cv rows for the book page."""
    header = [
        "case",
        "shape n×d",
        "wdlib",
        "scikit-learn",
        "÷ scikit-learn",
        "target",
        "result",
    ]
    body = [
        [
            f"`{r.case.split(',')[0]}` vs {r.reference_name}",
            r.shape,
            fmt_time(r.wdlib),
            fmt_time(r.reference),
            fmt_ratio(r.ratio),
            r.target,
            "pass" if r.passed else "FAIL",
        ]
        for r in rows
    ]
    return md_table(header, body)


def gd_table(rows: list[GDRow]) -> str:
    header = [
        "κ",
        "λ",
        "GD steps",
        "bound κ·ln(1/ε)",
        "Nesterov steps",
        "√κ·ln(1/ε)",
        "result",
    ]
    body = [
        [
            f"{r.kappa:.0f}",
            f"{r.lam:.3g}",
            f"{r.gd_iter}" + ("" if r.gd_converged else " (not converged)"),
            f"{r.bound:.0f}",
            f"{r.nesterov_iter}"
            + ("" if r.nesterov_converged else " (not converged)"),
            f"{r.accelerated_scale:.0f}",
            "pass" if r.passed else "FAIL",
        ]
        for r in rows
    ]
    return md_table(header, body)


def book_table(book: BookResult) -> str:
    body = [
        [
            c.name,
            f"{c.seconds:.1f} s",
            f"{c.cell_seconds:.1f} s",
            f"cell {c.slowest_cell}: {c.slowest_seconds:.1f}{NBSP}s"
            if c.slowest_cell
            else "–",
            c.status,
        ]
        for c in book.chapters
    ]
    body.append(
        [
            "all chapters, one after another",
            f"{book.chapter_total:.1f} s",
            f"{sum(c.cell_seconds for c in book.chapters):.1f} s",
            "–",
            "ok" if all(c.status == "ok" for c in book.chapters) else "FAIL",
        ]
    )
    if book.build_seconds is not None:
        body.append(
            [
                "`make book`: both editions, strict, from an empty cache",
                f"{book.build_seconds:.1f} s",
                "–",
                "–",
                book.build_status,
            ]
        )
    return md_table(
        ["what", "wall time", "in cells", "slowest cell", "status"], body
    )


def book_passed(book: BookResult) -> bool:
    ok = all(
        c.status == "ok" for c in book.chapters
    ) and book.build_status in ("ok", "not run")
    return ok and book.measured_total < 60.0


# ---------------------------------------------------------------------------
# figure


# one line: a directive option ends at the end of its line
FIGURE_ALT = (
    "Four panels of benchmark results: times of ridge_fit, of the lambda "
    "path and leave-one-out, steps of gradient descent against the "
    "condition number, and execution time of each chapter."
)


def write_figure(
    path: Path, rows: list[Row], gd: list[GDRow], book: BookResult | None
) -> None:
    """Four panels: closed-form fits, λ selection, gradient descent, the "
    "book."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from wdlib.plotting import OKABE_ITO

    fig, axes = plt.subplots(2, 2, figsize=(11, 8.5), layout="constrained")

    ax = axes[0, 0]
    fits = [r for r in rows if r.case.startswith("ridge_fit")]
    x = np.arange(len(fits))
    ax.bar(
        x - 0.2,
        [r.ratio for r in fits],
        0.4,
        color=OKABE_ITO[5],
        label="wdlib.ridge_fit",
    )
    ax.bar(
        x + 0.2,
        [r.floor / r.reference for r in fits],
        0.4,
        color=OKABE_ITO[0],
        label="floor (Gram/kernel + Cholesky)",
    )
    ax.axhline(
        1.0,
        color=OKABE_ITO[1],
        linewidth=2,
        label="scikit-learn Ridge (target: wdlib ≤ 1)",
    )
    ax.set_xticks(
        x, [f"{r.shape}\nsklearn: {fmt_time(r.reference)}" for r in fits]
    )
    ax.set_xlabel("shape n × d")
    ax.set_ylabel("median time ÷ scikit-learn's median time")
    ax.set_ylim(
        0,
        max(
            1.6, 1.15 * max(max(r.ratio, r.floor / r.reference) for r in fits)
        ),
    )
    ax.set_title("(a) ridge_fit, one λ")
    ax.legend(frameon=False, loc="upper left")

    ax = axes[0, 1]
    selection = [
        r for r in rows if r.case.startswith(("ridge_path", "loo_cv"))
    ]
    if selection:
        x = np.arange(len(selection))
        speedup = [r.reference / r.wdlib for r in selection]
        ax.bar(
            x,
            speedup,
            0.6,
            color=[
                OKABE_ITO[5] if r.case.startswith("ridge") else OKABE_ITO[3]
                for r in selection
            ],
        )
        targets = [1.0 / r.bound for r in selection]
        ax.hlines(
            targets,
            x - 0.4,
            x + 0.4,
            colors=OKABE_ITO[6],
            linewidth=2,
            label="target",
        )
        ax.axhline(
            1.0,
            color=OKABE_ITO[1],
            linewidth=1,
            linestyle=":",
            label="as fast as scikit-learn",
        )
        ax.set_xticks(
            x,
            [
                f"{r.case.split(',')[0]}\n{r.shape}\nvs "
                f"{r.reference_name.replace(' Ridge', '')}"
                for r in selection
            ],
        )
        ax.set_yscale("log")
        ax.set_ylim(
            0.5, 5 * max(max(speedup), max(targets))
        )  # room for the legend above the bars
        ax.set_ylabel("speed-up over scikit-learn (×, log scale)")
        ax.set_title("(b) 100 values of λ")
        ax.legend(frameon=False)
    else:
        ax.text(
            0.5, 0.5, "wdlib.selection not measured", ha="center", va="center"
        )
        ax.set_axis_off()

    ax = axes[1, 0]
    kappa = np.array([r.kappa for r in gd])
    log_eps = math.log(1.0 / gd[0].eps)
    grid = np.geomspace(kappa.min(), kappa.max(), 50)
    ax.plot(
        grid,
        grid * log_eps,
        color=OKABE_ITO[0],
        linestyle="--",
        label="bound κ·ln(1/ε)",
    )
    ax.plot(
        grid,
        np.sqrt(grid) * log_eps,
        color=OKABE_ITO[0],
        linestyle=":",
        label="√κ·ln(1/ε)",
    )
    ax.plot(
        kappa,
        [r.gd_iter for r in gd],
        "o",
        color=OKABE_ITO[5],
        label="gradient descent, step 1/L",
    )
    ax.plot(
        kappa,
        [r.nesterov_iter for r in gd],
        "s",
        color=OKABE_ITO[6],
        label="Nesterov with restart",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("condition number κ of the Hessian (log scale)")
    ax.set_ylabel(
        f"steps to reach ${latex_number(gd[0].eps)}$ × the initial gradient "
        "norm"
    )
    ax.set_title("(c) gradient_descent: steps against κ")
    ax.legend(frameon=False)

    ax = axes[1, 1]
    if book is not None and book.chapters:
        names = [
            c.name.removeprefix("book/").removesuffix(".ipynb")
            for c in book.chapters
        ]
        cells = np.array([c.cell_seconds for c in book.chapters])
        total = np.array([c.seconds for c in book.chapters])
        ax.barh(names, cells, color=OKABE_ITO[3], label="running the cells")
        ax.barh(
            names,
            total - cells,
            left=cells,
            color=OKABE_ITO[2],
            label="starting the kernel, overhead",
        )
        ax.invert_yaxis()
        ax.set_xlabel("wall time (s)")
        what = (
            "make book" if book.build_seconds is not None else "all chapters"
        )
        ax.set_title(
            f"(d) executing the book: {what} {book.measured_total:.0f} s "
            "(target < 60 s)"
        )
        ax.legend(
            frameon=False,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=2,
        )
    else:
        ax.text(
            0.5, 0.5, "book execution not measured", ha="center", va="center"
        )
        ax.set_axis_off()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------
# page


def latex_number(x: float) -> str:
    """``1e-06`` as ``10^{-6}``, other numbers as they print."""
    exponent = math.log10(x)
    return (
        f"10^{{{round(exponent)}}}"
        if abs(exponent - round(exponent)) < 1e-12
        else f"{x:g}"
    )


def write_page(
    path: Path,
    figure: Path,
    info: list[tuple[str, str]],
    rows: list[Row],
    gd: list[GDRow],
    book: BookResult | None,
    loaded: list[str],
    notes: list[str],
    gd_slopes: tuple[float, float],
) -> None:
    """Write the book's Performance appendix from measured values."""
    n_pass = (
        sum(r.passed for r in rows)
        + sum(g.passed for g in gd)
        + (book is not None and book_passed(book))
    )
    n_all = len(rows) + len(gd) + (book is not None)
    machine = md_table(["", ""], [[k, v] for k, v in info])
    fits = [r for r in rows if r.case.startswith("ridge_fit")]
    selection = [
        r for r in rows if r.case.startswith(("ridge_path", "loo_cv"))
    ]
    imp = next(r for r in rows if r.case.startswith("import"))
    import_note = (
        "After `import wdlib` these heavy modules were loaded: "
        f"{', '.join(loaded)}."
        if loaded
        else "After `import wdlib`, none of matplotlib, sympy, pandas, "
        "scikit-learn or scipy is loaded "
        "(checked in the same interpreters): they load only when something "
        "that needs them is used, "
        "such as `wd.plotting`, `wd.symbolic`, `wd.data` or `wd.Ridge`."
    )
    if book is None:
        book_section = "The chapters were not executed in this run."
    else:
        judged = (
            "`make book`"
            if book.build_seconds is not None
            else "the chapters executed one after another "
            "(`make book`, skipped in this run with `--no-build`, executes "
            "them two at a time and adds the two Sphinx builds)"
        )
        book_section = (
            "Each chapter is executed on its own with nbclient, in a "
            "temporary copy of `book/`: one kernel and one chapter at a "
            "time, as a reader runs it. "
            "Its wall time includes starting the kernel, and the cell times "
            "come from nbclient's timing "
            "metadata (cells are numbered from 1 among all cells). "
            "`make book` executes the notebooks two at a time, longest "
            "first, and then builds the English and the Chinese edition "
            "side by side (`tools/build_book.py`).\n\n"
            + book_table(book)
            + "\n\nThe target is that the whole book builds in under 60 s, "
            f"judged here on {judged}: "
            f"**{'met' if book_passed(book) else 'missed'}** "
            f"({book.measured_total:.0f} s)."
        )
    extra = "".join(f"\n- {note}" for note in notes)
    text = f"""# Performance

This page is written by `benchmarks/run.py` (run `make bench` to measure again
and regenerate it); do not
edit it by hand. It compares `wdlib` with scikit-learn, which course authors
would otherwise use, and with
the *floor*: the least work the answer needs. In this run **{n_pass} of
{n_all}** targets were met.

## How it was measured

Every comparison runs its contenders in one process, interleaved in a freshly
shuffled order every round,
after warm-up calls; each time is the median of the rounds' `time.perf_counter`
wall times, and each ratio
is a ratio of those medians. Before anything is timed the answers are checked
against each other
(coefficients to a relative 1e-7, leave-one-out errors to 1e-6), so a fast
wrong answer cannot pass.
Every contender gets the same BLAS thread count, listed below. By default it is
one thread: on a
shared machine, multi-threaded OpenBLAS stalls whenever another process holds a
core, and the timings
then measure the neighbours rather than the code (`benchmarks/run.py --threads
default` uses the
libraries' own defaults). The chapters and the book build run in their own
processes with the default
threads. The load average is recorded too: absolute times vary from run to run,
ratios much less.

{machine}

## Closed-form fits

`ridge_fit` is compared with scikit-learn's `Ridge(alpha=n*lam)`, which
minimizes the same objective,
and with the *floor*, written inline: centre `X` and `y`, form the Gram matrix
$X_c^\\top X_c$ (when
$n \\ge d$) or the kernel $X_c X_c^\\top$ (when $d > n$), add $n\\lambda$ to
its diagonal, and solve
with one Cholesky factorization (`scipy.linalg.cho_factor`/`cho_solve`),
without input validation.
The ratios are wdlib's median time divided by the other's; the targets are at
most 1.0 against
scikit-learn and at most 1.5 against the floor.

{fit_table(fits)}

## Choosing λ

`ridge_path` is compared with 100 separate `Ridge` fits, and `loo_cv` with
`RidgeCV`, over the same 100
values of λ; the leave-one-out errors of `loo_cv` and `RidgeCV` must agree
before anything is timed.
A ratio of 0.1 means ten times faster than scikit-learn.

{selection_table(selection) if selection else "Not measured in this run."}

## Import time

The floor is numpy's own import, measured in the same fresh interpreters with
`python -X importtime -c "import wdlib"` (medians of the cumulative times over
{imp.rounds} runs).

{
        md_table(
            ["import wdlib", "import numpy", "ratio", "target", "result"],
            [
                [
                    fmt_time(imp.wdlib),
                    fmt_time(imp.floor),
                    fmt_ratio(imp.floor_ratio),
                    imp.target,
                    "pass" if imp.passed else "FAIL",
                ]
            ],
        )
    }

{import_note}{extra}

## Gradient descent against the condition number

`gradient_descent` runs on a centred design whose Hessian (in $(w, b)$) has a
prescribed condition number
$\\kappa = L/\\mu$, set through λ, and stops when the gradient norm falls to
$\\varepsilon = {latex_number(gd[0].eps)}$
times its value at the start. With step $1/L$ every step shrinks the gradient
by at least the factor
$1 - 1/\\kappa$, so it must stop within $\\kappa \\ln(1/\\varepsilon)$ steps;
the result column checks that
bound and that both methods converged. Nesterov's method with restarts needs a
number of steps that grows
like $\\sqrt{{\\kappa}}$ instead: on a log-log scale the fitted slopes of steps
against κ are
**{gd_slopes[0]:.2f}** for gradient descent and **{gd_slopes[1]:.2f}** with
`nesterov=True`.

{gd_table(gd)}

## Executing the book

{book_section}

```{{figure}} {figure.relative_to(path.parent).as_posix()}
:name: fig-performance
:alt: {FIGURE_ALT}
:width: 100%

Benchmark results of the run above. (a) `ridge_fit` at three shapes against
scikit-learn and the floor.
(b) 100 values of λ: `ridge_path` against 100 refits and `loo_cv` against
`RidgeCV`. (c) Steps of gradient
descent and of Nesterov's method against the condition number, with the bound
$\\kappa\\ln(1/\\varepsilon)$.
(d) Wall time of executing each chapter, split into its cells and the kernel's
start.
```
"""
    path.write_text(text, encoding="utf-8")
