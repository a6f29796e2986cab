"""A plain install (no extras) from a read-only copy gives all the public API.

The package sources are copied to a temporary directory and made read-only;
a fresh virtual environment (no system site-packages) installs the copy with
``pip install --no-index --find-links <wheels>``, as an unprivileged user
when the tests run as root. The wheels of the runtime dependencies are
collected first with ``pip download`` at the versions of constraints.txt (from
pip's cache when it has them, otherwise from the package index). The test
then imports every public name in that environment and checks that the copy
was not written to (no egg-info, no build/ directory).

Slow (about a minute): marked ``install``; ``make test`` runs it, ``make unit``
does not.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RUNTIME = [
    "numpy",
    "scipy",
    "scikit-learn",
    "pandas",
    "palmerpenguins",
    "sympy",
    "matplotlib",
]
BACKEND = "flit_core>=3.12,<5"
SOURCES = ["pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "wdlib"]

pytestmark = pytest.mark.install

CHECK = textwrap.dedent(
    """
    import importlib, importlib.metadata, pkgutil, sys

    import numpy as np
    import wdlib as wd

    assert "site-packages" in wd.__file__, wd.__file__
    heavy = [
        m for m in ("sklearn", "sympy", "matplotlib", "pandas")
        if m in sys.modules
    ]
    assert heavy == [], f"import wdlib loaded {heavy}"
    assert wd.__version__ == importlib.metadata.version("wdlib")

    missing = [name for name in wd.__all__ if not hasattr(wd, name)]
    assert missing == [], f"wdlib.__all__ names that fail: {missing}"
    namespace = {}
    exec("from wdlib import *", namespace)
    assert set(wd.__all__) <= set(namespace), set(wd.__all__) - set(namespace)

    checked = []
    for info in pkgutil.iter_modules(wd.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"wdlib.{info.name}")
        names = getattr(module, "__all__", [])
        bad = [n for n in names if not hasattr(module, n)]
        assert bad == [], f"wdlib.{info.name}.__all__ names that fail: {bad}"
        exec(f"from wdlib.{info.name} import *", {})
        checked.append(info.name)

    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    model = wd.Ridge(lam=1.25).fit(X, 2 * X[:, 0])
    # n * lam = 5 = sum of centred x^2, so w = 10 / (5 + 5) = 1 and b = 3 - 1.5
    assert abs(model.coef_[0] - 1.0) < 1e-12
    assert abs(model.intercept_ - 1.5) < 1e-12
    df = wd.data.load_penguins()
    assert df.shape == (344, 8), df.shape
    wd.symbolic.gradient(wd.symbolic.loss(wd.symbolic.ridge_symbols(2, 1)),
                         wd.symbolic.ridge_symbols(2, 1))
    from matplotlib.figure import Figure
    wd.plotting.plot_iteration_curves(
        {"a": [1.0, 0.5]}, ylabel="J", ax=Figure().subplots()
    )
    print("checked modules:", " ".join(sorted(checked)))
    """
)


def _tree_state(root: Path) -> dict[str, tuple]:
    """Every path under ``root`` with its mode, size and content hash."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = (
            hashlib.sha256(path.read_bytes()).hexdigest()
            if path.is_file()
            else ""
        )
        state[str(path.relative_to(root))] = (
            stat.S_IFMT(info.st_mode),
            info.st_size,
            digest,
        )
    return state


def _clean_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(
        HOME=str(home),
        PIP_CONFIG_FILE=os.devnull,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_CACHE_DIR="1",
        MPLBACKEND="Agg",
        MPLCONFIGDIR=str(home / "mpl"),
    )
    return env


def _run(cmd, *, env=None, cwd=None, timeout=300):
    out = subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert out.returncode == 0, (
        f"{' '.join(map(str, cmd))} "
        f"failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    )
    return out.stdout


def _unprivileged(python: str) -> list[str] | None:
    """A command prefix running as 'nobody' (when root, and it can run "
    "``python``)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    try:
        # through a shell: setpriv itself may reach a binary that a process
        # running as nobody cannot (a venv's python re-executes the base one)
        probe = subprocess.run(
            [
                *prefix,
                "/bin/sh",
                "-c",
                'exec "$0" -c "import venv, ensurepip"',
                python,
            ],
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return prefix if probe.returncode == 0 else None


def _base_python() -> tuple[str, list[str] | None]:
    """An interpreter for the fresh venv; how to run as an unprivileged user.

    The project's interpreter may live under a directory only root can enter
    (e.g. pyenv in /root); then the system Python of the same version is
    used for the unprivileged install, if there is one.
    """
    own = getattr(sys, "_base_executable", sys.executable)
    candidates = [own]
    system = shutil.which("python3", path="/usr/bin:/usr/local/bin")
    if system:
        candidates.append(system)
    for python in candidates:
        try:
            version = subprocess.run(
                [python, "-c", "import sys; print(sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.strip()
        except OSError:
            continue
        if version != str(sys.version_info[:2]):
            continue
        prefix = _unprivileged(python)
        if prefix is not None:
            return python, prefix
    return own, None


@pytest.fixture(scope="module")
def workdir():
    root = Path(tempfile.mkdtemp(prefix="wdlib-install-"))
    root.chmod(
        0o755
    )  # the unprivileged user must reach the copy and the wheels
    yield root
    src = root / "src"
    for path in [src, *src.rglob("*")] if src.exists() else []:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(root, ignore_errors=True)


def test_plain_install_from_a_read_only_copy_gives_every_public_name(workdir):
    # 1. the wheels of the runtime dependencies, at the pinned versions
    wheels = workdir / "wheels"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--only-binary=:all:",
            "-c",
            str(REPO / "constraints.txt"),
            "-d",
            str(wheels),
            *RUNTIME,
            BACKEND,
        ]
    )

    # 2. a read-only copy of the package sources
    src = workdir / "src"
    src.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(
                REPO / name,
                src / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )
        else:
            shutil.copy2(REPO / name, src / name)
    for path in [*src.rglob("*"), src]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = _tree_state(src)

    # 3. a fresh venv, owned by the user who installs
    python, as_user = _base_python()
    prefix = as_user or []
    home, venv = workdir / "home", workdir / "venv"
    home.mkdir()
    if as_user:
        shutil.chown(home, "nobody")
        venv.mkdir()
        shutil.chown(venv, "nobody")
    env = _clean_env(home)
    _run([*prefix, python, "-m", "venv", str(venv)], env=env, cwd=home)
    vpy = str(venv / "bin" / "python")

    # 4. install with no extras, offline
    _run(
        [
            *prefix,
            vpy,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-compile",
            "--no-index",
            "--find-links",
            str(wheels),
            str(src),
        ],
        env=env,
        cwd=home,
    )

    # 5. every public name works in that environment
    out = _run([*prefix, vpy, "-c", CHECK], env=env, cwd=home)
    assert "checked modules:" in out
    for module in (
        "data",
        "models",
        "optim",
        "plotting",
        "selection",
        "symbolic",
    ):
        assert module in out.split("checked modules:")[1].split(), out

    # 6. nothing was written into the copy
    # (as root without setpriv the write bits do not stop a write: the
    # comparison of contents is what checks it)
    assert _tree_state(src) == before


def test_check_script_is_valid_python() -> None:
    # runs in `make unit` too: a broken script would only show in the slow
    # install test otherwise
    compile(CHECK, "<install check>", "exec")
