"""``rr.space``: empty space between elements (vertical; horizontal in a horizontal container)."""

from __future__ import annotations

from typing import Literal

from .. import _params
from ..element import Element
from ..errors import APIError

SPACE = Element(
    "space", ("size",),
    doc="`size`: a size name (`xxsmall` … `xxlarge`, as Streamlit's rem values), px, or `stretch` "
        "(fills what is left)",
)


@SPACE.function
def space(
    size: Literal["stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge",
                  "xxlarge"] | int = "small",
) -> None:
    """Add empty space: ``"small"`` is a label's height, ``"medium"`` a button's, ``"large"`` a
    labelled input's; an int is pixels; ``"stretch"`` fills the rest of a container."""
    if size != "stretch" and size not in _params.SIZES and not (
        isinstance(size, int) and not isinstance(size, bool) and size >= 0
    ):
        raise APIError(f"space: size must be one of stretch, {', '.join(_params.SIZES)} or "
                       f"pixels (int >= 0), not {size!r}.")
    SPACE.draw(size=size)


__all__ = ["SPACE", "space"]
