"""``rr.menu_button``: a button that opens a list of actions; the chosen one is returned once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import BUTTON_FIELDS, WIDGET_FIELDS, button_extra, labels, option_at, show

T = TypeVar("T")

MENU_BUTTON = Element(
    "menu_button", (*WIDGET_FIELDS, *BUTTON_FIELDS, "options"),
    doc="as `button`, and `options` (labels); a choice is a click carrying the option's index",
    trigger=True, submits=True,
)


@MENU_BUTTON.function
def menu_button(
    label: str,
    options: Sequence[T],
    *,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callback | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: Literal["content", "stretch"] | int = "content",
    format_func: Callable[[Any], str] = str,
    wrap: bool | None = None,
) -> T | None:
    """A button with a menu of ``options``: the option the user picks, in the one run that
    reads the pick (like ``rr.button``'s click); ``None`` in every other run."""
    opts = list(options)
    if not opts:
        raise APIError(f"menu_button {label!r}: options must not be empty.")
    pick = option_at(opts)

    def decode(wire: Any) -> Any:
        if wire is None:
            raise ValueError("expected an option index")
        return pick(wire)

    extra = button_extra(
        label, type=type, icon=icon, icon_position="left", width=width,
        use_container_width=None, shortcut=None, wrap=wrap, where="menu_button",
    )
    value: T | None = show(
        MENU_BUTTON, label, key=key, identity=tuple(labels(opts, format_func)), default=None,
        decode=decode, help=help, disabled=disabled, callback=on_click, args=args, kwargs=kwargs,
        extra={**extra, "options": labels(opts, format_func)},
    )
    return value


__all__ = ["MENU_BUTTON", "menu_button"]
