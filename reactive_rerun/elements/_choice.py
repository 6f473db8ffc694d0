"""What ``selectbox`` and ``radio`` share: one option of a list, sent as its index."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..bindings import Callback
from ..element import Element
from ..errors import APIError
from ..widget import index_of, labels, option_at, show

T = TypeVar("T")


def choose(
    kind: Element, label: str, options: Sequence[T], index: int | None,
    format_func: Callable[[Any], Any], key: str | int | None, help: str | None,
    on_change: Callback | None, args: Sequence[Any] | None, kwargs: dict[str, Any] | None,
    disabled: bool, label_visibility: str, extra: dict[str, Any],
) -> T | None:
    opts = list(options)
    names = labels(opts, format_func)
    if index is not None and not (isinstance(index, int) and 0 <= index < max(len(opts), 1)):
        raise APIError(f"{kind.name} {label!r}: index {index!r} is not a valid option index.")
    default = opts[index] if index is not None and opts else None
    value: T | None = show(
        kind, label, key=key, identity=(tuple(names), index), default=default,
        decode=option_at(opts), encode=index_of(opts), help=help,
        disabled=disabled,
        label_visibility=label_visibility, callback=on_change, args=args, kwargs=kwargs,
        extra={"options": names, **extra},
    )
    return value

__all__ = ["choose"]
