"""``rr.button``: True in the one run that reads each click."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, button_type, never, show

BUTTON = Element(
    "button", (*WIDGET_FIELDS, "kind", "wide"),
    doc="`kind` (`primary` / `secondary` / `tertiary`), `wide` (bool); clicked, never set",
    trigger=True,
)


@BUTTON.function
def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """True in exactly one run per click: the first run that reaches the button."""
    return bool(show(
        BUTTON, label, key=key, identity=(), default=False, decode=never, help=help,
        disabled=disabled, callback=on_click, args=args, kwargs=kwargs,
        extra={"kind": button_type(label, type), "wide": use_container_width},
    ))

__all__ = ["BUTTON", "button"]
