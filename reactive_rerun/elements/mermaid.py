"""``rr.mermaid_chart``: a Mermaid diagram, drawn in the browser by the vendored mermaid.

Mermaid (``static/vendor/mermaid-*``, 5.5 MB unpacked) loads only on a page that shows such a
diagram. The browser draws it as an SVG image (``<img>``): the diagram's text never becomes
markup in the page, and Mermaid's own ``strict`` security level applies besides.
"""

from __future__ import annotations

from typing import Literal

from ..element import Element
from ..errors import APIError

MERMAID = Element(
    "mermaid", ("body", "width", "alt"),
    doc="`body` (the Mermaid source), `width` (`stretch` / `content` / px), `alt` (the "
        "accessible name or `null`)", heads_up=True,
)


@MERMAID.function
def mermaid_chart(body: str, *, width: int | Literal["stretch", "content"] = "stretch",
                  alt: str | None = None) -> None:
    """Draw a Mermaid diagram from its source (``graph TD; A-->B``), in the page's theme."""
    if not isinstance(body, str):
        raise APIError(f"rr.mermaid_chart takes the diagram's source text, not "
                       f"{type(body).__name__}")
    if not (width in ("stretch", "content") or isinstance(width, int) and width > 0):
        raise APIError(f"width must be 'stretch', 'content' or a number of pixels, not {width!r}")
    if alt is not None and not isinstance(alt, str):
        raise APIError(f"alt must be a string, not {type(alt).__name__}")
    MERMAID.draw(body=body, width=width, alt=alt or None)


__all__ = ["MERMAID", "mermaid_chart"]
