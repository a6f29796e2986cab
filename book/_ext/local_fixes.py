"""Small Sphinx fixes for a clean, offline Jupyter Book 1 build.

Jupyter Book 1 always loads ``sphinx_thebe``, which registers its
configuration script twice (the browser then reports "Identifier
'THEBE_JS_URL' has already been declared") and points at unpkg.com even with
``launch_buttons: thebe: false``. The book has no live-code buttons, so this
extension drops thebe's scripts and stylesheet from every page.
"""

from __future__ import annotations


def _is_thebe(asset) -> bool:
    text = f"{getattr(asset, 'filename', asset)} {getattr(asset, 'attributes', {}).get('body', '')}"
    return "thebe" in text.lower()


def _drop_thebe_assets(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


def setup(app):
    app.connect("html-page-context", _drop_thebe_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
