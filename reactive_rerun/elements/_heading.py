"""What ``title``, ``header`` and ``subheader`` share: anchor, help, icon, divider, layout."""

from __future__ import annotations

import re
from typing import Any

from .. import _params
from .._text import plain
from ..context import current_run
from ..element import Element
from ..errors import APIError

HEADING_FIELDS = ("text", "anchor", "help", "icon", "divider", "width", "text_alignment", "wrap")
HEADING_DEFAULTS = {"help": None, "icon": None, "divider": None, "width": "stretch",
                    "text_alignment": "left", "wrap": True}  # what the wire leaves out
_CYCLE = ("blue", "green", "orange", "red", "violet")  # divider=True: Streamlit's order


def slug(text: str) -> str:
    """The anchor Streamlit makes from a heading's text: lower case, words joined by ``-``."""
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-") or "heading"


def anchor_of(where: str, body: str, anchor: Any) -> str | None:
    if anchor is False:
        return None
    if anchor is None:
        return slug(body)
    if not isinstance(anchor, str) or not anchor.strip():
        raise APIError(
            f"{where}: anchor must be a non-empty string, None or False, not {anchor!r}."
        )
    return anchor.strip()


def divider_of(where: str, divider: Any) -> str | None:
    if divider is None or divider is False:
        return None
    if divider is True:
        run = current_run()
        color = _CYCLE[run.dividers % len(_CYCLE)]
        run.dividers += 1
        return color
    color = "gray" if divider == "grey" else divider
    if color not in _params.DIVIDER_COLORS:
        raise APIError(
            f"{where}: divider must be True, False or one of "
            f"{', '.join(_params.DIVIDER_COLORS)}, not {divider!r}."
        )
    return str(color)


def heading_kind(name: str, what: str) -> Element:
    """The definition of one heading kind (title, header, subheader share fields and defaults)."""
    return Element(
        name, HEADING_FIELDS,
        doc=f"`text` as {what}; `anchor` (id or null), `help`, `icon`, "
            "`divider` (colour or null), `width`, `text_alignment`, `wrap`",
        defaults=HEADING_DEFAULTS,
    )


def heading(
    kind: Element, body: object, anchor: Any, *, help: Any, icon: Any, divider: Any,
    width: Any, text_alignment: Any, wrap: Any,
) -> None:
    where = kind.name
    text = plain(body)
    kind.draw(
        text=text, anchor=anchor_of(where, text, anchor), help=_params.text(where, "help", help),
        icon=_params.icon(where, icon), divider=divider_of(where, divider),
        width=_params.width(where, width), text_alignment=_params.alignment(where, text_alignment),
        wrap=_params.flag(where, "wrap", wrap),
    )


__all__ = [
    "HEADING_DEFAULTS", "HEADING_FIELDS", "anchor_of", "divider_of", "heading", "heading_kind",
    "slug",
]
