"""``rr.text_area``: several lines of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, show, string

TEXT_AREA = Element(
    "text_area", (*WIDGET_FIELDS, "value", "placeholder", "max_chars", "height"),
    doc="`value` (string), `placeholder`, `max_chars`, `height` (px or `null`)",
    value_field="value",
)


@TEXT_AREA.function
def text_area(
    label: str, value: str = "", height: int | None = None, max_chars: int | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> str:
    """A multi-line text box; its value is sent on Ctrl+Enter or when it loses focus."""
    return str(show(
        TEXT_AREA, label, key=key, identity=(value, max_chars, height, placeholder),
        default=value, decode=string(max_chars), help=help, disabled=disabled,
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"placeholder": placeholder, "max_chars": max_chars, "height": height},
    ))

__all__ = ["TEXT_AREA", "text_area"]
