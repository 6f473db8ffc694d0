"""``rr.selectbox``: one option from a drop-down list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS, option_index, option_label
from ._choice import choose

T = TypeVar("T")

SELECTBOX = Element(
    "selectbox", (*WIDGET_FIELDS, "index", "options", "placeholder"),
    doc="`index` (option index or `null`), `options` (labels), `placeholder`",
    value_field="index", read=option_label, enter=option_index,
)


@SELECTBOX.function
def selectbox(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str = "Choose an option", disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> T | None:
    """One option from a drop-down list (``None`` when ``index=None`` and nothing is chosen)."""
    return choose(SELECTBOX, label, options, index, format_func, key, help, on_change, args,
                  kwargs, disabled, label_visibility, {"placeholder": placeholder})

__all__ = ["SELECTBOX", "selectbox"]
