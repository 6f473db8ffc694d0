"""``rr.title``: the page's title."""

from __future__ import annotations

from .._text import plain
from ..element import Element

TITLE = Element("title", ("text",), doc="`text`, shown as the page heading (`h1`)")


@TITLE.function
def title(body: object) -> None:
    """Show ``body`` as the page title."""
    TITLE.draw(text=plain(body))

__all__ = ["TITLE", "title"]
