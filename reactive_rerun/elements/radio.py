"""``rr.radio``: one option from a list of radio buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, option_index, option_label
from ._choice import choose

T = TypeVar("T")

RADIO = Element(
    "radio", (*WIDGET_FIELDS, "index", "options", "horizontal"),
    doc="`index` (option index or `null`), `options` (labels), `horizontal` (bool)",
    value_field="index", read=option_label, enter=option_index,
)


@RADIO.function
def radio(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    horizontal: bool = False,
) -> T | None:
    """One option from a list of radio buttons."""
    return choose(RADIO, label, options, index, format_func, key, help, on_change, args,
                  kwargs, disabled, label_visibility, {"horizontal": horizontal})

__all__ = ["RADIO", "radio"]
