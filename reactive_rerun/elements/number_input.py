"""``rr.number_input``: a number typed or stepped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, Number, all_int, number, show
from ._extras import binding, icon_text, number_format, width_px

NUMBER_INPUT = Element(
    "number_input", (*WIDGET_FIELDS, "value", "min", "max", "step", "int", "placeholder",
                     "format", "icon", "width"),
    doc="`value` (number or `null`), `min`, `max`, `step`, `int` (bool), `placeholder`, "
    "`format` (printf style or `null`), `icon` (emoji or `null`), `width` (px or `null`)",
    value_field="value",
)


@NUMBER_INPUT.function
def number_input(
    label: str, min_value: Number | None = None, max_value: Number | None = None,
    value: Number | None | Literal["min"] = "min", step: Number | None = None,
    format: str | None = None, key: str | int | None = None, help: str | None = None,
    on_change: Callback | None = None, args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None, *, placeholder: str | None = None,
    disabled: bool = False, required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    icon: str | None = None, width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """An int widget when every number given is an int, else a float widget; ``format``
    (printf style, e.g. ``"%.2f"``, ``"$%.2f"``) changes only what the field shows."""
    shown = number_format("number_input", label, format, named=False)
    extras = {"format": shown, "icon": icon_text("number_input", label, icon),
              "width": width_px("number_input", label, width)}
    binding("number_input", label, bind, persist_state, key)
    if value == "min":
        value = min_value if min_value is not None else 0
    as_int = all_int(min_value, max_value, value, step)
    if step is None:
        step = 1 if as_int else 0.01
    decode = number(as_int, min_value, max_value)
    # As in Streamlit only a widget made with value=None is empty. The field never sends an empty
    # value (clearing it keeps the last one), so `required` needs no check of its own here.
    empty_allowed = value is None
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
               "placeholder": placeholder, **extras},
    )

__all__ = ["NUMBER_INPUT", "number_input"]
