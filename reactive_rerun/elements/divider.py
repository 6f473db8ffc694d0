"""``rr.divider``: a horizontal rule."""

from __future__ import annotations

from typing import Literal

from .. import _params
from ..element import Element

DIVIDER = Element("divider", ("width",), doc="a horizontal rule; `width`")


@DIVIDER.function
def divider(*, width: Literal["stretch"] | int = "stretch") -> None:
    """Draw a horizontal rule (as wide as its container, or ``width`` pixels)."""
    DIVIDER.draw(width=_params.width("divider", width, content=False))


__all__ = ["DIVIDER", "divider"]
