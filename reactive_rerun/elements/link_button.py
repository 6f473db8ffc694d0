"""``rr.link_button``: a link styled as a button; it opens ``url`` in a new tab.

As in Streamlit 1.67, ``on_click="ignore"`` (the default) sends nothing to the server; with
``"rerun"`` or a callable the click also reaches the script (True in the run it causes).
``shortcut`` (e.g. ``"ctrl+k"``, ``"cmd+shift+l"``) clicks it from the keyboard.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, button_type, never, show

LINK_BUTTON = Element(
    "link_button",
    (*WIDGET_FIELDS, "kind", "url", "icon", "icon_position", "width", "rerun", "shortcut",
     "wrap"),
    doc="`kind`, `url`, `icon`, `icon_position` (`left`/`right`), `width` (`content`, "
        "`stretch` or px), `rerun` (send the click as a widget event), `shortcut`, `wrap`; "
        "clicked, never set",
    trigger=True,
)
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "./", "../", "#", "?")


@LINK_BUTTON.function
def link_button(
    label: str,
    url: str,
    *,
    key: str | int | None = None,
    on_click: Callback | Literal["rerun", "ignore"] = "ignore",
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    help: str | None = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | Literal["content", "stretch"] = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A link that looks like a button; True in the run its click causes (unless "ignore")."""
    target = str(url).strip()
    if not target.lower().startswith(SAFE_SCHEMES) and ":" in target.split("/", 1)[0]:
        raise APIError(f"link_button {label!r}: url must be http(s), mailto, tel or relative, "
                       f"not {url!r}")
    if on_click not in ("rerun", "ignore") and not callable(on_click):
        raise APIError(f"link_button {label!r}: on_click must be 'rerun', 'ignore' or a callable")
    if icon_position not in ("left", "right"):
        raise APIError(f"link_button {label!r}: icon_position must be 'left' or 'right'")
    callback = on_click if callable(on_click) and not isinstance(on_click, str) else None
    if callback is not None and inspect.isclass(callback):
        raise APIError(f"link_button {label!r}: on_click must be a function")
    shown_width = "stretch" if use_container_width else (
        "content" if use_container_width is False else _params.width("link_button", width))
    return bool(show(
        LINK_BUTTON, label, key=key, identity=(target, icon), default=False, decode=never,
        help=help, disabled=disabled, callback=callback, args=args, kwargs=kwargs,
        extra={
            "kind": button_type(label, type), "url": target, "icon": icon or None,
            "icon_position": icon_position, "width": shown_width,
            "rerun": on_click != "ignore", "shortcut": shortcut, "wrap": wrap,
        },
    ))


__all__ = ["LINK_BUTTON", "link_button"]
