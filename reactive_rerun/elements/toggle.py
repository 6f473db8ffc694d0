"""``rr.toggle``: a boolean input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, boolean, show

TOGGLE = Element(
    "toggle", (*WIDGET_FIELDS, "value", "width", "wrap"), doc="`value` (bool), `width`, `wrap`",
    value_field="value",
)


@TOGGLE.function
def toggle(
    label: str, value: bool = False, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: Literal["content", "stretch"] | int = "content", wrap: bool | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> bool:
    """A switch: returns whether it is on."""
    return bool(show(
        TOGGLE, label, key=key, identity=(bool(value),), default=bool(value), decode=boolean,
        help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state, extra={
            "width": _params.width(f"toggle {label!r}", width),
            "wrap": _params.wrap(f"toggle {label!r}", wrap),
        },
    ))


__all__ = ["TOGGLE", "toggle"]
