"""``rr.checkbox``: a boolean input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, boolean, show

CHECKBOX = Element("checkbox", (*WIDGET_FIELDS, "value"), doc="`value` (bool)", value_field="value")


@CHECKBOX.function
def checkbox(
    label: str, value: bool = False, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> bool:
    """A checkbox: returns whether it is on."""
    return bool(show(
        CHECKBOX, label, key=key, identity=(bool(value),), default=bool(value), decode=boolean,
        help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs, extra={},
    ))

__all__ = ["CHECKBOX", "checkbox"]
