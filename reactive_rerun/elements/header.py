"""``rr.header``: a section heading."""

from __future__ import annotations

from .._text import plain
from ..element import Element

HEADER = Element("header", ("text",), doc="`text`, shown as a section heading (`h2`)")


@HEADER.function
def header(body: object) -> None:
    """Show ``body`` as a section heading."""
    HEADER.draw(text=plain(body))

__all__ = ["HEADER", "header"]
