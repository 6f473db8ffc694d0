"""``rr.multiselect``: any number of options from a list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, index_of, labels, option_at, show

T = TypeVar("T")


def _chosen(props: dict[str, Any]) -> list[Any]:
    return [props["options"][i] for i in props["value"]]


def _indices(props: dict[str, Any], value: Any) -> list[int]:
    return [props["options"].index(v) for v in value]


MULTISELECT = Element(
    "multiselect", (*WIDGET_FIELDS, "value", "options", "placeholder", "max"),
    doc="`value` (list of distinct option indices), `options` (labels), `placeholder`, "
    "`max` (max_selections or `null`)",
    value_field="value", read=_chosen, enter=_indices,
)


@MULTISELECT.function
def multiselect(
    label: str, options: Sequence[T], default: Sequence[T] | None = None,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    max_selections: int | None = None, placeholder: str = "Choose options",
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> list[T]:
    """Any number of options (at most ``max_selections``), in the order they were chosen."""
    opts = list(options)
    names = labels(opts, format_func)
    one = option_at(opts)
    position = index_of(opts)

    def decode(wire: Any) -> list[T]:
        if not isinstance(wire, list):
            raise ValueError("expected a list of option indices")
        if len(set(map(repr, wire))) != len(wire):
            raise ValueError("option indices must be distinct")
        if max_selections is not None and len(wire) > max_selections:
            raise ValueError(f"at most {max_selections} options may be chosen")
        if None in wire:
            raise ValueError("option indices must be integers")
        return [one(i) for i in wire]

    def encode(value: Any) -> list[int | None]:
        return [position(v) for v in value]

    try:
        chosen = decode(encode(list(default or [])))
    except ValueError as exc:
        raise APIError(f"multiselect {label!r}: default {exc}") from None
    result: list[T] = show(
        MULTISELECT, label, key=key, identity=(tuple(names), tuple(encode(chosen))),
        default=chosen, decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"options": names, "placeholder": placeholder, "max": max_selections},
    )
    return list(result)

__all__ = ["MULTISELECT", "multiselect"]
