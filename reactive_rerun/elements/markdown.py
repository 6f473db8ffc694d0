"""``rr.markdown``: Markdown, rendered on the server with raw HTML escaped."""

from __future__ import annotations

from .._text import plain, render_markdown
from ..element import Element

MARKDOWN = Element("markdown", ("html",), doc="`html` (server-rendered Markdown)")


@MARKDOWN.function
def markdown(body: object, *, unsafe_allow_html: bool = False) -> None:
    """Render ``body`` as Markdown; raw HTML in it is shown as text unless allowed."""
    MARKDOWN.draw(html=render_markdown(plain(body), unsafe_allow_html=unsafe_allow_html))

__all__ = ["MARKDOWN", "markdown"]
