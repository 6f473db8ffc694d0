"""``rr.text``: plain text."""

from __future__ import annotations

from .._text import plain
from ..element import Element

TEXT = Element("text", ("text",), doc="`text`, plain text with its whitespace kept")


@TEXT.function
def text(body: object) -> None:
    """Show ``body`` as plain text: never Markdown, whitespace kept."""
    TEXT.draw(text=plain(body))

__all__ = ["TEXT", "text"]
