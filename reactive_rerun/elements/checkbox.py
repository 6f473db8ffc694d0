"""``rr.checkbox``: a boolean input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, boolean, show

CHECKBOX = Element(
    "checkbox", (*WIDGET_FIELDS, "value", "width", "wrap"), doc="`value` (bool), `width`, `wrap`",
    value_field="value",
)


@CHECKBOX.function
def checkbox(
    label: str, value: bool = False, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: Literal["content", "stretch"] | int = "content", wrap: bool | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> bool:
    """A checkbox: returns whether it is on."""
    return bool(show(
        CHECKBOX, label, key=key, identity=(bool(value),), default=bool(value), decode=boolean,
        help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state, extra={
            "width": _params.width(f"checkbox {label!r}", width),
            "wrap": _params.wrap(f"checkbox {label!r}", wrap),
        },
    ))


__all__ = ["CHECKBOX", "checkbox"]
