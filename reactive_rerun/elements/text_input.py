"""``rr.text_input``: one line of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, show, string

TEXT_INPUT = Element(
    "text_input", (*WIDGET_FIELDS, "value", "placeholder", "max_chars", "password"),
    doc="`value` (string), `placeholder`, `max_chars`, `password` (bool)", value_field="value",
)


@TEXT_INPUT.function
def text_input(
    label: str, value: str = "", max_chars: int | None = None, key: str | int | None = None,
    type: Literal["default", "password"] = "default", help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> str:
    """A single-line text box; its value is sent on Enter or when it loses focus."""
    return str(show(
        TEXT_INPUT, label, key=key, identity=(value, max_chars, type, placeholder),
        default=value, decode=string(max_chars), help=help, disabled=disabled,
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"placeholder": placeholder, "max_chars": max_chars, "password": type == "password"},
    ))

__all__ = ["TEXT_INPUT", "text_input"]
