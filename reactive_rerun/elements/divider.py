"""``rr.divider``: a horizontal rule."""

from __future__ import annotations

from ..element import Element

DIVIDER = Element("divider", (), doc="a horizontal rule; no fields")


@DIVIDER.function
def divider() -> None:
    """Draw a horizontal rule."""
    DIVIDER.draw()

__all__ = ["DIVIDER", "divider"]
