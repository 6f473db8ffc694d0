"""``rr.json``: a value as a collapsible JSON tree (Streamlit 1.67's signature).

The value travels pretty-printed (``text``); the browser parses it and builds the tree from text
nodes, so nothing in the value becomes markup.
"""

from __future__ import annotations

import json as _json
from typing import Literal

from ..element import Element
from ..errors import APIError

JSON = Element(
    "json", ("text", "expanded", "width"),
    doc="`text` (pretty-printed JSON), `expanded` (bool, or the depth shown open), "
    "`width` (`stretch` or pixels)",
)


@JSON.function
def json(
    body: object, *, expanded: bool | int = True, width: Literal["stretch"] | int = "stretch"
) -> None:
    """Show ``body`` as a JSON tree; a string holding JSON is parsed first. ``expanded``: all
    open (True), all closed (False or 0), or open to that depth."""
    if isinstance(body, str | bytes):
        try:
            body = _json.loads(body)
        except ValueError:
            pass
    if not isinstance(expanded, bool):
        if not isinstance(expanded, int) or expanded < 0:
            raise APIError(f"json expanded must be True, False or a depth >= 0, not {expanded!r}")
        expanded = expanded or False
    if width != "stretch" and (
        not isinstance(width, int) or isinstance(width, bool) or width <= 0
    ):
        raise APIError(
            f"json width must be 'stretch' or a positive number of pixels, not {width!r}"
        )
    pretty = _json.dumps(body, indent=2, default=repr, ensure_ascii=False)
    JSON.draw(text=pretty, expanded=expanded, width=width)


__all__ = ["JSON", "json"]
