"""``rr.expander``: a collapsible container."""

from __future__ import annotations

from ..element import Element
from ..layout import Container, open_block

EXPANDER = Element(
    "expander", ("label", "expanded"), doc="`label`, `expanded` (initial state)", block=True
)


@EXPANDER.function
def expander(label: str, expanded: bool = False) -> Container:
    """A collapsible container; ``expanded`` is its initial state."""
    return open_block(EXPANDER, label=str(label), expanded=bool(expanded))

__all__ = ["EXPANDER", "expander"]
