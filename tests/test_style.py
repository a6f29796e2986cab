"""Code fits the page: one formatter (ruff), 79 characters a line.

The library, the tests and the benchmarks are checked with ruff; the code
cells of every chapter notebook are parsed from the JSON and checked line by
line (a failure names the notebook, the cell index and the line).
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX = 79
CHECKED = ["wdlib", "tests", "benchmarks"]


def _ruff(*args):
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("ruff is not installed; pip install ruff (test extra)")
    return subprocess.run(
        [exe, *args, *CHECKED], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_format_leaves_the_code_unchanged():
    out = _ruff("format", "--check")
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_code_line_is_longer_than_79_characters():
    out = _ruff("check", "--select", "E501", "--output-format", "concise")
    assert out.returncode == 0, out.stdout + out.stderr


def _long_notebook_lines():
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            for number, line in enumerate(source.splitlines(), start=1):
                if len(line) > MAX:
                    yield (
                        f"{path.name}, cell {index}, line {number} "
                        f"({len(line)} characters): {line[:60]}..."
                    )


def test_notebook_code_cells_fit_79_characters():
    long = list(_long_notebook_lines())
    assert not long, "\n".join(long)
