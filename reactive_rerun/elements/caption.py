"""``rr.caption``: small muted text."""

from __future__ import annotations

from .._text import plain
from ..element import Element

CAPTION = Element("caption", ("text",), doc="`text`, small muted text")


@CAPTION.function
def caption(body: object) -> None:
    """Show ``body`` as small, muted text (a note under a chart, say)."""
    CAPTION.draw(text=plain(body))

__all__ = ["CAPTION", "caption"]
