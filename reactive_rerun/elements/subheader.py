"""``rr.subheader``: a sub-section heading."""

from __future__ import annotations

from .._text import plain
from ..element import Element

SUBHEADER = Element("subheader", ("text",), doc="`text`, shown as a sub-section heading (`h3`)")


@SUBHEADER.function
def subheader(body: object) -> None:
    """Show ``body`` as a sub-section heading."""
    SUBHEADER.draw(text=plain(body))

__all__ = ["SUBHEADER", "subheader"]
