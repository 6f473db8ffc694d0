"""``rr.badge``: a short coloured label with an optional icon (emoji or ``:material/name:``)."""

from __future__ import annotations

from typing import Literal

from .. import _params
from ..element import Element
from ..errors import APIError

BADGE = Element(
    "badge", ("label", "icon", "color", "width", "help"),
    doc="`label` (plain text), `icon` (emoji or `:material/name:`), `color` (a theme colour "
        "name), `width` (`content`, `stretch` or px), `help`",
)
COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "primary")


@BADGE.function
def badge(
    label: str,
    *,
    icon: str | None = None,
    color: Literal[
        "red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"
    ] = "blue",
    width: int | Literal["content", "stretch"] = "content",
    help: str | None = None,
) -> None:
    """Show ``label`` as a small coloured badge."""
    shown = "gray" if color == "grey" else color
    if shown not in COLORS:
        raise APIError(f"rr.badge: color must be one of {', '.join(COLORS)}, not {color!r}")
    if icon is not None and not isinstance(icon, str):
        raise APIError(f"rr.badge: icon must be an emoji or ':material/name:', not {icon!r}")
    BADGE.draw(label=str(label), icon=icon or None, color=shown,
               width=_params.width("rr.badge", width), help=help)


__all__ = ["BADGE", "badge"]
