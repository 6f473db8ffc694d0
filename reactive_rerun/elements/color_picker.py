"""``rr.color_picker``: a colour, as a hex string."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, show

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORT = re.compile(r"^#[0-9a-fA-F]{3}$")

COLOR_PICKER = Element(
    "color_picker", (*WIDGET_FIELDS, "value", "width"), doc="`value` (`#rrggbb`), `width`",
    value_field="value",
)


def decode(wire: Any) -> str:
    if not isinstance(wire, str) or not HEX.match(wire):
        raise ValueError(f"expected a colour as #rrggbb, got {wire!r}")
    return wire


@COLOR_PICKER.function
def color_picker(
    label: str, value: str | None = None, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["content", "stretch"] = "content",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> str:
    """A colour as ``"#rrggbb"`` (``#rgb`` given as the value is widened); black by default."""
    start = "#000000" if value is None else value
    if isinstance(start, str) and SHORT.match(start):
        start = "#" + "".join(c * 2 for c in start[1:])
    if not isinstance(start, str) or not HEX.match(start):
        raise APIError(f"color_picker {label!r}: value {value!r} is not a hex colour like #1f77b4.")
    return str(show(
        COLOR_PICKER, label, key=key, identity=(start,), default=start, decode=decode,
        help=help, disabled=disabled, label_visibility=label_visibility, callback=on_change,
        args=args, kwargs=kwargs, bind=bind, persist_state=persist_state,
        extra={"width": _params.width(f"color_picker {label!r}", width)},
    ))

__all__ = ["COLOR_PICKER", "color_picker"]
