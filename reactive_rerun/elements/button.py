"""``rr.button``: True in the one run that reads each click."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import BUTTON_DEFAULTS, BUTTON_FIELDS, WIDGET_FIELDS, button_extra, never, show

BUTTON = Element(
    "button", (*WIDGET_FIELDS, *BUTTON_FIELDS),
    doc="`kind` (`primary` / `secondary` / `tertiary`), `wide` (bool), `icon`, `icon_position`, "
        "`width`, `shortcut` (keys, lower case), `wrap`; clicked, never set",
    trigger=True, defaults=BUTTON_DEFAULTS,
)

WHERE = "button"


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
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Literal["content", "stretch"] | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """True in exactly one run per click: the first run that reaches the button."""
    return bool(show(
        BUTTON, label, key=key, identity=(), default=False, decode=never, help=help,
        disabled=disabled, callback=on_click, args=args, kwargs=kwargs,
        extra=button_extra(
            label, type=type, icon=icon, icon_position=icon_position, width=width,
            use_container_width=use_container_width, shortcut=shortcut, wrap=wrap, where=WHERE,
        ),
    ))

__all__ = ["BUTTON", "button"]
