"""Shared by the browser test modules: paths, Chromium's flags, a server."""

from __future__ import annotations

import http.server
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML_DIR = Path(
    os.environ.get("WDLIB_BOOK_HTML", ROOT / "_build" / "html")
).resolve()
CHROMIUM = Path(os.environ.get("WDLIB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
]
TIMEOUT_MS = 30_000


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to the test output."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass
