"""``rr.select_slider``: one option, or a range of options, picked on a track."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, index_of, labels, option_at, show
from ._extras import binding, width_px


def _read(props: dict[str, Any]) -> Any:
    value, options = props["value"], props["options"]
    return tuple(options[i] for i in value) if isinstance(value, list) else options[value]


def _enter(props: dict[str, Any], value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [props["options"].index(v) for v in value]
    return props["options"].index(value)


SELECT_SLIDER = Element(
    "select_slider", (*WIDGET_FIELDS, "value", "options", "width"),
    doc="`value` (option index, or `[low, high]` indices), `options` (labels), `width` "
    "(px or `null`)",
    value_field="value", read=_read, enter=_enter,
)


@SELECT_SLIDER.function
def select_slider(
    label: str, options: Sequence[Any] = (), value: Any = None,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    disabled: bool = False, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch", bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """An option, or a ``(low, high)`` tuple of options when ``value`` is a pair."""
    px = width_px("select_slider", label, width)
    binding("select_slider", label, bind, persist_state, key)
    opts = list(options)
    if not opts:
        raise APIError(f"select_slider {label!r}: options must not be empty.")
    names = labels(opts, format_func)
    one, position = option_at(opts), index_of(opts)
    is_range = isinstance(value, list | tuple)

    def decode(wire: Any) -> Any:
        if not is_range:
            if wire is None:
                raise ValueError("expected an option index")
            return one(wire)
        if not isinstance(wire, list) or len(wire) != 2 or None in wire:
            raise ValueError("expected a pair of option indices [low, high]")
        a, b = one(wire[0]), one(wire[1])
        if wire[0] > wire[1]:
            raise ValueError(f"the range's low index {wire[0]} is above its high index {wire[1]}")
        return (a, b)

    def encode(v: Any) -> Any:
        return [position(x) for x in v] if is_range else position(v)

    if is_range and len(value) != 2:
        raise APIError(f"select_slider {label!r}: a range value is a pair (low, high).")
    start: Any = value if value is not None else opts[0]
    try:
        start = decode(encode(tuple(start) if is_range else start))
    except ValueError as exc:
        raise APIError(f"select_slider {label!r}: the value {exc}") from None
    return show(
        SELECT_SLIDER, label, key=key, identity=(tuple(names), repr(encode(start))),
        default=start, decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        extra={"options": names, "width": px},
    )

__all__ = ["SELECT_SLIDER", "select_slider"]
