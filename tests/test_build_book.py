"""The book build's kernel settings leave a notebook's results alone.

``tools/build_book.py`` executes the chapters with two settings of its own
(``KERNEL_ARGUMENTS``, and stopping the kernel right after the last cell).
A notebook executed that way must come out as ``make notebooks`` saves it:
execution counts 1..N, no output that its cells did not make, glue working.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Executed in a separate interpreter: importing build_book changes
# sys.modules (it marks jsonschema's IRI grammar absent), which must not
# leak into the other tests of this process.
RUN = """
import json, sys, types
from pathlib import Path
import nbformat
sys.path.insert(0, {tools!r})
import build_book
v4 = nbformat.v4
nb = v4.new_notebook(cells=[
    v4.new_markdown_cell("# a title"),
    v4.new_code_cell(
        "import sys\\n"
        "from myst_nb import glue\\n"
        "glue('answer', 42, display=False)\\n"
        "print(sys.modules.get('rfc3987_syntax', 'loaded') is None)"
    ),
    v4.new_code_cell("6 * 7"),
])
project_nb = types.SimpleNamespace(nb=nb, uri=str(Path({cwd!r}) / "x.ipynb"))
data = types.SimpleNamespace(timeout=60, allow_errors=False)
result = build_book._BuildWorker.execute(project_nb, data)
print(json.dumps({{
    "error": None if result.err is None else repr(result.err),
    "cells": [
        {{"count": c.execution_count, "outputs": c.outputs}}
        for c in nb.cells if c.cell_type == "code"
    ],
}}))
"""


def test_build_kernel_settings_keep_counts_and_outputs(tmp_path):
    code = RUN.format(tools=str(ROOT / "tools"), cwd=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["error"] is None, report["error"]
    first, second = report["cells"]
    assert [first["count"], second["count"]] == [1, 2]
    glued, printed = first["outputs"]
    assert glued["output_type"] == "display_data"
    assert glued["metadata"]["scrapbook"]["name"] == "answer"
    assert glued["data"]["application/papermill.record/text/plain"] == "42"
    # the kernel's start-up line ran: the optional module is marked absent
    assert printed == {
        "name": "stdout",
        "output_type": "stream",
        "text": "True\n",
    }
    assert second["outputs"] == [
        {
            "output_type": "execute_result",
            "execution_count": 2,
            "metadata": {},
            "data": {"text/plain": "42"},
        }
    ]
