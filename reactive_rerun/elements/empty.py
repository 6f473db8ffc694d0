"""``rr.empty``: a block that holds one element; each write replaces it."""

from __future__ import annotations

from ..element import Element
from ..layout import Container, open_block

EMPTY = Element("empty", (), doc="holds one child; no fields", block=True)


@EMPTY.function
def empty() -> Container:
    """Holds one element; each write replaces what it holds."""
    return open_block(EMPTY)

__all__ = ["EMPTY", "empty"]
