"""``rr.multiselect``: any number of options from a searchable list, shown as chips."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, labels, show
from ._combo import enter_one, option_codec, placeholder, read_one
from ._extras import binding, filter_mode, width_px

T = TypeVar("T")


def _chosen(props: dict[str, Any]) -> list[Any]:
    return [read_one(props, v) for v in props["value"]]


def _indices(props: dict[str, Any], value: Any) -> list[Any]:
    return [enter_one(props, v) for v in value]


MULTISELECT = Element(
    "multiselect", (*WIDGET_FIELDS, "value", "options", "placeholder", "max", "accept_new",
                    "filter", "select_all", "wrap", "width"),
    doc="`value` (list of distinct option indices and new options' texts), `options` (labels), "
    "`placeholder`, `max` (max_selections or `null`), `accept_new` (bool), `filter` "
    "(filter_mode or `null`), `select_all` (the most selectable options a Select-all row is "
    "offered for, or `null`), `wrap` (bool or `null`), `width` (px or `null`)",
    value_field="value", read=_chosen, enter=_indices,
)


def _select_all(label: str, value: Any, options: int) -> int | None:
    if isinstance(value, bool):
        return options if value else None
    if not isinstance(value, int) or value < 0:
        raise APIError(f"multiselect {label!r}: select_all must be True, False or a "
                       f"non-negative int, not {value!r}.")
    return value or None


@MULTISELECT.function
def multiselect(
    label: str, options: Sequence[T], default: Any | None = None,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    max_selections: int | None = None, placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    accept_new_options: bool = False,
    filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
    select_all: bool | int = 1000, width: int | Literal["stretch"] = "stretch",
    wrap: bool | None = None, bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> list[Any]:
    """Any number of options (at most ``max_selections``), in the order they were chosen; with
    ``accept_new_options=True`` typed new options are in the list as strings."""
    return _multiselect(label, options, default, format_func, key, help, on_change, args,
                        kwargs, max_selections, placeholder, disabled, label_visibility,
                        accept_new_options, filter_mode, select_all, width, wrap, bind,
                        persist_state)


def _multiselect(
    label: str, options: Sequence[Any], default: Any, format_func: Callable[[Any], Any],
    key: str | int | None, help: str | None, on_change: Callback | None,
    args: Sequence[Any] | None, kwargs: dict[str, Any] | None, max_selections: int | None,
    given: str | None, disabled: bool, label_visibility: str, accept_new: bool, mode: Any,
    select_all: Any, width: Any, wrap: bool | None, bind: Any, persist_state: Any,
) -> list[Any]:
    name = "multiselect"
    opts = list(options)
    names = labels(opts, format_func)
    accept_new = bool(accept_new)
    if max_selections is not None and (isinstance(max_selections, bool)
                                       or not isinstance(max_selections, int)
                                       or max_selections < 1):
        raise APIError(f"{name} {label!r}: max_selections must be a positive int or None, "
                       f"not {max_selections!r}.")
    binding(name, label, bind, persist_state, key)
    if wrap is not None and not isinstance(wrap, bool):
        raise APIError(f"{name} {label!r}: wrap must be True, False or None, not {wrap!r}.")
    one, encode_one = option_codec(opts, names, accept_new)

    def decode(wire: Any) -> list[Any]:
        if not isinstance(wire, list):
            raise ValueError("expected a list of option indices")
        if max_selections is not None and len(wire) > max_selections:
            raise ValueError(f"at most {max_selections} options may be chosen")
        if None in wire:
            raise ValueError("option indices must be integers")
        chosen = [one(v) for v in wire]
        keys = [f"new:{w.casefold()}" if isinstance(w, str) else repr(w)
                for w in map(encode_one, chosen)]
        if len(set(keys)) != len(keys):
            raise ValueError("options must be distinct")
        return chosen

    def encode(value: Any) -> list[Any]:
        return [encode_one(v) for v in value]

    if default is None:
        start: list[Any] = []
    elif isinstance(default, list | tuple | set | frozenset) or (
            hasattr(default, "__iter__") and not isinstance(default, str | bytes | dict)):
        start = list(default)
    else:
        start = [default]  # a single value, as Streamlit takes it
    try:
        chosen = decode(encode(start))
    except ValueError as exc:
        raise APIError(f"{name} {label!r}: default {exc}") from None
    result: list[Any] = show(
        MULTISELECT, label, key=key,
        identity=(tuple(names), tuple(map(repr, encode(chosen))), max_selections, accept_new),
        default=chosen, decode=decode, encode=encode, help=help,
        disabled=disabled or (not opts and not accept_new),
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        extra={
            "options": names, "placeholder": placeholder(given, len(opts), accept_new, True),
            "max": max_selections, "accept_new": accept_new,
            "filter": filter_mode(name, label, mode, accept_new),
            "select_all": _select_all(label, select_all, len(opts)), "wrap": wrap,
            "width": width_px(name, label, width),
        },
    )
    return list(result)

__all__ = ["MULTISELECT", "multiselect"]
