"""``rr.container``: a block to draw into, now or later in the run."""

from __future__ import annotations

from ..element import Element
from ..layout import Container, open_block

CONTAINER = Element("container", ("border",), doc="`border` (bool)", block=True)


@CONTAINER.function
def container(*, border: bool = False) -> Container:
    """A block to draw into, now or later in the run."""
    return open_block(CONTAINER, border=border)

__all__ = ["CONTAINER", "container"]
