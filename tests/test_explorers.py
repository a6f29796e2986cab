"""The explorers (book/_static/explorers.js) in a real browser, offline.

Two groups of checks, both driving Debian's Chromium through Playwright as
``tests/test_browser.py`` does (every request that is not for the page's own
server or file is aborted and recorded, console errors are recorded):

1. A harness page, built here without Sphinx: the ``_repr_html_`` of each
   explorer of :mod:`wdlib.experiments.explorers`, computed from the
   chapters' own data, plus ``explorers.js`` and ``explorers.css`` copied from
   ``book/_static/``. It is opened from a loopback server and from
   ``file://``. Each slider is moved (keyboard, a mouse drag and setting the
   value), and every printed number is compared, to its printed precision,
   with wdlib's value at the lambda (or step size) the page reports; the
   drawing must change; a screenshot of each explorer at two settings goes to
   ``_build/screenshots/explorers/``.
2. The built book (``_build/html``, or ``WDLIB_BOOK_HTML``): every explorer
   found in a page gets the same checks, with references recomputed in
   Python from the data embedded in the page (skipped, saying why, while no
   page embeds an explorer).

Run them with ``.venv/bin/pytest -m browser tests/test_explorers.py``.
"""

from __future__ import annotations

import functools
import http.server
import json
import math
import os
import re
import shutil
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from _browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HTML_DIR,
    ROOT,
    TIMEOUT_MS,
    QuietHandler,
)

import wdlib as wd
from wdlib import data
from wdlib.experiments import explorers

STATIC = ROOT / "book" / "_static"
SCREENSHOTS = ROOT / "_build" / "screenshots" / "explorers"

pytestmark = pytest.mark.browser


# --------------------------------------------------------------------------
# The chapters' data (the same calls as the chapters' cells).
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def poly_problem():
    """Chapter 1: 15 noisy sine points, degree 12, standardized powers."""
    train, test = data.make_sine(15, noise=0.25, seed=0)
    scaler = data.fit_standardizer(data.polynomial_features(train.x, 12))
    P_train = scaler.transform(data.polynomial_features(train.x, 12))
    P_test = scaler.transform(data.polynomial_features(test.x, 12))
    return train, test, P_train, P_test


@functools.lru_cache(maxsize=None)
def pair_problem():
    """Chapter 2: two correlated features, centred, 60 samples."""
    rng = np.random.default_rng(0)
    X = rng.multivariate_normal([0.0, 0.0], [[1.0, 0.9], [0.9, 1.0]], size=60)
    y = X @ np.array([2.0, -1.0]) + rng.normal(scale=1.0, size=60)
    return X - X.mean(axis=0), y - y.mean()


@functools.lru_cache(maxsize=None)
def diabetes():
    from sklearn.datasets import load_diabetes

    return load_diabetes()


@functools.lru_cache(maxsize=None)
def gd_problem():
    """Chapter 3: the standardized diabetes features s1 and s2, lam 0.1."""
    d = diabetes()
    Xd = data.fit_standardizer(d.data).transform(d.data)
    cols = [d.feature_names.index("s1"), d.feature_names.index("s2")]
    return Xd[:, cols], d.target - d.target.mean(), 0.1


@functools.lru_cache(maxsize=None)
def loo_problem():
    """Chapter 6: the diabetes training split, standardized on itself."""
    d = diabetes()
    X_tr, _, y_tr, _ = data.split_train_test(
        d.data, d.target, test_size=0.25, seed=0
    )
    X_tr = data.fit_standardizer(X_tr).transform(X_tr)
    return X_tr, y_tr, np.logspace(-3, 2, 100), list(d.feature_names)


def harness_explorers() -> list[explorers.Explorer]:
    train, test, _, _ = poly_problem()
    X2, y2 = pair_problem()
    Xg, yg, lam_g = gd_problem()
    X6, y6, lams6, names6 = loo_problem()
    return [
        explorers.ridge_polynomial(
            train.x, train.y, test.x, test.y, degree=12
        ),
        explorers.l1_l2_pictures(X2, y2, lam=0.3),
        explorers.gd_step_size(Xg, yg, lam_g),
        explorers.ridge_path_loo(X6, y6, lams6, feature_names=names6),
        # a second explorer of one kind on the same page
        explorers.l1_l2_pictures(X2, y2, lam=2.0),
    ]


# --------------------------------------------------------------------------
# Comparing a printed number with a reference, to the printed precision.
# --------------------------------------------------------------------------


def _unit(text: str) -> float:
    """Value of one unit in the last printed digit of ``text``."""
    mantissa, _, exponent = text.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def assert_printed(text: str, expected: float, what: str) -> None:
    """``text`` is ``expected`` rounded to the digits ``text`` shows."""
    clean = text.strip().replace("\u2212", "-")
    value = float(clean)
    tol = 0.5 * _unit(clean) * (1 + 1e-9) + 1e-12 * abs(expected)
    assert abs(value - expected) <= tol, (
        f"{what}: the page prints {text!r}, the reference is {expected!r}"
    )


def pairs(text: str) -> list[str]:
    """The two numbers of a printed pair '(a, b)'."""
    return re.findall(r"[-\u2212]?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)


# --------------------------------------------------------------------------
# References: what each explorer must print at the setting the page reports.
# --------------------------------------------------------------------------


def wdlib_polynomial(state: dict) -> dict:
    train, test, P_train, P_test = poly_problem()
    fit = wd.ridge_fit(P_train, train.y, state["lam"])
    return {
        "train-mse": float(np.mean((fit.predict(P_train) - train.y) ** 2)),
        "test-mse": float(np.mean((fit.predict(P_test) - test.y) ** 2)),
        "df": float(wd.effective_dof(P_train, state["lam"])[0]),
    }


def wdlib_l1_l2(state: dict) -> dict:
    X, y = pair_problem()
    lasso = wd.lasso_fit(
        X, y, state["lam"], fit_intercept=False, tol=1e-14, max_iter=100_000
    )
    return {
        "ridge": wd.ridge_fit(X, y, state["lam"], fit_intercept=False).coef,
        "lasso": lasso.coef,
        "zero": [bool(w == 0.0) for w in lasso.coef],
        "lam-max": float(np.max(np.abs(X.T @ y)) / len(y)),
    }


def wdlib_gd(state: dict) -> dict:
    X, y, lam = gd_problem()
    L = wd.lipschitz_constant(X, lam, fit_intercept=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wd.ConvergenceWarning)
        run = wd.gradient_descent(
            X, y, lam, lr=state["eta"], fit_intercept=False
        )
    if run.converged:
        status = "converged"
    elif run.history[-1] > run.history[0] or run.n_iter < 10_000:
        status = "diverged"
    else:
        status = "stalled"
    hessian = X.T @ X / len(y) + lam * np.eye(2)
    return {
        "eta": state["etaL"] / L,
        "rate": float(
            np.max(np.abs(1 - state["eta"] * np.linalg.eigvalsh(hessian)))
        ),
        "n_iter": run.n_iter,
        "status": status,
        "iterate": lambda k: _gd_iterate(X, y, lam, state["eta"], k),
    }


def _gd_iterate(X, y, lam, eta, k):
    if k == 0:
        return np.zeros(2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wd.ConvergenceWarning)
        return wd.gradient_descent(
            X, y, lam, lr=eta, max_iter=k, tol=1e-300, fit_intercept=False
        ).coef


def wdlib_path_loo(state: dict) -> dict:
    X, y, lams, _ = loo_problem()
    lam = state["lam"]
    cv = wd.loo_cv(X, y, lams)
    return {
        "lam": float(lams[state["index"]]),
        "loo": float(wd.loo_cv(X, y, [lam]).mse[0]),
        "coefs": wd.ridge_fit(X, y, lam).coef,
        "best-lam": float(cv.best_lam),
    }


# --------------------------------------------------------------------------
# References for the built book: recomputed in numpy from the page's data.
# --------------------------------------------------------------------------


def embedded_polynomial(payload: dict) -> Callable[[dict], dict]:
    s, z, n = np.array(payload["s"]), np.array(payload["z"]), payload["n"]

    def ref(state: dict) -> dict:
        shrink = s / (s**2 + n * state["lam"])
        out = {}
        for key, part in (("train-mse", "train"), ("test-mse", "test")):
            pred = payload["ybar"] + np.array(payload[part]["proj"]) @ (
                shrink * z
            )
            out[key] = float(
                np.mean((pred - np.array(payload[part]["y"])) ** 2)
            )
        out["df"] = float(np.sum(s**2 / (s**2 + n * state["lam"])))
        return out

    return ref


def embedded_l1_l2(payload: dict) -> Callable[[dict], dict]:
    # a 2-sample design with the same Gram matrix and right-hand side:
    # wdlib's own solvers on it give the page's problem exactly
    A, c = np.array(payload["A"]), np.array(payload["c"])
    R = np.linalg.cholesky(2 * A).T  # R'R = 2A: X'X/2 = A
    y = np.linalg.solve(R.T, 2 * c)  # X'y/2 = c

    def ref(state: dict) -> dict:
        lasso = wd.lasso_fit(
            R,
            y,
            state["lam"],
            fit_intercept=False,
            tol=1e-14,
            max_iter=100_000,
        )
        return {
            "ridge": np.linalg.solve(A + state["lam"] * np.eye(2), c),
            "lasso": lasso.coef,
            "zero": [bool(w == 0.0) for w in lasso.coef],
            "lam-max": float(np.max(np.abs(c))),
        }

    return ref


def embedded_gd(payload: dict) -> Callable[[dict], dict]:
    G, c = np.array(payload["G"]), np.array(payload["c"])

    def ref(state: dict) -> dict:
        eta, theta = state["eta"], np.zeros(len(c))
        J = lambda t: 0.5 * t @ G @ t - c @ t + payload["c0"]  # noqa: E731
        first, status, k = J(theta), "stalled", 0
        iterates = [theta]
        for k in range(payload["max_iter"] + 1):
            grad = G @ theta - c
            value = J(theta)
            if np.linalg.norm(grad) <= payload["tol"]:
                status = "converged"
                break
            if value > payload["growth"] * first or (
                k == payload["max_iter"] and value > first
            ):
                status = "diverged"
                break
            if k == payload["max_iter"]:
                break
            theta = theta - eta * grad
            iterates.append(theta)
        return {
            "eta": state["etaL"] / payload["L"],
            "rate": float(np.max(np.abs(1 - eta * np.linalg.eigvalsh(G)))),
            "n_iter": k,
            "status": status,
            "iterate": lambda j: iterates[j][:2],
        }

    return ref


def embedded_path_loo(payload: dict) -> Callable[[dict], dict]:
    def ref(state: dict) -> dict:
        i = state["index"]
        return {
            "lam": payload["lams"][i],
            "loo": payload["loo"][i],
            "coefs": np.array(payload["coefs"][i]),
            "best-lam": payload["lams"][payload["best"]],
        }

    return ref


# --------------------------------------------------------------------------
# The checks of one explorer at its current setting.
# --------------------------------------------------------------------------


def readouts(root) -> dict[str, str]:
    return root.evaluate(
        """el => Object.fromEntries([...el.querySelectorAll('[data-wd]')]
                .map(e => [e.dataset.wd, e.textContent]))"""
    )


def check_polynomial(root, ref) -> None:
    state, shown = root.evaluate("el => el.wdState"), readouts(root)
    expected = ref(state)
    for key in ("train-mse", "test-mse", "df"):
        assert_printed(
            shown[key], expected[key], f"{key} at lam={state['lam']}"
        )


def check_l1_l2(root, ref) -> None:
    state, shown = root.evaluate("el => el.wdState"), readouts(root)
    expected = ref(state)
    for key in ("ridge", "lasso"):
        printed = pairs(shown[key])
        assert len(printed) == 2, shown[key]
        for j in range(2):
            assert_printed(
                printed[j],
                float(expected[key][j]),
                f"{key} w{j + 1} at lam={state['lam']}",
            )
    assert state["zero"] == expected["zero"], (
        f"exact zeros of the lasso at lam={state['lam']}: page "
        f"{state['zero']}, reference {expected['zero']}"
    )
    words = {
        (True, True): "both weights exactly 0",
        (True, False): "w₁ exactly 0",
        (False, True): "w₂ exactly 0",
        (False, False): "no weight is 0",
    }
    assert shown["lasso-zeros"] == words[tuple(expected["zero"])]
    assert_printed(shown["lam-max"], expected["lam-max"], "lambda_max")


def check_gd(root, ref) -> None:
    state, shown = root.evaluate("el => el.wdState"), readouts(root)
    expected = ref(state)
    assert math.isclose(state["eta"], expected["eta"], rel_tol=1e-9)
    assert_printed(shown["eta"], expected["eta"], "eta")
    assert_printed(shown["rate"], expected["rate"], "rate")
    assert (state["status"], state["nIter"]) == (
        expected["status"],
        expected["n_iter"],
    ), (
        f"eta*L={state['etaL']}: page {state['status']} after "
        f"{state['nIter']} steps, reference {expected['status']} after "
        f"{expected['n_iter']}"
    )
    if expected["status"] == "converged":
        assert shown["steps"] == str(expected["n_iter"])
    elif expected["status"] == "diverged":
        assert shown["steps"].startswith("diverges"), shown["steps"]
        assert f"after {expected['n_iter']} steps" in shown["steps"]
    else:
        assert shown["steps"] == f"not reached in {expected['n_iter']} steps"
    for k in (1, 5, len(state["iterates"]) - 1):
        np.testing.assert_allclose(
            state["iterates"][k][:2],
            expected["iterate"](k),
            rtol=1e-7,
            atol=1e-9,
        )


def check_path_loo(root, ref) -> None:
    state, shown = root.evaluate("el => el.wdState"), readouts(root)
    expected = ref(state)
    assert math.isclose(state["lam"], expected["lam"], rel_tol=1e-9)
    assert_printed(shown["lam"], expected["lam"], "lambda")
    assert_printed(shown["loo"], expected["loo"], "leave-one-out MSE")
    assert_printed(shown["best-lam"], expected["best-lam"], "best lambda")
    for j, value in enumerate(expected["coefs"]):
        assert_printed(shown[f"coef-{j}"], float(value), f"coefficient {j}")


CHECKS = {
    "ridge-polynomial": check_polynomial,
    "l1-l2": check_l1_l2,
    "gd-step": check_gd,
    "ridge-path-loo": check_path_loo,
}
# the element whose drawing must change with the slider
DRAWN = {
    "ridge-polynomial": "path.wd-line.wd-c0",
    "l1-l2": "circle.wd-region",
    "gd-step": "path.wd-line.wd-c2",
    "ridge-path-loo": "line.wd-marker",
}
DRAWN_ATTR = {
    "ridge-polynomial": "d",
    "l1-l2": "r",
    "gd-step": "d",
    "ridge-path-loo": "x1",
}


# --------------------------------------------------------------------------
# Browser fixtures: one Chromium, a loopback server, a recording tab.
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(playwright_session):
    if not CHROMIUM.exists():
        message = (
            f"CHROMIUM IS MISSING: {CHROMIUM} does not exist, so the "
            f"explorer checks did NOT run. Install it with "
            f"`apt-get install -y chromium`."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    chromium = playwright_session.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a directory from 127.0.0.1; return its base URL."""
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(directory))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


class Tab:
    """A browser tab recording console errors and off-machine requests."""

    def __init__(self, browser, base: str) -> None:
        self.local = (
            ("file://",)
            if base.startswith("file:")
            else ("{0.scheme}://{0.netloc}/".format(urlsplit(base)),)
        )
        self.context = browser.new_context(
            viewport={"width": 1100, "height": 900}, service_workers="block"
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        self.external: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda m: (
                m.type == "error"
                and self.errors.append(f"{m.text} ({m.location})")
            ),
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "requestfailed",
            lambda r: (
                r.url.startswith(self.local)
                and self.failed.append(f"{r.url}: {r.failure}")
            ),
        )

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.local + ("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.evaluate(
            """async () => {
                if (!window.MathJax) return;
                for (let i = 0; i < 300 && !(MathJax.startup
                        && MathJax.startup.promise); i++)
                    await new Promise(r => setTimeout(r, 50));
                if (MathJax.startup && MathJax.startup.promise)
                    await MathJax.startup.promise;
            }"""
        )
        self.page.wait_for_load_state("networkidle")

    def assert_clean(self) -> None:
        assert not self.external, f"requests off the machine: {self.external}"
        assert not self.failed, f"failed local requests: {self.failed}"
        assert not self.errors, f"console errors: {self.errors}"

    def close(self) -> None:
        self.context.close()


# --------------------------------------------------------------------------
# Moving a slider.
# --------------------------------------------------------------------------


def set_value(root, value: float) -> None:
    """Set the range input as a script would, and fire its input event."""
    root.locator("input[type=range]").evaluate(
        """(input, v) => { input.value = String(v);
            input.dispatchEvent(new Event('input', {bubbles: true})); }""",
        value,
    )


def slider_spec(root) -> dict:
    return root.locator("input[type=range]").evaluate(
        "i => ({min: +i.min, max: +i.max, step: +i.step, value: +i.value})"
    )


def drawing(root, kind: str) -> str:
    return root.locator(DRAWN[kind]).first.get_attribute(DRAWN_ATTR[kind])


def exercise(root, kind: str, ref, shots: str | None = None) -> None:
    """Keyboard, drag and direct settings, checking the numbers each time."""
    check, spec = CHECKS[kind], slider_spec(root)
    slider = root.locator("input[type=range]")
    # a visible label tied to the input, and the current value printed
    assert slider.evaluate("i => i.labels.length") == 1
    label = slider.evaluate("i => i.labels[0].textContent")
    assert label and root.locator("label").first.is_visible()
    assert root.locator("output").inner_text().strip()
    check(root, ref)
    before = drawing(root, kind)
    if shots:
        root.screenshot(path=str(SCREENSHOTS / f"{shots}-start.png"))
    # keyboard: arrows move one step, End/Home jump to the ends
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    moved = slider_spec(root)["value"]
    assert math.isclose(
        moved, min(spec["max"], spec["value"] + 5 * spec["step"]), abs_tol=1e-9
    )
    check(root, ref)
    assert drawing(root, kind) != before, "the drawing did not change"
    slider.press("Home")
    assert math.isclose(slider_spec(root)["value"], spec["min"])
    check(root, ref)
    slider.press("End")
    assert math.isclose(slider_spec(root)["value"], spec["max"])
    check(root, ref)
    # a mouse drag from the left quarter to the right quarter of the track
    box = slider.bounding_box()
    assert box is not None
    page = root.page
    page.mouse.click(
        box["x"] + 0.25 * box["width"], box["y"] + box["height"] / 2
    )
    at_quarter = slider_spec(root)["value"]
    page.mouse.down()
    page.mouse.move(
        box["x"] + 0.75 * box["width"], box["y"] + box["height"] / 2, steps=8
    )
    page.mouse.up()
    assert slider_spec(root)["value"] > at_quarter, "the drag did nothing"
    check(root, ref)
    # settings across the whole range
    span = spec["max"] - spec["min"]
    for fraction in (0.0, 0.13, 0.37, 0.5, 0.71, 0.9, 1.0):
        value = (
            spec["min"] + round(fraction * span / spec["step"]) * spec["step"]
        )
        set_value(root, value)
        check(root, ref)
    if shots:
        set_value(
            root, spec["min"] + round(0.8 * span / spec["step"]) * spec["step"]
        )
        root.screenshot(path=str(SCREENSHOTS / f"{shots}-moved.png"))


# --------------------------------------------------------------------------
# Group 1: the harness page.
# --------------------------------------------------------------------------

WDLIB_REFS = {
    "ridge-polynomial": wdlib_polynomial,
    "l1-l2": wdlib_l1_l2,
    "gd-step": wdlib_gd,
    "ridge-path-loo": wdlib_path_loo,
}
HARNESS_KINDS = ["ridge-polynomial", "l1-l2", "gd-step", "ridge-path-loo"]


@pytest.fixture(scope="session")
def harness(tmp_path_factory) -> Path:
    """A page with every explorer, the theme's dark switch and its assets."""
    folder = tmp_path_factory.mktemp("explorers")
    for name in ("explorers.js", "explorers.css"):
        shutil.copy(STATIC / name, folder / name)
    blocks = "\n".join(
        f'<section class="cell">{ex._repr_html_()}</section>'
        for ex in harness_explorers()
    )
    (folder / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang='en' data-theme='light'><head>"
        "<meta charset='utf-8'><title>Explorers</title>"
        "<link rel='stylesheet' href='explorers.css'>"
        "<style>html[data-theme=dark] body{background:#121212;color:#ced6dd}"
        "body{font-family:sans-serif;max-width:52rem;margin:1rem auto}"
        "</style>"
        "<script src='explorers.js'></script></head>"
        f"<body><main>{blocks}</main></body></html>\n",
        encoding="utf-8",
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=["http", "file"])
def harness_tab(request, browser, harness, serve) -> Iterator[Tab]:
    url = (
        serve(harness) + "index.html"
        if request.param == "http"
        else (harness / "index.html").as_uri()
    )
    tab = Tab(browser, url)
    tab.open(url)
    tab.mode = request.param
    yield tab
    tab.close()


def test_payloads_stay_light() -> None:
    for ex in harness_explorers():
        assert ex.nbytes < 200_000, f"{ex.kind}: {ex.nbytes} bytes"


@pytest.mark.parametrize("kind", HARNESS_KINDS)
def test_harness_explorer(kind: str, harness_tab: Tab) -> None:
    roots = harness_tab.page.locator(f".wd-explorer[data-kind='{kind}']")
    assert roots.count() >= 1
    for i in range(roots.count()):
        root = roots.nth(i)
        assert root.get_attribute("data-wd-ready") == "true"
        assert not root.locator(".wd-explorer-fallback").is_visible()
        shots = kind if harness_tab.mode == "http" and i == 0 else None
        exercise(root, kind, WDLIB_REFS[kind], shots)
    harness_tab.assert_clean()


def test_gd_every_step_size(harness_tab: Tab) -> None:
    """Every position of the step-size slider: wdlib's count and verdict."""
    if harness_tab.mode != "http":
        pytest.skip("one full sweep is enough (it is the same script)")
    root = harness_tab.page.locator(".wd-explorer[data-kind='gd-step']")
    spec = slider_spec(root)
    positions = int(round((spec["max"] - spec["min"]) / spec["step"])) + 1
    assert positions == 201
    verdicts = set()
    for k in range(positions):
        set_value(root, round(spec["min"] + k * spec["step"], 2))
        state = root.evaluate("el => el.wdState")
        expected = wdlib_gd(state)
        assert (state["status"], state["nIter"]) == (
            expected["status"],
            expected["n_iter"],
        ), state["etaL"]
        verdicts.add(state["status"])
        if state["etaL"] < 1.995:
            assert state["status"] == "converged"
        if state["etaL"] > 2.005:
            assert state["status"] == "diverged"
    assert verdicts == {"converged", "diverged", "stalled"}
    harness_tab.assert_clean()


def test_lasso_zero_shown(harness_tab: Tab) -> None:
    """Sweeping lambda, the page says exactly when a lasso weight is 0."""
    root = harness_tab.page.locator(".wd-explorer[data-kind='l1-l2']").first
    seen = set()
    for v in np.arange(-3.0, 1.0001, 0.1):
        set_value(root, round(float(v), 2))
        check_l1_l2(root, wdlib_l1_l2)
        seen.add(tuple(root.evaluate("el => el.wdState.zero")))
    assert seen == {(False, False), (False, True), (True, True)}


def _luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    lin = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (r, g, b)
    ]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dark_mode_colours(harness_tab: Tab) -> None:
    """Readable in light and dark mode: text, labels and lines contrast."""
    page = harness_tab.page
    probe = """() => {
        const root = document.querySelector('.wd-explorer');
        const bg = getComputedStyle(document.body).backgroundColor;
        return {
            line: getComputedStyle(root.querySelector('path.wd-line.wd-c0'))
                .stroke,
            tick: getComputedStyle(root.querySelector('.wd-tick-label')).fill,
            value: getComputedStyle(root.querySelector('.wd-readout-value'))
                .color,
            background: bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg,
        };
    }"""
    light = page.evaluate(probe)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    dark = page.evaluate(probe)
    for mode, colours in (("light", light), ("dark", dark)):
        bg = colours["background"]
        assert _contrast(colours["value"], bg) >= 7, (mode, colours)
        assert _contrast(colours["tick"], bg) >= 4.5, (mode, colours)
        assert _contrast(colours["line"], bg) >= 3, (mode, colours)
    assert light["line"] != dark["line"]
    if harness_tab.mode == "http":
        for kind in HARNESS_KINDS:
            root = page.locator(f".wd-explorer[data-kind='{kind}']").first
            root.screenshot(path=str(SCREENSHOTS / f"{kind}-dark.png"))
    harness_tab.assert_clean()


def test_without_the_script_a_note_shows(browser, harness) -> None:
    """No explorers.js (JupyterLab, no JavaScript): only the note shows."""
    bare = harness / "bare.html"
    text = (harness / "index.html").read_text(encoding="utf-8")
    bare.write_text(
        text.replace("<script src='explorers.js'></script>", ""),
        encoding="utf-8",
    )
    tab = Tab(browser, bare.as_uri())
    try:
        tab.open(bare.as_uri())
        notes = tab.page.locator(".wd-explorer-fallback")
        assert notes.count() == len(harness_explorers())
        assert all(notes.nth(i).is_visible() for i in range(notes.count()))
        assert tab.page.locator(".wd-explorer input").count() == 0
        tab.assert_clean()
    finally:
        tab.close()


def test_checks_catch_a_wrong_number(harness_tab: Tab) -> None:
    """The comparison fails when the page prints a different number."""
    root = harness_tab.page.locator(
        ".wd-explorer[data-kind='ridge-polynomial']"
    )
    root.evaluate(
        "el => { el.querySelector('[data-wd=df]').textContent ="
        " (+el.querySelector('[data-wd=df]').textContent + 0.01)"
        ".toFixed(2); }"
    )
    with pytest.raises(AssertionError, match="df"):
        check_polynomial(root, wdlib_polynomial)


# --------------------------------------------------------------------------
# Group 2: the built book.
# --------------------------------------------------------------------------

EMBEDDED_REFS = {
    "ridge-polynomial": embedded_polynomial,
    "l1-l2": embedded_l1_l2,
    "gd-step": embedded_gd,
    "ridge-path-loo": embedded_path_loo,
}


def _built_pages() -> list[str]:
    if not HTML_DIR.is_dir():
        return []
    return sorted(
        p.relative_to(HTML_DIR).as_posix()
        for p in HTML_DIR.rglob("*.html")
        if 'class="wd-explorer"'
        in p.read_text(encoding="utf-8", errors="replace")
    )


BUILT = _built_pages()
BUILT_REASON = (
    f"no page of the built book at {HTML_DIR} embeds an explorer yet "
    f"(a chapter cell calling wdlib.experiments.explorers); build the book "
    f"with such a cell to run these checks"
)


@pytest.mark.skipif(not BUILT, reason=BUILT_REASON)
@pytest.mark.parametrize("mode", ["http", "file"])
@pytest.mark.parametrize("page", BUILT or ["none"])
def test_built_book_explorers(page: str, mode: str, browser, serve) -> None:
    url = (
        serve(HTML_DIR) + page
        if mode == "http"
        else (HTML_DIR / page).as_uri()
    )
    tab = Tab(browser, url)
    try:
        tab.open(url)
        roots = tab.page.locator(".wd-explorer[data-kind]")
        assert roots.count() >= 1
        for i in range(roots.count()):
            root = roots.nth(i)
            kind = root.get_attribute("data-kind")
            assert root.get_attribute("data-wd-ready") == "true", (
                f"{page}: explorer {i} ({kind}) did not start"
            )
            payload = json.loads(
                root.locator("script.wd-explorer-data").text_content()
            )
            ref = EMBEDDED_REFS[kind](payload)
            shots = (
                f"book-{page.replace('/', '_')[:-5]}-{i}-{kind}"
                if mode == "http"
                else None
            )
            if shots:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            root.scroll_into_view_if_needed()
            exercise(root, kind, ref, shots)
        tab.assert_clean()
    finally:
        tab.close()
