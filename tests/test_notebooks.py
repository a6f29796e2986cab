"""Guards for the chapter notebooks: saved after a clean, in-order run; no "
"network installs."""

import json
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"
NOTEBOOKS = sorted(BOOK.glob("*.ipynb"))


def test_there_are_chapter_notebooks():
    assert len(NOTEBOOKS) >= 6, (
        f"expected the six chapters in {BOOK}, found {NOTEBOOKS}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_after_clean_in_order_run(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    counts = [
        c.get("execution_count")
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]
    assert counts, f"{path.name} has no code cells"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts are {counts}, not 1..{len(counts)}; "
        f"re-run it with `make notebooks NB={path.relative_to(BOOK.parent)}` "
        "and commit the result."
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_uses_the_project_kernel_and_installs_nothing(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            assert "pip install" not in source, (
                f"{path.name}: install from pyproject.toml, not in a cell"
            )
    code = "".join(
        "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
    )
    assert "import wdlib as wd" in code, (
        f"{path.name} must use the companion package wdlib"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_figures_are_png_not_svg(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert "image/svg+xml" not in out.get("data", {}), (
                f"{path.name}: use PNG figures (nbval compares SVG)"
            )
