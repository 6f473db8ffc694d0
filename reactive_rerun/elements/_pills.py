"""What ``pills`` and ``segmented_control`` share: options as buttons, one or many chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import _params
from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import index_of, labels, option_at, show


def read(props: dict[str, Any]) -> Any:
    value, options = props["value"], props["options"]
    if isinstance(value, list):
        return [options[i] for i in value]
    return None if value is None else options[value]


def enter(props: dict[str, Any], value: Any) -> Any:
    if props["multi"]:
        return [props["options"].index(v) for v in value]
    return None if value is None else props["options"].index(value)


FIELDS = ("value", "options", "multi", "required", "width", "wrap")
DOC = ("`value` (option index or `null`; a list of indices when `multi`), `options` (labels), "
       "`multi` (bool), `required` (bool), `width`, `wrap`")


def choose(
    kind: Element, label: str, options: Sequence[Any], selection_mode: str, default: Any,
    required: bool, format_func: Callable[[Any], Any] | None, key: str | int | None,
    help: str | None, on_change: Callback | None, args: Sequence[Any] | None,
    kwargs: dict[str, Any] | None, disabled: bool, label_visibility: str, *,
    width: Any = "content", wrap: Any = None, bind: Any = None, persist_state: Any = None,
) -> Any:
    name = kind.name
    if selection_mode not in ("single", "multi"):
        raise APIError(f"{name} {label!r}: selection_mode must be 'single' or 'multi', "
                       f"not {selection_mode!r}.")
    opts = list(options)
    names = labels(opts, format_func or str)
    one, position = option_at(opts), index_of(opts)
    multi = selection_mode == "multi"

    def decode(wire: Any) -> Any:
        if multi:
            if not isinstance(wire, list) or None in wire:
                raise ValueError("expected a list of option indices")
            if len(set(map(repr, wire))) != len(wire):
                raise ValueError("option indices must be distinct")
            if required and not wire:
                raise ValueError("at least one option is required")
            return [one(i) for i in wire]
        if wire is None and required:
            raise ValueError("an option is required")
        return one(wire)

    def encode(v: Any) -> Any:
        return [position(x) for x in v] if multi else position(v)

    if multi:
        start: Any = [] if default is None else (
            list(default) if isinstance(default, list | tuple | set) else [default])
    else:
        start = default
        if start is None and required and opts:
            start = opts[0]
    try:
        start = decode(encode(start))
    except ValueError as exc:
        raise APIError(f"{name} {label!r}: default {exc}") from None
    return show(
        kind, label, key=key, identity=(tuple(names), multi, repr(encode(start))), default=start,
        decode=decode, encode=encode, help=help, disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        bind=bind, persist_state=persist_state,
        extra={"options": names, "multi": multi, "required": bool(required),
               "width": _params.width(f"{name} {label!r}", width),
               "wrap": _params.wrap(f"{name} {label!r}", wrap)},
    )

__all__ = ["DOC", "FIELDS", "choose", "enter", "read"]
