"""``rr.text_area``: several lines of text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, show, string

TEXT_AREA = Element(
    "text_area",
    (*WIDGET_FIELDS, "value", "placeholder", "max_chars", "height", "required", "width"),
    doc="`value` (string), `placeholder`, `max_chars`, `height` (px or `null`), `required`, "
        "`width`",
    value_field="value",
)


@TEXT_AREA.function
def text_area(
    label: str, value: str = "", height: int | None = None, max_chars: int | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: Literal["stretch"] | int = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> str:
    """A multi-line text box; its value is sent on Ctrl+Enter or when it loses focus."""
    where = f"text_area {label!r}"
    return str(show(
        TEXT_AREA, label, key=key, identity=(value, max_chars, height, placeholder),
        default=value, help=help, disabled=disabled,
        decode=string(max_chars, required=_params.flag(where, "required", required), default=value),
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs, bind=bind, persist_state=persist_state,
        extra={
            "placeholder": placeholder, "max_chars": max_chars, "height": height,
            "required": required, "width": _params.width(where, width, content=False),
        },
    ))

__all__ = ["TEXT_AREA", "text_area"]
