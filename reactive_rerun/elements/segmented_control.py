"""``rr.segmented_control``: a row of joined buttons; one chosen, or several in multi mode."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..widget import WIDGET_FIELDS
from ._pills import DOC, FIELDS, choose, enter, read

SEGMENTED_CONTROL = Element(
    "segmented_control", (*WIDGET_FIELDS, *FIELDS), doc=DOC, value_field="value",
    read=read, enter=enter,
)


@SEGMENTED_CONTROL.function
def segmented_control(
    label: str, options: Sequence[Any], *, selection_mode: Literal["single", "multi"] = "single",
    default: Any = None, required: bool = False, format_func: Callable[[Any], Any] | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None,
    disabled: bool = False, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["content", "stretch"] = "content", wrap: bool | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """The chosen option (``None`` if none), or a list of options in multi mode."""
    return choose(
        SEGMENTED_CONTROL, label, options, selection_mode, default, required, format_func, key,
        help, on_change, args, kwargs, disabled, label_visibility,
        width=width, wrap=wrap, bind=bind, persist_state=persist_state,
    )

__all__ = ["SEGMENTED_CONTROL", "segmented_control"]
