"""``rr.container``: a block to draw into, now or later in the run."""

from __future__ import annotations

import re
from typing import Any, Literal

from .. import _params
from ..element import Element
from ..errors import APIError
from ..layout import Container, open_block

CONTAINER = Element(
    "container",
    ("border", "key", "width", "height", "horizontal", "wrap", "halign", "valign", "gap",
     "autoscroll"),
    doc="`border` (bool), `key` (a CSS class hook `rr-key-<key>`, or null), `width`, `height` "
        "(`content`, `stretch` or px: a fixed height scrolls), `horizontal` (bool), `wrap`, "
        "`halign` / `valign` (alignment of the children), `gap` (a size name, px or null), "
        "`autoscroll` (keep a fixed-height container scrolled to its end)",
    block=True,
)
HALIGN = ("left", "center", "right", "distribute")
VALIGN = ("top", "center", "bottom", "distribute")
_KEY = re.compile(r"[^A-Za-z0-9_-]")


def css_key(key: Any) -> str | None:
    """A key as a class-name-safe suffix (``rr-key-<key>``, as Streamlit's ``st-key-<key>``)."""
    if key is None:
        return None
    if not isinstance(key, str | int) or isinstance(key, bool):
        raise APIError(f"container key must be a string or an int, not {key!r}.")
    return _KEY.sub("-", str(key))


@CONTAINER.function
def container(
    *,
    border: bool | None = None,
    key: str | int | None = None,
    width: Literal["stretch", "content"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: Literal["left", "center", "right", "distribute"] = "left",
    vertical_alignment: Literal["top", "center", "bottom", "distribute"] = "top",
    gap: Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"] | int
    | None = "small",
    autoscroll: bool | None = None,
) -> Container:
    """A block to draw into, now or later in the run. A fixed ``height`` scrolls (and has a
    border unless ``border=False``); ``horizontal=True`` lays its children out in a row."""
    if horizontal_alignment not in HALIGN:
        raise APIError(f"container: horizontal_alignment must be one of {', '.join(HALIGN)}, "
                       f"not {horizontal_alignment!r}.")
    if vertical_alignment not in VALIGN:
        raise APIError(f"container: vertical_alignment must be one of {', '.join(VALIGN)}, "
                       f"not {vertical_alignment!r}.")
    shown_height = _params.height("container", height)
    fixed = isinstance(shown_height, int)
    return open_block(
        CONTAINER,
        border=fixed if border is None else _params.flag("container", "border", border),
        key=css_key(key), width=_params.width("container", width), height=shown_height,
        horizontal=_params.flag("container", "horizontal", horizontal),
        wrap=_params.flag("container", "wrap", wrap), halign=horizontal_alignment,
        valign=vertical_alignment, gap=_params.gap("container", gap),
        autoscroll=False if autoscroll is None else _params.flag("container", "autoscroll",
                                                                 autoscroll),
    )


__all__ = ["CONTAINER", "container"]
