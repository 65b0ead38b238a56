"""Tiny helpers shared by the replica pages: escaping and the page skeleton."""

from __future__ import annotations

from html import escape

__all__ = ["escape", "inject_before_body_end", "page"]


def page(title: str, body: str, *, style: str = "", script: str = "", lang: str = "en") -> str:
    """Return a whole HTML document; `body`, `style` and `script` are inserted verbatim."""
    script_tag = f"<script>{script}</script>" if script else ""
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{style}</style></head>"
        f"<body>{body}{script_tag}</body></html>"
    )


def inject_before_body_end(document: str, fragment: str) -> str:
    """Insert `fragment` just before `</body>` (or at the end when there is none)."""
    index = document.rfind("</body>")
    if index < 0:
        return document + fragment
    return document[:index] + fragment + document[index:]
