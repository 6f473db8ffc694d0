"""``rr.slider``: a number, or a range, picked on a track."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, Number, all_int, number, show
from ._extras import binding, number_format, width_px


def _shown(props: dict[str, Any]) -> Any:
    value = props["value"]
    return tuple(value) if isinstance(value, list) else value


SLIDER = Element(
    "slider", (*WIDGET_FIELDS, "value", "min", "max", "step", "int", "format", "width"),
    doc="`value` (number, or `[low, high]`), `min`, `max`, `step`, `int` (bool), `format` "
    "(printf style or a named format, or `null`), `width` (px or `null`)",
    value_field="value", read=_shown,
)


@SLIDER.function
def slider(
    label: str, min_value: Number | None = None, max_value: Number | None = None,
    value: Number | tuple[Number, Number] | list[Number] | None = None,
    step: Number | None = None, format: str | None = None, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch", bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A number slider, or a range slider when ``value`` is a pair (returns a tuple); ``format``
    (printf style, e.g. ``"%.1f%%"``, or a name like ``"percent"``) changes only what is shown."""
    shown = number_format("slider", label, format, named=True)
    px = width_px("slider", label, width)
    binding("slider", label, bind, persist_state, key)
    is_range = isinstance(value, tuple | list)
    parts = tuple(value) if isinstance(value, tuple | list) else (value,)
    as_int = all_int(min_value, max_value, step, *parts)
    low = min_value if min_value is not None else (0 if as_int else 0.0)
    high = max_value if max_value is not None else (100 if as_int else 1.0)
    if step is None:
        step = 1 if as_int else 0.01
    one = number(as_int, low, high)

    def decode(wire: Any) -> Any:
        if not is_range:
            return one(wire)
        if not isinstance(wire, list | tuple) or len(wire) != 2:
            raise ValueError("expected a pair [low, high]")
        a, b = one(wire[0]), one(wire[1])
        if a > b:
            raise ValueError(f"the range's low end {a} is above its high end {b}")
        return (a, b)

    default: Any = (low, high) if is_range and len(parts) != 2 else None
    if default is None:
        default = low if value is None else value
    try:
        default = decode(list(default) if is_range else default)
    except ValueError as exc:
        raise APIError(f"slider {label!r}: the value {exc}") from None
    return show(
        SLIDER, label, key=key, identity=(low, high, default, step), default=default,
        decode=decode, encode=lambda v: list(v) if is_range else v, help=help, disabled=disabled,
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"min": low, "max": high, "step": step, "int": as_int, "format": shown,
               "width": px},
    )

__all__ = ["SLIDER", "slider"]
