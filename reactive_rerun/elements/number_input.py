"""``rr.number_input``: a number typed or stepped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, Number, all_int, number, show

NUMBER_INPUT = Element(
    "number_input", (*WIDGET_FIELDS, "value", "min", "max", "step", "int", "placeholder"),
    doc="`value` (number or `null`), `min`, `max`, `step`, `int` (bool), `placeholder`",
    value_field="value",
)


@NUMBER_INPUT.function
def number_input(
    label: str, min_value: Number | None = None, max_value: Number | None = None,
    value: Number | None | Literal["min"] = "min", step: Number | None = None,
    key: str | int | None = None, help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> Any:
    """An int widget when every number given is an int, else a float widget."""
    if value == "min":
        value = min_value if min_value is not None else 0
    as_int = all_int(min_value, max_value, value, step)
    if step is None:
        step = 1 if as_int else 0.01
    decode = number(as_int, min_value, max_value)
    empty_allowed = value is None  # as in Streamlit: only a widget made with value=None is empty
    if value is not None:
        try:
            value = decode(value)
        except ValueError as exc:
            raise APIError(f"number_input {label!r}: the value {exc}") from None
    return show(
        NUMBER_INPUT, label, key=key, identity=(min_value, max_value, value, step),
        default=value, decode=lambda v: None if v is None and empty_allowed else decode(v),
        help=help,
        disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        extra={"min": min_value, "max": max_value, "step": step, "int": as_int,
               "placeholder": placeholder},
    )

__all__ = ["NUMBER_INPUT", "number_input"]
