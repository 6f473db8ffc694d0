"""``rr.selectbox``: one option from a searchable drop-down list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import WIDGET_FIELDS, labels, show
from ._combo import enter_one, option_codec, placeholder, read_one
from ._extras import binding, filter_mode, icon_text, width_px

T = TypeVar("T")


def _read(props: dict[str, Any]) -> Any:
    index = props["index"]
    return None if index is None else read_one(props, index)


def _enter(props: dict[str, Any], value: Any) -> Any:
    return None if value is None else enter_one(props, value)


SELECTBOX = Element(
    "selectbox", (*WIDGET_FIELDS, "index", "options", "placeholder", "accept_new", "filter",
                  "icon", "width"),
    doc="`index` (option index, a new option's text, or `null`), `options` (labels), "
    "`placeholder`, `accept_new` (bool), `filter` (filter_mode or `null`), `icon` (emoji or "
    "`null`), `width` (px or `null`)",
    value_field="index", read=_read, enter=_enter,
)


@SELECTBOX.function
def selectbox(
    label: str, options: Sequence[T], index: int | None = 0,
    format_func: Callable[[Any], Any] = str, key: str | int | None = None,
    help: str | None = None, on_change: Callback | None = None,
    args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    icon: str | None = None, accept_new_options: bool = False,
    filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
    width: int | Literal["stretch"] = "stretch", bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> T | str | None:
    """One option from a searchable list (``None`` when ``index=None`` and nothing is chosen;
    a typed string with ``accept_new_options=True``)."""
    chosen: T | str | None = _selectbox(
        label, options, index, format_func, key, help, on_change, args, kwargs, placeholder,
        disabled, required, label_visibility, icon, accept_new_options, filter_mode, width, bind,
        persist_state)
    return chosen


def _selectbox(
    label: str, options: Sequence[T], index: int | None, format_func: Callable[[Any], Any],
    key: str | int | None, help: str | None, on_change: Callback | None,
    args: Sequence[Any] | None, kwargs: dict[str, Any] | None, given: str | None,
    disabled: bool, required: bool, label_visibility: str, icon: str | None,
    accept_new: bool, mode: Any, width: Any, bind: Any, persist_state: Any,
) -> Any:
    name = "selectbox"
    opts = list(options)
    names = labels(opts, format_func)
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)
                              or not 0 <= index < max(len(opts), 1)):
        raise APIError(f"{name} {label!r}: index {index!r} is not a valid option index.")
    binding(name, label, bind, persist_state, key)
    accept_new = bool(accept_new)
    extra = {
        "options": names, "placeholder": placeholder(given, len(opts), accept_new, False),
        "accept_new": accept_new, "filter": filter_mode(name, label, mode, accept_new),
        "icon": icon_text(name, label, icon), "width": width_px(name, label, width),
    }
    decode_one, encode = option_codec(opts, names, accept_new)

    def decode(wire: Any) -> Any:
        if wire is None and required and index is not None:  # None is then never a value
            raise ValueError("an option is required")
        return decode_one(wire)

    default = opts[index] if index is not None and opts else None
    return show(
        SELECTBOX, label, key=key, identity=(tuple(names), index, accept_new), default=default,
        decode=decode, encode=encode, help=help,
        disabled=disabled or (not opts and not accept_new),
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        extra=extra,
    )

__all__ = ["SELECTBOX", "selectbox"]
