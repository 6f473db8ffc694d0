"""``rr.html``: the script's HTML, sanitised in the browser by DOMPurify before it is shown.

The page loads DOMPurify (vendored, see ``static/vendor/``) only when it shows an ``html``
element. Scripts, event-handler attributes and ``javascript:`` URLs are removed; ``<style>``
stays (apps use ``rr.html`` to add CSS), and HTML that is only ``<style>`` takes no space.
``unsafe_allow_javascript=True`` shows the HTML unsanitised in a sandboxed iframe whose scripts
run in an opaque origin: they can never reach the app's page, cookies or session.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import _params
from ..element import Element
from ..errors import APIError

HTML = Element(
    "html", ("body", "width", "style_only", "unsafe"),
    doc="`body` (HTML the browser sanitises with DOMPurify), `width` (`stretch`, `content` or "
        "px), `style_only` (only `<style>`: takes no space), `unsafe` (run its scripts in a "
        "sandboxed iframe)",
)
STYLE_ONLY = re.compile(r"^\s*(<style\b[^>]*>.*?</style>\s*)+$", re.S | re.I)


def content(body: Any) -> str:
    """The HTML of ``body``: ``_repr_html_()``, a ``Path``'s file (CSS wrapped in ``<style>``),
    or ``str(body)``."""
    repr_html = getattr(body, "_repr_html_", None)
    if callable(repr_html):
        return str(repr_html())
    if isinstance(body, Path):
        try:
            text = body.read_text(encoding="utf-8")
        except OSError as exc:
            raise APIError(f"rr.html: cannot read {str(body)!r}: {exc}") from None
        return f"<style>{text}</style>" if body.suffix.lower() == ".css" else text
    return str(body)


@HTML.function
def html(body: Any, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False) -> None:
    """Show HTML, sanitised (no script of it ever runs in the app's page)."""
    text = content(body)
    style_only = bool(STYLE_ONLY.match(text))
    HTML.draw(
        body=text, width=_params.width("rr.html", width), style_only=style_only,
        unsafe=bool(unsafe_allow_javascript) and not style_only,
    )


__all__ = ["HTML", "content", "html"]
