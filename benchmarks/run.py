"""Benchmarks: wdlib against scikit-learn and against the hardware floor.

Run ``make bench`` (or ``.venv/bin/python benchmarks/run.py``) for the full
run,
which prints every table and regenerates ``book/performance.md`` and
``book/images/performance.png``. ``--quick`` is a smoke run (few repeats, no
book execution) that writes nothing unless ``--write`` is given.

Method
------
Each comparison runs its contenders interleaved in this one process, in a
freshly shuffled order every round, after warm-up calls, and reports the
median of ``time.perf_counter`` wall times. The number of rounds adapts to the
time each round takes (within a minimum and maximum). Results are checked for
equality before anything is timed, so a fast wrong answer cannot pass.
Thread counts are left at their defaults and reported through threadpoolctl.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import (  # noqa: E402  (benchmarks/ is not a package)
    BookResult,
    ChapterTime,
    GDRow,
    Row,
    book_passed,
    book_table,
    gd_table,
    md_table,
    timing_table,
    write_figure,
    write_page,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "book" / "performance.md"
FIGURE = ROOT / "book" / "images" / "performance.png"
HEAVY_MODULES = ("matplotlib", "sympy", "pandas", "sklearn", "scipy")


# ---------------------------------------------------------------------------
# timing


@dataclasses.dataclass
class Budget:
    """How long each comparison may run: rounds adapt to the time per round."""

    seconds: float  # aim for this much timing per comparison
    min_rounds: int
    max_rounds: int
    warmup: int
    # never more than this (down to 3 rounds) on a slow or busy machine
    cap_seconds: float


FULL = Budget(
    seconds=5.0, min_rounds=7, max_rounds=41, warmup=1, cap_seconds=10.0
)
QUICK = Budget(
    seconds=0.5, min_rounds=3, max_rounds=5, warmup=1, cap_seconds=2.0
)


def interleaved(
    funcs: dict[str, Callable[[], object]], budget: Budget, seed: int = 0
) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    """Time ``funcs`` in alternation.

    Returns the wall times (s) of every round and each function's result from
    the warm-up (at least one warm-up always runs), for checking the answers.
    """
    order = list(funcs)
    start = time.perf_counter()
    results: dict[str, object] = {}
    for _ in range(max(budget.warmup, 1)):
        for name in order:
            results[name] = funcs[name]()
    per_round = max(
        (time.perf_counter() - start) / max(budget.warmup, 1), 1e-9
    )
    rounds = int(
        np.clip(
            budget.seconds / per_round, budget.min_rounds, budget.max_rounds
        )
    )
    rounds = max(3, min(rounds, int(budget.cap_seconds / per_round)))
    shuffle = random.Random(seed)
    times: dict[str, list[float]] = {name: [] for name in order}
    gc_was_enabled = gc.isenabled()
    try:
        for _ in range(rounds):
            shuffle.shuffle(order)
            gc.collect()
            gc.disable()
            for name in order:
                t0 = time.perf_counter()
                funcs[name]()
                times[name].append(time.perf_counter() - t0)
            if gc_was_enabled:
                gc.enable()
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: np.array(values) for name, values in times.items()}, results


def medians(times: dict[str, np.ndarray]) -> dict[str, float]:
    return {name: float(np.median(values)) for name, values in times.items()}


_START = time.perf_counter()


def progress(message: str) -> None:
    print(
        f"[{time.perf_counter() - _START:5.0f} s] {message}",
        file=sys.stderr,
        flush=True,
    )


# ---------------------------------------------------------------------------
# data


def regression_data(
    n: int, d: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian features with unequal scales, a linear signal, noise and an "
    "offset."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d) + rng.normal(
        size=d
    )
    y = X @ rng.normal(size=d) / math.sqrt(d) + 0.5 * rng.normal(size=n) + 3.0
    return X, y


# ---------------------------------------------------------------------------
# ridge_fit


def ridge_floor(
    X: np.ndarray, y: np.ndarray, lam: float
) -> tuple[np.ndarray, float]:
    """The least work a closed-form fit needs: centre, Gram or kernel, one "
    "Cholesky."""
    from scipy.linalg import cho_factor, cho_solve

    n, d = X.shape
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    yc = y - y_mean
    if n >= d:
        gram = Xc.T @ Xc
        gram.flat[:: d + 1] += n * lam
        coef = cho_solve(
            cho_factor(gram, lower=True, overwrite_a=True, check_finite=False),
            Xc.T @ yc,
            check_finite=False,
        )
    else:
        kernel = Xc @ Xc.T
        kernel.flat[:: n + 1] += n * lam
        coef = Xc.T @ cho_solve(
            cho_factor(
                kernel, lower=True, overwrite_a=True, check_finite=False
            ),
            yc,
            check_finite=False,
        )
    return coef, float(y_mean - x_mean @ coef)


def bench_ridge_fit(budget: Budget) -> list[Row]:
    import wdlib as wd
    from sklearn.linear_model import Ridge

    rows = []
    lam = 1e-2
    for n, d in [(50_000, 100), (2_000, 500), (200, 4_000)]:
        progress(f"ridge_fit {n}x{d}")
        X, y = regression_data(n, d, seed=n + d)
        times, res = interleaved(
            {
                "wdlib": lambda: wd.ridge_fit(X, y, lam),
                "sklearn": lambda: Ridge(alpha=n * lam).fit(X, y),
                "floor": lambda: ridge_floor(X, y, lam),
            },
            budget,
        )
        ours, theirs = res["wdlib"], res["sklearn"]
        for coef, b in [(theirs.coef_, theirs.intercept_), res["floor"]]:
            np.testing.assert_allclose(ours.coef, coef, rtol=1e-7, atol=1e-10)
            np.testing.assert_allclose(ours.intercept, b, rtol=1e-9)
        med = medians(times)
        passed = (
            med["wdlib"] <= 1.0 * med["sklearn"]
            and med["wdlib"] <= 1.5 * med["floor"]
        )
        rows.append(
            Row(
                f"ridge_fit ({ours.solver})",
                f"{n}×{d}",
                med["wdlib"],
                med["sklearn"],
                "Ridge",
                med["floor"],
                "≤\u00a01.0×, ≤\u00a01.5×",
                passed,
                len(times["wdlib"]),
                bound=1.0,
            )
        )
    return rows


# ---------------------------------------------------------------------------
# ridge_path, loo_cv

SELECTION_SHAPES = [(5_000, 200), (300, 2_000)]


def selection_available() -> bool:
    """Whether wdlib.selection (ridge_path, loo_cv) exists in this checkout."""
    try:
        from wdlib import selection
    except ImportError:
        return False
    return all(hasattr(selection, name) for name in ("ridge_path", "loo_cv"))


def bench_ridge_path(budget: Budget) -> list[Row]:
    from sklearn.linear_model import Ridge

    from wdlib.selection import ridge_path

    rows = []
    for n, d in SELECTION_SHAPES:
        progress(f"ridge_path {n}x{d}")
        X, y = regression_data(n, d, seed=7 * n + d)
        lams = np.logspace(-5, 1, 100)

        def refits() -> np.ndarray:
            return np.array(
                [Ridge(alpha=n * lam).fit(X, y).coef_ for lam in lams]
            )

        times, res = interleaved(
            {"wdlib": lambda: ridge_path(X, y, lams), "sklearn": refits},
            budget,
        )
        path = res["wdlib"]
        np.testing.assert_allclose(
            path.coefs,
            res["sklearn"],
            rtol=1e-6,
            atol=1e-9 * np.abs(path.coefs).max(),
        )
        med = medians(times)
        rows.append(
            Row(
                "ridge_path, 100 λ",
                f"{n}×{d}",
                med["wdlib"],
                med["sklearn"],
                "100 Ridge fits",
                None,
                "≤\u00a00.1×",
                med["wdlib"] <= 0.1 * med["sklearn"],
                len(times["wdlib"]),
                bound=0.1,
            )
        )
    return rows


def bench_loo_cv(budget: Budget) -> list[Row]:
    from sklearn.linear_model import RidgeCV

    from wdlib.selection import loo_cv

    rows = []
    for (n, d), factor in zip(SELECTION_SHAPES, (0.2, 1.0)):
        progress(f"loo_cv {n}x{d}")
        X, y = regression_data(n, d, seed=11 * n + d)
        lams = np.logspace(-5, 1, 100)
        times, res = interleaved(
            {
                "wdlib": lambda: loo_cv(X, y, lams),
                "sklearn": lambda: RidgeCV(alphas=n * lams).fit(X, y),
            },
            budget,
        )
        ours = res["wdlib"]
        # RidgeCV keeps the leave-one-out errors only when asked; check them
        # once, outside the timing
        theirs = RidgeCV(alphas=n * lams, store_cv_results=True).fit(X, y)
        np.testing.assert_allclose(
            ours.mse, theirs.cv_results_.mean(axis=0), rtol=1e-6
        )
        assert math.isclose(ours.best_lam * n, theirs.alpha_, rel_tol=1e-9), (
            ours.best_lam * n,
            theirs.alpha_,
        )
        assert math.isclose(res["sklearn"].alpha_, theirs.alpha_)
        med = medians(times)
        target = "≤\u00a00.2×" if factor < 1 else "≤\u00a01.0×"
        rows.append(
            Row(
                "loo_cv, 100 λ",
                f"{n}×{d}",
                med["wdlib"],
                med["sklearn"],
                "RidgeCV",
                None,
                target,
                med["wdlib"] <= factor * med["sklearn"],
                len(times["wdlib"]),
                bound=factor,
            )
        )
    return rows


# ---------------------------------------------------------------------------
# import time


def parse_importtime(stderr: str) -> dict[str, float]:
    """Cumulative import time (s) of every top-level package in ``-X "
    "importtime`` output."""
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if m and "." not in m.group(4):
            out[m.group(4)] = int(m.group(2)) * 1e-6
    return out


def bench_import(rounds: int) -> tuple[Row, list[str]]:
    """Import time of wdlib in fresh interpreters, numpy's own import as the "
    "floor."""
    progress("import time")
    code = (
        "import sys, wdlib; "
        f"print(','.join(sorted(m for m in {HEAVY_MODULES} "
        "if m in sys.modules)))"
    )
    wd_times, np_times, loaded = [], [], []
    for _ in range(rounds):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        parsed = parse_importtime(proc.stderr)
        wd_times.append(parsed["wdlib"])
        np_times.append(parsed["numpy"])
        loaded = [m for m in proc.stdout.strip().split(",") if m]
    wd_med, np_med = float(np.median(wd_times)), float(np.median(np_times))
    row = Row(
        "import wdlib (floor: import numpy)",
        "–",
        wd_med,
        None,
        "",
        np_med,
        "<\u00a00.3\u00a0s",
        wd_med < 0.3 and not loaded,
        rounds,
    )
    return row, loaded


# ---------------------------------------------------------------------------
# gradient descent


def conditioned_data(
    n: int, d: int, smallest: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Centred X whose X'X/n has eigenvalues log-spaced from 1 down to "
    "``smallest``."""
    rng = np.random.default_rng(seed)
    Z = rng.normal(size=(n, d))
    Q, _ = np.linalg.qr(Z - Z.mean(axis=0))
    V, _ = np.linalg.qr(rng.normal(size=(d, d)))
    eig = np.logspace(0.0, math.log10(smallest), d)
    X = math.sqrt(n) * (Q * np.sqrt(eig)) @ V.T
    y = X @ rng.normal(size=d) + 0.3 * rng.normal(size=n) + 2.0
    return X, y


def hessian_kappa(X: np.ndarray, lam: float) -> float:
    """Condition number of the objective's Hessian in (w, b), computed "
    "independently."""
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    H = A.T @ A / n
    H[np.arange(d), np.arange(d)] += lam
    eig = np.linalg.eigvalsh(H)
    return float(eig[-1] / eig[0])


def bench_gd(kappas: list[float], eps: float = 1e-6) -> list[GDRow]:
    import warnings

    import wdlib as wd

    progress("gradient_descent")
    smallest = 1e-9
    X, y = conditioned_data(400, 40, smallest, seed=3)
    n, d = X.shape
    g0 = np.concatenate(
        [-(X.T @ y) / n, [-y.mean()]]
    )  # gradient at (w, b) = 0
    tol = eps * float(np.linalg.norm(g0))
    rows = []
    for kappa in kappas:
        lam = (1.0 - kappa * smallest) / (
            kappa - 1.0
        )  # (1 + lam) / (smallest + lam) = kappa
        measured = hessian_kappa(X, lam)
        max_iter = math.ceil(kappa * math.log(1.0 / eps)) + 100
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", wd.ConvergenceWarning)
            t0 = time.perf_counter()
            plain = wd.gradient_descent(X, y, lam, tol=tol, max_iter=max_iter)
            t1 = time.perf_counter()
            fast = wd.gradient_descent(
                X, y, lam, tol=tol, max_iter=max_iter, nesterov=True
            )
            t2 = time.perf_counter()
        rows.append(
            GDRow(
                measured,
                lam,
                eps,
                plain.n_iter,
                plain.converged,
                fast.n_iter,
                fast.converged,
                t1 - t0,
                t2 - t1,
            )
        )
    return rows


def loglog_slope(x: list[float], y: list[float]) -> float:
    return float(np.polyfit(np.log(x), np.log(y), 1)[0])


# ---------------------------------------------------------------------------
# the book


def _cell_seconds(cell: dict) -> float:
    """Execution time of one executed cell from nbclient's timing metadata."""
    timing = cell.get("metadata", {}).get("execution", {})
    try:
        start = dt.datetime.fromisoformat(
            timing["iopub.execute_input"].replace("Z", "+00:00")
        )
        end = dt.datetime.fromisoformat(
            timing["shell.execute_reply"].replace("Z", "+00:00")
        )
    except (KeyError, ValueError):
        return 0.0
    return (end - start).total_seconds()


def execute_chapters() -> list[ChapterTime]:
    """Execute and time each book/*.ipynb in a temporary copy of book/.

    nbclient runs them. The notebooks in the repository are only read,
    never written.
    """
    import nbformat
    from nbclient import NotebookClient

    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    results = []
    with tempfile.TemporaryDirectory(prefix="wdlib-bench-book-") as tmp:
        book = Path(tmp) / "book"
        shutil.copytree(
            ROOT / "book",
            book,
            ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"),
        )
        for path in sorted(book.glob("*.ipynb")):
            progress(f"book: executing {path.name}")
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb,
                timeout=300,
                kernel_name="python3",
                resources={"metadata": {"path": str(book)}},
            )
            t0 = time.perf_counter()
            try:
                client.execute(
                    stderr=subprocess.DEVNULL
                )  # the kernel's own log lines, not cell output
                status = "ok"
            except (
                Exception
            ) as exc:  # report, do not abort the other benchmarks
                status = f"failed: {type(exc).__name__}"
            seconds = time.perf_counter() - t0
            code = [
                (i, _cell_seconds(c))
                for i, c in enumerate(nb.cells, 1)
                if c.cell_type == "code"
            ]
            cells = sum(s for _, s in code)
            slow_index, slow_seconds = max(
                code, key=lambda item: item[1], default=(0, 0.0)
            )
            results.append(
                ChapterTime(
                    f"book/{path.name}",
                    seconds,
                    cells,
                    slow_index,
                    slow_seconds,
                    status,
                )
            )
    return results


def build_book() -> tuple[float, str]:
    """Time ``make book``: both editions, strict, every notebook executed.

    ``tools/build_book.py book`` into an empty temporary build directory
    (``BOOK_BUILD_DIR``), so the notebook cache starts empty as it does
    after ``make book``'s ``rm -rf _build/.jupyter_cache``.
    """
    progress("book: make book (both editions, from an empty cache)")
    with tempfile.TemporaryDirectory(prefix="wdlib-bench-build-") as tmp:
        env = dict(os.environ, BOOK_BUILD_DIR=tmp)
        cmd = [sys.executable, str(ROOT / "tools" / "build_book.py"), "book"]
        t0 = time.perf_counter()
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - t0
    if proc.returncode == 0:
        return seconds, "ok"
    return seconds, f"failed (exit code {proc.returncode})"


# ---------------------------------------------------------------------------
# machine


def choose_threads(option: str) -> tuple[int | None, str]:
    """Thread limit for the in-process timings (None: none), and why.

    One thread is the default because on a shared machine multi-threaded
    OpenBLAS stalls whenever another process holds a core (its threads wait
    for a descheduled partner): a 5000 x 200 Ridge fit measured 23 ms on one
    thread and 460 ms on two while other jobs ran. The timings would then
    measure the neighbours, not the code.
    """
    cores = (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count() or 1
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if option == "default":
        return None, "library defaults (--threads default)"
    if option == "auto":
        if load >= cores:
            return (
                1,
                f"1: the load average at start ({load:.1f}) filled the "
                f"{cores} cores (--threads auto)",
            )
        return (
            None,
            f"library defaults: the load average at start ({load:.1f}) was "
            f"below {cores} (--threads auto)",
        )
    return int(option), (
        f"{int(option)} for every contender (--threads {int(option)}; "
        "multi-threaded BLAS on a shared "
        f"machine stalls whenever another process holds a core)"
    )


def machine(threads: str) -> list[tuple[str, str]]:
    import importlib.metadata as md

    # noqa: F401  (load every BLAS the benchmarks use before listing them)
    import scipy.linalg
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_info

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(
            re.search(
                r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()
            ).group(1)
        )
        memory = f"{mem_kb / 2**20:.1f} GiB"
    except (OSError, AttributeError):
        memory = "unknown"
    cores = os.cpu_count() or 0
    usable = (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else cores
    )

    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "not installed"

    pools = []
    for info in threadpool_info():
        owner = Path(info["filepath"]).parent.name.replace(".libs", "")
        arch = (
            f", {info['architecture']} kernels"
            if info.get("architecture")
            else ""
        )
        pools.append(
            f"{owner}: {info['internal_api']} {info.get('version') or ''} "
            f"({info['user_api']}, "
            f"{info['num_threads']} threads{arch})"
        )
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = (
        os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    )
    return [
        (
            "Date (UTC)",
            dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        ),
        ("CPU", f"{cpu} ({platform.machine()})"),
        ("Cores", f"{cores} logical, {usable} usable by this process"),
        ("Memory", memory),
        (
            "Load average at start (1, 5, 15 min)",
            ", ".join(f"{x:.2f}" for x in load),
        ),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        (
            "numpy / scipy / scikit-learn",
            f"{version('numpy')} / {version('scipy')} / "
            f"{version('scikit-learn')}",
        ),
        (
            "wdlib / jupyter-book",
            f"{version('wdlib')} / {version('jupyter-book')}",
        ),
        ("BLAS and thread pools (defaults)", "; ".join(pools)),
        ("Threads used for the in-process timings", threads),
        ("Repository commit", commit),
    ]


# ---------------------------------------------------------------------------
# output


def print_report(
    info: list[tuple[str, str]],
    rows: list[Row],
    gd: list[GDRow],
    book: BookResult | None,
    loaded: list[str],
    notes: list[str],
) -> None:
    print()
    print(md_table(["machine", ""], [[k, v] for k, v in info]))
    print()
    print(timing_table(rows))
    if loaded:
        print(
            f"\nimport wdlib also loaded: {', '.join(loaded)} (should load "
            "lazily)"
        )
    print()
    print(gd_table(gd))
    if book is not None:
        print()
        print(book_table(book))
        print(
            f"book target (< 60 s): {'pass' if book_passed(book) else 'FAIL'}"
        )
    for note in notes:
        print(f"note: {note}")


# ---------------------------------------------------------------------------
# main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: few repeats, no book execution, writes nothing",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="write the page and figure even with --quick",
    )
    parser.add_argument(
        "--no-write",
        action="store_true",
        help="print only; leave book/performance.md alone",
    )
    parser.add_argument(
        "--no-book",
        action="store_true",
        help="skip executing the chapters and building the book",
    )
    parser.add_argument(
        "--no-build",
        action="store_true",
        help=(
            "execute the chapters but skip timing make book (both "
            "editions, strict, from an empty cache)"
        ),
    )
    parser.add_argument(
        "--threads",
        default="1",
        help="BLAS/OpenMP threads for the in-process timings, the same for "
        "every contender: a number (default 1), 'default' (the libraries' "
        "own default) or 'auto' (the default on an idle machine, 1 when the "
        "load average already fills the cores)",
    )
    args = parser.parse_args(argv)

    budget = QUICK if args.quick else FULL
    started = time.perf_counter()
    threads, why = choose_threads(args.threads)
    progress(f"threads for in-process timings: {why}")
    info = machine(why)
    notes: list[str] = []
    with threadpool_limits(threads):
        rows = bench_ridge_fit(budget)
        if selection_available():
            rows += bench_ridge_path(budget)
            rows += bench_loo_cv(budget)
        else:
            notes.append(
                "wdlib.selection (ridge_path, loo_cv) is not available yet; "
                "those cases were skipped"
            )
        kappas = (
            [10, 100, 1000]
            if args.quick
            else [10, 30, 100, 300, 1000, 3000, 10000]
        )
        gd = bench_gd(kappas)
    import_row, loaded = bench_import(5 if args.quick else 15)
    rows.append(import_row)
    book = None
    if not (args.quick or args.no_book):
        chapters = execute_chapters()
        build_seconds, build_status = (
            (None, "not run") if args.no_build else build_book()
        )
        book = BookResult(chapters, build_seconds, build_status)
    elapsed = time.perf_counter() - started
    load_end = (
        os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    )
    info.insert(
        5,
        (
            "Load average at end (1, 5, 15 min)",
            ", ".join(f"{x:.2f}" for x in load_end),
        ),
    )
    info.append(
        (
            "Benchmark run time",
            f"{elapsed:.0f} s" + (" (--quick)" if args.quick else ""),
        )
    )

    kap = [g.kappa for g in gd]
    slopes = (
        loglog_slope(kap, [g.gd_iter for g in gd]),
        loglog_slope(kap, [g.nesterov_iter for g in gd]),
    )
    notes_print = notes + [
        f"log-log slope of steps against kappa: GD {slopes[0]:.2f}, Nesterov "
        f"{slopes[1]:.2f}"
    ]
    print_report(info, rows, gd, book, loaded, notes_print)
    if (args.write or not args.quick) and not args.no_write:
        write_figure(FIGURE, rows, gd, book)
        write_page(PAGE, FIGURE, info, rows, gd, book, loaded, notes, slopes)
        progress(
            f"wrote {PAGE.relative_to(ROOT)} and {FIGURE.relative_to(ROOT)}"
        )
    failed = [r for r in rows if not r.passed] + [
        g for g in gd if not g.passed
    ]
    if book is not None and not book_passed(book):
        failed.append(book)
    print(
        f"\n{len(failed)} target(s) missed" if failed else "\nall targets met"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
